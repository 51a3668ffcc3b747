// Ellipsis on sentences written here: "the Syrian government and opposition" names the Syrian opposition;
// and, with the default packs, the events that ellipsis and "the two sides" (coreference.h) let rules find.
#include "extract/ellipsis.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/coreference.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/tokenizer.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({
  "entities": [
    {"id": "country:SYR", "label": "Syria", "type": "COUNTRY", "aliases": ["Syrian government"], "demonyms": ["Syrian"]},
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "country:IDN", "label": "Indonesia", "type": "COUNTRY", "demonyms": ["Indonesian"]},
    {"id": "group:syrian_opposition", "label": "Syrian opposition", "type": "GROUP", "country": "country:SYR"},
    {"id": "group:sdf", "label": "Syrian Democratic Forces", "type": "GROUP", "country": "country:SYR"},
    {"id": "person:vladimir_putin", "label": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"],
     "country": "country:RUS"}
  ],
  "agents": [
    {"id": "military", "label": "military", "type": "ORGANIZATION", "aliases": ["army", "navy", "air force"]},
    {"id": "government", "label": "government", "type": "ORGANIZATION", "aliases": ["officials"]},
    {"id": "parliament", "label": "parliament", "type": "ORGANIZATION", "aliases": ["lawmakers"]},
    {"id": "foreign_ministry", "label": "foreign ministry", "type": "ORGANIZATION", "aliases": ["foreign office"]},
    {"id": "opposition", "label": "opposition", "type": "GROUP"},
    {"id": "rebels", "label": "rebels", "type": "GROUP"}
  ]
})";

class EllipsisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = new Gazetteer;
    gazetteer_->AddPack(kGazetteer, "gazetteer.json");
    gazetteer_->Finish();
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  // "id=text" for every elliptical mention of text.
  static std::vector<std::string> Elliptical(const std::string& text) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer_->Annotate(&doc);
    std::vector<Mention> added;
    FindEllipticalMentions(*gazetteer_, doc, &added);
    std::vector<std::string> out;
    for (const Mention& m : added) {
      EXPECT_EQ(m.source, MentionSource::kRole);
      out.push_back(m.entity->id + "=" + std::string(doc.Text(m.span)));
    }
    return out;
  }

  static Gazetteer* gazetteer_;
};

Gazetteer* EllipsisTest::gazetteer_ = nullptr;
using Strings = std::vector<std::string>;

TEST_F(EllipsisTest, SharedModifierNamesTheSecondNoun) {
  // A named entity of the full phrase wins over the combined agent, as it does when written out.
  EXPECT_EQ(Elliptical("Envoys of the Syrian government and opposition met in Vienna."),
            Strings{"group:syrian_opposition=opposition"});
  EXPECT_EQ(Elliptical("The Russian army and lawmakers disagreed."), Strings{"country:RUS.parliament=lawmakers"});
  EXPECT_EQ(Elliptical("Russia's army and lawmakers disagreed."), Strings{"country:RUS.parliament=lawmakers"});
  // The longest full phrase: "foreign ministry", not "foreign".
  EXPECT_EQ(Elliptical("The Russian army and foreign ministry denied it."),
            Strings{"country:RUS.foreign_ministry=foreign ministry"});
  // The full phrase may be the country itself ("Syrian government" is an alias of Syria).
  EXPECT_EQ(Elliptical("The Syrian army and government agreed."), Strings{"country:SYR=government"});
  // At the end of the text.
  EXPECT_EQ(Elliptical("Drills of the Russian army and navy"), Strings{}) << "the same actor: nothing new";
  EXPECT_EQ(Elliptical("Drills of the Russian army and lawmakers"), Strings{"country:RUS.parliament=lawmakers"});
}

TEST_F(EllipsisTest, NothingIsSharedWithoutTheBareNoun) {
  // A determiner: "the opposition" may be anyone's.
  EXPECT_TRUE(Elliptical("The Syrian government and the opposition met.").empty());
  // The second noun names something else, or nothing the gazetteer knows.
  EXPECT_TRUE(Elliptical("The Syrian government and Putin met.").empty());
  EXPECT_TRUE(Elliptical("The Russian army and allied fighters advanced.").empty());
  // A country alone, a person, or a proper name: no modifier to share.
  EXPECT_TRUE(Elliptical("Russia and rebels clashed.").empty());
  EXPECT_TRUE(Elliptical("Putin and officials met.").empty());
  EXPECT_TRUE(Elliptical("The Syrian Democratic Forces and rebels advanced.").empty());
  // The noun has an owner of its own.
  EXPECT_TRUE(Elliptical("Indonesia's parliament and officials of a state company were charged.").empty());
  // Not coordinated.
  EXPECT_TRUE(Elliptical("The Russian army said rebels attacked.").empty());
}

// With the default packs: the events these readings let the rules find.
TEST(EllipsisAndTwoPartiesEvents, RulesSeeTheResolvedActors) {
  auto events = [](const std::string& text) {
    const Document doc = eg_test::Process(eg_test::DefaultExtractor(), "t", text, "2016-03-24");
    std::vector<std::string> out;
    for (const Event& e : doc.events) {
      if (e.object) out.push_back(e.subject.entity->id + " " + e.rule->relation + " " + e.object.entity->id);
    }
    return out;
  };
  EXPECT_EQ(events("Talks in Astana between delegations of the Syrian government and opposition resumed."),
            Strings{"country:SYR met group:syrian_opposition"});
  EXPECT_EQ(events("Kerry flew to Geneva on Friday. Kerry said the talks would be hard. During the meeting with "
                   "Lavrov, the two sides discussed the ceasefire."),
            Strings{"person:john_kerry met person:sergei_lavrov"});
  EXPECT_TRUE(events("Kerry flew to Geneva on Friday. During the meeting with Lavrov, the two sides discussed the "
                     "ceasefire.")
                  .empty())
      << "Kerry named once: who the other side is stays open";
}

}  // namespace
}  // namespace eg
