// Tests for extract/token_trie: longest-match lookups of multi-token names.
#include "extract/token_trie.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/tokenizer.h"

namespace eg {
namespace {

std::vector<Token> TokensOf(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeText(text, &tokens);
  return tokens;
}

TEST(TokenTrieTest, InsertReturnsSmallStableValues) {
  TokenTrie trie;
  uint32_t kerry = trie.Insert("John Kerry");
  uint32_t lavrov = trie.Insert("Sergei Lavrov");
  EXPECT_EQ(kerry, 0u);
  EXPECT_EQ(lavrov, 1u);
  EXPECT_EQ(trie.Insert("John Kerry"), kerry);
  EXPECT_EQ(trie.Insert("JOHN   kerry"), kerry);  // same folded token sequence
  EXPECT_EQ(trie.Insert("John"), 2u);           // a prefix gets its own value
  EXPECT_EQ(trie.value_count(), 3u);
}

TEST(TokenTrieTest, ReserveKeepsValuesAndLookups) {
  // Reserving (here far more than is inserted) changes where edges sit in the table, not what they mean.
  TokenTrie reserved, grown;
  reserved.Reserve(100000);
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back("John Q" + std::to_string(i % 700) + " Smith" + std::to_string(i));
  for (const std::string& name : names) EXPECT_EQ(reserved.Insert(name), grown.Insert(name)) << name;
  reserved.Reserve(10);  // smaller than the table: no effect
  const std::string text = "Yesterday John Q699 Smith699 spoke.";
  const std::vector<Token> tokens = TokensOf(text);
  uint32_t length = 0;
  EXPECT_EQ(reserved.LongestMatch(text, tokens, 1, tokens.size(), &length), grown.Insert("John Q699 Smith699"));
  EXPECT_EQ(length, 3u);
}

TEST(TokenTrieTest, NoTokensIsNoValue) {
  TokenTrie trie;
  EXPECT_EQ(trie.Insert(""), TokenTrie::kNoValue);
  EXPECT_EQ(trie.Insert("  \u00A0 "), TokenTrie::kNoValue);
  EXPECT_EQ(trie.value_count(), 0u);
}

TEST(TokenTrieTest, LongestMatchPrefersTheLongestName) {
  TokenTrie trie;
  const uint32_t kerry = trie.Insert("Kerry");
  const uint32_t john_kerry = trie.Insert("John Kerry");
  const uint32_t state = trie.Insert("Secretary of State");
  const std::string text = "Secretary of State John Kerry met Kerry";
  const std::vector<Token> tokens = TokensOf(text);
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t length = 0;
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, n, &length), state);
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 3, n, &length), john_kerry);
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 4, n, &length), kerry);
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 6, n, &length), kerry);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 5, n, &length), TokenTrie::kNoValue);
  // "John" alone is not stored, so the walk from "John" that stops before "Kerry" finds nothing.
  EXPECT_EQ(trie.LongestMatch(text, tokens, 3, 4, &length), TokenTrie::kNoValue);
  // The limit is respected: "Secretary of" is not a name.
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 2, &length), TokenTrie::kNoValue);
}

TEST(TokenTrieTest, LookupsFoldCase) {
  TokenTrie trie;
  const uint32_t lavrov = trie.Insert("Sergei Lavrov");
  const uint32_t russia = trie.Insert("Russia’s");  // ’ folds to '
  const uint32_t cavusoglu = trie.Insert("Çavuşoğlu");
  const std::string text = "SERGEI lavrov and Russia's ÇAVUŞOĞLU";
  const std::vector<Token> tokens = TokensOf(text);
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t length = 0;
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, n, &length), lavrov);
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 3, n, &length), russia);
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 5, n, &length), cavusoglu);
}

TEST(TokenTrieTest, AcceptCanRejectTheLongestSoAShorterOneIsTried) {
  TokenTrie trie;
  const uint32_t kerry = trie.Insert("John");
  const uint32_t john_kerry = trie.Insert("John Kerry");
  const std::string text = "John Kerry";
  const std::vector<Token> tokens = TokensOf(text);
  uint32_t length = 0;
  std::vector<uint32_t> asked;
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 2, &length,
                              [&](uint32_t value, uint32_t count) {
                                asked.push_back(value);
                                return count == 1;
                              }),
            kerry);
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(asked, (std::vector<uint32_t>{john_kerry, kerry}));
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 2, &length, [](uint32_t, uint32_t) { return false; }),
            TokenTrie::kNoValue);
}

TEST(TokenTrieTest, EmptyTrieAndEmptyRange) {
  TokenTrie trie;
  const std::string text = "Kerry";
  const std::vector<Token> tokens = TokensOf(text);
  uint32_t length = 7;
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 1, &length), TokenTrie::kNoValue);
  trie.Insert("Kerry");
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 0, &length), TokenTrie::kNoValue);
  EXPECT_EQ(trie.LongestMatch(text, tokens, 0, 1, &length), 0u);
}

TEST(TokenTrieTest, FoldedTokensHoldEachTokenFoldedOnce) {
  const std::string text = "Russia’s FOREIGN Minister Çavuşoğlu";
  FoldedTokens folded;
  folded.Assign(text, TokensOf(text));
  ASSERT_EQ(folded.size(), 5u);
  EXPECT_EQ(folded.token(0), "russia");
  EXPECT_EQ(folded.token(1), "'s");
  EXPECT_EQ(folded.token(2), "foreign");
  EXPECT_EQ(folded.token(4), "çavuşoğlu");
  EXPECT_EQ(folded.hash(2), HashFoldedToken("foreign"));
  EXPECT_EQ(folded.hash(4), HashFoldedToken("çavuşoğlu"));
  EXPECT_NE(HashFoldedToken("foreign"), HashFoldedToken("foreigm"));
  EXPECT_NE(HashFoldedToken("ministers"), HashFoldedToken("minister"));
  folded.Assign("", {});  // reused for the next document
  EXPECT_EQ(folded.size(), 0u);
}

// What AppendFolded makes of a token, and its hash, for each token of text: FoldedTokens must agree.
void ExpectFoldedLikeAppendFolded(const std::string& text) {
  const std::vector<Token> tokens = TokensOf(text);
  FoldedTokens folded;
  folded.Assign("reused buffers hold nothing of an earlier text", TokensOf("reused buffers hold nothing"));
  folded.Assign(text, tokens);
  ASSERT_EQ(folded.size(), tokens.size());
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    std::string expected;
    AppendFolded(std::string_view(text).substr(tokens[i].span.begin, tokens[i].span.size()), &expected);
    EXPECT_EQ(folded.token(i), expected) << i;
    EXPECT_EQ(folded.hash(i), HashFoldedToken(expected)) << expected;
  }
}

TEST(TokenTrieTest, FoldedTokensAgreeWithAppendFoldedAtEveryLength) {
  // Words of 1 to 20 letters, capitals at every position of the 8-byte words Assign folds at once, the
  // bytes on either side of 'A'..'Z' ('@', '[', '`', '{'), and the last tokens where fewer than eight
  // bytes of text remain.
  std::string text;
  const std::string letters = "AbCdEfGhIjKlMnOpQrSt";
  for (size_t length = 1; length <= letters.size(); ++length) text += letters.substr(0, length) + " ";
  text += "@ [ ` { ZZZZZZZZ zzzzzzzz QUICK-Brown 2016 U.S. McCAIN'S x Z";
  ExpectFoldedLikeAppendFolded(text);
  // Other characters than ASCII: at the start, in the middle or at the end of a word, after eight
  // ASCII bytes, and folding longer than they are written (Ⱥ, 2 bytes, folds to ⱥ, 3), often enough
  // that the buffer must grow past the text's size.
  std::string other = "Çavuşoğlu ABCDEFGHÉ naïve ÉLYSÉE Ⱥ";
  for (int i = 0; i < 200; ++i) other += " ȺȺȺȺ";
  other += " end";
  ExpectFoldedLikeAppendFolded(other);
}

TEST(TokenTrieTest, FoldedLookupsAgreeWithTextLookupsAtEveryToken) {
  TokenTrie trie;
  for (const char* name : {"John Kerry", "Kerry", "Secretary of State", "Sergei Lavrov", "Russia’s",
                           "Foreign Minister", "Minister", "Geneva", "State"}) {
    trie.Insert(name);
  }
  const std::string text =
      "Secretary of State John Kerry met Russia's Foreign Minister SERGEI LAVROV in Geneva; the minister "
      "said Kerry and the State Department agreed.";
  const std::vector<Token> tokens = TokensOf(text);
  FoldedTokens folded;
  folded.Assign(text, tokens);
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  size_t matches = 0;
  for (uint32_t first = 0; first < n; ++first) {
    for (uint32_t limit = first; limit <= n; ++limit) {
      uint32_t by_text_length = 0, by_folded_length = 0;
      const uint32_t by_text = trie.LongestMatch(text, tokens, first, limit, &by_text_length);
      const uint32_t by_folded = trie.LongestMatch(folded, first, limit, &by_folded_length);
      ASSERT_EQ(by_folded, by_text) << first << " " << limit;
      if (by_text != TokenTrie::kNoValue) {
        EXPECT_EQ(by_folded_length, by_text_length);
        ++matches;
      }
    }
  }
  EXPECT_GT(matches, 20u);
}

TEST(TokenTrieTest, ManyNamesSharingTokens) {
  // Values stay dense and distinct when names share prefixes and tokens in other positions.
  TokenTrie trie;
  std::vector<uint32_t> values;
  for (int i = 0; i < 1000; ++i) values.push_back(trie.Insert("Minister Number " + std::to_string(i)));
  EXPECT_EQ(trie.value_count(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(values[static_cast<size_t>(i)], static_cast<uint32_t>(i));
  const std::string text = "Minister number 417 resigned";
  const std::vector<Token> tokens = TokensOf(text);
  FoldedTokens folded;
  folded.Assign(text, tokens);
  uint32_t length = 0;
  EXPECT_EQ(trie.LongestMatch(folded, 0, static_cast<uint32_t>(tokens.size()), &length), 417u);
  EXPECT_EQ(length, 3u);
}

TEST(TokenTrieTest, ATokenSeenInsideNamesCanStartOneLater) {
  // A token's slot remembers where the root's edge over it leads: set when a name starts with the token,
  // whether the token was known before (inside other names) or not, and kept when the tables grow.
  TokenTrie trie;
  trie.Insert("Minister Lavrov");
  const std::string text = "Lavrov met Minister Lavrov in Geneva";
  const std::vector<Token> tokens = TokensOf(text);
  FoldedTokens folded;
  folded.Assign(text, tokens);
  uint32_t length = 0;
  EXPECT_EQ(trie.LongestMatch(folded, 0, static_cast<uint32_t>(tokens.size()), &length), TokenTrie::kNoValue);
  const uint32_t lavrov = trie.Insert("Lavrov");
  for (int i = 0; i < 5000; ++i) trie.Insert("Envoy " + std::to_string(i) + " of Lavrov");  // grows both tables
  EXPECT_EQ(trie.LongestMatch(folded, 0, static_cast<uint32_t>(tokens.size()), &length), lavrov);
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(trie.LongestMatch(folded, 2, static_cast<uint32_t>(tokens.size()), &length), trie.Insert("Minister Lavrov"));
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(trie.LongestMatch(folded, 4, static_cast<uint32_t>(tokens.size()), &length), TokenTrie::kNoValue);
}

TEST(TokenTrieTest, EveryStartingTokenIsFoundAsTheTrieGrows) {
  // The bit sets that turn away tokens that start no name, and tokens that continue none, grow with the
  // names: each of 5,000 names must still be found whole after they have grown, and the words only inside
  // names must not start one.
  TokenTrie trie;
  std::vector<uint32_t> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(trie.Insert("Start" + std::to_string(i) + " of Inner" + std::to_string(i)));
  }
  std::string text;
  for (int i = 0; i < 5000; i += 7) text += "Start" + std::to_string(i) + " of Inner" + std::to_string(i) + " ";
  const std::vector<Token> tokens = TokensOf(text);
  FoldedTokens folded;
  folded.Assign(text, tokens);
  const auto limit = static_cast<uint32_t>(tokens.size());
  size_t found = 0;
  for (uint32_t t = 0; t < limit; ++t) {
    uint32_t length = 0, text_length = 0;
    const uint32_t value = trie.LongestMatch(folded, t, limit, &length);
    EXPECT_EQ(trie.LongestMatch(text, tokens, t, limit, &text_length), value);
    if (t % 3 != 0) {  // "of", "InnerN": inside names only
      EXPECT_EQ(value, TokenTrie::kNoValue) << t;
      continue;
    }
    EXPECT_EQ(value, values[t / 3 * 7]) << t;
    EXPECT_EQ(length, 3u);
    ++found;
  }
  EXPECT_EQ(found, (5000u + 6) / 7);
}

}  // namespace
}  // namespace eg
