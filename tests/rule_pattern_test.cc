// Tests for extract/rule_pattern: slot and macro expansion, and the marker-substituted sentence view.
#include "extract/rule_pattern.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "extract/document.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

using Macros = std::map<std::string, std::string, std::less<>>;

std::string Expanded(std::string_view pattern, const Macros& macros = {}) {
  std::string expanded, error;
  EXPECT_TRUE(ExpandRulePattern(pattern, macros, &expanded, &error)) << pattern << ": " << error;
  return expanded;
}

std::string ErrorOf(std::string_view pattern, const Macros& macros = {}) {
  std::string expanded, error;
  EXPECT_FALSE(ExpandRulePattern(pattern, macros, &expanded, &error)) << pattern << " -> " << expanded;
  return error;
}

TEST(RulePatternTest, SlotsExpandToMarkerCaptures) {
  EXPECT_EQ(Expanded("{subject:ACTOR} met {object:PERSON} in {location:PLACE}"),
            "\\x01(?P<subject>[POGCK][0-9]+)\\x02 met \\x01(?P<object>[P][0-9]+)\\x02 in "
            "\\x01(?P<location>[TRLXCK][0-9]+)\\x02");
  EXPECT_EQ(Expanded("{subject:ANY}"), "\\x01(?P<subject>[POGCTRLXK][0-9]+)\\x02");
  EXPECT_EQ(Expanded("{subject:COUNTRY}{object:LANDMARK}"),
            "\\x01(?P<subject>[C][0-9]+)\\x02\\x01(?P<object>[LK][0-9]+)\\x02");
}

TEST(RulePatternTest, EntityIsAnUncapturedMarker) {
  EXPECT_EQ(Expanded("{subject:ACTOR} and {ENTITY}"), "\\x01(?P<subject>[POGCK][0-9]+)\\x02 and \\x01[A-Z][0-9]+\\x02");
}

TEST(RulePatternTest, MacrosExpandInNonCapturingGroups) {
  const Macros macros = {{"MEET", "met|meets|{WITH}"}, {"WITH", "talked with"}};
  EXPECT_EQ(Expanded("a {MEET} b", macros), "a (?:met|meets|(?:talked with)) b");
}

TEST(RulePatternTest, UnknownMacro) {
  std::string error = ErrorOf("{subject:ACTOR} {MEETS} {object:ACTOR}", {{"MEET", "met"}});
  EXPECT_NE(error.find("unknown macro {MEETS}"), std::string::npos) << error;
  // Also inside another macro.
  error = ErrorOf("{A}", {{"A", "x{B}"}});
  EXPECT_NE(error.find("unknown macro {B}"), std::string::npos) << error;
}

TEST(RulePatternTest, RecursiveMacrosAreAnError) {
  std::string error = ErrorOf("{LOOP}", {{"LOOP", "a{LOOP}"}});
  EXPECT_NE(error.find("nest too deeply"), std::string::npos) << error;
  error = ErrorOf("{PING}", {{"PING", "{PONG}{PONG}{PONG}"}, {"PONG", "{PING}{PING}{PING}"}});
  EXPECT_NE(error.find("nest too deeply"), std::string::npos) << error;
}

TEST(RulePatternTest, UnknownSlotName) {
  std::string error = ErrorOf("{actor:ACTOR} met {object:ACTOR}");
  EXPECT_NE(error.find("unknown slot \"actor\""), std::string::npos) << error;
}

TEST(RulePatternTest, UnknownSlotType) {
  std::string error = ErrorOf("{subject:ACTORS} met");
  EXPECT_NE(error.find("unknown slot type \"ACTORS\""), std::string::npos) << error;
  error = ErrorOf("{subject:actor} met");
  EXPECT_NE(error.find("unknown slot type \"actor\""), std::string::npos) << error;
}

TEST(RulePatternTest, RepetitionsAreLeftAlone) {
  EXPECT_EQ(Expanded("(?:\\w+ ){2,3}x{2}y{1,}"), "(?:\\w+ ){2,3}x{2}y{1,}");
  EXPECT_EQ(Expanded("a{,3} {"), "a{,3} {");
}

TEST(RulePatternTest, EscapedBracesAreLiteral) {
  EXPECT_EQ(Expanded("\\{ENTITY\\} \\{subject:ACTOR}"), "\\{ENTITY\\} \\{subject:ACTOR}");
}

TEST(RulePatternTest, UnicodeClassesAndHexEscapesAreNotMacros) {
  // \p{L}, \P{N} and \x{A0} are RE2 syntax whose braces hold an upper-case name.
  EXPECT_EQ(Expanded("\\p{L}+ \\P{N} \\x{A0} \\p{Greek}"), "\\p{L}+ \\P{N} \\x{A0} \\p{Greek}");
  EXPECT_EQ(Expanded("\\pL{2}"), "\\pL{2}");
}

TEST(RulePatternTest, ExpandedIsReplacedNotAppended) {
  std::string expanded = "old", error;
  ASSERT_TRUE(ExpandRulePattern("new", {}, &expanded, &error));
  EXPECT_EQ(expanded, "new");
}

// A document with hand-made mentions, so the view can be checked without a gazetteer.
struct ViewFixture {
  Entity kerry;
  Entity geneva;
  Document doc;

  explicit ViewFixture(std::string text) {
    kerry.id = "person:kerry";
    kerry.type = EntityType::kPerson;
    geneva.id = "city:geneva";
    geneva.type = EntityType::kCity;
    doc.text = std::move(text);
    Tokenize(&doc);
  }
  void AddMention(std::string_view name, const Entity* entity) {
    const uint32_t begin = static_cast<uint32_t>(doc.text.find(name));
    Mention mention;
    mention.span = {begin, begin + static_cast<uint32_t>(name.size())};
    mention.entity = entity;
    for (const Sentence& sentence : doc.sentences) {
      if (sentence.span.begin <= begin && begin < sentence.span.end) {
        mention.sentence = static_cast<uint32_t>(&sentence - doc.sentences.data());
      }
    }
    doc.mentions.push_back(mention);
  }
};

TEST(SentenceViewTest, MarkersAndNormalisation) {
  ViewFixture f("Kerry’s  “visit” —\n\tin\u00A0Geneva");
  f.AddMention("Kerry", &f.kerry);
  f.AddMention("Geneva", &f.geneva);
  SentenceView view;
  view.Build(f.doc, 0, 0, 2);
  EXPECT_EQ(view.text(), "\x01P0\x02's \"visit\" - in \x01T1\x02");
  // Bytes map back to the document: the marker to the mention, "'s" to "’s".
  EXPECT_EQ(view.Original(0, 4), (Span{0, 5}));
  EXPECT_EQ(view.Original(4, 6), (Span{5, 9}));
  EXPECT_EQ(view.Original(0, view.text().size()), (Span{0, static_cast<uint32_t>(f.doc.text.size())}));
  // Surrounding spaces are trimmed.
  const size_t in = view.text().find(" in ");
  EXPECT_EQ(f.doc.Text(view.Original(in, in + 4)), "in");
}

TEST(SentenceViewTest, EveryLetterMapsBackToItself) {
  // Each kind of break in the mapping (a marker, a run of spaces read as one, a character written as
  // another, a character of several bytes copied), then letters that must map back to themselves.
  ViewFixture f("Kerry said  \t“yes”\u00A0in Genève — then\u2003\u2003Geneva ok.");
  f.AddMention("Kerry", &f.kerry);
  f.AddMention("Geneva", &f.geneva);
  SentenceView view;
  view.Build(f.doc, 0, 0, 2);
  ASSERT_EQ(view.text(), "\x01P0\x02 said \"yes\" in Genève - then \x01T1\x02 ok.");
  size_t letters = 0;
  for (size_t i = 0; i < view.text().size(); ++i) {
    const char c = view.text()[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) || (i > 0 && view.text()[i - 1] == '\x01')) continue;
    EXPECT_EQ(f.doc.Text(view.Original(i, i + 1)), std::string(1, c)) << "at " << i;
    ++letters;
  }
  EXPECT_EQ(letters, 20u);
  const size_t yes = view.text().find("\"yes\"");
  EXPECT_EQ(f.doc.Text(view.Original(yes, yes + 5)), "“yes”");
  const size_t city = view.text().find("Genève");
  EXPECT_EQ(f.doc.Text(view.Original(city, city + 7)), "Genève");
  EXPECT_EQ(f.doc.Text(view.Original(city, view.text().size())), "Genève — then\u2003\u2003Geneva ok.");
}

TEST(SentenceViewTest, LowerTextLowersAsciiCapitals) {
  ViewFixture f("KERRY Met In GENEVA, Ça Va, ÉTÉ OK");
  f.AddMention("KERRY", &f.kerry);
  f.AddMention("GENEVA", &f.geneva);
  SentenceView view;
  view.Build(f.doc, 0, 0, 2);
  EXPECT_EQ(view.text(), "\x01P0\x02 Met In \x01T1\x02, Ça Va, ÉTÉ OK");
  EXPECT_EQ(view.lower_text(), "\x01p0\x02 met in \x01t1\x02, Ça va, ÉtÉ ok");
}

TEST(SentenceViewTest, MentionIndexesAreDocumentWide) {
  ViewFixture f("Kerry left. Kerry met Geneva.");
  ASSERT_EQ(f.doc.sentences.size(), 2u);
  f.AddMention("Kerry", &f.kerry);
  Mention second = f.doc.mentions[0];
  second.span = {12, 17};
  second.sentence = 1;
  f.doc.mentions.push_back(second);
  f.AddMention("Geneva", &f.geneva);
  f.doc.mentions[2].sentence = 1;
  SentenceView view;
  view.Build(f.doc, 1, 1, 3);
  EXPECT_EQ(view.text(), "\x01P1\x02 met \x01T2\x02.");
  EXPECT_EQ(f.doc.Text(view.Original(0, view.text().size())), "Kerry met Geneva.");
  // Building again reuses the view and forgets the old sentence.
  view.Build(f.doc, 0, 0, 1);
  EXPECT_EQ(view.text(), "\x01P0\x02 left.");
}

TEST(SentenceViewTest, ControlCharactersInTheTextCannotForgeMarkers) {
  ViewFixture f("Kerry met \x01P0\x02 today.");
  f.AddMention("Kerry", &f.kerry);
  SentenceView view;
  view.Build(f.doc, 0, 0, 1);
  size_t markers = 0;
  for (char c : view.text()) markers += c == '\x01';
  EXPECT_EQ(markers, 1u) << view.text();
}

}  // namespace
}  // namespace eg
