#include "extract/json_file.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/input_error.h"
#include "extract/utf8.h"

namespace eg {
namespace {

// A string stream the reader cannot copy. RapidJSON parses strings and numbers on a local copy of a
// rapidjson::StringStream and writes the position back only afterwards, so a handler reading Tell() would
// see the position before the value (and before the white space in front of it), not after it. Without
// a StreamTraits specialisation the reader works on this stream itself, so Tell() in a handler is always
// just after the token that started the value.
class TrackedStream {
 public:
  using Ch = char;
  explicit TrackedStream(const char* text) : stream_(text) {}
  Ch Peek() const { return stream_.Peek(); }
  Ch Take() { return stream_.Take(); }
  size_t Tell() const { return stream_.Tell(); }
  Ch* PutBegin() { return nullptr; }  // the stream is read-only: never used without kParseInsituFlag
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  rapidjson::StringStream stream_;
};

// SAX handler that walks the document, keeps the JSON pointer of the current value and records the stream
// position where the value at `target` begins.
class PointerLocator : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PointerLocator> {
 public:
  PointerLocator(std::string_view target, const TrackedStream* stream)
      : target_(target), stream_(stream) {}
  // Records the position of every value in *all instead of looking for one.
  PointerLocator(std::unordered_map<std::string, size_t>* all, const TrackedStream* stream)
      : stream_(stream), all_(all) {}

  size_t found() const { return found_; }

  bool Default() { return Begin() && End(); }
  bool StartObject() {
    if (!Begin()) return false;
    frames_.push_back({false, 0, {}});
    return true;
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    frames_.back().key.assign(str, length);
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    frames_.pop_back();
    return End();
  }
  bool StartArray() {
    if (!Begin()) return false;
    frames_.push_back({true, 0, {}});
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    frames_.pop_back();
    return End();
  }

 private:
  struct Frame {
    bool array;
    size_t index;
    std::string key;
  };

  std::string Path() const {
    std::string path;
    for (const Frame& frame : frames_) {
      path += '/';
      if (frame.array) {
        path += std::to_string(frame.index);
        continue;
      }
      for (char c : frame.key) {
        if (c == '~') path += "~0";
        else if (c == '/') path += "~1";
        else path += c;
      }
    }
    return path;
  }

  // Returns false (stopping the parse) once the target is found.
  bool Begin() {
    if (all_) {
      all_->emplace(Path(), stream_->Tell());
      return true;
    }
    if (Path() == target_) {
      found_ = stream_->Tell();
      return false;
    }
    return true;
  }
  bool End() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }

  std::string_view target_;
  const TrackedStream* stream_;
  std::vector<Frame> frames_;
  size_t found_ = std::string::npos;
  std::unordered_map<std::string, size_t>* all_ = nullptr;
};

// The offset a multi-line value starts on, given the position just after its first token.
size_t ValueStart(std::string_view text, size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\n' || text[pos - 1] == '\r' ||
                     text[pos - 1] == '\t')) {
    --pos;
  }
  return pos > 0 ? pos - 1 : 0;
}

// RapidJSON 1.1 mis-validates a member that matches "patternProperties" in an object whose
// "additionalProperties" is false: it checks the member's value against a stale schema, so every valid
// macro ({"MEET": "met"}) was rejected ("wrong type: expected object"). An additionalProperties schema that
// nothing satisfies, {"not": {}}, means the same and takes the code path that works: a member matching a
// pattern is checked against the pattern's schema only, any other member fails with the keyword "not".
void WorkAroundPatternPropertiesBug(rapidjson::Value* schema, rapidjson::Document::AllocatorType& allocator) {
  if (schema->IsArray()) {
    for (auto& item : schema->GetArray()) WorkAroundPatternPropertiesBug(&item, allocator);
    return;
  }
  if (!schema->IsObject()) return;
  for (auto& member : schema->GetObject()) WorkAroundPatternPropertiesBug(&member.value, allocator);
  auto additional = schema->FindMember("additionalProperties");
  if (additional != schema->MemberEnd() && additional->value.IsFalse() && schema->HasMember("patternProperties")) {
    rapidjson::Value never(rapidjson::kObjectType);
    never.AddMember("not", rapidjson::Value(rapidjson::kObjectType), allocator);
    additional->value = never;
  }
}

// RapidJSON's regular expressions cost ~4,500 instructions per value: for the half million ids of a
// 1M-alias gazetteer, a sixth of its loading. A subschema marked "x-pattern-checked-by-loader" (an
// extension keyword: other validators ignore it and check the pattern) has its "pattern" left to the
// loader, which checks it with plain code after the schema.
void LeavePatternsToLoaders(rapidjson::Value* schema) {
  if (schema->IsArray()) {
    for (auto& item : schema->GetArray()) LeavePatternsToLoaders(&item);
    return;
  }
  if (!schema->IsObject()) return;
  for (auto& member : schema->GetObject()) LeavePatternsToLoaders(&member.value);
  auto marked = schema->FindMember("x-pattern-checked-by-loader");
  if (marked != schema->MemberEnd() && marked->value.IsTrue()) schema->RemoveMember("pattern");
}

const rapidjson::SchemaDocument& SchemaFor(std::string_view schema_path) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<rapidjson::SchemaDocument>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(std::string(schema_path));
  if (it != cache.end()) return *it->second;
  std::string_view text = FindEmbeddedFile(schema_path);
  if (text.empty()) throw std::logic_error("no embedded schema " + std::string(schema_path));
  rapidjson::Document schema;
  schema.Parse(text.data(), text.size());
  if (schema.HasParseError()) throw std::logic_error("embedded schema does not parse: " + std::string(schema_path));
  WorkAroundPatternPropertiesBug(&schema, schema.GetAllocator());
  LeavePatternsToLoaders(&schema);
  auto doc = std::make_unique<rapidjson::SchemaDocument>(schema);
  const rapidjson::SchemaDocument& ref = *doc;
  cache.emplace(std::string(schema_path), std::move(doc));
  return ref;
}

std::string Stringify(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return buffer.GetString();
}

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Explains a schema violation in words. RapidJSON 1.1 reports only the keyword and the two pointers, so
// for the common keywords we look at the schema and the value ourselves.
void ThrowSchemaError(std::string_view text, const std::string& file, const rapidjson::Document& doc,
                      const rapidjson::Document& schema, const rapidjson::SchemaValidator& validator) {
  const std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string where = Stringify(validator.GetInvalidDocumentPointer());
  const rapidjson::Value* value = validator.GetInvalidDocumentPointer().Get(doc);
  const rapidjson::Value* subschema = validator.GetInvalidSchemaPointer().Get(schema);
  std::string message;
  if (keyword == "additionalProperties" && subschema && subschema->IsObject() &&
      subschema->HasMember("properties")) {
    const rapidjson::Value& known = (*subschema)["properties"];
    std::string names;
    for (auto& k : known.GetObject()) names += std::string(names.empty() ? "" : ", ") + k.name.GetString();
    auto is_known = [&](std::string_view name) {
      for (auto& k : known.GetObject()) {
        if (name == std::string_view(k.name.GetString(), k.name.GetStringLength())) return true;
      }
      return false;
    };
    // RapidJSON 1.1 reports the unknown member itself (the pointer ends with its name); look for it in the
    // object only when the pointer names the object.
    const rapidjson::Pointer pointer = validator.GetInvalidDocumentPointer();
    const size_t tokens = pointer.GetTokenCount();
    const rapidjson::Value* parent =
        tokens > 0 ? rapidjson::Pointer(pointer.GetTokens(), tokens - 1).Get(doc) : nullptr;
    const std::string_view last =
        tokens > 0 ? std::string_view(pointer.GetTokens()[tokens - 1].name, pointer.GetTokens()[tokens - 1].length)
                   : std::string_view();
    if (parent && parent->IsObject() && !is_known(last) &&
        parent->HasMember(rapidjson::Value(rapidjson::StringRef(last.data(), last.size())))) {
      message = "unknown field (known fields: " + names + ")";
    } else if (value && value->IsObject()) {
      for (auto& member : value->GetObject()) {
        if (!is_known(std::string_view(member.name.GetString(), member.name.GetStringLength()))) {
          where += "/" + EscapePointerToken(member.name.GetString());
          message = "unknown field (known fields: " + names + ")";
          break;
        }
      }
    }
  } else if (keyword == "not" && subschema && subschema->IsBool()) {
    // "additionalProperties": false next to "patternProperties" (see SchemaFor): a name the patterns reject.
    message = "unknown field";
    const rapidjson::Pointer schema_pointer = validator.GetInvalidSchemaPointer();
    const size_t count = schema_pointer.GetTokenCount();
    const rapidjson::Value* owner =
        count > 0 ? rapidjson::Pointer(schema_pointer.GetTokens(), count - 1).Get(schema) : nullptr;
    if (owner && owner->IsObject() && owner->HasMember("patternProperties")) {
      for (auto& p : (*owner)["patternProperties"].GetObject()) {
        message += std::string(" (names must match ") + p.name.GetString() + ")";
        break;
      }
    }
  } else if (keyword == "required" && value && value->IsObject() && subschema &&
             subschema->HasMember("required")) {
    for (auto& name : (*subschema)["required"].GetArray()) {
      if (!value->HasMember(name)) {
        message = "missing required field \"" + std::string(name.GetString()) + "\"";
        break;
      }
    }
  } else if (keyword == "type" && subschema && subschema->HasMember("type")) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    (*subschema)["type"].Accept(writer);
    message = std::string("wrong type: expected ") + buffer.GetString();
  } else if (keyword == "pattern" && subschema && subschema->HasMember("pattern")) {
    message = std::string("value does not match the pattern ") + (*subschema)["pattern"].GetString();
  } else if (keyword == "enum" && subschema && subschema->HasMember("enum")) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    (*subschema)["enum"].Accept(writer);
    message = std::string("value is not one of ") + buffer.GetString();
  } else if (keyword == "oneOf") {
    // The alias form: a non-empty string or an object; "" fails both without saying why.
    message = value && value->IsString() && value->GetStringLength() == 0
                  ? "value is too short (empty?)"
                  : "value matches none of the allowed forms";
  } else if (keyword == "minLength") {
    message = "value is too short (empty?)";
  } else if (keyword == "minItems") {
    message = "too few items";
  }
  if (message.empty()) message = "violates the schema keyword \"" + keyword + "\"";
  if (subschema && subschema->IsObject() && subschema->HasMember("description") &&
      keyword != "additionalProperties") {
    message += std::string(" (") + (*subschema)["description"].GetString() + ")";
  }
  throw InputError(file, LineOfPointer(text, where), where.empty() ? "/" : where, message);
}

// The JSON pointer of the first string (member name or value) under value whose escapes decode to
// invalid UTF-8, or nullopt. The raw bytes are checked before parsing; this catches what only the parse
// produces: RapidJSON 1.1 rejects a lone high surrogate ("\ud800") but decodes a lone low one ("\udc00")
// into the bytes ED B0 80, which no UTF-8 reader accepts.
std::optional<std::string> FindInvalidUtf8String(const rapidjson::Value& value, const std::string& pointer) {
  auto invalid = [](const rapidjson::Value& string) {
    return FindInvalidUtf8(std::string_view(string.GetString(), string.GetStringLength())) != std::string_view::npos;
  };
  if (value.IsString()) {
    if (invalid(value)) return pointer;
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (auto found = FindInvalidUtf8String(value[i], pointer + "/" + std::to_string(i))) return found;
    }
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      if (invalid(member.name)) return pointer.empty() ? std::string("/") : pointer;
      const std::string_view name(member.name.GetString(), member.name.GetStringLength());
      if (auto found = FindInvalidUtf8String(member.value, pointer + "/" + EscapePointerToken(name))) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

bool MayHoldSurrogateEscape(std::string_view text) {
  for (size_t at = text.find("\\u"); at != std::string_view::npos; at = text.find("\\u", at + 2)) {
    if (at + 3 < text.size() && (text[at + 2] == 'd' || text[at + 2] == 'D') &&
        std::strchr("89abcdefABCDEF", text[at + 3]) != nullptr && text[at + 3] != '\0') {
      return true;
    }
  }
  return false;
}

size_t LineOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

size_t LineOfPointer(std::string_view text, std::string_view json_pointer) {
  std::string copy(text);  // StringStream needs a NUL-terminated buffer
  TrackedStream stream(copy.c_str());
  PointerLocator locator(json_pointer, &stream);
  rapidjson::Reader reader;
  reader.Parse(stream, locator);
  if (locator.found() == std::string::npos) return 0;
  return LineOfOffset(text, ValueStart(text, locator.found()));
}

size_t JsonLineIndex::Line(std::string_view json_pointer) {
  if (!built_) {
    std::unordered_map<std::string, size_t> positions;
    std::string copy(text_);
    TrackedStream stream(copy.c_str());
    PointerLocator locator(&positions, &stream);
    rapidjson::Reader reader;
    reader.Parse(stream, locator);
    std::vector<size_t> newlines;  // offsets of '\n', to turn offsets into lines by binary search
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') newlines.push_back(i);
    }
    for (auto& [pointer, pos] : positions) {
      size_t start = ValueStart(text_, pos);
      lines_.emplace(pointer, 1 + (std::lower_bound(newlines.begin(), newlines.end(), start) - newlines.begin()));
    }
    built_ = true;
  }
  auto it = lines_.find(std::string(json_pointer));
  return it == lines_.end() ? 0 : it->second;
}

rapidjson::Document ParseJsonFile(std::string_view text, const std::string& file,
                                  std::string_view schema_path) {
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    throw InputError(file, LineOfOffset(text, bad), "", "invalid UTF-8 at byte " + std::to_string(bad));
  }
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    throw InputError(file, LineOfOffset(text, doc.GetErrorOffset()), "",
                     std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (MayHoldSurrogateEscape(text)) {
    if (auto where = FindInvalidUtf8String(doc, "")) {
      throw InputError(file, LineOfPointer(text, *where), where->empty() ? "/" : *where,
                       "a \\u escape decodes to invalid UTF-8 (a lone surrogate?)");
    }
  }
  if (schema_path.empty()) return doc;
  const rapidjson::SchemaDocument& schema = SchemaFor(schema_path);
  rapidjson::SchemaValidator validator(schema);
  if (!doc.Accept(validator)) {
    rapidjson::Document schema_json;
    std::string_view schema_text = FindEmbeddedFile(schema_path);
    schema_json.Parse(schema_text.data(), schema_text.size());
    ThrowSchemaError(text, file, doc, schema_json, validator);
  }
  return doc;
}

std::string ReadFileOrThrow(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno));
  // A regular file is read with one read() into a buffer of its size: a 60 MB gazetteer is not grown and
  // copied through a stream. Whatever the size said, the stream then reads any rest (a file that grew).
  std::string text;
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error)) {
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > 0) {
      text.resize(static_cast<size_t>(size));
      in.read(text.data(), static_cast<std::streamsize>(size));
      text.resize(static_cast<size_t>(in.gcount()));
    }
  }
  if (in.good()) {
    std::ostringstream rest;
    rest << in.rdbuf();
    text += std::move(rest).str();
  }
  if (in.bad()) throw InputError(path, 0, "", std::string("cannot read: ") + std::strerror(errno));
  return text;
}

}  // namespace eg
