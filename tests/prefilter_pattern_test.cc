// Tests for extract/prefilter_pattern: the relaxed pattern the rule prefilter compiles.
#include "extract/prefilter_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <unordered_map>

namespace eg {
namespace {

constexpr char kSubject[] = "\\x01(?P<subject>[POGCK][0-9]+)\\x02";
constexpr char kObject[] = "\\x01(?P<object>[POGCK][0-9]+)\\x02";

const RuleMacros kMacros = {
    {"ADV", "[a-z]+ly"},                                      // no atom of 3 bytes
    {"VERB", "met|meets|greeted"},                            // atoms
    {"NOTSAID", "(?:[^s ]\\w*|s[^a]\\w*|sa[^i]\\w*) "},       // any word but "said": no atom
    {"HEDGE", "{ADV} (?:reportedly|allegedly) "},             // atoms after a macro without
    {"ONLY_OPTIONAL", "(?:beforehand|meanwhile|afterwards) "},  // used only in optional groups
    {"BROKEN", "a)(b"},                                       // pairs with the parentheses around it
};

TEST(PrefilterPatternTest, OptionalGroupsAndMacrosWithoutAtomsBecomeWildcards) {
  std::unordered_map<std::string, bool> verdicts;
  PrefilterPatterns relax(kMacros, 3, &verdicts);
  EXPECT_EQ(relax.Relax("{subject:ACTOR} (?:{ADV} )?{VERB} {object:ACTOR}(?: in {location:PLACE})?"),
            std::string(kSubject) + " (?s:.*)(?:met|meets|greeted) " + kObject + "(?s:.*)");
  EXPECT_EQ(relax.Relax("{subject:ACTOR} {NOTSAID}{VERB}"), std::string(kSubject) + " (?:(?s:.*))(?:met|meets|greeted)");
  // A macro with atoms keeps them, its own macros without atoms relaxed.
  EXPECT_EQ(relax.Relax("{subject:ACTOR} {HEDGE}"), std::string(kSubject) + " (?:(?:(?s:.*)) (?:reportedly|allegedly) )");
}

TEST(PrefilterPatternTest, OnlyMacrosARuleStillNeedsAreClassified) {
  std::unordered_map<std::string, bool> verdicts;
  PrefilterPatterns relax(kMacros, 3, &verdicts);
  relax.Relax("{subject:ACTOR} (?:{ONLY_OPTIONAL})?{VERB}");
  EXPECT_EQ(verdicts.size(), 1u);  // VERB
  EXPECT_EQ(verdicts.count("met|meets|greeted"), 1u);
  EXPECT_FALSE(verdicts["met|meets|greeted"]);
  // Another pack's relaxer asks RE2 nothing it already knows.
  PrefilterPatterns again(kMacros, 3, &verdicts);
  EXPECT_EQ(again.Relax("{subject:ACTOR} {VERB}"), std::string(kSubject) + " (?:met|meets|greeted)");
  EXPECT_EQ(verdicts.size(), 1u);
}

TEST(PrefilterPatternTest, AMacroThatIsNotSelfContainedStaysAsWritten) {
  std::unordered_map<std::string, bool> verdicts;
  PrefilterPatterns relax(kMacros, 3, &verdicts);
  // "(x(?:a)(b)y)?" is, to RE2, an optional group after which nothing is optional: read at the level of
  // the rule's text the optional group would be "(x{BROKEN}y)?", which is not how RE2 pairs them.
  EXPECT_EQ(relax.Relax("{subject:ACTOR} (x{BROKEN}y) {VERB}"),
            std::string(kSubject) + " (x(?:a)(b)y) (?:met|meets|greeted)");
}

// Found by fuzz_rule_pattern: a macro that leaves a class open ("pok[s at", in a list of verbs) makes
// RE2 read the text after it, other macros included, as members of that class.
TEST(PrefilterPatternTest, AClassLeftOpenByAMacroKeepsTheTextAfterItAsWritten) {
  const RuleMacros macros = {{"OPEN", "hit|pok[s at"}, {"OPT", "(?:the )?"}, {"CLOSE", "x]"}};
  std::unordered_map<std::string, bool> verdicts;
  PrefilterPatterns relax(macros, 3, &verdicts);
  const char* pattern = "{subject:ACTOR} {OPEN}{OPT}{CLOSE} now";
  std::string expanded, error;
  ASSERT_TRUE(ExpandRulePattern(pattern, macros, &expanded, &error)) << error;
  EXPECT_EQ(relax.Relax(pattern), WidenOptionalGroups(expanded));
  const RE2 full(expanded), relaxed(relax.Relax(pattern));
  ASSERT_TRUE(full.ok()) << full.error();  // "[s at)(?:(?:the )?)(?:x]" is one class
  ASSERT_TRUE(relaxed.ok()) << relaxed.error();
  const char* text = "\x01P0\x02 pokh now";  // 'h' of "the", a member of that class
  ASSERT_TRUE(RE2::PartialMatch(text, full));
  EXPECT_TRUE(RE2::PartialMatch(text, relaxed)) << relax.Relax(pattern);
}

// What the relaxed pattern is for: it matches whatever the rule's pattern matches.
TEST(PrefilterPatternTest, TheRelaxedPatternMatchesWhatThePatternMatches) {
  std::unordered_map<std::string, bool> verdicts;
  PrefilterPatterns relax(kMacros, 3, &verdicts);
  const char* patterns[] = {
      "{subject:ACTOR} (?:{ADV} )?{VERB} {object:ACTOR}(?: in {location:PLACE})?",
      "{subject:ACTOR} {NOTSAID}{VERB} {object:ACTOR}",
      "{subject:ACTOR} {HEDGE}{VERB} {object:ACTOR}",
  };
  const char* texts[] = {
      "\x01P0\x02 quietly met \x01P1\x02 in \x01T2\x02.",
      "\x01P0\x02 warmly greeted \x01P1\x02",
      "\x01P0\x02 reportedly met \x01P1\x02",
      "\x01P0\x02 quietly allegedly meets \x01P1\x02",
  };
  int matched = 0;
  for (const char* pattern : patterns) {
    std::string expanded, error;
    ASSERT_TRUE(ExpandRulePattern(pattern, kMacros, &expanded, &error)) << error;
    const RE2 full(expanded), relaxed(relax.Relax(pattern));
    ASSERT_TRUE(full.ok() && relaxed.ok()) << pattern;
    for (const char* text : texts) {
      if (!RE2::PartialMatch(text, full)) continue;
      ++matched;
      EXPECT_TRUE(RE2::PartialMatch(text, relaxed)) << pattern << " on " << text;
    }
  }
  EXPECT_GE(matched, 4);  // the check above ran
}

}  // namespace
}  // namespace eg
