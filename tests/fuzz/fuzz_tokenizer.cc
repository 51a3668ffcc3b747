// Fuzzes the UTF-8 validator, the tokenizer and the sentence splitter (extract/utf8.h, tokenizer.h).
//
// Any bytes: FindInvalidUtf8 must find the first ill-formed byte (everything before it is valid). Text
// that is valid is tokenized, and the tokens and sentences must be ordered spans inside the text, with no
// sentence longer than 400 tokens; folding and case tests run on every token.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/tokenizer.h"
#include "extract/utf8.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t bad = eg::FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    Check(bad < size);
    Check(eg::FindInvalidUtf8(bytes.substr(0, bad)) == std::string_view::npos);
    return 0;
  }
  eg::Document doc;
  doc.text.assign(bytes);
  eg::Tokenize(&doc);
  uint32_t previous_end = 0;
  std::string folded;
  for (const eg::Token& token : doc.tokens) {
    Check(token.span.begin < token.span.end && token.span.end <= size);
    Check(token.span.begin >= previous_end);
    previous_end = token.span.end;
    folded.clear();
    eg::AppendFolded(doc.Text(token.span), &folded);
    eg::StartsUpper(doc.Text(token.span));
  }
  uint32_t next_token = 0;
  for (const eg::Sentence& sentence : doc.sentences) {
    Check(sentence.token_count > 0);
    Check(sentence.token_count <= 400);  // tokenizer.h: longer sentences are cut
    Check(sentence.first_token == next_token);
    next_token = sentence.first_token + sentence.token_count;
    Check(next_token <= doc.tokens.size());
    Check(sentence.span.begin == doc.tokens[sentence.first_token].span.begin);
    Check(sentence.span.end == doc.tokens[next_token - 1].span.end);
  }
  Check(next_token == doc.tokens.size());
  return 0;
}
