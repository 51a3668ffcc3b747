// Tests for LowerCasePattern: what it writes, what it refuses, and the property rule matching rests on:
// the rewritten pattern matches the lowered text exactly where "(?i)" + the pattern matches the text.
#include "extract/lower_case_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "extract/ascii_case.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

std::string Lowered(std::string_view pattern) {
  std::string out;
  EXPECT_TRUE(LowerCasePattern(pattern, &out)) << pattern;
  return out;
}

bool Refused(std::string_view pattern) {
  std::string out = "unchanged";
  const bool rewritten = LowerCasePattern(pattern, &out);
  EXPECT_TRUE(rewritten || out.empty()) << pattern;
  return !rewritten;
}

TEST(LowerCasePatternTest, RewritesWhatHasCase) {
  EXPECT_EQ(Lowered("Met With"), "met with");
  EXPECT_EQ(Lowered("\\x4D\\x{45}t"), "\\x6d\\x65t");
  EXPECT_EQ(Lowered("\\QTalks (Held)\\E now"), "\\Qtalks (held)\\E now");
  // Classes gain the lower case of their capitals, negated ones too; other members stay.
  EXPECT_EQ(Lowered("[A-Z]"), "[A-Z\\x61-\\x7a]");
  EXPECT_EQ(Lowered("[^X,]"), "[^X,\\x78]");
  EXPECT_EQ(Lowered("[0-9_-]"), "[0-9_-]");
  EXPECT_EQ(Lowered("[!-D]"), "[!-D\\x61-\\x64]");
  EXPECT_EQ(Lowered("[]Q]"), "[]Q\\x71]");
  EXPECT_EQ(Lowered("[kS-]"), "[kS\\x73-]");
  EXPECT_EQ(Lowered("[\\x41\\w]"), "[\\x41\\w\\x61]");
  // A character other than ASCII keeps its case folding.
  EXPECT_EQ(Lowered("Démarche"), "d(?i:é)marche");
  EXPECT_EQ(Lowered("\\x{C9}"), "(?i:\\x{C9})");
  // Escapes without case, group syntax and names are copied.
  EXPECT_EQ(Lowered("\\bA\\W+\\S?\\.(?:B|(?P<Name>C)){2,3}(?i)(?s:.)$"),
            "\\ba\\W+\\S?\\.(?:b|(?P<Name>c)){2,3}(?i)(?s:.)$");
  // Mention markers are lowered like the rest.
  EXPECT_EQ(Lowered("\\x01(?P<subject>[POG][0-9]+)\\x02 Met \\x01[A-Z][0-9]+\\x02"),
            "\\x01(?P<subject>[POG\\x70\\x6f\\x67][0-9]+)\\x02 met \\x01[A-Z\\x61-\\x7a][0-9]+\\x02");
}

TEST(LowerCasePatternTest, RefusesWhatItCannotRewriteWithCertainty) {
  EXPECT_TRUE(Refused("a(?-i:B)"));
  EXPECT_TRUE(Refused("(?s-i)B"));
  EXPECT_TRUE(Refused("\\pL"));
  EXPECT_TRUE(Refused("\\P{Lu}"));
  EXPECT_TRUE(Refused("[[:upper:]]"));
  EXPECT_TRUE(Refused("[é]"));
  EXPECT_TRUE(Refused("[\\x{C9}]"));
  EXPECT_TRUE(Refused("\\Qé\\E"));
  EXPECT_TRUE(Refused("\\101"));
  EXPECT_TRUE(Refused("\\k"));
  EXPECT_TRUE(Refused("(a"));
  EXPECT_TRUE(Refused("a)"));
  EXPECT_TRUE(Refused("[a"));
  EXPECT_TRUE(Refused("[z-a]"));
  EXPECT_TRUE(Refused("(?<n>a)"));
  EXPECT_TRUE(Refused("a\\"));
  EXPECT_TRUE(Refused("\\x4"));
}

std::string LowerText(std::string text) {
  LowerAsciiInPlace(text.data(), text.size());
  return text;
}

// Random patterns from pieces that have case, or interact with it, against random texts: every match
// and every capture must be the same. The pieces include what RE2's "(?i)" treats specially (classes,
// negated classes, "\W", non-ASCII letters) and the markers of rule_pattern.h.
TEST(LowerCasePatternTest, MatchesTheLoweredTextWhereCaseInsensitiveMatchingMatchesTheText) {
  const std::vector<std::string> pieces = {
      "a", "B", "k", "S", "z", "é", "É", "ß", " ", "-", "\\x4B", "\\x{73}", "[A-Z]", "[^A-Z ]", "[kS-]",
      "[^a]", "[A-z]", "[!-D]", "\\w", "\\W", "\\b", "\\B", "\\S", ".", "\\QMe\\E", "(?:met|MEET)",
      "(?P<x>[Ab]+)", "\\x01(?P<subject>[POGC][0-9]+)\\x02", "\\x01[A-Z][0-9]+\\x02", "(?i:Q)", "(?s:.)",
      "\\x01(?:p|[o-q])\\d+\\x02", "\\x01[^a]", "\\x01.", "\\x01\\w",
  };
  const std::vector<std::string> quantifiers = {"", "", "", "*", "+", "?", "{1,2}", "*?"};
  const std::vector<std::string> text_pieces = {"a", "A", "b", "B", "k", "K", "s", "S", "z", "Z", "q", "Q",
                                                "é", "É", "ß", " ", "-", "1", "\x01P3\x02", "\x01O12\x02",
                                                "met", "MET", "Met", "me", "ME", "_", "!"};
  std::mt19937 random(20261122);
  auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  size_t compared = 0, matched = 0;
  for (int p = 0; p < 2000; ++p) {
    std::string pattern;
    const int length = 1 + static_cast<int>(random() % 5);
    for (int i = 0; i < length; ++i) {
      pattern += pick(pieces) + pick(quantifiers);
      if (random() % 6 == 0) pattern += "|";
    }
    std::string rewritten;
    ASSERT_TRUE(LowerCasePattern(pattern, &rewritten)) << pattern;
    const RE2 folding("(?i)" + pattern), lowered(rewritten);
    ASSERT_EQ(folding.ok(), lowered.ok()) << pattern << " -> " << rewritten << ": " << lowered.error();
    if (!folding.ok()) continue;
    ASSERT_EQ(folding.NumberOfCapturingGroups(), lowered.NumberOfCapturingGroups());
    const int groups = folding.NumberOfCapturingGroups() + 1;
    for (int t = 0; t < 40; ++t) {
      std::string text;
      const int words = static_cast<int>(random() % 12);
      for (int i = 0; i < words; ++i) text += pick(text_pieces);
      const std::string lower = LowerText(text);
      std::vector<re2::StringPiece> a(static_cast<size_t>(groups)), b(static_cast<size_t>(groups));
      const bool found = folding.Match(text, 0, text.size(), RE2::UNANCHORED, a.data(), groups);
      ASSERT_EQ(found, lowered.Match(lower, 0, lower.size(), RE2::UNANCHORED, b.data(), groups))
          << pattern << " -> " << rewritten << " on \"" << text << "\"";
      ++compared;
      if (!found) continue;
      ++matched;
      for (size_t g = 0; g < a.size(); ++g) {
        ASSERT_EQ(a[g].data() == nullptr, b[g].data() == nullptr) << pattern << " group " << g << " on " << text;
        if (a[g].data() == nullptr) continue;
        EXPECT_EQ(a[g].data() - text.data(), b[g].data() - lower.data()) << pattern << " group " << g << " on " << text;
        EXPECT_EQ(a[g].size(), b[g].size()) << pattern << " group " << g << " on " << text;
      }
    }
  }
  // Enough of both outcomes to mean something.
  EXPECT_GT(matched, compared / 10);
  EXPECT_LT(matched, compared * 9 / 10);
}

// The default packs as written, but with every rule that ignores case made to do it the way it did
// before it was rewritten: "(?i)" in front of its pattern and vetoes, and "case_sensitive" so that no
// rule is rewritten. Written to files in the test's temporary directory; their paths.
std::vector<std::string> DefaultRulesFoldingCase() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(EG_SOURCE_DIR) + "/data")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("rules") || entry.path().extension() != ".json") continue;
    std::ifstream file(entry.path());
    const std::string json((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    rapidjson::Document pack;
    pack.Parse(json.data(), json.size());
    EXPECT_FALSE(pack.HasParseError()) << name;
    auto& allocator = pack.GetAllocator();
    for (auto& rule : pack["rules"].GetArray()) {
      if (rule.HasMember("case_sensitive") && rule["case_sensitive"].GetBool()) continue;
      for (const char* field : {"pattern", "unless_before", "unless_after"}) {
        if (!rule.HasMember(field)) continue;
        const std::string folded = "(?i)" + std::string(rule[field].GetString());
        rule[field].SetString(folded.data(), static_cast<rapidjson::SizeType>(folded.size()), allocator);
      }
      rule.RemoveMember("case_sensitive");
      rule.AddMember("case_sensitive", true, allocator);
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    pack.Accept(writer);
    paths.push_back(testing::TempDir() + "/folding_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(paths.back()) << buffer.GetString();
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string UpperCased(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  return text;
}

// The default packs find the same events, with the same spans, whether their rules match the lowered
// sentence or fold case in RE2: on the sample and the corpora, as written and in capitals.
TEST(LowerCasePatternTest, DefaultRulesFindWhatTheyFoundFoldingCase) {
  ExtractorOptions options;
  options.rules = DefaultRulesFoldingCase();
  ASSERT_EQ(options.rules.size(), 3u);
  const Extractor folding(options);
  const Extractor& lowering = eg_test::DefaultExtractor();
  size_t rewritten = 0;
  for (size_t r = 0; r < lowering.rules().rule_count(); ++r) {
    ASSERT_EQ(folding.rules().rule(r).id, lowering.rules().rule(r).id);
    EXPECT_FALSE(folding.rules().MatchesLoweredText(r));
    rewritten += lowering.rules().MatchesLoweredText(r);
  }
  EXPECT_GT(rewritten, lowering.rules().rule_count() * 3 / 4);
  std::vector<std::string> texts = eg_test::SampleAndSeedTexts(/*diplomacy=*/true);
  const size_t written = texts.size();
  for (size_t t = 0; t < written; ++t) texts.push_back(UpperCased(texts[t]));
  size_t events = 0, upper_events = 0;
  for (size_t t = 0; t < texts.size(); ++t) {
    const Document a = eg_test::Process(folding, "d", texts[t], "2016-03-24");
    const Document b = eg_test::Process(lowering, "d", texts[t], "2016-03-24");
    ASSERT_EQ(eg_test::EventLines(b), eg_test::EventLines(a)) << "text " << t;
    (t < written ? events : upper_events) += a.events.size();
  }
  EXPECT_GT(events, 10u);
  EXPECT_GT(upper_events, 10u);
}

}  // namespace
}  // namespace eg
