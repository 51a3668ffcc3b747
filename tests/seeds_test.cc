// Acceptance on the five real seed articles (../shared/corpus/seeds, read in place; skipped without it):
// Kerry meets Lavrov in Moscow and in Geneva, and meets Putin at the Kremlin, each with its sentence.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extract.h"

namespace {

struct Found {
  std::string doc, subject, object, location, relation, cameo, evidence;
};

std::vector<Found> ExtractSeeds() {
  const std::string seeds = std::string(EG_SHARED_DIR) + "/corpus/seeds";
  std::vector<Found> found;
  const eg::Extractor extractor(eg::ExtractorOptions{});
  eg::DocumentReader reader({seeds}, {});
  eg::Document doc;
  while (reader.Next(&doc)) {
    extractor.Process(&doc);
    for (const eg::Event& e : doc.events) {
      auto id = [](const eg::Argument& a) { return a ? a.entity->id : std::string(); };
      found.push_back({doc.id, id(e.subject), id(e.object), id(e.location), e.rule->relation, e.rule->cameo,
                       std::string(doc.Text(doc.sentences[e.sentence].span))});
    }
  }
  return found;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(EG_SHARED_DIR) + "/corpus/seeds")) {
      GTEST_SKIP() << "../shared/corpus/seeds not present";
    }
  }
};

// A meeting (CAMEO 04x, consult) between a and b, either order, located at location, with evidence
// containing words.
bool HasMeeting(const std::vector<Found>& found, const std::string& a, const std::string& b,
                const std::string& location, const std::string& words) {
  for (const Found& f : found) {
    bool pair = (f.subject == a && f.object == b) || (f.subject == b && f.object == a);
    if (pair && f.cameo.starts_with("04") && f.location == location && f.evidence.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST_F(SeedsTest, KerryMeetsLavrovInMoscowAndGenevaAndPutinAtTheKremlin) {
  std::vector<Found> found = ExtractSeeds();
  std::string all;
  for (const Found& f : found) all += f.doc + ": " + f.subject + " " + f.relation + " " + f.object + " @" + f.location + "\n";
  EXPECT_TRUE(HasMeeting(found, "person:john_kerry", "person:sergei_lavrov", "city:moscow", "Moscow")) << all;
  EXPECT_TRUE(HasMeeting(found, "person:john_kerry", "person:sergei_lavrov", "city:geneva", "Geneva")) << all;
  EXPECT_TRUE(HasMeeting(found, "person:john_kerry", "person:vladimir_putin", "city:moscow", "Kremlin")) << all;
}

TEST_F(SeedsTest, NoPlaceIsEverAnActor) {
  for (const Found& f : ExtractSeeds()) {
    for (const std::string& actor : {f.subject, f.object}) {
      EXPECT_FALSE(actor.starts_with("city:") || actor.starts_with("landmark:"))
          << f.doc << ": " << actor << " in " << f.evidence;
    }
  }
}

}  // namespace
