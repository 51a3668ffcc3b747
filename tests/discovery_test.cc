// Discovery on sentences written here: people the gazetteer lacks, marked by a title.
#include "extract/discovery.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({
  "titles": ["Foreign Minister", "spokesman", "Chief of Staff", "President"],
  "entities": [
    {"id": "country:TUR", "label": "Turkey", "type": "COUNTRY", "demonyms": ["Turkish"]},
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "country": "country:RUS"},
    {"id": "landmark:kremlin", "label": "Kremlin", "type": "LANDMARK", "located_in": "city:moscow",
     "country": "country:RUS", "stands_for": "country:RUS"},
    {"id": "person:vladimir_putin", "label": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"]}
  ]
})";

class DiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_.AddPack(kGazetteer, "gazetteer.json");
    gazetteer_.Finish();
    discovery_ = std::make_unique<Discovery>(gazetteer_);
  }

  // "id=text" of the discovered mentions.
  std::vector<std::string> Discover(const std::string& text) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer_.Annotate(&doc);
    discovery_->Discover(&doc);
    std::vector<std::string> out;
    for (size_t i = 0; i < doc.mentions.size(); ++i) {
      if (i > 0) {
        EXPECT_LE(doc.mentions[i - 1].span.end, doc.mentions[i].span.begin) << "ordered, no overlap";
      }
      const Mention& m = doc.mentions[i];
      if (m.source == MentionSource::kDiscovered) out.push_back(m.entity->id + "=" + std::string(doc.Text(m.span)));
    }
    return out;
  }

  Gazetteer gazetteer_;
  std::unique_ptr<Discovery> discovery_;
};

using Strings = std::vector<std::string>;

TEST_F(DiscoveryTest, TitleMarksAnUnknownPersonWithTheCuesCountry) {
  EXPECT_EQ(Discover("Turkish Foreign Minister Mevlut Cavusoglu spoke in Rome."),
            Strings{"person:mevlut_cavusoglu=Foreign Minister Mevlut Cavusoglu"});
  std::vector<Discovered> report = discovery_->Report();
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].entity->label, "Mevlut Cavusoglu");
  EXPECT_EQ(report[0].entity->country, "country:TUR");
  EXPECT_TRUE(report[0].entity->discovered);
  EXPECT_EQ(report[0].title, "Foreign Minister");
  EXPECT_EQ(report[0].mentions, 1u);
  EXPECT_EQ(report[0].examples[0], "Turkish Foreign Minister Mevlut Cavusoglu spoke in Rome.");
}

TEST_F(DiscoveryTest, LandmarkCueGivesTheCountryItStandsFor) {
  Discover("Kremlin spokesman Dimitry Peskov said no.");
  std::vector<Discovered> report = discovery_->Report();
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].entity->id, "person:dimitry_peskov");
  EXPECT_EQ(report[0].entity->country, "country:RUS");
}

TEST_F(DiscoveryTest, SurnameAndFullNameLaterInTheDocument) {
  EXPECT_EQ(Discover("Chief of Staff Valery Gerasimov spoke. Later Gerasimov left, and Valery Gerasimov returned."),
            (Strings{"person:valery_gerasimov=Chief of Staff Valery Gerasimov", "person:valery_gerasimov=Gerasimov",
                     "person:valery_gerasimov=Valery Gerasimov"}));
  EXPECT_EQ(discovery_->Report()[0].mentions, 3u);
  EXPECT_TRUE(discovery_->Report()[0].entity->country.empty()) << "no cue before the title";
}

TEST_F(DiscoveryTest, ParticlesHyphensAndTransliteration) {
  EXPECT_EQ(Discover("Turkish Foreign Minister Mevlüt Çavuşoğlu arrived."),
            Strings{"person:mevlut_cavusoglu=Foreign Minister Mevlüt Çavuşoğlu"});
  EXPECT_EQ(Discover("The spokesman Abu Bakr al-Baghdadi spoke."),
            Strings{"person:abu_bakr_al_baghdadi=spokesman Abu Bakr al-Baghdadi"});
}

TEST_F(DiscoveryTest, StackedTitlesInitialsAndParticles) {
  EXPECT_EQ(Discover("Deputy Foreign Minister spokesman Hiro Seko said so."),
            Strings{"person:hiro_seko=spokesman Hiro Seko"}) << "the name follows the last title";
  EXPECT_EQ(Discover("The President Adam B. Schiff spoke."), Strings{"person:adam_b_schiff=President Adam B. Schiff"});
  EXPECT_EQ(Discover("It accuses President Jose Eduardo dos Santos of delays."),
            Strings{"person:jose_eduardo_dos_santos=President Jose Eduardo dos Santos"});
}

TEST_F(DiscoveryTest, ManyPeopleMentionedAgainAndAgain) {
  // Regression: later mentions were added while a reference into the same vector was held.
  std::string text;
  const char* names[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"};
  for (const char* name : names) text += std::string("The spokesman Anna ") + name + " spoke. ";
  for (int round = 0; round < 20; ++round) {
    for (const char* name : names) text += std::string(name) + " agreed. ";
  }
  std::vector<std::string> found = Discover(text);
  EXPECT_EQ(found.size(), 8u + 8u * 20u);
  EXPECT_EQ(discovery_->Report().size(), 8u);
  EXPECT_EQ(discovery_->Report()[0].mentions, 21u);
}

TEST_F(DiscoveryTest, WhatIsNotADiscovery) {
  EXPECT_TRUE(Discover("ANDREW SOMERS, PRESIDENT OF THE CHAMBER, SPOKE.").empty()) << "capitals only";
  EXPECT_TRUE(Discover("Russian President Vladimir Putin spoke.").empty()) << "a known name";
  EXPECT_TRUE(Discover("The spokesman Peskov said no.").empty()) << "one word is not enough";
  EXPECT_TRUE(Discover("The spokesman said The Hague was ready.").empty());
  EXPECT_TRUE(Discover("A Foreign Minister spoke.").empty());
  EXPECT_TRUE(discovery_->Report().empty());
}

TEST(NameSlugTest, LowerAsciiWithUnderscores) {
  EXPECT_EQ(NameSlug("Mevlüt Çavuşoğlu"), "mevlut_cavusoglu");
  EXPECT_EQ(NameSlug("Abu Bakr al-Baghdadi"), "abu_bakr_al_baghdadi");
  EXPECT_EQ(NameSlug("Сергей Лавров"), "sergej_lavrov");
  EXPECT_EQ(NameSlug("!!!"), "unnamed");
}

}  // namespace
}  // namespace eg
