// The first stage: UTF-8 text -> tokens and sentences, with byte offsets into the text.
//
// Tokens are spans, never copies. The rules, in the order the tokenizer applies them:
//   - White space is Unicode White_Space (so U+00A0 no-break space separates words) plus zero-width
//     spaces and the byte-order mark.
//   - A word is a run of letters, combining marks and digits, with inner apostrophes (' or ’) kept
//     ("O'Brien"). A final "'s"/"’s" is split off as a kPossessive token ("Russia’s" -> "Russia", "’s"), as
//     is a lone apostrophe after a plural ("Martyrs’"). Hyphens split words ("USA-backed" -> "USA", "-",
//     "backed") and so do dashes. Dotted initialisms stay whole: "U.S.", "U.N.", "D.C.".
//   - A number is a run of digits with inner ",", "." or ":" between digits ("1,000", "3.5", "10:30"),
//     and trailing letters ("1st", "48th").
//   - Any other code point is one kPunctuation token.
//
// A sentence ends after ".", "!", "?" or "…" (and any closing quotes or brackets right after it) when the
// next token starts with a capital, a digit or an opening quote, unless the "." closes an abbreviation
// ("Mr.", "Jan.", an initial, "U.S."; "No." only before a number, as in "No. 10"). A blank line always ends a sentence; so does a single line break
// before a line that does not start with a lower-case letter, which keeps headlines and datelines apart
// from the paragraph after them while joining hard-wrapped lines. A sentence longer than 400 tokens is cut
// into pieces of 400, so that text without punctuation cannot make one huge sentence.
//
// Thread safety: the functions are pure and may run on many documents at once.
#ifndef EVENTGRAPH_EXTRACT_TOKENIZER_H_
#define EVENTGRAPH_EXTRACT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace eg {

// Fills doc->tokens and doc->sentences from doc->text, which must be valid UTF-8.
void Tokenize(Document* doc);

// Appends the tokens of text to *tokens (spans are offsets into text). Used for gazetteer aliases, so that
// names are split exactly as the documents that mention them.
void TokenizeText(std::string_view text, std::vector<Token>* tokens);

// Appends the case-folded form of token to *out: Unicode simple case folding, with ’ and ‘ read as '.
// Gazetteer lookups compare folded forms.
void AppendFolded(std::string_view token, std::string* out);

// True when token starts with an upper-case or title-case letter.
bool StartsUpper(std::string_view token);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_TOKENIZER_H_
