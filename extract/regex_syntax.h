// Small readers of RE2's pattern syntax, for the two places that read a rule's expanded pattern
// themselves: the prefilter's atom reader (atom_filter_reader.cc) and the slot probes' structure reader
// (slot_probes.cc). Each takes the pattern and a position and says where the construct there ends, the
// way RE2 reads it. None allocates; all are thread-safe.
#ifndef EVENTGRAPH_EXTRACT_REGEX_SYNTAX_H_
#define EVENTGRAPH_EXTRACT_REGEX_SYNTAX_H_

#include <cstddef>
#include <string_view>

namespace eg {

// Whether c is a hex digit, as in "\x01" and "\x{2019}".
inline bool IsRegexHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Whether c is ASCII punctuation, which RE2 reads escaped as itself: "\." "\-" "\\" "\{".
bool IsRegexEscapablePunctuation(char c);

// The hex escape whose digits start at pos, just after "\x": two digits, or one to eight in braces
// ("\x{2019}"). Its code point in *value and where it ends in *end; false for one RE2 refuses (a digit
// short, no closing brace, above U+10FFFF).
bool ReadRegexHexEscape(std::string_view pattern, size_t pos, char32_t* value, size_t* end);

// Where the flag letters ("i", "-s", "imsU") that start at i end.
size_t AfterRegexFlagLetters(std::string_view pattern, size_t i);

// Past the flags directives ("(?i)", "(?-s)", even "(?)") that start at pos. RE2 reads a directive as no
// element: a quantifier after one applies to the element before it ("G(?)?" is "G?").
size_t SkipRegexFlagsDirectives(std::string_view pattern, size_t pos);

// A counted repetition, "{n}", "{n,}" or "{n,m}".
struct RegexCount {
  size_t min = 0;
  size_t max = 0;          // = min for "{n}"
  bool unbounded = false;  // "{n,}"
  size_t end = 0;          // just past the "}"
};
enum class CountReading {
  kNotACount,  // RE2 reads the "{" as a literal character
  kCount,
  kTooLong,    // a number of more than 6 digits: RE2 refuses counts over 1000 anyway
};
// Reads the count whose "{" is at pos.
CountReading ReadRegexCount(std::string_view pattern, size_t pos, RegexCount* count);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_REGEX_SYNTAX_H_
