// Coordination on sentences written here: which mentions form a list with a given one.
#include "extract/coordination.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kGazetteer[] = R"({
  "titles": ["foreign minister"],
  "entities": [
    {"id": "country:GBR", "label": "Britain", "type": "COUNTRY", "demonyms": ["British"]},
    {"id": "country:FRA", "label": "France", "type": "COUNTRY"},
    {"id": "country:DEU", "label": "Germany", "type": "COUNTRY"},
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY", "demonyms": ["Russian"]},
    {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]},
    {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov"]}
  ]
})";

class CoordinationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_.AddPack(kGazetteer, "gazetteer.json");
    gazetteer_.Finish();
  }

  // The list of the mention whose text is `of`, as the texts of its members.
  std::vector<std::string> ListOf(const std::string& text, const std::string& of) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    gazetteer_.Annotate(&doc);
    for (size_t m = 0; m < doc.mentions.size(); ++m) {
      if (doc.Text(doc.mentions[m].span) != of) continue;
      std::vector<size_t> members;
      CoordinatedMentions(doc, m, &members);
      std::vector<std::string> out;
      for (size_t k : members) out.emplace_back(doc.Text(doc.mentions[k].span));
      return out;
    }
    ADD_FAILURE() << "no mention " << of;
    return {};
  }

  Gazetteer gazetteer_;
};

using Strings = std::vector<std::string>;

TEST_F(CoordinationTest, AndJoinsTwo) {
  EXPECT_EQ(ListOf("Britain and France urged Russia to act.", "France"), (Strings{"Britain", "France"}));
  EXPECT_EQ(ListOf("Britain and France urged Russia to act.", "Britain"), (Strings{"Britain", "France"}));
  EXPECT_EQ(ListOf("Britain and France urged Russia to act.", "Russia"), (Strings{"Russia"}));
}

TEST_F(CoordinationTest, CommasAndAFinalConjunction) {
  const std::string text = "Talks with Britain, France, and Germany began.";
  for (const char* member : {"Britain", "France", "Germany"}) {
    EXPECT_EQ(ListOf(text, member), (Strings{"Britain", "France", "Germany"})) << member;
  }
  EXPECT_EQ(ListOf("Kerry met Britain, France or Germany.", "France"), (Strings{"Britain", "France", "Germany"}));
}

TEST_F(CoordinationTest, CommasAloneNeedThreeMembers) {
  EXPECT_EQ(ListOf("Ministers of Britain, France, Germany, Russia came.", "Germany"),
            (Strings{"Britain", "France", "Germany", "Russia"}));
  EXPECT_EQ(ListOf("Ministers of Britain, France came.", "Britain"), (Strings{"Britain"})) << "could be an apposition";
}

TEST_F(CoordinationTest, DifferentTypesOrOtherWordsBreakTheList) {
  EXPECT_EQ(ListOf("Kerry and Russia spoke.", "Kerry"), (Strings{"Kerry"}));
  EXPECT_EQ(ListOf("Kerry met Lavrov, and then Britain and France spoke.", "Lavrov"), (Strings{"Lavrov"}));
  EXPECT_EQ(ListOf("Britain said France and Germany agreed.", "Britain"), (Strings{"Britain"}));
  EXPECT_EQ(ListOf("Britain said France and Germany agreed.", "France"), (Strings{"France", "Germany"}));
}

TEST_F(CoordinationTest, OneConjunctionPerList) {
  // "A and B and C": the list of B is the one its own conjunction makes.
  EXPECT_EQ(ListOf("Britain and France and Germany met.", "Britain"), (Strings{"Britain", "France"}));
}

}  // namespace
}  // namespace eg
