// Tests for SlotProbes: the structure reader's count of slot fills, and the property that matters: when
// Fill() answers, it answers what RE2's NFA captures, on every match of every pattern tried.
#include "extract/slot_probes.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/ascii_case.h"
#include "extract/rule_pack.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

// Slots as ExpandRulePattern writes them.
const std::string kS = "\\x01(?P<subject>[POGC][0-9]+)\\x02";
const std::string kO = "\\x01(?P<object>[POGC][0-9]+)\\x02";
const std::string kL = "\\x01(?P<location>[CRLP][0-9]+)\\x02";
const std::string kE = "\\x01[A-Z][0-9]+\\x02";

using Fills = std::array<uint8_t, kSlotCount>;

// A sentence as rules see it, written with "<" and ">" for the bytes that open and close a marker:
// "<P1> met <P2>".
std::string Marked(std::string text) {
  for (char& c : text) {
    if (c == '<') c = '\x01';
    if (c == '>') c = '\x02';
  }
  return text;
}

TEST(SlotProbesTest, CountsTheMostFillsOfEachSlotInOneMatch) {
  EXPECT_EQ(MostFillsPerMatch(kS + " met " + kO), (Fills{1, 1, 0}));
  EXPECT_EQ(MostFillsPerMatch("(?i)" + kS + " met " + kO + "(?: in " + kL + ")?"), (Fills{1, 1, 1}));
  // One slot in each branch of an alternation: still one per match.
  EXPECT_EQ(MostFillsPerMatch("(?:" + kS + " met " + kO + "|" + kO + " was met by " + kS + ")"), (Fills{1, 1, 0}));
  // Repeated, or twice in a row: more than one.
  EXPECT_EQ(MostFillsPerMatch(kS + "(?:, " + kO + ")*"), (Fills{1, 2, 0}));
  EXPECT_EQ(MostFillsPerMatch(kS + "(?:, " + kO + "){2,3}"), (Fills{1, 2, 0}));
  EXPECT_EQ(MostFillsPerMatch(kS + "(?:, " + kO + "){1}"), (Fills{1, 1, 0}));
  EXPECT_EQ(MostFillsPerMatch(kS + "(?:, " + kO + "){0,1}"), (Fills{1, 1, 0}));
  EXPECT_EQ(MostFillsPerMatch(kS + " and " + kS), (Fills{2, 0, 0}));
  // A flags directive is no element: the "*" after it repeats the group before it, as in RE2.
  EXPECT_EQ(MostFillsPerMatch(kS + "(?:, " + kO + ")(?i)*"), (Fills{1, 2, 0}));
  // Text that only looks like a group: in a class, escaped.
  EXPECT_EQ(MostFillsPerMatch("[(?P<subject>]" + kO), (Fills{0, 1, 0}));
  EXPECT_EQ(MostFillsPerMatch("\\(?P<subject>x\\)" + kO), (Fills{0, 1, 0}));
  // What the reader does not know for certain.
  EXPECT_EQ(MostFillsPerMatch("\\Q(\\E" + kS), std::nullopt);
  EXPECT_EQ(MostFillsPerMatch("(" + kS), std::nullopt);
  EXPECT_EQ(MostFillsPerMatch(kS + ")"), std::nullopt);
  EXPECT_EQ(MostFillsPerMatch("*" + kS), std::nullopt);
  EXPECT_EQ(MostFillsPerMatch("(?<" + kS + ")"), std::nullopt);
}

TEST(SlotProbesTest, CountsTheFewestFillsOfEachSlotInOneMatch) {
  EXPECT_EQ(FewestFillsPerMatch(kS + " met " + kO), (Fills{1, 1, 0}));
  EXPECT_EQ(FewestFillsPerMatch("(?i)" + kS + " met " + kO + "(?: in " + kL + ")?"), (Fills{1, 1, 0}));
  // Alternatives: the fewer of the two.
  EXPECT_EQ(FewestFillsPerMatch("(?:" + kS + " met " + kO + "|" + kO + " was met by " + kS + ")"), (Fills{1, 1, 0}));
  EXPECT_EQ(FewestFillsPerMatch("(?:" + kS + "|" + kE + ") met " + kO), (Fills{0, 1, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + " met (?:" + kO + "|)"), (Fills{1, 0, 0}));
  // A repetition that may take no copy fills nothing for certain; one that takes one at least does.
  EXPECT_EQ(FewestFillsPerMatch(kS + "(?:, " + kO + ")*"), (Fills{1, 0, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + "(?:, " + kO + ")+"), (Fills{1, 1, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + "(?:, " + kO + "){2,3}"), (Fills{1, 1, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + "(?:, " + kO + "){0,1}"), (Fills{1, 0, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + "(?:, " + kO + ")(?i)?"), (Fills{1, 0, 0}));
  EXPECT_EQ(FewestFillsPerMatch(kS + " and " + kS), (Fills{2, 0, 0}));
  EXPECT_EQ(FewestFillsPerMatch("(" + kS), std::nullopt);
}

TEST(SlotProbesTest, NoProbesForASlotThatOneMatchCanFillTwice) {
  const RE2::Options options;
  EXPECT_EQ(SlotProbes::Make(kS + "(?:, " + kO + ")*", options), nullptr);
  EXPECT_EQ(SlotProbes::Make(kS + " and " + kS + " met", options), nullptr);
  // A slot group written by hand rather than expanded: its capture need not be a marker's payload.
  EXPECT_EQ(SlotProbes::Make("\\x01(?P<subject>.+?)\\x02 met " + kO, options), nullptr);
  EXPECT_EQ(SlotProbes::Make("(?P<subject>[POGC][0-9]+)\\x02 met " + kO, options), nullptr);
  EXPECT_NE(SlotProbes::Make("(?i)" + kS + " met " + kO, options), nullptr);
}

// The marker offset that RE2's captures put in each slot (the first group of the slot that took part).
std::array<uint32_t, kSlotCount> NfaFills(const RE2& regex, const std::string& text, size_t at) {
  std::vector<re2::StringPiece> groups(static_cast<size_t>(regex.NumberOfCapturingGroups()) + 1);
  EXPECT_TRUE(regex.Match(text, at, text.size(), RE2::ANCHOR_START, groups.data(), static_cast<int>(groups.size())));
  std::array<uint32_t, kSlotCount> fills;
  fills.fill(SlotProbes::kEmpty);
  for (size_t slot = 0; slot < kSlotCount; ++slot) {
    for (const auto& [index, name] : regex.CapturingGroupNames()) {
      const re2::StringPiece& piece = groups[static_cast<size_t>(index)];
      if (name == kSlotNames[slot] && piece.data() != nullptr && fills[slot] == SlotProbes::kEmpty) {
        fills[slot] = static_cast<uint32_t>(piece.data() - text.data() - 1);
      }
    }
  }
  return fills;
}

TEST(SlotProbesTest, FillAgreesWithRe2OnEveryMatchItAnswers) {
  const std::vector<std::string> patterns = {
      "(?i)" + kS + " met (?:with )?" + kO + "(?: (?:in|at) " + kL + ")?",
      "(?i)" + kS + "(?:,? [^,\\x01]+,)? (?:[a-z]+ly )*(?:met|talked)(?: with)? " + kO +
          "(?:(?: [^\\x01,.;]*?)? (?:in|at) (?:" + kE + " (?:city|capital) of )?" + kL + ")?",
      "(?i)(?:" + kS + " and " + kO + "|" + kO + " and " + kS + ") met",
      "(?i)" + kS + " (?:met|talked) (?:[\\w-]+ ){0,3}?" + kO,
      "(?i)" + kS + " .*" + kO,                        // greedy: the last marker, when there are several
      "(?i)" + kS + " .*?" + kO,                       // lazy: the first
      "(?i)" + kS + " .*" + kO + "(?: .*" + kL + ")?",  // either slot may move
      "(?i)" + kS + "(?: and " + kE + ")* met " + kO,
      "(?i)(?:" + kS + "|" + kE + ") met " + kO,
      "(?i)(?:" + kE + " and )?" + kS + " met " + kO,  // the subject is not always first
      "(?i)" + kS + " met (?:" + kO + "|" + kE + ")(?: in " + kL + "| in " + kE + ")?",
      "(?i)" + kS + "(?: [^\\x01]*)? (?:in|at) " + kL,
  };
  const std::vector<std::string> texts = {
      "<P1> met with <P2> in <C3> on Monday",
      "<P1>, the minister, met <P2> and <O4> in <C3>.",
      "<P1> and <P2> met in <C3>",
      "Then <P1> talked with <P2> about <P5> at <L3>",
      "<P1> met <P2> at <C3> capital of <C7> and <P8> in <R9>",
      "<P1> and <G2> met <P3> in <P4>",
      "<C1> finally met <P2> in <C3> in <C4>",
      "<P1> met <P2>",
      "<P1> met quietly in <C2> with <P3> in <C4>",
      "<P1> MET With <P2> IN <C3>",
  };
  // The probes of the rule rewritten to match the lowered text (lower_case_pattern.h), on the lowered
  // text, must answer as RE2 does on the text.
  int answered = 0, refused = 0, answered_lowered = 0;
  for (const std::string& pattern : patterns) {
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 regex(pattern, options);
    ASSERT_TRUE(regex.ok()) << pattern << ": " << regex.error();
    const auto probes = SlotProbes::Make(pattern, options);
    ASSERT_NE(probes, nullptr) << pattern;
    ASSERT_TRUE(pattern.starts_with("(?i)"));
    const auto lowered_probes = SlotProbes::Make(pattern.substr(4), options, /*on_lowered_text=*/true);
    ASSERT_NE(lowered_probes, nullptr) << pattern;
    for (const std::string& written : texts) {
      const std::string text = Marked(written);
      std::vector<uint32_t> markers;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x01') markers.push_back(static_cast<uint32_t>(i));
      }
      for (uint32_t at : markers) {
        re2::StringPiece whole;
        if (!regex.Match(text, at, text.size(), RE2::ANCHOR_START, &whole, 1)) continue;
        const size_t end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
        std::array<uint32_t, kSlotCount> filled;
        std::string lower = text;
        LowerAsciiInPlace(lower.data(), lower.size());
        if (lowered_probes->Fill(lower, at, end, markers, &filled)) {
          ++answered_lowered;
          EXPECT_EQ(filled, NfaFills(regex, text, at)) << pattern << "\non the lowered: " << text << "\nat " << at;
        }
        if (!probes->Fill(text, at, end, markers, &filled)) {
          ++refused;
          continue;
        }
        ++answered;
        EXPECT_EQ(filled, NfaFills(regex, text, at)) << pattern << "\non: " << text << "\nat " << at;
      }
    }
  }
  // Most matches are answered; the ambiguous ones (".*" before a slot with markers to spare) are not.
  EXPECT_GT(answered, 60);
  EXPECT_GT(refused, 5);
  EXPECT_EQ(answered_lowered, answered);
}

TEST(SlotProbesTest, RefusesWhenASlotCanBeFilledTwoWays) {
  // The match runs to the end of the text either way; RE2 takes the last object (the first ".*" is
  // greedy), the probes see two.
  const std::string pattern = "(?i)" + kS + " met .*" + kO + ".*";
  const auto probes = SlotProbes::Make(pattern, RE2::Options());
  ASSERT_NE(probes, nullptr);
  const std::string text = Marked("<P1> met <P2> and <P3>");
  std::array<uint32_t, kSlotCount> filled;
  EXPECT_FALSE(probes->Fill(text, 0, text.size(), {0, 9, 18}, &filled));
  // With one object on offer there is one way. The match's end can decide too: ".*" then a slot that
  // ends the match leaves the last marker only.
  const std::string one = Marked("<P1> met <P2>");
  ASSERT_TRUE(probes->Fill(one, 0, one.size(), {0, 9}, &filled));
  EXPECT_EQ(filled, (std::array<uint32_t, kSlotCount>{0, 9, SlotProbes::kEmpty}));
  const auto to_the_end = SlotProbes::Make("(?i)" + kS + " met .*" + kO, RE2::Options());
  ASSERT_TRUE(to_the_end->Fill(text, 0, text.size(), {0, 9, 18}, &filled));
  EXPECT_EQ(filled, (std::array<uint32_t, kSlotCount>{0, 18, SlotProbes::kEmpty}));
}

// The default packs on real text, processed again and again: a rule's probes are built at its
// kProbeAfterMatches-th match, and from then on its captures come from them rather than from RE2's NFA.
// The events must not change.
TEST(SlotProbesTest, EventsAreTheSameBeforeAndAfterTheProbesAreBuilt) {
  const std::vector<std::string> texts = eg_test::SampleAndSeedTexts();
  std::vector<std::string> first;
  size_t events = 0;
  const uint32_t rounds = RulePack::LazyRegex::kProbeAfterMatches + 8;
  for (uint32_t round = 0; round < rounds; ++round) {
    for (size_t t = 0; t < texts.size(); ++t) {
      const Document doc = eg_test::Process(eg_test::DefaultExtractor(), "d", texts[t], "2016-03-24");
      if (round == 0) {
        first.push_back(eg_test::EventLines(doc));
        events += doc.events.size();
      } else {
        ASSERT_EQ(eg_test::EventLines(doc), first[t]) << "round " << round << ", text " << t;
      }
    }
  }
  EXPECT_GT(events, 5u);
}

}  // namespace
}  // namespace eg
