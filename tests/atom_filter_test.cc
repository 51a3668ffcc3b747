// Tests for AtomFilter: how a pattern is read into a formula over atoms, which rules a text admits, and
// that no text a rule matches is ever filtered out (checked against RE2 itself).
#include "extract/atom_filter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace eg {
namespace {

// The formula of one pattern.
std::string Formula(const std::string& pattern) {
  AtomFilter filter;
  filter.Add(pattern);
  filter.Compile();
  return filter.Describe(0);
}

TEST(AtomFilterTest, LiteralTextIsOneLowerCaseAtom) {
  EXPECT_EQ(Formula("(?i)Met With"), "\"met with\"");
  EXPECT_EQ(Formula("\\x01(?P<subject>[POGCK][0-9]+)\\x02 met"), "\"\x02 met\"");
  EXPECT_EQ(Formula("a\\.b\\x{41}C"), "\"a.bac\"");
  EXPECT_EQ(Formula("\\Qa.B*\\E"), "\"a.b*\"");
}

TEST(AtomFilterTest, SmallSetsOfStringsStayExact) {
  EXPECT_EQ(Formula("ha[sd] met"), "OR(\"had met\", \"has met\")");
  EXPECT_EQ(Formula("colou?r"), "OR(\"color\", \"colour\")");
  EXPECT_EQ(Formula("(?:met|meets) (?:with|in) .* talks"),
            "AND(OR(\"met in \", \"meets in \", \"met with \", \"meets with \"), \" talks\")");  // shortest first
  EXPECT_EQ(Formula("(?:met|meets) (?:with|to)"), "OR(\"met to\", \"meets to\", \"met with\", \"meets with\")");
  // "meeting" contains "meet": an OR needs only the shorter.
  EXPECT_EQ(Formula("(?:meet|meeting)s?"), "\"meet\"");
}

TEST(AtomFilterTest, ShortStringsRequireNothing) {
  EXPECT_EQ(Formula("in|at"), "TRUE");
  EXPECT_EQ(Formula("(?:in|at) Geneva"), "OR(\"at geneva\", \"in geneva\")");
  EXPECT_EQ(Formula("a"), "TRUE");
  EXPECT_EQ(Formula(""), "TRUE");
}

TEST(AtomFilterTest, WhatMatchesAnythingSplitsAtoms) {
  EXPECT_EQ(Formula("met.*with"), "AND(\"met\", \"with\")");
  EXPECT_EQ(Formula("talks\\s+with\\w* them"), "AND(\"talks\", \"with\", \" them\")");
  EXPECT_EQ(Formula("(?:the )*talks(?:ahead)?"), "\"talks\"");
  EXPECT_EQ(Formula("[a-z]+ed [^,]{0,40} deal"), "AND(\"ed \", \" deal\")");
  EXPECT_EQ(Formula("(?:talks)+ ended"), "AND(\"talks\", \" ended\")");
  EXPECT_EQ(Formula("x{2,5}"), "TRUE");
}

TEST(AtomFilterTest, LargeAlternationsBecomeAnOrOfAtoms) {
  std::string verbs;
  for (const char* verb : {"signed", "sealed", "agreed", "struck", "reached", "clinched", "concluded", "inked",
                           "finalised", "finalized", "announced", "unveiled", "ratified", "approved", "backed",
                           "endorsed", "adopted"}) {
    verbs += std::string(verbs.empty() ? "" : "|") + verb;
  }
  // 17 verbs times 2 articles: 34 strings, few enough to look for whole ("signed the deal").
  const std::string product = Formula("(?:" + verbs + ") (?:a|the) deal");
  EXPECT_EQ(product.rfind("OR(", 0), 0u) << product;
  EXPECT_NE(product.find("\"signed the deal\""), std::string::npos) << product;
  EXPECT_NE(product.find("\"adopted a deal\""), std::string::npos) << product;
  // Times 4 articles, 68: more than kMaxExactStrings, so the verbs and the rest are looked for apart.
  const std::string formula = Formula("(?:" + verbs + ") (?:a|the|this|that) deal");
  EXPECT_EQ(formula.rfind("AND(OR(", 0), 0u) << formula;
  EXPECT_NE(formula.find("\"signed \""), std::string::npos) << formula;
  EXPECT_NE(formula.find("\"adopted \""), std::string::npos) << formula;
  EXPECT_NE(formula.find("OR(\"a deal\", \"the deal\", \"that deal\", \"this deal\")"), std::string::npos) << formula;
}

TEST(AtomFilterTest, AnythingNotReadWithCertaintyMakesTheRuleAlwaysACandidate) {
  EXPECT_EQ(Formula("\\1 met"), "TRUE");          // octal or a backreference
  EXPECT_EQ(Formula("(met with"), "TRUE");        // unbalanced
  EXPECT_EQ(Formula("met) with"), "TRUE");
  EXPECT_EQ(Formula("*met"), "TRUE");             // nothing to repeat
  EXPECT_EQ(Formula("[met with"), "TRUE");        // class never closed
  EXPECT_EQ(Formula("met\\"), "TRUE");
  EXPECT_EQ(Formula(std::string(300, '(') + "met" + std::string(300, ')')), "TRUE");  // too deep
  EXPECT_EQ(Formula("x{1234567}met"), "TRUE");
  // A "{" that does not start a count is a literal, as in RE2.
  EXPECT_EQ(Formula("met{,2} with"), "\"met{,2} with\"");
  // A flags directive is no element: the quantifier after it applies to what came before.
  EXPECT_EQ(Formula("metX(?)? with"), "OR(\"met with\", \"metx with\")");
  EXPECT_EQ(Formula("abc(?i)(?s)+ with"), "\" with\"");  // "c+" needs one "c"; "ab" is too short
}

TEST(AtomFilterTest, CandidatesAreTheRulesWhoseFormulaTheTextSatisfies) {
  AtomFilter filter;
  filter.Add("(?i)\\x01(?P<subject>P[0-9]+)\\x02 met (?:with )?\\x01(?P<object>P[0-9]+)\\x02");
  filter.Add("(?i)talks.*with");
  filter.Add("(?i).*");
  filter.Add("(?i)(?:signed|sealed) (?:a|the) deal");
  filter.Compile();
  std::vector<int> rules;
  filter.Candidates("\x01P0\x02 MET \x01P1\x02 for talks.", &rules);
  EXPECT_EQ(rules, (std::vector<int>{0, 2}));
  filter.Candidates("Talks ended with a deal signed.", &rules);
  EXPECT_EQ(rules, (std::vector<int>{1, 2}));
  filter.Candidates("They sealed the deal after talks with him.", &rules);
  EXPECT_EQ(rules, (std::vector<int>{1, 2, 3}));
  filter.Candidates("", &rules);
  EXPECT_EQ(rules, (std::vector<int>{2}));
}

// A sentence with fewer mentions than a rule needs markers cannot match it, whatever its words.
TEST(AtomFilterTest, TooFewMentionMarkersFilterOut) {
  AtomFilter filter;
  filter.Add("\\x01P[0-9]+\\x02 met (?:with )?\\x01P[0-9]+\\x02");  // two markers
  filter.Add("\\x01P[0-9]+\\x02 met(?: \\x01P[0-9]+\\x02)?");     // one
  filter.Add("(?:\\x01P[0-9]+\\x02 )+met");                         // one or more
  filter.Add("(?:\\x01P[0-9]+\\x02){2} met|met \\x01P[0-9]+\\x02");  // one, in the second branch
  filter.Compile();
  std::vector<int> rules;
  filter.Candidates("\x01P0\x02 met \x01P1\x02", &rules);
  EXPECT_EQ(rules, (std::vector<int>{0, 1, 2, 3}));
  filter.Candidates("\x01P0\x02 met his counterpart", &rules);
  EXPECT_EQ(rules, (std::vector<int>{1, 2, 3}));
  filter.Candidates("They met", &rules);
  EXPECT_TRUE(rules.empty());
}

// An OR of two branches with 2 and 9 clauses would need 18 clauses; one clause of each is kept, and it is
// the one least likely to hold: the names, not "with ".
TEST(AtomFilterTest, ACutFormulaKeepsItsRarestClauses) {
  AtomFilter filter;
  filter.Add("with .*(?:ambassador|envoy)|alpha.bravo.charlie.delta.echo.foxtrot.golf.hotel.india");
  filter.Compile();
  std::vector<int> rules;
  filter.Candidates("talks with them", &rules);
  EXPECT_TRUE(rules.empty());
  filter.Candidates("talks with the envoy", &rules);
  EXPECT_EQ(rules, (std::vector<int>{0}));
  filter.Candidates("alpha bravo charlie delta echo foxtrot golf hotel india", &rules);
  EXPECT_EQ(rules, (std::vector<int>{0}));
}

// A case-insensitive regexp matches the Kelvin sign as k and the long s as s; so does the filter.
TEST(AtomFilterTest, CaseFoldingOfNonAsciiLettersKeepsTheRule) {
  AtomFilter filter;
  filter.Add("(?i)kissed");
  filter.Compile();
  std::vector<int> rules;
  const std::string text = "\xE2\x84\xAAi\xC5\xBF\xC5\xBF" "ed";  // KELVIN SIGN i LONG-S LONG-S ed
  ASSERT_TRUE(RE2::PartialMatch(text, "(?i)kissed"));
  filter.Candidates(text, &rules);
  EXPECT_EQ(rules, std::vector<int>{0});
}

// The property everything rests on: whenever RE2 matches a pattern in a text, the filter admits it. The
// patterns are built from pieces of the kinds the rule packs use.
TEST(AtomFilterTest, NeverFiltersOutAMatch) {
  const std::vector<std::string> pieces = {
      "met",  " with", "(?:talks|meeting)", "ha[sd]", "[a-z]+ly ", "(?:the |a )?", ".*", "colou?r", "\\bthe\\b",
      "\\x01", "[0-9]+", "\\x02", "(?:in|at)", " ", "\\QA.B\\E", "(?:x|yy){2}", "s*", "[^,]{0,5}", "(?i:Deal)",
      "(?:signed|sealed|agreed|struck|reached|inked|backed|voted|said|told|urged|asked|named|hit|won|lost|led)",
      "Q(?)?", "e(?s)+", "(?i)the", "(?:\\x01[A-Z][0-9]+\\x02 ?){2}", "[\\x01x]"};
  const std::vector<std::string> texts = {
      "Kerry met with Lavrov for talks.",      "The deal was signed as colour faded.",
      "\x01P1\x02 has met \x01P2\x02 in 2016", "a.b xyyx meeting at the table, deal",
      "quietly met with them",                 "THE TALKS WITH THE COLOR GUARD",
      "sealed 12 inked",                       "",
      "hadmet had met with the a.b color",     "They voted; at the deal: in deal",
      "\x01P0\x02 met with talks x",         "\x01" "C3\x02 \x01P4\x02 sealed the deal with \x01O5\x02"};
  // Every pattern of one to three pieces, and some longer ones.
  std::vector<std::string> patterns;
  for (const std::string& a : pieces) {
    patterns.push_back(a);
    for (const std::string& b : pieces) {
      patterns.push_back(a + b);
      patterns.push_back(a + "|" + b);
      for (size_t c = 0; c < pieces.size(); c += 3) patterns.push_back(a + b + pieces[c]);
    }
  }
  AtomFilter filter;
  std::vector<std::unique_ptr<RE2>> regexps;
  for (const std::string& pattern : patterns) {
    filter.Add("(?i)" + pattern);
    regexps.push_back(std::make_unique<RE2>("(?i)" + pattern));
    ASSERT_TRUE(regexps.back()->ok()) << pattern;
  }
  filter.Compile();
  std::vector<int> admitted;
  size_t matches = 0;
  for (const std::string& text : texts) {
    filter.Candidates(text, &admitted);
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (!RE2::PartialMatch(text, *regexps[i])) continue;
      ++matches;
      EXPECT_TRUE(std::binary_search(admitted.begin(), admitted.end(), static_cast<int>(i)))
          << "pattern " << patterns[i] << " matches \"" << text << "\" but was filtered out";
    }
  }
  EXPECT_GT(matches, 1000u);  // the test tests something
  // Atoms are shared between rules: the products of alternations make more atoms than there are
  // patterns, but not many more.
  EXPECT_LT(filter.atom_count(), 2 * patterns.size());
}

}  // namespace
}  // namespace eg
