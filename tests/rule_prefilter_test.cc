// Tests for what RulePack checks at load and what it leaves to a rule's first use: the prefilter reads
// parts without atoms (optional words, "any word but ...") as asking for nothing, the embedded packs skip
// RE2's parse, and the regexp a rule matches with is compiled when the rule is first tried.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "extract/document.h"
#include "extract/gazetteer.h"
#include "extract/input_error.h"
#include "extract/rule_pack.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({"entities": [
  {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]},
  {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov"]},
  {"id": "city:geneva", "label": "Geneva", "type": "CITY"}]})";

class RulePrefilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_.AddPack(kGazetteer, "gazetteer.json");
    gazetteer_.Finish();
  }
  // The events pack finds in text, as "subject relation object".
  std::vector<std::string> Events(const RulePack& pack, const char* text) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer_.Annotate(&doc);
    pack.Apply(&doc);
    std::vector<std::string> events;
    for (const Event& event : doc.events) {
      events.push_back(event.subject.entity->id + " " + event.rule->relation + " " +
                       (event.object ? event.object.entity->id : std::string("-")));
    }
    return events;
  }
  Gazetteer gazetteer_;
};

// A rule made of macros the prefilter reads as asking for nothing (optional adverbs, "any word but ...")
// still finds what it matches, and only that: the prefilter admits more sentences, the regexp decides.
TEST_F(RulePrefilterTest, RulesWithAtomlessMacrosFindTheirEvents) {
  RulePack pack;
  pack.AddPack(R"({"macros": {"ADV": "(?:[a-z]+ly )?", "NOTSAID": "(?:[^s ]\\w*|s[^a]\\w*|sa[^i]\\w*) ",
                              "AT": "(?: in {location:PLACE})?"},
    "rules": [{"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
               "pattern": "{subject:ACTOR} {ADV}met {object:ACTOR}{AT}"},
              {"id": "greet", "relation": "greeted", "cameo": "040", "goldstein": 1,
               "pattern": "{subject:ACTOR} {NOTSAID}greeted {object:ACTOR}"}]})",
               "rules.json");
  pack.Compile();
  EXPECT_EQ(Events(pack, "Kerry quietly met Lavrov in Geneva."),
            std::vector<std::string>{"person:john_kerry met person:sergei_lavrov"});
  EXPECT_EQ(Events(pack, "Kerry met Lavrov."), std::vector<std::string>{"person:john_kerry met person:sergei_lavrov"});
  EXPECT_TRUE(Events(pack, "Kerry quietly, met Lavrov.").empty());
  EXPECT_EQ(Events(pack, "Kerry warmly greeted Lavrov."),
            std::vector<std::string>{"person:john_kerry greeted person:sergei_lavrov"});
  EXPECT_TRUE(Events(pack, "Kerry said greeted Lavrov.").empty());
}

// RE2 limits a repetition of repetitions to 1000 in all. Here the limit is broken only by the whole
// pattern: the macro parses on its own (600) and has no atom, so the prefilter admits the rule wherever
// "greeted" is.
constexpr char kNestedRepetition[] = R"({"macros": {"XS": "(?:x?){600}"},
  "rules": [{"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
             "pattern": "{subject:ACTOR} met {object:ACTOR}"},
            {"id": "bad", "relation": "greeted", "cameo": "040", "goldstein": 1,
             "pattern": "{subject:ACTOR} (?:{XS}){2} greeted {object:ACTOR}"}]})";

TEST_F(RulePrefilterTest, AUserPackIsParsedInFullAtLoad) {
  RulePack pack;
  pack.AddPack(kNestedRepetition, "my_rules.json");
  try {
    pack.Compile();
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "my_rules.json");
    EXPECT_EQ(error.line(), 5u);
    EXPECT_EQ(error.field(), "/rules/1/pattern");
    EXPECT_NE(error.message().find("invalid repetition size"), std::string::npos) << error.what();
  }
}

// The embedded packs skip the full parse (tests compile them); what it would have found is then found
// when the rule is first tried, as a std::runtime_error naming the rule, or by CompileEveryRule.
TEST_F(RulePrefilterTest, AnEmbeddedPackLeavesWholePatternLimitsToFirstUse) {
  RulePack pack;
  pack.AddPack(kNestedRepetition, "(embedded) rules.json", /*embedded=*/true);
  ASSERT_NO_THROW(pack.Compile());
  // A sentence only the good rule's prefilter admits runs as ever.
  EXPECT_EQ(Events(pack, "Kerry met Lavrov."), std::vector<std::string>{"person:john_kerry met person:sergei_lavrov"});
  for (int attempt = 0; attempt < 2; ++attempt) {  // a failed compile is not remembered as a success
    try {
      Events(pack, "Kerry xx greeted Lavrov.");
      FAIL() << "no error";
    } catch (const InputError& error) {
      FAIL() << "an InputError would skip the document as if it were at fault: " << error.what();
    } catch (const std::runtime_error& error) {
      EXPECT_EQ(std::string(error.what()).rfind("(embedded) rules.json:5: /rules/1/pattern: invalid regular expression: ", 0), 0u)
          << error.what();
    }
  }
  EXPECT_THROW(pack.CompileEveryRule(), std::runtime_error);
}

TEST_F(RulePrefilterTest, CompileEveryRuleCompilesGoodRules) {
  RulePack pack;
  pack.AddPack(R"({"rules": [{"id": "meet", "relation": "met", "cameo": "040", "goldstein": 1,
                              "pattern": "{subject:ACTOR} met {object:ACTOR}"}]})",
               "rules.json", /*embedded=*/true);
  pack.Compile();
  EXPECT_NO_THROW(pack.CompileEveryRule());
  EXPECT_EQ(Events(pack, "Kerry met Lavrov."), std::vector<std::string>{"person:john_kerry met person:sergei_lavrov"});
}

}  // namespace
}  // namespace eg
