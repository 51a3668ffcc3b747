#include "extract/json_file.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/input_error.h"
#include "extract/utf8.h"

namespace eg {
namespace {

// SAX handler that walks the document, keeps the JSON pointer of the current value and records the stream
// position where the value at `target` begins.
class PointerLocator : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PointerLocator> {
 public:
  PointerLocator(std::string_view target, const rapidjson::StringStream* stream)
      : target_(target), stream_(stream) {}

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
  const rapidjson::StringStream* stream_;
  std::vector<Frame> frames_;
  size_t found_ = std::string::npos;
};

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
  if (keyword == "additionalProperties" && value && value->IsObject() && subschema &&
      subschema->IsObject() && subschema->HasMember("properties")) {
    const rapidjson::Value& known = (*subschema)["properties"];
    for (auto& member : value->GetObject()) {
      if (!known.HasMember(member.name)) {
        where += "/" + EscapePointerToken(member.name.GetString());
        message = "unknown field";
        std::string names;
        for (auto& k : known.GetObject()) names += std::string(names.empty() ? "" : ", ") + k.name.GetString();
        message += " (known fields: " + names + ")";
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

}  // namespace

size_t LineOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

size_t LineOfPointer(std::string_view text, std::string_view json_pointer) {
  std::string copy(text);  // StringStream needs a NUL-terminated buffer
  rapidjson::StringStream stream(copy.c_str());
  PointerLocator locator(json_pointer, &stream);
  rapidjson::Reader reader;
  reader.Parse(stream, locator);
  if (locator.found() == std::string::npos) return 0;
  // The position is just after the value's first token; step back over it so a multi-line value reports
  // the line it starts on.
  size_t pos = locator.found();
  while (pos > 0 && (copy[pos - 1] == ' ' || copy[pos - 1] == '\n' || copy[pos - 1] == '\r' ||
                     copy[pos - 1] == '\t')) {
    --pos;
  }
  return LineOfOffset(text, pos > 0 ? pos - 1 : 0);
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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(path, 0, "", std::string("cannot read: ") + std::strerror(errno));
  return std::move(buffer).str();
}

}  // namespace eg
