// Tests for extract/literal_matcher: every literal that occurs is found, in any case, once.
#include "extract/literal_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace eg {
namespace {

// The literals of literals found in text, by name, sorted: easier to read in a failure than indices.
std::set<std::string> Found(const std::vector<std::string>& literals, std::string_view text) {
  LiteralMatcher matcher(literals);
  std::vector<int> found;
  matcher.Match(text, &found);
  std::set<std::string> names;
  for (int i : found) {
    EXPECT_GE(i, 0);
    EXPECT_LT(static_cast<size_t>(i), literals.size());
    EXPECT_TRUE(names.insert(literals[static_cast<size_t>(i)]).second) << "reported twice: " << literals[i];
  }
  return names;
}

// The ASCII literals that occur in text, lower-cased byte by byte: what Match must report.
std::set<std::string> BruteForce(const std::vector<std::string>& literals, std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  std::set<std::string> names;
  for (const std::string& literal : literals) {
    if (text.find(literal) != std::string::npos) names.insert(literal);
  }
  return names;
}

TEST(LiteralMatcherTest, FindsEveryKeywordOfASentence) {
  const std::vector<std::string> keywords = {"met", "talks", "held talks", "visit", "sanction", "condemn"};
  const std::string text = "\x01P0 held talks with \x01P1 in Geneva after the foreign ministers met on Friday.";
  EXPECT_EQ(Found(keywords, text), (std::set<std::string>{"met", "talks", "held talks"}));
  EXPECT_EQ(Found(keywords, text), BruteForce(keywords, text));
}

TEST(LiteralMatcherTest, AgreesWithBruteForceOnNewsSentences) {
  const std::vector<std::string> keywords = {"met",   "meet",     "meeting", "eting",  "said",  "aid",
                                             "sanct", "sanction", "visit",   "visited", "urged", "called on",
                                             "n't",   "accused",  "us ",     " in "};
  const std::vector<std::string> sentences = {
      "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Friday.",
      "The ministers said the meeting had been productive, but Moscow didn't agree to new sanctions.",
      "Turkey accused the Syrian government of bombing Aleppo and urged the UN to act.",
      "President Putin visited Beijing, where he called on the US to lift sanctions.",
      "Aid agencies said they could not reach the besieged districts.",
      "",
  };
  for (const std::string& sentence : sentences) {
    EXPECT_EQ(Found(keywords, sentence), BruteForce(keywords, sentence)) << sentence;
  }
}

TEST(LiteralMatcherTest, MoreThan65536StatesAgreeWithBruteForce) {
  // From 65,535 trie nodes on, the table holds 4-byte states, not 2: both kinds must give the same answers.
  // 16,000 distinct literals of 8 random letters (a fixed sequence): levels 4 to 8 of the trie alone hold ~80,000.
  std::vector<std::string> literals;
  uint32_t x = 12345;
  for (int i = 0; i < 16000; ++i) {
    std::string literal;
    for (int k = 0; k < 8; ++k) {
      x = x * 1103515245u + 12345u;
      literal += static_cast<char>('a' + (x >> 16) % 26);
    }
    literals.push_back(literal);
  }
  literals.push_back("met");
  std::string text = "Kerry met Lavrov; ";
  for (size_t i = 0; i < literals.size(); i += 997) text += literals[i].substr(0, 5) + literals[i] + " ";
  const std::set<std::string> expected = BruteForce(literals, text);
  EXPECT_GT(expected.size(), 12u);
  EXPECT_EQ(Found(literals, text), expected);
  std::string upper = text;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
  EXPECT_EQ(Found(literals, upper), expected);
}

TEST(LiteralMatcherTest, LiteralsAcrossTheWalksPiecesAreFound) {
  // A long text is walked in two or four pieces side by side: a literal that starts in one piece and ends
  // in the next must be found, whatever the lengths. Small alphabets make literals overlap everywhere;
  // é takes two bytes and matches nothing, the Kelvin sign takes three and matches k. Texts of 0 to 400
  // code points cover one, two and four walks.
  uint32_t x = 2024;
  auto next = [&](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  const std::string letters = "abk ";
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> literals;
    const uint32_t literal_count = 1 + next(12);
    const uint32_t longest = 1 + next(16);
    for (uint32_t i = 0; i < literal_count; ++i) {
      std::string literal;
      for (uint32_t k = 0, length = 1 + next(longest); k < length; ++k) literal += letters[next(4)];
      if (std::find(literals.begin(), literals.end(), literal) == literals.end()) literals.push_back(literal);
    }
    std::string text, as_compared;  // as_compared: the text as the matcher compares it, one byte a step
    for (uint32_t i = 0, length = next(401); i < length; ++i) {
      switch (next(10)) {
        case 0: text += "\u00e9", as_compared += '#'; break;
        case 1: text += "\u212a", as_compared += 'k'; break;
        case 2: text += 'B', as_compared += 'b'; break;
        default: {
          const char c = letters[next(4)];
          text += c, as_compared += c;
        }
      }
    }
    EXPECT_EQ(Found(literals, text), BruteForce(literals, as_compared)) << "round " << round << ": " << text;
  }
}

TEST(LiteralMatcherTest, IgnoresTheCaseOfTheText) {
  const std::vector<std::string> keywords = {"met with", "talks"};
  EXPECT_EQ(Found(keywords, "KERRY MET WITH LAVROV FOR TALKS."), (std::set<std::string>{"met with", "talks"}));
  EXPECT_EQ(Found(keywords, "Kerry Met With Lavrov; Talks Followed."),
            (std::set<std::string>{"met with", "talks"}));
  EXPECT_EQ(Found(keywords, "Kerry metwith Lavrov"), std::set<std::string>{});
}

TEST(LiteralMatcherTest, LowerCasesNonAsciiTextBeforeComparing) {
  // A non-ASCII code point is lower-cased, and never passes for an ASCII letter.
  const std::vector<std::string> keywords = {"met", "talks"};
  EXPECT_EQ(Found(keywords, "Le ministre a rencontré son homologue — TALKS À GENÈVE"),
            std::set<std::string>{"talks"});
  EXPECT_EQ(Found(keywords, "M\u0395T"), std::set<std::string>{});  // a Greek capital epsilon, not E
}

TEST(LiteralMatcherTest, FindsOverlappingAndNestedKeywords) {
  // "meeting" contains "meet", "eting" and "tin"; "ministers" overlaps "minister" and "sters".
  const std::vector<std::string> keywords = {"meet", "meeting", "eting", "tin", "minister", "ministers",
                                             "sters", "ter"};
  EXPECT_EQ(Found(keywords, "The ministers' meeting ended."),
            (std::set<std::string>{"meet", "meeting", "eting", "tin", "minister", "ministers", "sters", "ter"}));
  EXPECT_EQ(Found(keywords, "A minister"), (std::set<std::string>{"minister", "ter"}));
}

TEST(LiteralMatcherTest, ReportsAKeywordOnceHoweverOftenItOccurs) {
  EXPECT_EQ(Found({"met", "said"}, "Kerry met Lavrov, Lavrov met Zarif and Zarif met Kerry."),
            std::set<std::string>{"met"});
}

TEST(LiteralMatcherTest, ALiteralGivenTwiceIsReportedUnderBothIndices) {
  LiteralMatcher matcher({"talks", "met", "talks"});
  std::vector<int> found;
  matcher.Match("They met for talks.", &found);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<int>{0, 1, 2}));
}

TEST(LiteralMatcherTest, LiteralsSharingPrefixesAndSuffixesInAnyOrderAgreeWithBruteForce) {
  // The trie is built from the literals sorted, and its failure links decide what a state reports: many
  // short literals over three letters (prefixes and suffixes of one another, in the scrambled order of a
  // fixed pseudo-random sequence) against texts of the same sequence.
  std::vector<std::string> literals;
  uint32_t x = 777;
  auto next = [&x] {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % 1024;
  };
  for (int i = 0; i < 300; ++i) {
    std::string literal(1 + next() % 6, 'a');
    for (char& c : literal) c = static_cast<char>('a' + next() % 3);
    if (std::find(literals.begin(), literals.end(), literal) == literals.end()) literals.push_back(literal);
  }
  EXPECT_GT(literals.size(), 150u);
  for (int i = 0; i < 200; ++i) {
    std::string text(next() % 40, 'a');
    for (char& c : text) c = "abcAB d"[next() % 7];
    EXPECT_EQ(Found(literals, text), BruteForce(literals, text)) << text;
  }
}

TEST(LiteralMatcherTest, EmptyInputs) {
  EXPECT_EQ(Found({"met"}, ""), std::set<std::string>{});
  EXPECT_EQ(Found({}, "Kerry met Lavrov in Geneva."), std::set<std::string>{});
  EXPECT_EQ(Found({}, ""), std::set<std::string>{});
}

TEST(LiteralMatcherTest, NonAsciiLiteralsAreReportedForEveryText) {
  // The conservative answer a prefilter may always give.
  const std::vector<std::string> keywords = {"rencontré", "met"};
  EXPECT_EQ(Found(keywords, "Kerry met Lavrov."), (std::set<std::string>{"rencontré", "met"}));
  EXPECT_EQ(Found(keywords, "Nothing here."), std::set<std::string>{"rencontré"});
}

TEST(LiteralMatcherTest, ReusesTheOutputVector) {
  LiteralMatcher matcher({"met", "talks"});
  std::vector<int> found = {7, 8, 9};
  matcher.Match("They met.", &found);
  EXPECT_EQ(found, std::vector<int>{0});
  matcher.Match("No event here.", &found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace eg
