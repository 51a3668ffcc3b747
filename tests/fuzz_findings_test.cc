// Inputs the fuzz targets (tests/fuzz) found, kept as tests. A DISABLED_ test is a bug found in a file
// outside this work's reach, left to its owner; it is described where it is defined.
#include <gtest/gtest.h>

#include <string>

#include "extract/document.h"
#include "extract/tokenizer.h"

namespace {

eg::Document Tokenized(const std::string& text) {
  eg::Document doc;
  doc.text = text;
  eg::Tokenize(&doc);
  return doc;
}

TEST(FuzzFindingsTest, LongRunsOfOtherPunctuationAreCutAt400Tokens) {
  const eg::Document doc = Tokenized(std::string(500, ','));
  ASSERT_EQ(doc.tokens.size(), 500u);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].token_count, 400u);
}

// fuzz_tokenizer found this (input "'" followed by 440 "!"): a run of sentence ends (".", "!", "?", "…")
// was taken whole, however long, against the 400-token cut tokenizer.h promises.
TEST(FuzzFindingsTest, ARunOfSentenceEndsIsCutAt400Tokens) {
  for (const std::string& text : {"'" + std::string(440, '!') + " ", "Kerry spoke " + std::string(500, '.'),
                                 std::string(500, '?')}) {
    const eg::Document doc = Tokenized(text);
    for (const eg::Sentence& sentence : doc.sentences) EXPECT_LE(sentence.token_count, 400u) << text.substr(0, 20);
  }
}

}  // namespace
