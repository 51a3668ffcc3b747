// Tests for extract/tokenizer: tokens with byte offsets, token kinds, and sentence splitting.
#include "extract/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace eg {
namespace {

Document Tokenized(std::string text) {
  Document doc;
  doc.text = std::move(text);
  Tokenize(&doc);
  return doc;
}

std::vector<std::string> TokenTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& token : doc.tokens) out.emplace_back(doc.Text(token.span));
  return out;
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& sentence : doc.sentences) out.emplace_back(doc.Text(sentence.span));
  return out;
}

std::vector<std::string> Tokens(std::string text) { return TokenTexts(Tokenized(std::move(text))); }

std::vector<std::string> Sentences(std::string text) { return SentenceTexts(Tokenized(std::move(text))); }

using Strings = std::vector<std::string>;

TEST(TokenizerTest, TokensCarryByteOffsets) {
  // "Çavuşoğlu" is 12 bytes: Ç, ş and ğ take two bytes each.
  Document doc = Tokenized("Çavuşoğlu met  Kerry.");
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[0].span, (Span{0, 12}));
  EXPECT_EQ(doc.tokens[1].span, (Span{13, 16}));
  EXPECT_EQ(doc.tokens[2].span, (Span{18, 23}));
  EXPECT_EQ(doc.tokens[3].span, (Span{23, 24}));
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kPunctuation);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].span, (Span{0, 24}));
  EXPECT_EQ(doc.sentences[0].first_token, 0u);
  EXPECT_EQ(doc.sentences[0].token_count, 4u);
}

TEST(TokenizerTest, LeadingAndTrailingSpaceIsOutsideTheSentence) {
  Document doc = Tokenized("  Kerry left.\n");
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].span, (Span{2, 13}));
}

TEST(TokenizerTest, DottedInitialismDoesNotEndTheSentence) {
  const std::string text =
      "U.S. Secretary of State John Kerry said in Moscow on Thursday a fragile partial truce…";
  Document doc = Tokenized(text);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.Text(doc.sentences[0].span), text);
  ASSERT_FALSE(doc.tokens.empty());
  EXPECT_EQ(doc.Text(doc.tokens[0].span), "U.S.");
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(doc.Text(doc.tokens.back().span), "…");
  EXPECT_EQ(doc.tokens.back().kind, TokenKind::kPunctuation);
}

TEST(TokenizerTest, OtherInitialismsStayWhole) {
  EXPECT_EQ(Tokens("the U.N. in Washington, D.C. today"),
            (Strings{"the", "U.N.", "in", "Washington", ",", "D.C.", "today"}));
}

TEST(TokenizerTest, AbbreviationsDoNotEndTheSentence) {
  EXPECT_EQ(Sentences("Kerry met Mr. Lavrov on Jan. 1 in Geneva."),
            (Strings{"Kerry met Mr. Lavrov on Jan. 1 in Geneva."}));
  EXPECT_EQ(Sentences("President John F. Kennedy met Nikita Khrushchev in Vienna in 1961."),
            (Strings{"President John F. Kennedy met Nikita Khrushchev in Vienna in 1961."}));
  EXPECT_EQ(Tokens("Mr. Lavrov"), (Strings{"Mr", ".", "Lavrov"}));
}

TEST(TokenizerTest, NoIsAnAbbreviationOnlyBeforeANumber) {
  EXPECT_EQ(Sentences("Kerry met Lavrov at No. 10 Downing Street."),
            (Strings{"Kerry met Lavrov at No. 10 Downing Street."}));
  EXPECT_EQ(Sentences("Russia said no. The talks ended."), (Strings{"Russia said no.", "The talks ended."}));
  EXPECT_EQ(Sentences("The answer was No. Kerry left."), (Strings{"The answer was No.", "Kerry left."}));
}

TEST(TokenizerTest, PeriodBeforeCapitalEndsTheSentence) {
  EXPECT_EQ(Sentences("He left. Then the talks resumed…"), (Strings{"He left.", "Then the talks resumed…"}));
  EXPECT_EQ(Sentences("Talks ended in 2016. 300 people attended."),
            (Strings{"Talks ended in 2016.", "300 people attended."}));
}

TEST(TokenizerTest, PeriodBeforeLowerCaseDoesNotEndTheSentence) {
  EXPECT_EQ(Sentences("The talks lasted 3 hrs. and then ended."),
            (Strings{"The talks lasted 3 hrs. and then ended."}));
}

TEST(TokenizerTest, QuestionAndExclamationMarksEndSentences) {
  EXPECT_EQ(Sentences("Will they meet? Nobody knows! Kerry left."),
            (Strings{"Will they meet?", "Nobody knows!", "Kerry left."}));
}

TEST(TokenizerTest, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(Sentences("“Will the truce hold?” Kerry asked. “We agreed.” Lavrov nodded."),
            (Strings{"“Will the truce hold?”", "Kerry asked.", "“We agreed.”", "Lavrov nodded."}));
  // A lower-case word after the quote continues the sentence.
  EXPECT_EQ(Sentences("“Will the truce hold?” he asked."), (Strings{"“Will the truce hold?” he asked."}));
  EXPECT_EQ(Sentences("He said \"we agreed.\" Then he left."),
            (Strings{"He said \"we agreed.\"", "Then he left."}));
  EXPECT_EQ(Sentences("(The talks ended.) Kerry left."), (Strings{"(The talks ended.)", "Kerry left."}));
}

TEST(TokenizerTest, OpeningQuoteStartsANewSentence) {
  EXPECT_EQ(Sentences("Kerry spoke. “We agreed,” he said."), (Strings{"Kerry spoke.", "“We agreed,” he said."}));
}

TEST(TokenizerTest, BlankLineAlwaysEndsASentence) {
  EXPECT_EQ(Sentences("talks in geneva\n\ncontinued on friday"),
            (Strings{"talks in geneva", "continued on friday"}));
  EXPECT_EQ(Sentences("talks in geneva\r\n  \r\ncontinued"), (Strings{"talks in geneva", "continued"}));
}

TEST(TokenizerTest, HeadlineAndDatelineAreTheirOwnSentences) {
  EXPECT_EQ(Sentences("Kerry and Lavrov agree on Syria truce\nGENEVA (Reuters) - Kerry said on Friday that "
                      "the talks\nwere useful."),
            (Strings{"Kerry and Lavrov agree on Syria truce",
                     "GENEVA (Reuters) - Kerry said on Friday that the talks\nwere useful."}));
}

TEST(TokenizerTest, HardWrappedLinesJoin) {
  EXPECT_EQ(Sentences("Kerry said the talks in Geneva\nwent well."),
            (Strings{"Kerry said the talks in Geneva\nwent well."}));
}

TEST(TokenizerTest, PossessiveIsSplitOff) {
  Document doc = Tokenized("Russia’s envoy and Lavrov's aide");
  EXPECT_EQ(TokenTexts(doc), (Strings{"Russia", "’s", "envoy", "and", "Lavrov", "'s", "aide"}));
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kPossessive);
  EXPECT_EQ(doc.tokens[1].span, (Span{6, 10}));  // ’ is three bytes
  EXPECT_EQ(doc.tokens[5].kind, TokenKind::kPossessive);
}

TEST(TokenizerTest, PluralPossessiveApostrophe) {
  Document doc = Tokenized("Martyrs’ Day and the soldiers' families");
  EXPECT_EQ(TokenTexts(doc), (Strings{"Martyrs", "’", "Day", "and", "the", "soldiers", "'", "families"}));
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kPossessive);
  EXPECT_EQ(doc.tokens[6].kind, TokenKind::kPossessive);
  Document caps = Tokenized("MARTYRS’ DAY");
  EXPECT_EQ(TokenTexts(caps), (Strings{"MARTYRS", "’", "DAY"}));
  EXPECT_EQ(caps.tokens[1].kind, TokenKind::kPossessive);
}

TEST(TokenizerTest, InnerApostropheStaysInTheWord) {
  EXPECT_EQ(Tokens("O’Brien didn't go"), (Strings{"O’Brien", "didn't", "go"}));
}

TEST(TokenizerTest, QuoteApostropheAfterNonPluralIsPunctuation) {
  Document doc = Tokenized("the word 'truce' again");
  EXPECT_EQ(TokenTexts(doc), (Strings{"the", "word", "'", "truce", "'", "again"}));
  EXPECT_EQ(doc.tokens[2].kind, TokenKind::kPunctuation);
  EXPECT_EQ(doc.tokens[4].kind, TokenKind::kPunctuation);
}

TEST(TokenizerTest, HyphensAndDashesSplitWords) {
  EXPECT_EQ(Tokens("USA-backed rebels"), (Strings{"USA", "-", "backed", "rebels"}));
  EXPECT_EQ(Tokens("U.S.-backed"), (Strings{"U.S.", "-", "backed"}));
  EXPECT_EQ(Tokens("Kerry—and Lavrov–met"), (Strings{"Kerry", "—", "and", "Lavrov", "–", "met"}));
}

TEST(TokenizerTest, NoBreakSpaceSeparatesWords) {
  Document doc = Tokenized("John\u00A0Kerry");
  EXPECT_EQ(TokenTexts(doc), (Strings{"John", "Kerry"}));
  EXPECT_EQ(doc.tokens[1].span, (Span{6, 11}));
  EXPECT_EQ(Tokens("a\u2009b\u200Bc\u3000d"), (Strings{"a", "b", "c", "d"}));
}

TEST(TokenizerTest, NonAsciiLettersStayInOneWord) {
  EXPECT_EQ(Tokens("Сергей Лавров met Mevlüt Çavuşoğlu"),
            (Strings{"Сергей", "Лавров", "met", "Mevlüt", "Çavuşoğlu"}));
  // A combining mark (U+0301) belongs to its word.
  EXPECT_EQ(Tokens("Jose\u0301 said"), (Strings{"Jose\u0301", "said"}));
}

TEST(TokenizerTest, Numbers) {
  Document doc = Tokenized("1,000 troops, 3.5 million, at 10:30 on the 48th day, 2014.");
  EXPECT_EQ(TokenTexts(doc),
            (Strings{"1,000", "troops", ",", "3.5", "million", ",", "at", "10:30", "on", "the", "48th", "day",
                     ",", "2014", "."}));
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[7].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[10].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[13].kind, TokenKind::kNumber);
}

TEST(TokenizerTest, AsciiWordsEndWhereTheGeneralScanEndsThem) {
  // The ASCII fast path ends a word at an ASCII byte other than an apostrophe; each other way a word
  // goes on or ends is the general scan's, right after ASCII letters and digits.
  EXPECT_EQ(Tokens("G20 ministers\tmet\nin\rRome\f\vtoday"),
            (Strings{"G20", "ministers", "met", "in", "Rome", "today"}));
  EXPECT_EQ(Tokens("Kerry's aides' O'Brien Gates’ Lavrov’s caf\u00e9s na\u00efve x"),
            (Strings{"Kerry", "'s", "aides", "'", "O'Brien", "Gates", "’", "Lavrov", "’s", "cafés", "naïve", "x"}));
  EXPECT_EQ(Tokens("U.S. a. b.c. d.e end."), (Strings{"U.S.", "a", ".", "b.c.", "d", ".", "e", "end", "."}));
  EXPECT_EQ(Tokens("word\u00a0word,word(word)\u2014word"),
            (Strings{"word", "word", ",", "word", "(", "word", ")", "—", "word"}));
}

TEST(TokenizerTest, PunctuationIsOneCodePointPerToken) {
  EXPECT_EQ(Tokens("(Reuters)?!"), (Strings{"(", "Reuters", ")", "?", "!"}));
}

TEST(TokenizerTest, EmptyAndBlankText) {
  Document empty = Tokenized("");
  EXPECT_TRUE(empty.tokens.empty());
  EXPECT_TRUE(empty.sentences.empty());
  Document blank = Tokenized("   \n\t \u00A0 ");
  EXPECT_TRUE(blank.tokens.empty());
  EXPECT_TRUE(blank.sentences.empty());
}

TEST(TokenizerTest, TokenizeClearsEarlierResults) {
  Document doc = Tokenized("Kerry left. Lavrov stayed.");
  doc.text = "Hi";
  Tokenize(&doc);
  EXPECT_EQ(TokenTexts(doc), (Strings{"Hi"}));
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(TokenizerTest, SentencesCoverEveryTokenOnce) {
  Document doc = Tokenized("Kerry left. Then Lavrov spoke!\n\nGENEVA\n“Why?” he asked. Mr. Putin did not say.");
  uint32_t next = 0;
  for (const Sentence& sentence : doc.sentences) {
    EXPECT_EQ(sentence.first_token, next);
    ASSERT_GT(sentence.token_count, 0u);
    EXPECT_EQ(sentence.span.begin, doc.tokens[sentence.first_token].span.begin);
    EXPECT_EQ(sentence.span.end, doc.tokens[sentence.first_token + sentence.token_count - 1].span.end);
    next += sentence.token_count;
  }
  EXPECT_EQ(next, doc.tokens.size());
  EXPECT_EQ(SentenceTexts(doc),
            (Strings{"Kerry left.", "Then Lavrov spoke!", "GENEVA", "“Why?” he asked.", "Mr. Putin did not say."}));
}

TEST(TokenizerTest, TokenizeTextAppends) {
  std::vector<Token> tokens(1);
  TokenizeText("Sergei Lavrov", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].span, (Span{0, 6}));
  EXPECT_EQ(tokens[2].span, (Span{7, 13}));
}

TEST(TokenizerTest, AppendFoldedFoldsCaseAndQuotes) {
  std::string out = "x";
  AppendFolded("RUSSIA’S Çavuşoğlu ЛАВРОВ", &out);
  EXPECT_EQ(out, "xrussia's çavuşoğlu лавров");
}

TEST(TokenizerTest, StartsUpper) {
  EXPECT_TRUE(StartsUpper("Kerry"));
  EXPECT_TRUE(StartsUpper("Çavuşoğlu"));
  EXPECT_TRUE(StartsUpper("Лавров"));
  EXPECT_FALSE(StartsUpper("kerry"));
  EXPECT_FALSE(StartsUpper("1st"));
  EXPECT_FALSE(StartsUpper(""));
}

TEST(TokenizerTest, OverlongSentencesAreCutIntoPieces) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  Document doc = Tokenized(text);
  ASSERT_EQ(doc.tokens.size(), 1000u);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].token_count, 400u);
  EXPECT_EQ(doc.sentences[1].first_token, 400u);
  EXPECT_EQ(doc.sentences[2].token_count, 200u);
  EXPECT_EQ(Sentences("Kerry met Lavrov. They talked.").size(), 2u) << "ordinary sentences are untouched";
}

}  // namespace
}  // namespace eg
