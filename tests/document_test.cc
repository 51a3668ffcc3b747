// Tests for Document::Clear: a Document read into again holds nothing of the one before.
#include "extract/document.h"

#include <gtest/gtest.h>

#include <string>

namespace eg {
namespace {

TEST(DocumentTest, ClearEmptiesEveryFieldAndKeepsSmallBuffers) {
  Document doc;
  doc.id = "reuters-2013-0001-with-a-long-id";
  doc.source = "news.jsonl:12";
  doc.text = std::string(5000, 'a');
  doc.date = "2016-03-24";
  doc.title = "Kerry meets Lavrov in Moscow";
  doc.url = "https://example.org/kerry-lavrov";
  doc.tokens.resize(800);
  doc.sentences.resize(40);
  doc.mentions.resize(30);
  doc.events.resize(3);
  doc.events[0].date = "2016-03-24";
  const char* text_buffer = doc.text.data();
  const size_t token_capacity = doc.tokens.capacity();

  doc.Clear();
  EXPECT_TRUE(doc.id.empty() && doc.source.empty() && doc.text.empty() && doc.date.empty());
  EXPECT_TRUE(doc.title.empty() && doc.url.empty());
  EXPECT_TRUE(doc.tokens.empty() && doc.sentences.empty() && doc.mentions.empty() && doc.events.empty());
  EXPECT_EQ(doc.text.data(), text_buffer) << "the text's buffer is kept for the next document";
  EXPECT_EQ(doc.tokens.capacity(), token_capacity);
}

TEST(DocumentTest, ClearFreesBuffersPastTheBound) {
  Document doc;
  doc.text = std::string(Document::kKeptBytes + 1, 'a');
  doc.tokens.resize(Document::kKeptBytes / sizeof(Token) + 1);
  doc.Clear();
  EXPECT_TRUE(doc.text.empty());
  EXPECT_LT(doc.text.capacity(), 64u) << "a huge document's text is not kept for every one after it";
  EXPECT_EQ(doc.tokens.capacity(), 0u);
}

}  // namespace
}  // namespace eg
