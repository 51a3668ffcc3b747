// RapidJSON's SSE2 scan of strings and spaces (16 bytes a step) for the parse of a whole line: it halves
// the cost of reading JSON Lines. Defined for this file alone, whose reader instantiations no other file
// shares (json_file.cc reads through a stream of its own).
#define RAPIDJSON_SSE2
#include "extract/json_line.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <memory>

namespace eg {
namespace {

// The SAX handler: follows the depth, and takes the value of a wanted member at depth 1.
class FieldHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, FieldHandler> {
 public:
  FieldHandler(JsonStringField* fields, size_t count) : fields_(fields), count_(count) {}

  bool object() const { return object_; }

  bool Key(const char* name, rapidjson::SizeType length, bool) {
    if (depth_ != 1) return true;
    wanted_ = nullptr;
    const std::string_view key(name, length);
    for (size_t i = 0; i < count_; ++i) {
      if (fields_[i].name == key && fields_[i].found == JsonStringField::Found::kAbsent) wanted_ = &fields_[i];
    }
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (JsonStringField* field = Take(JsonStringField::Found::kString)) field->value->assign(text, length);
    return true;
  }
  bool Null() {
    Take(JsonStringField::Found::kNull);
    return true;
  }
  bool Default() {  // every other scalar
    Take(JsonStringField::Found::kOther);
    return true;
  }
  bool StartObject() {
    if (depth_ == 0) object_ = true;
    return Open();
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

 private:
  // An object or array opens: as a member's value, it is not a string.
  bool Open() {
    Take(JsonStringField::Found::kOther);
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  // The wanted field whose value this is (a value at depth 1, after its key), marked found; else null.
  JsonStringField* Take(JsonStringField::Found found) {
    if (depth_ != 1 || wanted_ == nullptr) return nullptr;
    JsonStringField* field = wanted_;
    wanted_ = nullptr;
    field->found = found;
    return field;
  }

  JsonStringField* const fields_;
  const size_t count_;
  JsonStringField* wanted_ = nullptr;
  int depth_ = 0;
  bool object_ = false;
};

// Past this, a thread's parser is made anew after the line, rather than keep a stack that large.
constexpr size_t kKeptLineBytes = size_t{1} << 20;

}  // namespace

std::string ReadJsonStringFields(const char* line, JsonStringField* fields, size_t count) {
  thread_local std::unique_ptr<rapidjson::Reader> reader;
  if (!reader) reader = std::make_unique<rapidjson::Reader>();
  FieldHandler handler(fields, count);
  rapidjson::StringStream stream(line);
  const rapidjson::ParseResult result = reader->Parse(stream, handler);
  if (stream.Tell() > kKeptLineBytes) reader.reset();
  if (result.IsError()) {
    return std::string("not a JSON object: ") + rapidjson::GetParseError_En(result.Code()) + " at column " +
           std::to_string(result.Offset() + 1);
  }
  if (!handler.object()) return "not a JSON object";
  return "";
}

}  // namespace eg
