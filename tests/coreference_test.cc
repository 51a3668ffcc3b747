// Coreference on sentences written here: roles at the document's date, unambiguous pronouns, and "the two
// sides" read as the party the sentence does not name.
#include "extract/coreference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({
  "titles": ["President", "Foreign Minister", "Secretary of State", "minister", "Mr", "chancellor",
             {"text": "top diplomat", "means": ["Foreign Minister", "Secretary of State"]},
             {"text": "state secretary", "means": ["Secretary of State"]}],
  "entities": [
    {"id": "country:USA", "label": "United States", "type": "COUNTRY", "aliases": ["U.S.", "US"], "demonyms": ["American"]},
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"], "country": "country:USA",
     "roles": [{"title": "Secretary of State", "of": "country:USA", "from": "2013-02-01", "to": "2017-01-20"}]},
    {"id": "person:hillary_clinton", "label": "Hillary Clinton", "type": "PERSON", "aliases": ["Clinton"],
     "roles": [{"title": "Secretary of State", "of": "country:USA", "from": "2009-01-21", "to": "2013-02-01"}]},
    {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov"],
     "roles": [{"title": "Foreign Minister", "of": "country:RUS", "from": "2004-03-09"}]},
    {"id": "person:sergei_shoigu", "label": "Sergei Shoigu", "type": "PERSON", "aliases": ["Shoigu"],
     "roles": [{"title": "minister", "of": "country:RUS", "from": "2012-11-06", "to": "2024-05-12"}]},
    {"id": "person:vladimir_putin", "label": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"],
     "roles": [{"title": "President", "of": "country:RUS", "from": "2000-05-07", "to": "2008-05-07"},
               {"title": "President", "of": "country:RUS", "from": "2012-05-07"}]},
    {"id": "person:angela_merkel", "label": "Angela Merkel", "type": "PERSON", "aliases": ["Merkel"],
     "roles": [{"title": "Chancellor", "of": "country:DEU", "from": "2005-11-22", "to": "2021-12-08"}]},
    {"id": "person:dmitry_medvedev", "label": "Dmitry Medvedev", "type": "PERSON", "aliases": ["Medvedev"],
     "roles": [{"title": "President", "of": "country:RUS", "from": "2008-05-07", "to": "2012-05-07"}]}
  ]
})";

class CoreferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = new Gazetteer;
    gazetteer_->AddPack(kGazetteer, "gazetteer.json");
    gazetteer_->Finish();
    coreference_ = new Coreference(*gazetteer_);
  }
  static void TearDownTestSuite() {
    delete coreference_;
    delete gazetteer_;
  }

  // "id=text" for every mention that coreference added or changed.
  static std::vector<std::string> Resolved(const std::string& text, const std::string& date) {
    Document doc;
    doc.text = text;
    doc.date = date;
    Tokenize(&doc);
    gazetteer_->Annotate(&doc);
    coreference_->Resolve(&doc);
    std::vector<std::string> out;
    for (const Mention& m : doc.mentions) {
      if (m.source == MentionSource::kName) continue;
      out.push_back(m.entity->id + "=" + std::string(doc.Text(m.span)));
    }
    return out;
  }

  static Gazetteer* gazetteer_;
  static Coreference* coreference_;
};

Gazetteer* CoreferenceTest::gazetteer_ = nullptr;
Coreference* CoreferenceTest::coreference_ = nullptr;
using Strings = std::vector<std::string>;

TEST_F(CoreferenceTest, RoleAtTheDocumentDate) {
  EXPECT_EQ(Resolved("The U.S. state secretary arrived.", "2016-03-24"),
            Strings{"person:john_kerry=U.S. state secretary"});
  EXPECT_EQ(Resolved("The U.S. state secretary arrived.", "2011-06-01"),
            Strings{"person:hillary_clinton=U.S. state secretary"});
  EXPECT_EQ(Resolved("Russia’s top diplomat spoke first.", "2016-03-24"),
            Strings{"person:sergei_lavrov=Russia’s top diplomat"});
  EXPECT_EQ(Resolved("The Russian President will attend.", "2010-01-01"),
            Strings{"person:dmitry_medvedev=Russian President"});
  EXPECT_EQ(Resolved("The Russian President will attend.", "2016-01-01"),
            Strings{"person:vladimir_putin=Russian President"});
  EXPECT_TRUE(Resolved("The Russian President will attend.", "1999-01-01").empty()) << "nobody held it";
}

TEST_F(CoreferenceTest, AmbiguousRoleIsSettledByWhoTheDocumentNames) {
  // "minister" fits Lavrov (Foreign Minister? no: only the word "minister" itself) and Shoigu here; the
  // test gazetteer gives Shoigu the role "minister", and nothing else fits it.
  EXPECT_EQ(Resolved("The Russian minister spoke.", "2016-03-24"), Strings{"person:sergei_shoigu=Russian minister"});
  // Without a date every President of Russia fits; the one the document names wins.
  EXPECT_EQ(Resolved("Putin arrived. The Russian President spoke.", ""),
            Strings{"person:vladimir_putin=Russian President"});
  EXPECT_TRUE(Resolved("The Russian President spoke.", "").empty()) << "two fit, none named: unresolved";
}

TEST_F(CoreferenceTest, TitledNameIsNotARolePhrase) {
  EXPECT_TRUE(Resolved("Russian Foreign Minister Sergei Lavrov spoke.", "2016-03-24").empty());
}

TEST_F(CoreferenceTest, TitleOfCountryIsARolePhrase) {
  EXPECT_EQ(Resolved("Kerry met the foreign minister of Russia.", "2016-03-24"),
            Strings{"person:sergei_lavrov=foreign minister of Russia"});
  EXPECT_TRUE(Resolved("Kerry met the foreign minister of Russia.", "1990-01-01").empty()) << "nobody then";
}

// fuzz_extract found this: a sentence ending on "the foreign minister of" read the next mention in the
// document (or past the end of the mentions) as the country after "of".
TEST_F(CoreferenceTest, SentenceEndingOnOfIsNotARolePhrase) {
  EXPECT_TRUE(Resolved("Kerry spoke with the foreign minister of", "2016-03-24").empty());
  EXPECT_TRUE(Resolved("Kerry spoke with the foreign minister of. Russia agreed.", "2016-03-24").empty());
  EXPECT_TRUE(Resolved("Obama spoke with Merkel and Hollande.or two hours with the foreign minister of ", "2016-03-24")
                  .empty());
}

TEST_F(CoreferenceTest, BareTitleIsTheOneNamedHolder) {
  EXPECT_EQ(Resolved("Merkel met Kerry. The chancellor said the talks went well.", "2016-03-24"),
            Strings{"person:angela_merkel=chancellor"});
  EXPECT_EQ(Resolved("Merkel met Kerry. Later the Secretary of State left.", "2016-03-24"),
            Strings{"person:john_kerry=Secretary of State"});
  EXPECT_TRUE(Resolved("Kerry arrived. The chancellor spoke.", "2016-03-24").empty()) << "no named chancellor";
  EXPECT_TRUE(Resolved("Merkel met Kerry. The chancellor spoke.", "2030-01-01").empty()) << "not hers then";
  // Putin and Medvedev both named and both held the presidency at some time: with no date, nothing.
  EXPECT_TRUE(Resolved("Putin met Medvedev. The president spoke.", "").empty());
  EXPECT_EQ(Resolved("Putin met Medvedev. The president spoke.", "2010-01-01"),
            Strings{"person:dmitry_medvedev=president"});
}

TEST_F(CoreferenceTest, PronounWithOneCandidate) {
  EXPECT_EQ(Resolved("Kerry arrived in the evening. He said the talks would be hard.", "2016-03-24"),
            Strings{"person:john_kerry=He"});
  // Two sentences back, past a sentence with no person.
  EXPECT_EQ(Resolved("Lavrov spoke first. The talks lasted hours. She left early.", ""),
            Strings{"person:sergei_lavrov=She"});
  // The nearest sentence with people names two: nothing.
  EXPECT_TRUE(Resolved("Kerry met Lavrov. He said it went well.", "").empty());
  // Too far back.
  EXPECT_TRUE(Resolved("Kerry spoke. One. Two. Three. He left.", "").empty());
  // No person at all.
  EXPECT_TRUE(Resolved("Russia spoke. He left.", "").empty());
}

TEST_F(CoreferenceTest, TwoSidesIsTheOtherPartyTheDocumentIsAbout) {
  // Putin is named twice before, nobody else but Merkel: the sides are Merkel and Putin.
  EXPECT_EQ(Resolved("Putin flew in on Monday. Putin spoke to reporters. During the meeting with Merkel, the two "
                     "sides discussed trade.",
                     "2016-03-24"),
            Strings{"person:vladimir_putin=the two sides"});
  EXPECT_EQ(Resolved("Putin arrived. Putin spoke. After his talks with Merkel, both leaders left.", ""),
            Strings{"person:vladimir_putin=both leaders"});
  // A role phrase counts as a naming.
  EXPECT_EQ(Resolved("Putin arrived. The Russian President spoke. In a meeting with Merkel, the two men smiled.",
                     "2016-03-24"),
            (Strings{"person:vladimir_putin=Russian President", "person:vladimir_putin=the two men"}));
}

TEST_F(CoreferenceTest, TwoSidesNeedsAClearOtherParty) {
  // Named once only.
  EXPECT_TRUE(Resolved("Putin arrived. During the meeting with Merkel, the two sides discussed trade.", "").empty());
  // Two people named as often: which one?
  EXPECT_TRUE(Resolved("Putin met Kerry. Putin and Kerry spoke. During the meeting with Merkel, the two sides "
                       "discussed trade.",
                       "")
                  .empty());
  // Named often, but only after the phrase.
  EXPECT_TRUE(Resolved("During the meeting with Merkel, the two sides discussed trade. Putin left. Putin spoke.", "")
                  .empty());
  // A pronoun is not a naming.
  EXPECT_EQ(Resolved("Putin arrived. He spoke. During the meeting with Merkel, both sides smiled.", ""),
            Strings{"person:vladimir_putin=He"});
}

TEST_F(CoreferenceTest, TwoSidesNeedsOneNamedPartyBeforeIt) {
  const char* before = "Putin arrived. Putin spoke. ";
  // The sentence names two people, or none, or a country first: nothing.
  EXPECT_TRUE(Resolved(std::string(before) + "After Merkel met Kerry, the two leaders left.", "").empty());
  EXPECT_TRUE(Resolved(std::string(before) + "After the meeting, the two sides left.", "").empty());
  EXPECT_TRUE(Resolved(std::string(before) + "After Russia met Merkel, both sides left.", "").empty());
  // The party is named after the phrase only.
  EXPECT_TRUE(Resolved(std::string(before) + "Today, the two sides met Merkel.", "").empty());
  // Not the subject of a clause: third parties ("pressure on both sides").
  EXPECT_TRUE(Resolved(std::string(before) + "Merkel urged restraint on both sides.", "").empty());
  EXPECT_TRUE(Resolved(std::string(before) + "Merkel said the two sides were far apart.", "").empty());
}

// One walk finds "the", "both", "he" and "she" in any case; each resolver keeps its own test of the case.
TEST_F(CoreferenceTest, EachResolverTakesTheCasesItTook) {
  EXPECT_EQ(Resolved("Kerry arrived. HE left. SHE left.", ""),
            (Strings{"person:john_kerry=HE", "person:john_kerry=SHE"}));
  EXPECT_TRUE(Resolved("Kerry arrived. hE left. sHe left.", "").empty()) << "mixed case is not a pronoun";
  EXPECT_EQ(Resolved("Merkel met Kerry. the chancellor spoke.", "2016-03-24"),
            Strings{"person:angela_merkel=chancellor"});
  EXPECT_TRUE(Resolved("Merkel met Kerry. THE chancellor spoke.", "2016-03-24").empty()) << "only The and the";
  EXPECT_EQ(Resolved("Putin arrived. Putin spoke. After his talks with Merkel, BOTH LEADERS left.", ""),
            Strings{"person:vladimir_putin=BOTH LEADERS"});
  EXPECT_EQ(Resolved("Putin arrived. Putin spoke. After his talks with Merkel, THE TWO SIDES left.", ""),
            Strings{"person:vladimir_putin=THE TWO SIDES"});
  // A pronoun right after a resolved phrase, and phrases in consecutive sentences, are all found.
  EXPECT_EQ(Resolved("Merkel met Kerry. The chancellor spoke. She left.", "2016-03-24"),
            (Strings{"person:angela_merkel=chancellor", "person:angela_merkel=She"}));
}

TEST_F(CoreferenceTest, ChainedPronounsAndOrder) {
  Document doc;
  doc.text = "Kerry arrived. He spoke. He left.";
  Tokenize(&doc);
  gazetteer_->Annotate(&doc);
  coreference_->Resolve(&doc);
  ASSERT_EQ(doc.mentions.size(), 3u);
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    EXPECT_LT(doc.mentions[i - 1].span.begin, doc.mentions[i].span.begin) << "mentions stay in text order";
    EXPECT_EQ(doc.mentions[i].entity->id, "person:john_kerry");
    EXPECT_EQ(doc.mentions[i].source, MentionSource::kPronoun);
  }
}

}  // namespace
}  // namespace eg
