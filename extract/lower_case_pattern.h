// LowerCasePattern: a case-insensitive rule pattern rewritten to match lower-cased text instead.
//
// RE2 pays for "(?i)" at every compile: each letter becomes a class of its cases, and a rule's pattern
// costs about twice as much to parse and compile as without. Rules are compiled on first use, and their
// slot probes later (slot_probes.h): on a few megabytes of news, that is a sixth of the run. So a rule
// that ignores case runs, rewritten, over a copy of its sentence in which ASCII letters are lower-cased
// (SentenceView::lower_text(), same length, same offsets, markers lowered too), and RE2 compiles it
// without "(?i)":
//
//   - a literal ASCII letter is lower-cased: "Met" -> "met", "\x4D" -> "\x6d";
//   - a literal non-ASCII character keeps its case folding, in a group of its own: "é" -> "(?i:é)";
//   - a class gains the lower case of its capitals: "[A-Z]" -> "[A-Za-z]", "[^X]" -> "[^Xx]", and so a
//     mention marker's "[POGC]" (rule_pattern.h) matches the lowered marker "\x01p12\x02";
//   - everything else (escapes such as "\w", group syntax, names, repetitions) is copied.
//
// The rewritten pattern matches the lowered text exactly where "(?i)" + pattern matches the text, with one
// exception: "(?i)" also matches "s" and "k" to the two non-ASCII characters whose case folds to them,
// U+017F (long s) and U+212A (Kelvin sign); the rewritten pattern does not.
//
// Returns false, and the rule keeps "(?i)", for what it cannot rewrite with that certainty: a section
// that asks for case ("(?-i:...)"), a Unicode or POSIX class ("\pL", "[[:upper:]]"), a non-ASCII character
// in a class or in "\Q...\E", an escape or group syntax it does not know, unbalanced parentheses or an
// unclosed class. A pattern RE2 would refuse may be rewritten or not; either way RE2 refuses the result.
// Thread-safe; allocates only *lowered.
#ifndef EVENTGRAPH_EXTRACT_LOWER_CASE_PATTERN_H_
#define EVENTGRAPH_EXTRACT_LOWER_CASE_PATTERN_H_

#include <string>
#include <string_view>

namespace eg {

bool LowerCasePattern(std::string_view pattern, std::string* lowered);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_LOWER_CASE_PATTERN_H_
