// Tests for extract/rule_pack: loading rules, errors, and events found in annotated sentences.
#include "extract/rule_pack.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/gazetteer.h"
#include "extract/input_error.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({
  "titles": ["Secretary of State", "Foreign Minister", "President", "Mr"],
  "entities": [
    {"id": "country:usa", "label": "United States", "type": "COUNTRY", "aliases": ["U.S.", "US", "USA"]},
    {"id": "country:russia", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "country": "country:russia"},
    {"id": "landmark:kremlin", "label": "the Kremlin", "type": "LANDMARK", "aliases": ["Kremlin"], "located_in": "city:moscow"},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]},
    {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov", "Sergey Lavrov"]},
    {"id": "person:vladimir_putin", "label": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"]}
  ]
})";

constexpr char kRules[] = R"json({
  "name": "test rules",
  "macros": {
    "MEET": "(?:met|meets|meet|{MEETING})",
    "MEETING": "held talks with|sat down with"
  },
  "rules": [
    {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "symmetric": true, "confidence": 0.9,
     "pattern": "{subject:ACTOR} (?:(?:did not|didn't|will) )?{MEET} (?:with )?{object:ACTOR}(?: (?:in|at) {location:PLACE})?"},
    {"id": "criticize", "relation": "criticized", "cameo": "111", "goldstein": -2,
     "pattern": "{subject:ACTOR} (?:criticized|criticised) {object:ACTOR}"},
    {"id": "arrive", "relation": "arrived in", "cameo": "032", "goldstein": 1.5,
     "pattern": "{subject:ACTOR} (?:arrived|landed) in {location:PLACE}"},
    {"id": "shout", "relation": "denounced", "cameo": "111", "goldstein": -3, "case_sensitive": true,
     "pattern": "{subject:ACTOR} DENOUNCED {object:ACTOR}"}
  ]
})json";

class RulePackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = new Gazetteer;
    gazetteer_->AddPack(kGazetteer, "gazetteer.json");
    gazetteer_->Finish();
    rules_ = new RulePack;
    rules_->AddPack(kRules, "rules.json");
    rules_->Compile();
  }
  static void TearDownTestSuite() {
    delete rules_;
    delete gazetteer_;
  }

  static Document Run(std::string text) {
    Document doc;
    doc.text = std::move(text);
    doc.date = "2016-09-09";
    Tokenize(&doc);
    gazetteer_->Annotate(&doc);
    rules_->Apply(&doc);
    return doc;
  }

  // "subject relation object @location" per event, ids shortened to what follows the ':'.
  static std::vector<std::string> Events(std::string text) {
    Document doc = Run(std::move(text));
    std::vector<std::string> out;
    auto name = [](const Argument& argument) {
      if (!argument) return std::string("-");
      return argument.entity->id.substr(argument.entity->id.find(':') + 1);
    };
    for (const Event& event : doc.events) {
      out.push_back(name(event.subject) + " " + event.rule->relation + " " + name(event.object) + " @" +
                    name(event.location) + (event.polarity == Polarity::kNegative ? " NOT" : ""));
    }
    return out;
  }

  static Gazetteer* gazetteer_;
  static RulePack* rules_;
};

Gazetteer* RulePackTest::gazetteer_ = nullptr;
RulePack* RulePackTest::rules_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(RulePackTest, LoadsRules) {
  ASSERT_EQ(rules_->rule_count(), 4u);
  const Rule& meet = rules_->rule(0);
  EXPECT_EQ(meet.id, "meet");
  EXPECT_EQ(meet.relation, "met");
  EXPECT_EQ(meet.cameo, "040");
  EXPECT_EQ(meet.quad_class, 1);
  EXPECT_DOUBLE_EQ(meet.goldstein, 1.0);
  EXPECT_TRUE(meet.symmetric);
  EXPECT_DOUBLE_EQ(meet.confidence, 0.9);
  EXPECT_EQ(meet.file, "rules.json");
  EXPECT_EQ(rules_->LineOf(meet), 8u);
  EXPECT_EQ(rules_->rule(1).quad_class, 3);
  EXPECT_FALSE(rules_->rule(1).symmetric);
  EXPECT_DOUBLE_EQ(rules_->rule(1).confidence, 0.8);  // the default
  EXPECT_DOUBLE_EQ(rules_->rule(2).goldstein, 1.5);
}

TEST_F(RulePackTest, SubjectObjectLocationAndMatchSpan) {
  Document doc = Run("On Friday, Kerry met Lavrov in Geneva.");
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& event = doc.events[0];
  EXPECT_EQ(event.subject.entity->id, "person:john_kerry");
  EXPECT_EQ(doc.Text(event.subject.span), "Kerry");
  EXPECT_EQ(event.object.entity->id, "person:sergei_lavrov");
  EXPECT_EQ(doc.Text(event.object.span), "Lavrov");
  EXPECT_EQ(event.location.entity->id, "city:geneva");
  EXPECT_EQ(doc.Text(event.location.span), "Geneva");
  EXPECT_EQ(event.match, (Span{11, 37}));
  EXPECT_EQ(doc.Text(event.match), "Kerry met Lavrov in Geneva");
  EXPECT_EQ(event.sentence, 0u);
  EXPECT_EQ(event.rule, &rules_->rule(0));
  EXPECT_EQ(event.date, "2016-09-09");
  EXPECT_EQ(event.polarity, Polarity::kPositive);
  EXPECT_DOUBLE_EQ(event.confidence, 0.9);
}

TEST_F(RulePackTest, TitledPersonIsTheObjectAndLandmarkLocatesInItsCity) {
  Document doc = Run("Kerry met Russia’s President Vladimir Putin at the Kremlin on Tuesday.");
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& event = doc.events[0];
  EXPECT_EQ(event.object.entity->id, "person:vladimir_putin");
  EXPECT_EQ(doc.Text(event.object.span), "Russia’s President Vladimir Putin");
  EXPECT_EQ(event.location.entity->id, "city:moscow");
  EXPECT_EQ(doc.Text(event.location.span), "the Kremlin");
  EXPECT_EQ(doc.Text(event.match), "Kerry met Russia’s President Vladimir Putin at the Kremlin");
}

TEST_F(RulePackTest, TitledSubjectAndMacros) {
  EXPECT_EQ(Events("U.S. Secretary of State John Kerry held talks with Russian Foreign Minister Sergei Lavrov "
                   "in Geneva on Friday."),
            (Strings{"john_kerry met sergei_lavrov @geneva"}));
  EXPECT_EQ(Events("Kerry sat down with Lavrov."), (Strings{"john_kerry met sergei_lavrov @-"}));
}

TEST_F(RulePackTest, APlaceIsNeverAnActor) {
  EXPECT_EQ(Events("Kerry met Geneva."), Strings{});
  EXPECT_EQ(Events("Geneva met Kerry."), Strings{});
  EXPECT_EQ(Events("Kerry criticized the Kremlin."), Strings{});
  // A country is an actor, and a person is not a place.
  EXPECT_EQ(Events("Kerry met Russia in Geneva."), (Strings{"john_kerry met russia @geneva"}));
  EXPECT_EQ(Events("Kerry met Lavrov in Putin."), (Strings{"john_kerry met sergei_lavrov @-"}));
}

TEST_F(RulePackTest, Negation) {
  EXPECT_EQ(Events("Kerry did not meet Lavrov in Geneva."), (Strings{"john_kerry met sergei_lavrov @geneva NOT"}));
  EXPECT_EQ(Events("Kerry didn’t meet Lavrov."), (Strings{"john_kerry met sergei_lavrov @- NOT"}));
  EXPECT_EQ(Events("Kerry will meet Lavrov."), (Strings{"john_kerry met sergei_lavrov @-"}));
  // A negation outside the matched text does not count.
  EXPECT_EQ(Events("Not surprisingly, Kerry met Lavrov."), (Strings{"john_kerry met sergei_lavrov @-"}));
}

TEST_F(RulePackTest, SymmetricDuplicatesAreSuppressedWithinASentence) {
  EXPECT_EQ(Events("Kerry met Lavrov, and Lavrov met Kerry in Geneva."),
            (Strings{"john_kerry met sergei_lavrov @geneva"}));
  // Not across sentences.
  EXPECT_EQ(Events("Kerry met Lavrov. Lavrov met Kerry."),
            (Strings{"john_kerry met sergei_lavrov @-", "sergei_lavrov met john_kerry @-"}));
  // Not for an asymmetric rule.
  EXPECT_EQ(Events("Kerry criticized Lavrov, and Lavrov criticized Kerry."),
            (Strings{"john_kerry criticized sergei_lavrov @-", "sergei_lavrov criticized john_kerry @-"}));
}

TEST_F(RulePackTest, SameEntityOnBothSidesIsNoEvent) {
  EXPECT_EQ(Events("Kerry met John Kerry."), Strings{});
}

TEST_F(RulePackTest, LiteralTextIsCaseInsensitiveByDefault) {
  EXPECT_EQ(Events("KERRY MET LAVROV"), (Strings{"john_kerry met sergei_lavrov @-"}));
  EXPECT_EQ(Events("Kerry Criticised Lavrov."), (Strings{"john_kerry criticized sergei_lavrov @-"}));
}

TEST_F(RulePackTest, CaseSensitiveRule) {
  EXPECT_EQ(Events("Kerry DENOUNCED Lavrov."), (Strings{"john_kerry denounced sergei_lavrov @-"}));
  EXPECT_EQ(Events("Kerry denounced Lavrov."), Strings{});
}

TEST_F(RulePackTest, RuleWithoutObject) {
  Document doc = Run("Lavrov arrived in Geneva on Thursday.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_FALSE(doc.events[0].object);
  EXPECT_EQ(doc.events[0].subject.entity->id, "person:sergei_lavrov");
  EXPECT_EQ(doc.events[0].location.entity->id, "city:geneva");
  EXPECT_EQ(doc.Text(doc.events[0].match), "Lavrov arrived in Geneva");
}

TEST_F(RulePackTest, EventsAreOrderedBySentenceThenPosition) {
  // The criticism comes first in the sentence although its rule comes second in the pack.
  Document doc = Run("Putin criticized Kerry, and Kerry met Lavrov. Lavrov arrived in Moscow.");
  ASSERT_EQ(doc.events.size(), 3u);
  for (size_t i = 1; i < doc.events.size(); ++i) {
    const Event& a = doc.events[i - 1];
    const Event& b = doc.events[i];
    EXPECT_TRUE(a.sentence < b.sentence || (a.sentence == b.sentence && a.match.begin <= b.match.begin))
        << "event " << i;
  }
  EXPECT_EQ(doc.events[0].rule->id, "criticize");
  EXPECT_EQ(doc.events[1].rule->id, "meet");
  EXPECT_EQ(doc.events[2].rule->id, "arrive");
}

TEST_F(RulePackTest, SentencesWithoutMentionsOrMatchesGiveNothing) {
  EXPECT_EQ(Events(""), Strings{});
  EXPECT_EQ(Events("Nobody met anybody."), Strings{});
  EXPECT_EQ(Events("Kerry and Lavrov talked."), Strings{});
}

TEST_F(RulePackTest, ApplyAppends) {
  Document doc = Run("Kerry met Lavrov.");
  rules_->Apply(&doc);
  EXPECT_EQ(doc.events.size(), 2u);
}

TEST(QuadClassTest, OfCameo) {
  EXPECT_EQ(QuadClassOfCameo("010"), 1);
  EXPECT_EQ(QuadClassOfCameo("040"), 1);
  EXPECT_EQ(QuadClassOfCameo("0531"), 1);
  EXPECT_EQ(QuadClassOfCameo("06"), 2);
  EXPECT_EQ(QuadClassOfCameo("081"), 2);
  EXPECT_EQ(QuadClassOfCameo("09"), 3);
  EXPECT_EQ(QuadClassOfCameo("111"), 3);
  EXPECT_EQ(QuadClassOfCameo("138"), 3);
  EXPECT_EQ(QuadClassOfCameo("14"), 4);
  EXPECT_EQ(QuadClassOfCameo("190"), 4);
  EXPECT_EQ(QuadClassOfCameo("204"), 4);
  EXPECT_EQ(QuadClassOfCameo("00"), 0);
  EXPECT_EQ(QuadClassOfCameo("21"), 0);
  EXPECT_EQ(QuadClassOfCameo("1"), 0);
  EXPECT_EQ(QuadClassOfCameo(""), 0);
  EXPECT_EQ(QuadClassOfCameo("0A"), 0);
  EXPECT_EQ(QuadClassOfCameo("1/"), 0);
  EXPECT_EQ(QuadClassOfCameo("ab"), 0);
}

// Runs AddPack and Compile on json and returns the InputError thrown.
InputError ErrorOf(const std::string& json) {
  RulePack pack;
  try {
    pack.AddPack(json, "my_rules.json");
    pack.Compile();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for " << json;
  return InputError("", 0, "", "");
}

// A pack whose second rule, on line 5, has the given pattern.
std::string PackWithPattern(const std::string& pattern) {
  return "{\"macros\": {\"MEET\": \"met\", \"LOOP\": \"a{LOOP}\"},\n"
         "  \"rules\": [\n"
         "    {\"id\": \"ok\", \"relation\": \"met\", \"cameo\": \"040\", \"goldstein\": 1,\n"
         "     \"pattern\": \"{subject:ACTOR} met {object:ACTOR}\"},\n"
         "    {\"id\": \"bad\", \"relation\": \"met\", \"cameo\": \"040\", \"goldstein\": 1, \"pattern\": \"" +
         pattern + "\"}\n  ]\n}";
}

TEST(RulePackErrorTest, PatternErrorsNameFileLineAndField) {
  struct Case {
    std::string pattern;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"{subject:ACTOR} (?:met with {object:ACTOR}", "invalid regular expression"},
      {"{subject:ACTOR} {MEETS} {object:ACTOR}", "unknown macro {MEETS}"},
      {"{subject:ACTOR} {LOOP}", "nest too deeply"},
      {"{actor:ACTOR} met {object:ACTOR}", "unknown slot \"actor\""},
      {"{subject:ACTORS} met {object:ACTOR}", "unknown slot type"},
      {"{object:ACTOR} met {location:PLACE}", "{subject:TYPE}"},
  };
  for (const Case& c : cases) {
    InputError error = ErrorOf(PackWithPattern(c.pattern));
    EXPECT_EQ(error.file(), "my_rules.json") << c.pattern;
    EXPECT_EQ(error.line(), 5u) << c.pattern;
    EXPECT_EQ(error.field(), "/rules/1/pattern") << c.pattern;
    EXPECT_NE(error.message().find(c.message), std::string::npos) << c.pattern << " -> " << error.what();
    EXPECT_EQ(std::string(error.what()).rfind("my_rules.json:5: /rules/1/pattern: ", 0), 0u) << error.what();
  }
}

TEST(RulePackErrorTest, DuplicateRuleId) {
  InputError error = ErrorOf(R"({"rules": [
  {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} met"},
  {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} meets"}
]})");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "/rules/1/id");
  EXPECT_NE(error.message().find("duplicate rule id \"meet\""), std::string::npos) << error.what();
}

TEST(RulePackErrorTest, SchemaErrors) {
  InputError unknown = ErrorOf(R"({"rules": [
  {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
   "patern": "{subject:ACTOR} met"}
]})");
  EXPECT_EQ(unknown.line(), 3u);
  EXPECT_EQ(unknown.field(), "/rules/0/patern");
  EXPECT_NE(unknown.message().find("unknown field"), std::string::npos) << unknown.what();

  InputError cameo = ErrorOf(R"({"rules": [
  {"id": "meet", "relation": "met", "cameo": "40a", "goldstein": 1, "pattern": "{subject:ACTOR} met"}
]})");
  EXPECT_EQ(cameo.line(), 2u);
  EXPECT_EQ(cameo.field(), "/rules/0/cameo");

  InputError root = ErrorOf(R"({"rules": [
  {"id": "meet", "relation": "met", "cameo": "25", "goldstein": 1, "pattern": "{subject:ACTOR} met"}
]})");
  EXPECT_EQ(root.field(), "/rules/0/cameo");
  EXPECT_NE(root.message().find("01 to 20"), std::string::npos) << root.what();

  InputError missing = ErrorOf(R"({"rules": [
  {"id": "meet", "relation": "met", "cameo": "040", "pattern": "{subject:ACTOR} met"}
]})");
  EXPECT_EQ(missing.field(), "/rules/0");
  EXPECT_NE(missing.message().find("missing required field \"goldstein\""), std::string::npos) << missing.what();

  InputError macro_name = ErrorOf("{\"macros\": {\"MEET\": \"met\",\n \"meet\": \"met\"}, \"rules\": []}");
  EXPECT_EQ(macro_name.line(), 2u);
  EXPECT_EQ(macro_name.field(), "/macros/meet");
  EXPECT_NE(macro_name.message().find("unknown field"), std::string::npos) << macro_name.what();

  InputError macro_type = ErrorOf("{\"macros\": {\"MEET\": \"met\",\n \"VISIT\": 5}, \"rules\": []}");
  EXPECT_EQ(macro_type.line(), 2u);
  EXPECT_EQ(macro_type.field(), "/macros/VISIT");

  InputError negation = ErrorOf("{\"negation\": \"(not\",\n \"rules\": []}");
  EXPECT_EQ(negation.line(), 1u);
  EXPECT_EQ(negation.field(), "/negation");
}

TEST(RulePackCustomTest, NegationPatternAndLaterPackReplacesRule) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kGazetteer, "gazetteer.json");
  gazetteer.Finish();
  RulePack pack;
  pack.AddPack(R"({"rules": [
    {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} met {object:ACTOR}"},
    {"id": "visit", "relation": "visited", "cameo": "042", "goldstein": 1.9, "pattern": "{subject:ACTOR} (?:never )?visited {object:ACTOR}"}
  ]})",
               "a.json");
  pack.AddPack(R"({"negation": "\\bnicht\\b", "rules": [
    {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} (?:nicht )?traf {object:ACTOR}"}
  ]})",
               "b.json");
  pack.Compile();
  ASSERT_EQ(pack.rule_count(), 2u);
  EXPECT_EQ(pack.rule(0).id, "meet");
  EXPECT_EQ(pack.rule(0).file, "b.json");
  EXPECT_EQ(pack.rule(1).id, "visit");
  Document doc;
  doc.text = "Kerry met Lavrov. Kerry nicht traf Lavrov. Kerry never visited Russia.";
  Tokenize(&doc);
  gazetteer.Annotate(&doc);
  pack.Apply(&doc);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].sentence, 1u);
  EXPECT_EQ(doc.events[0].polarity, Polarity::kNegative);
  EXPECT_EQ(doc.events[1].rule->id, "visit");
  EXPECT_EQ(doc.events[1].polarity, Polarity::kPositive);  // the pack's negation replaced the default
}

// Apply() tests the negation only in sentences that hold its words (the prefilter finds them): in any
// case, and after the view's normalising ("didn’t" is "didn't"). A negation without such words (the filter
// reads "n\w*t" as asking for nothing) is tested at every event.
TEST(RulePackCustomTest, NegationIsFoundWhateverThePrefilterCanRead) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kGazetteer, "gazetteer.json");
  gazetteer.Finish();
  const char* rules = R"({"rules": [
    {"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} (?:[\\w']+ )?met {object:ACTOR}"}]})";
  auto polarities = [&](const std::string& negation, const std::string& text) {
    RulePack pack;
    pack.AddPack(negation.empty() ? std::string(rules) : "{\"negation\": \"" + negation + "\", " + (rules + 1),
                 "r.json");
    pack.Compile();
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer.Annotate(&doc);
    pack.Apply(&doc);
    std::string out;
    for (const Event& event : doc.events) out += event.polarity == Polarity::kNegative ? "-" : "+";
    return out;
  };
  EXPECT_EQ(polarities("", "Kerry NEVER met Lavrov. Kerry then met Lavrov. Kerry didn’t met Lavrov."), "-+-");
  EXPECT_EQ(polarities("\\\\bn\\\\w*t\\\\b", "Kerry nicht met Lavrov. Kerry then met Lavrov. Kerry not met Lavrov."),
            "-+-");
}

TEST(RulePackCustomTest, ExplicitQuadClassWins) {
  RulePack pack;
  pack.AddPack(R"({"rules": [{"id": "r", "relation": "met", "cameo": "040", "goldstein": 1, "quad_class": 2,
    "pattern": "{subject:ACTOR} met"}]})",
               "a.json");
  EXPECT_EQ(pack.rule(0).quad_class, 2);
}

TEST(RulePackCustomTest, ApplyBeforeCompileIsALogicError) {
  RulePack pack;
  Document doc;
  EXPECT_THROW(pack.Apply(&doc), std::logic_error);
}

TEST(RulePackCustomTest, SlotInEachBranchOfAnAlternation) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kGazetteer, "gazetteer.json");
  gazetteer.Finish();
  RulePack pack;
  pack.AddPack(R"({"rules": [{"id": "host", "relation": "hosted", "cameo": "042", "goldstein": 1.9,
    "pattern": "{subject:ACTOR} hosted {object:ACTOR}|{object:ACTOR} was hosted by {subject:ACTOR}"}]})",
               "rules.json");
  pack.Compile();
  for (const char* text : {"Putin hosted Kerry.", "Kerry was hosted by Putin."}) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer.Annotate(&doc);
    pack.Apply(&doc);
    ASSERT_EQ(doc.events.size(), 1u) << text;
    EXPECT_EQ(doc.events[0].subject.entity->id, "person:vladimir_putin") << text;
    EXPECT_EQ(doc.events[0].object.entity->id, "person:john_kerry") << text;
  }
}

TEST(RulePackCustomTest, UnlessBeforeAndUnlessAfterVetoAMatchByItsContext) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kGazetteer, "gazetteer.json");
  gazetteer.Finish();
  RulePack pack;
  pack.AddPack(R"({"macros": {"HEDGE": "should|would|may"}, "rules": [{"id": "meet", "relation": "met",
    "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} met {object:ACTOR}",
    "unless_before": "\\b(?:both|whether|{HEDGE}) $", "unless_after": " (?:is|was) expected\\b"}]})",
               "rules.json");
  pack.Compile();
  auto events = [&](const char* text) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer.Annotate(&doc);
    pack.Apply(&doc);
    return doc.events.size();
  };
  EXPECT_EQ(events("Kerry met Lavrov."), 1u);
  EXPECT_EQ(events("Yesterday Kerry met Lavrov in the end."), 1u);
  EXPECT_EQ(events("Both Kerry met Lavrov."), 0u) << "unless_before, in any case";
  EXPECT_EQ(events("It is unclear whether Kerry met Lavrov."), 0u);
  EXPECT_EQ(events("They said that Kerry met Lavrov."), 1u);
  EXPECT_EQ(events("Kerry met Lavrov was expected by many."), 0u) << "unless_after";
  EXPECT_EQ(events("Kerry met Lavrov, as expected."), 1u) << "unless_after is anchored at the match's end";
}

TEST(RulePackCustomTest, ABadVetoIsAnInputErrorOnItsField) {
  RulePack pack;
  pack.AddPack(R"({"rules": [{"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
    "pattern": "{subject:ACTOR} met {object:ACTOR}",
    "unless_after": "(unclosed"}]})",
               "rules.json");
  try {
    pack.Compile();
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.field(), "/rules/0/unless_after");
    EXPECT_EQ(error.line(), 3u);
  }
  RulePack slots;
  try {
    slots.AddPack(R"({"rules": [{"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
      "pattern": "{subject:ACTOR} met", "unless_before": "{object:ACTOR} $"}]})",
                  "rules.json");
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.field(), "/rules/0/unless_before");
  }
}

TEST(RulePackCustomTest, CapitalStandsForItsCountryAsActorButStaysAPlaceAsLocation) {
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY"},
    {"id": "country:USA", "label": "United States", "type": "COUNTRY", "aliases": ["Washington"]},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "stands_for": "country:RUS"},
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]}]})",
                    "gazetteer.json");
  gazetteer.Finish();
  RulePack pack;
  pack.AddPack(R"({"rules": [
    {"id": "criticize", "relation": "criticized", "cameo": "111", "goldstein": -2,
     "pattern": "{subject:ACTOR} criticized {object:ACTOR}"},
    {"id": "visit", "relation": "visited", "cameo": "042", "goldstein": 1.9,
     "pattern": "{subject:ACTOR} visited {location:PLACE}"}]})",
               "rules.json");
  pack.Compile();
  auto run = [&](const char* text) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer.Annotate(&doc);
    pack.Apply(&doc);
    return doc;
  };
  Document said = run("Moscow criticized Kerry.");
  ASSERT_EQ(said.events.size(), 1u);
  EXPECT_EQ(said.events[0].subject.entity->id, "country:RUS");
  EXPECT_EQ(said.Text(said.events[0].subject.span), "Moscow");

  Document visit = run("Kerry visited Moscow.");
  ASSERT_EQ(visit.events.size(), 1u);
  EXPECT_EQ(visit.events[0].location.entity->id, "city:moscow");

  EXPECT_TRUE(run("Geneva criticized Kerry.").events.empty()) << "a city that stands for nothing is no actor";
}

}  // namespace
}  // namespace eg
