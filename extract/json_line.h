// ReadJsonStringFields: the top-level string members of one JSON object, read with RapidJSON's SAX
// parser straight into their destinations.
//
// A JSON Lines document is {"id": ..., "text": ..., ...}, and DocumentReader wants a few of its string
// members and nothing else. Parsing the line into a rapidjson::Document allocated a value pool and a
// parsing stack (grown by realloc as each string passed through it) for every line, and copied every
// string twice; with several threads, on memory another thread had freed. Here each wanted string is
// copied once, into its destination, and the parser (one per thread) keeps its stack from line to line.
//
// Thread safety: may run on several threads at once, for different lines and fields.
#ifndef EVENTGRAPH_EXTRACT_JSON_LINE_H_
#define EVENTGRAPH_EXTRACT_JSON_LINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eg {

// A top-level member asked for, and what the line held under its name: the first member of that name
// counts, as rapidjson's FindMember finds it.
struct JsonStringField {
  enum class Found : uint8_t { kAbsent, kNull, kString, kOther };  // kOther: a number, bool, object, array

  std::string_view name;
  std::string* value = nullptr;  // assigned when the member is a string; left alone otherwise
  Found found = Found::kAbsent;
};

// Reads line, NUL-terminated with at least 15 readable bytes after the NUL (RapidJSON's SSE2 scan reads
// 16 aligned bytes at a time), into fields[0, count). Returns "" when the line is one JSON object, else
// why not: "not a JSON object: Missing a comma or '}' after an object member. at column 12", or "not a
// JSON object" for a valid value of another kind.
std::string ReadJsonStringFields(const char* line, JsonStringField* fields, size_t count);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_JSON_LINE_H_
