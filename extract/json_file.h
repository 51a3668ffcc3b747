// Reading JSON input files (gazetteers, rule packs) with messages that point at the line.
//
// ParseJsonFile parses a whole file, checks it against one of the embedded JSON Schemas (schemas/*.json)
// and throws InputError naming the file, the line and the field (as a JSON pointer) of the first problem:
//
//   my_rules.json:7: /rules/0/cameo: value does not match the pattern ^[0-2][0-9]{1,3}$
//   my_rules.json:9: /rules/1/patern: unknown field
//
// A subschema marked "x-pattern-checked-by-loader": true has its "pattern" checked by the loader that reads
// the value (RapidJSON's regex engine is too slow for the ids of a large gazetteer), not here.
//
// LineOfPointer lets later checks (a bad regex, a duplicate id) point at the line of a value, too.
#ifndef EVENTGRAPH_EXTRACT_JSON_FILE_H_
#define EVENTGRAPH_EXTRACT_JSON_FILE_H_

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace eg {

// Parses text (named file in messages) and validates it against the embedded schema at schema_path
// ("schemas/rules.schema.json"; empty: no schema check). Throws InputError on invalid UTF-8, a syntax error
// or a schema violation.
rapidjson::Document ParseJsonFile(std::string_view text, const std::string& file,
                                  std::string_view schema_path);

// The 1-based line of the value at json_pointer ("/rules/3/pattern") in text, or 0 when it is not there.
size_t LineOfPointer(std::string_view text, std::string_view json_pointer);

// The lines of every value of one JSON text, found in a single pass: for a loader that needs the line of
// many values (each rule's line, for messages and test reports), where LineOfPointer per value would read
// the text once per value. The text must outlive the index.
class JsonLineIndex {
 public:
  explicit JsonLineIndex(std::string_view text) : text_(text) {}
  // As LineOfPointer. The first call indexes the whole text.
  size_t Line(std::string_view json_pointer);

 private:
  std::string_view text_;
  bool built_ = false;
  std::unordered_map<std::string, size_t> lines_;
};

// True when JSON text may hold a \u escape of a UTF-16 surrogate ("\uD800" to "\uDFFF", any case): the
// only escapes that can decode to invalid UTF-8 (RapidJSON decodes a lone low surrogate without a word).
// Text valid as UTF-8 without one decodes to valid UTF-8.
bool MayHoldSurrogateEscape(std::string_view text);

// The 1-based line that byte offset falls on.
size_t LineOfOffset(std::string_view text, size_t offset);

// Reads a whole file into a string. Throws InputError when it cannot be read.
std::string ReadFileOrThrow(const std::string& path);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_JSON_FILE_H_
