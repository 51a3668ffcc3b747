// Tests for extract/gazetteer: loading packs and finding mentions in tokenized text (its input errors:
// gazetteer_errors_test.cc).
#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/input_error.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

// Line numbers matter to some tests: keep one entity per line.
constexpr char kPack[] = R"({
  "name": "test pack",
  "titles": ["Secretary of State", "Foreign Minister", "President", "Mr"],
  "entities": [
    {"id": "country:usa", "label": "United States", "type": "COUNTRY", "iso": "US", "aliases": ["U.S.", "US", "USA"], "demonyms": ["American"]},
    {"id": "country:russia", "label": "Russia", "type": "COUNTRY", "iso": "RU", "demonyms": ["Russian"]},
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "country": "country:russia"},
    {"id": "landmark:kremlin", "label": "the Kremlin", "type": "LANDMARK", "aliases": ["Kremlin"], "located_in": "city:moscow"},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "country": "country:usa", "aliases": ["Kerry"]},
    {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov", "Sergey Lavrov"]},
    {"id": "person:vladimir_putin", "label": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"]},
    {"id": "group:is", "label": "Islamic State", "type": "GROUP", "aliases": ["IS", "ISIS"]},
    {"id": "org:un", "label": "United Nations", "type": "ORGANIZATION", "aliases": ["U.N.", {"text": "Un", "case": "exact"}]},
    {"id": "person:mevlut_cavusoglu", "label": "Mevlüt Çavuşoğlu", "type": "PERSON", "aliases": ["Çavuşoğlu"]},
    {"id": "region:people", "label": "People’s Square", "type": "PLACE", "aliases": [{"text": "NYC", "case": "insensitive"}]}
  ]
})";

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_.AddPack(kPack, "test.json");
    gazetteer_.Finish();
  }

  Document Annotated(std::string text) const {
    Document doc;
    doc.text = std::move(text);
    Tokenize(&doc);
    gazetteer_.Annotate(&doc);
    return doc;
  }

  // "text=id" for every mention, with "~" after the id for an adjectival mention.
  std::vector<std::string> Mentions(std::string text) const {
    Document doc = Annotated(std::move(text));
    std::vector<std::string> out;
    for (const Mention& mention : doc.mentions) {
      out.push_back(std::string(doc.Text(mention.span)) + "=" + mention.entity->id +
                    (mention.adjectival ? "~" : ""));
    }
    return out;
  }

  Gazetteer gazetteer_;
};

using Strings = std::vector<std::string>;

TEST_F(GazetteerTest, LoadsEntitiesAndResolvesReferences) {
  EXPECT_EQ(gazetteer_.entity_count(), 12u);
  EXPECT_EQ(gazetteer_.title_count(), 4u);
  const Entity* kremlin = gazetteer_.Find("landmark:kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->type, EntityType::kLandmark);
  EXPECT_EQ(kremlin->label, "the Kremlin");
  ASSERT_NE(kremlin->location, nullptr);
  EXPECT_EQ(kremlin->location->id, "city:moscow");
  const Entity* usa = gazetteer_.Find("country:usa");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->iso, "US");
  EXPECT_EQ(gazetteer_.Find("person:john_kerry")->country, "country:usa");
  EXPECT_EQ(gazetteer_.Find("person:nobody"), nullptr);
}

TEST_F(GazetteerTest, MentionSpansAndTokens) {
  Document doc = Annotated("Yesterday John Kerry met Sergei Lavrov in Geneva.");
  ASSERT_EQ(doc.mentions.size(), 3u);
  EXPECT_EQ(doc.mentions[0].span, (Span{10, 20}));
  EXPECT_EQ(doc.mentions[0].first_token, 1u);
  EXPECT_EQ(doc.mentions[0].token_count, 2u);
  EXPECT_EQ(doc.mentions[0].sentence, 0u);
  EXPECT_EQ(doc.mentions[0].entity->id, "person:john_kerry");
  EXPECT_FALSE(doc.mentions[0].adjectival);
  EXPECT_EQ(doc.mentions[1].entity->id, "person:sergei_lavrov");
  EXPECT_EQ(doc.mentions[2].entity->id, "city:geneva");
  EXPECT_EQ(doc.mentions[2].span, (Span{42, 48}));
}

TEST_F(GazetteerTest, LongestMatchWins) {
  EXPECT_EQ(Mentions("John Kerry and Kerry and Sergey Lavrov"),
            (Strings{"John Kerry=person:john_kerry", "Kerry=person:john_kerry", "Sergey Lavrov=person:sergei_lavrov"}));
}

TEST_F(GazetteerTest, MatchingIgnoresCaseForOrdinaryAliases) {
  EXPECT_EQ(Mentions("JOHN KERRY met lavrov in GENEVA"),
            (Strings{"JOHN KERRY=person:john_kerry", "lavrov=person:sergei_lavrov", "GENEVA=city:geneva"}));
  EXPECT_EQ(Mentions("çavuşoğlu spoke"), (Strings{"çavuşoğlu=person:mevlut_cavusoglu"}));
}

TEST_F(GazetteerTest, AllCapsAliasesAreCaseExact) {
  EXPECT_EQ(Mentions("The US said"), (Strings{"US=country:usa"}));
  EXPECT_EQ(Mentions("He told us that it is over"), Strings{});
  EXPECT_EQ(Mentions("IS fighters, but this is not IS."), (Strings{"IS=group:is", "IS=group:is"}));
  EXPECT_EQ(Mentions("Us and Is"), Strings{});
  EXPECT_EQ(Mentions("U.S. and u.s. and USA and usa"), (Strings{"U.S.=country:usa", "USA=country:usa"}));
}

TEST_F(GazetteerTest, CaseObjectsOverrideTheDefault) {
  // {"text": "Un", "case": "exact"}: only "Un" matches.
  EXPECT_EQ(Mentions("Un said, and UN said, and un said"), (Strings{"Un=org:un"}));
  // {"text": "NYC", "case": "insensitive"}: all capitals, but any case matches.
  EXPECT_EQ(Mentions("nyc and Nyc and NYC"),
            (Strings{"nyc=region:people", "Nyc=region:people", "NYC=region:people"}));
}

TEST_F(GazetteerTest, DemonymsAreAdjectival) {
  EXPECT_EQ(Mentions("Russian and American diplomats met the Russians"),
            (Strings{"Russian=country:russia~", "American=country:usa~"}));
}

TEST_F(GazetteerTest, PossessivesMentionTheOwner) {
  EXPECT_EQ(Mentions("Russia’s plan and Lavrov's aide"),
            (Strings{"Russia=country:russia", "Lavrov=person:sergei_lavrov"}));
  // An alias with an apostrophe matches whichever apostrophe the text uses.
  EXPECT_EQ(Mentions("in People's Square"), (Strings{"People's Square=region:people"}));
}

TEST_F(GazetteerTest, TitleAndDemonymAbsorbIntoThePerson) {
  Document doc = Annotated("Russian Foreign Minister Sergei Lavrov met Kerry.");
  ASSERT_EQ(doc.mentions.size(), 2u);
  EXPECT_EQ(doc.Text(doc.mentions[0].span), "Russian Foreign Minister Sergei Lavrov");
  EXPECT_EQ(doc.mentions[0].entity->id, "person:sergei_lavrov");
  EXPECT_EQ(doc.mentions[0].first_token, 0u);
  EXPECT_EQ(doc.mentions[0].token_count, 5u);
  EXPECT_FALSE(doc.mentions[0].adjectival);
  EXPECT_EQ(doc.mentions[1].entity->id, "person:john_kerry");
}

TEST_F(GazetteerTest, TitleAndPossessiveCountryAbsorbIntoThePerson) {
  EXPECT_EQ(Mentions("Kerry met Russia’s President Vladimir Putin."),
            (Strings{"Kerry=person:john_kerry", "Russia’s President Vladimir Putin=person:vladimir_putin"}));
  EXPECT_EQ(Mentions("U.S. Secretary of State John Kerry said"),
            (Strings{"U.S. Secretary of State John Kerry=person:john_kerry"}));
}

TEST_F(GazetteerTest, HonorificAbsorbsWithOrWithoutItsPeriod) {
  EXPECT_EQ(Mentions("Mr Kerry left"), (Strings{"Mr Kerry=person:john_kerry"}));
  Document doc = Annotated("Then Mr. Kerry left.");
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.Text(doc.mentions[0].span), "Mr. Kerry");
  EXPECT_EQ(doc.mentions[0].first_token, 1u);
  EXPECT_EQ(doc.mentions[0].token_count, 3u);
}

TEST_F(GazetteerTest, LowerCaseTitleIsAbsorbedToo) {
  EXPECT_EQ(Mentions("the president Vladimir Putin"), (Strings{"president Vladimir Putin=person:vladimir_putin"}));
}

TEST_F(GazetteerTest, NoAbsorptionWithoutATitle) {
  EXPECT_EQ(Mentions("Russia and Lavrov"), (Strings{"Russia=country:russia", "Lavrov=person:sergei_lavrov"}));
  EXPECT_EQ(Mentions("Russian Lavrov"), (Strings{"Russian=country:russia~", "Lavrov=person:sergei_lavrov"}));
  // A title before a non-person is not absorbed.
  EXPECT_EQ(Mentions("President Russia"), (Strings{"Russia=country:russia"}));
  // A country that is not right before the title stays.
  EXPECT_EQ(Mentions("Russia, President Vladimir Putin"),
            (Strings{"Russia=country:russia", "President Vladimir Putin=person:vladimir_putin"}));
}

TEST_F(GazetteerTest, AbsorptionStaysInsideTheSentence) {
  Document doc = Annotated("Talks in Russia\nPresident Putin spoke.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.mentions.size(), 2u);
  EXPECT_EQ(doc.mentions[0].entity->id, "country:russia");
  EXPECT_EQ(doc.Text(doc.mentions[1].span), "President Putin");
  EXPECT_EQ(doc.mentions[1].sentence, 1u);
}

TEST_F(GazetteerTest, MentionsAreOrderedAndDoNotOverlap) {
  Document doc = Annotated(
      "U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva. Mr. Putin "
      "stayed at the Kremlin. Russia’s President Vladimir Putin spoke.");
  ASSERT_EQ(doc.mentions.size(), 6u);
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    EXPECT_LE(doc.mentions[i - 1].span.end, doc.mentions[i].span.begin);
    EXPECT_LE(doc.mentions[i - 1].sentence, doc.mentions[i].sentence);
  }
  EXPECT_EQ(doc.Text(doc.mentions[4].span), "the Kremlin");
  EXPECT_EQ(doc.mentions[4].sentence, 1u);
}

TEST_F(GazetteerTest, NamesDoNotMatchAcrossSentences) {
  Document doc = Annotated("Talks with John\n\nKerry ended.");
  ASSERT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.Text(doc.mentions[0].span), "Kerry");
}

TEST(GazetteerPackTest, LaterPackOverridesTheOwnerOfAnAlias) {
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "country:georgia", "label": "Georgia", "type": "COUNTRY"}]})", "a.json");
  gazetteer.AddPack(R"({"entities": [{"id": "region:georgia_us", "label": "Georgia", "type": "REGION"}]})",
                    "b.json");
  gazetteer.Finish();
  Document doc;
  doc.text = "Georgia";
  Tokenize(&doc);
  gazetteer.Annotate(&doc);
  ASSERT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.mentions[0].entity->id, "region:georgia_us");
}

TEST(GazetteerPackTest, RestatingAnAliasInALaterPackTakesItBack) {
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "country:georgia", "label": "Georgia", "type": "COUNTRY"},
    {"id": "region:georgia_us", "label": "Georgia", "type": "REGION"}]})",
                    "defaults.json");
  gazetteer.AddPack(R"({"entities": [{"id": "country:georgia", "label": "Georgia", "type": "COUNTRY"}]})",
                    "user.json");
  gazetteer.Finish();
  Document doc;
  doc.text = "Georgia";
  Tokenize(&doc);
  gazetteer.Annotate(&doc);
  ASSERT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.mentions[0].entity->id, "country:georgia");
  EXPECT_EQ(gazetteer.alias_count(), 2u);
}

TEST(GazetteerPackTest, LaterPackExtendsAnEntity) {
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "person:lavrov", "label": "Sergei Lavrov", "type": "PERSON"}]})",
                    "a.json");
  gazetteer.AddPack(
      R"({"entities": [{"id": "person:lavrov", "label": "Sergey Lavrov", "type": "PERSON", "aliases": ["Лавров"]}]})",
      "b.json");
  gazetteer.Finish();
  EXPECT_EQ(gazetteer.entity_count(), 1u);
  const Entity* lavrov = gazetteer.Find("person:lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->label, "Sergey Lavrov");
  Document doc;
  doc.text = "Sergei Lavrov, Sergey Lavrov and Лавров";
  Tokenize(&doc);
  gazetteer.Annotate(&doc);
  ASSERT_EQ(doc.mentions.size(), 3u);
  for (const Mention& mention : doc.mentions) EXPECT_EQ(mention.entity, lavrov);
}

TEST(GazetteerPackTest, ReferenceMayPointIntoALaterPack) {
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "landmark:kremlin", "label": "Kremlin", "type": "LANDMARK",
    "located_in": "city:moscow"}]})",
                    "a.json");
  gazetteer.AddPack(R"({"entities": [{"id": "city:moscow", "label": "Moscow", "type": "CITY"}]})", "b.json");
  gazetteer.Finish();
  ASSERT_NE(gazetteer.Find("landmark:kremlin")->location, nullptr);
  EXPECT_EQ(gazetteer.Find("landmark:kremlin")->location, gazetteer.Find("city:moscow"));
}

TEST(GazetteerPackTest, LoadingIsNotQuadraticInThePackSize) {
  // 8,000 cities that each name their country. Looking up the line of every reference as it was read
  // re-parsed the pack each time: about 12 s here. Now lines are looked up only for an error: ~30 ms.
  std::string json = R"({"entities": [{"id": "country:x", "label": "Xland", "type": "COUNTRY"})";
  for (int i = 0; i < 8000; ++i) {
    json += ",\n{\"id\": \"city:c" + std::to_string(i) + "\", \"label\": \"City " + std::to_string(i) +
            "\", \"type\": \"CITY\", \"country\": \"country:x\"}";
  }
  json += "]}";
  const auto start = std::chrono::steady_clock::now();
  Gazetteer gazetteer;
  gazetteer.AddPack(json, "big.json");
  gazetteer.Finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(gazetteer.entity_count(), 8001u);
  EXPECT_LT(seconds, 3.0);
}

TEST(GazetteerPackTest, AThirdPackMayExtendAnEntityAgain) {
  Gazetteer gazetteer;
  for (const char* label : {"Sergei Lavrov", "Sergey Lavrov", "S. Lavrov"}) {
    gazetteer.AddPack(std::string(R"({"entities": [{"id": "person:lavrov", "type": "PERSON", "label": ")") + label +
                          "\"}]}",
                      std::string(label) + ".json");
  }
  gazetteer.Finish();
  EXPECT_EQ(gazetteer.entity_count(), 1u);
  ASSERT_NE(gazetteer.Find("person:lavrov"), nullptr);
  EXPECT_EQ(gazetteer.Find("person:lavrov")->label, "S. Lavrov");
  EXPECT_EQ(gazetteer.Find("person:lavro"), nullptr);
}

}  // namespace
}  // namespace eg

namespace eg {
namespace {

constexpr char kAgentsAndCapitals[] = R"({
  "agents": [
    {"id": "military", "label": "military", "type": "ORGANIZATION", "aliases": ["armed forces", "army", "troops"]},
    {"id": "foreign_ministry", "label": "foreign ministry", "type": "ORGANIZATION"}
  ],
  "entities": [
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "country:SYR", "label": "Syria", "type": "COUNTRY", "demonyms": ["Syrian"]},
    {"id": "country:USA", "label": "United States", "type": "COUNTRY", "aliases": ["US"]},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "country": "country:RUS", "stands_for": "country:RUS"},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]}
  ]
})";

std::vector<std::string> MentionIds(const Gazetteer& gazetteer, const std::string& text) {
  Document doc;
  doc.text = text;
  Tokenize(&doc);
  gazetteer.Annotate(&doc);
  std::vector<std::string> out;
  for (const Mention& m : doc.mentions) out.push_back(m.entity->id + "=" + std::string(doc.Text(m.span)));
  return out;
}

TEST(GazetteerAgentTest, CountryAndAgentAreOneTypedActor) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kAgentsAndCapitals, "agents.json");
  gazetteer.Finish();
  EXPECT_EQ(gazetteer.agent_count(), 2u);
  const Entity* military = gazetteer.Find("country:RUS.military");
  ASSERT_NE(military, nullptr);
  EXPECT_EQ(military->label, "Russian military");
  EXPECT_EQ(military->type, EntityType::kOrganization);
  EXPECT_EQ(military->country, "country:RUS");
  ASSERT_NE(gazetteer.Find("country:USA.foreign_ministry"), nullptr);
  EXPECT_EQ(gazetteer.Find("country:USA.foreign_ministry")->label, "United States foreign ministry")
      << "no demonym: the country's label";

  EXPECT_EQ(MentionIds(gazetteer, "The Russian military said Syria’s armed forces retreated."),
            (std::vector<std::string>{"country:RUS.military=Russian military",
                                      "country:SYR.military=Syria’s armed forces"}));
  EXPECT_EQ(MentionIds(gazetteer, "Russian Foreign Ministry officials met Kerry."),
            (std::vector<std::string>{"country:RUS.foreign_ministry=Russian Foreign Ministry",
                                      "person:john_kerry=Kerry"}));
  // No agent after the country: the country itself; an agent word alone is not an actor.
  EXPECT_EQ(MentionIds(gazetteer, "Russia and the army."), (std::vector<std::string>{"country:RUS=Russia"}));
}

TEST(GazetteerAgentTest, StandsForIsResolved) {
  Gazetteer gazetteer;
  gazetteer.AddPack(kAgentsAndCapitals, "agents.json");
  gazetteer.Finish();
  const Entity* moscow = gazetteer.Find("city:moscow");
  ASSERT_NE(moscow, nullptr);
  ASSERT_NE(moscow->stands_for, nullptr);
  EXPECT_EQ(moscow->stands_for->id, "country:RUS");

  Gazetteer broken;
  broken.AddPack(R"({"entities": [
    {"id": "city:x", "label": "X", "type": "CITY", "stands_for": "country:nowhere"}]})", "x.json");
  try {
    broken.Finish();
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "/entities/0/stands_for");
    EXPECT_EQ(e.line(), 2u);
  }
}

}  // namespace
}  // namespace eg
