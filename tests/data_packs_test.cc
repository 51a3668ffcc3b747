// The embedded default packs (data/*.json): the Extractor loads them without the JSON Schema check, to
// start fast, so this test is where they are checked against their schemas. Also: loading on several
// threads gives the same extractor as loading on one.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/extract.h"
#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/rule_pattern.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

using eg_test::EventsOf;

TEST(DataPacksTest, EveryEmbeddedGazetteerPartPassesItsSchema) {
  const std::vector<EmbeddedFile> files = EmbeddedFilesMatching("data/gazetteer", ".json");
  ASSERT_GE(files.size(), 5u);
  for (const EmbeddedFile& file : files) {
    EXPECT_NO_THROW(ParseJsonFile(file.content, std::string(file.path), "schemas/gazetteer.schema.json"))
        << file.path;
  }
}

TEST(DataPacksTest, EveryEmbeddedRulePackPassesItsSchema) {
  const std::vector<EmbeddedFile> files = EmbeddedFilesMatching("data/rules", ".json");
  ASSERT_GE(files.size(), 2u);
  for (const EmbeddedFile& file : files) {
    EXPECT_NO_THROW(ParseJsonFile(file.content, std::string(file.path), "schemas/rules.schema.json")) << file.path;
  }
}

// The Extractor does not parse the embedded rules with RE2 at start-up (rule_pack.h): this is where
// each of them is compiled in full.
TEST(DataPacksTest, EveryEmbeddedRuleCompiles) {
  const Extractor extractor{ExtractorOptions{}};
  ASSERT_GE(extractor.rules().rule_count(), 100u);
  EXPECT_NO_THROW(extractor.rules().CompileEveryRule());
}

// A macro no rule uses is never compiled by the program: this is where it is checked, so that a pack
// author who copies one copies something that works.
TEST(DataPacksTest, EveryEmbeddedMacroParsesOnItsOwn) {
  for (const EmbeddedFile& file : EmbeddedFilesMatching("data/rules", ".json")) {
    const rapidjson::Document doc = ParseJsonFile(file.content, std::string(file.path), "");
    auto macros_member = doc.FindMember("macros");
    if (macros_member == doc.MemberEnd()) continue;
    RuleMacros macros;
    for (const auto& macro : macros_member->value.GetObject()) macros.emplace(macro.name.GetString(), macro.value.GetString());
    for (const auto& [name, body] : macros) {
      std::string expanded, error;
      ASSERT_TRUE(ExpandRulePattern(body, macros, &expanded, &error)) << file.path << " " << name << ": " << error;
      RE2::Options options;
      options.set_log_errors(false);
      const RE2 regex(expanded, options);
      EXPECT_TRUE(regex.ok()) << file.path << " macro " << name << ": " << regex.error();
    }
  }
}

TEST(DataPacksTest, TheSchemaCheckRejectsWhatTheEmbeddedPacksMustNotHave) {
  // The check the embedded packs pass is a real one: an unknown field fails it.
  const std::string pack = std::string(FindEmbeddedFile("data/rules.json"));
  const std::string broken = "{\"colour\": 1, " + pack.substr(pack.find('{') + 1);
  EXPECT_THROW(ParseJsonFile(broken, "data/rules.json", "schemas/rules.schema.json"), InputError);
  EXPECT_NO_THROW(ParseJsonFile(broken, "data/rules.json", ""));  // no schema: syntax only
}

TEST(DataPacksTest, LoadingOnSeveralThreadsGivesTheSameExtractor) {
  ExtractorOptions one;
  one.threads = 1;
  ExtractorOptions four;
  four.threads = 4;
  const Extractor a(one), b(four);
  ASSERT_EQ(a.rules().rule_count(), b.rules().rule_count());
  for (size_t i = 0; i < a.rules().rule_count(); ++i) EXPECT_EQ(a.rules().rule(i).id, b.rules().rule(i).id);
  const std::string text =
      "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Friday. "
      "Russia accused Turkey of shooting down its jet. Iran and Iraq signed a deal.";
  const std::vector<std::string> events = EventsOf(a, text);
  EXPECT_GE(events.size(), 3u);
  EXPECT_EQ(events, EventsOf(b, text));
}

TEST(DataPacksTest, TheFirstBadRuleIsReportedWhateverTheThreads) {
  // 70 rules (two shards of at least 32 rules with 2 or 3 threads), rules 5 and 60 bad, in different
  // shards: rule 5 is reported, on its line (7).
  std::string pack = "{\"rules\": [\n";
  for (int i = 0; i < 70; ++i) {
    const bool bad = i == 5 || i == 60;
    pack += std::string(i ? ",\n" : "") + "{\"id\": \"r" + std::to_string(i) +
            "\", \"relation\": \"met\", \"cameo\": \"040\", \"goldstein\": 1, \"pattern\": \"{subject:ACTOR} " +
            (bad ? "(unclosed" : "met" + std::to_string(i)) + " {object:ACTOR}\"}";
  }
  pack += "\n]}\n";
  const std::string path = testing::TempDir() + "data_packs_test_" + std::to_string(::getpid()) + ".json";
  {
    std::ofstream out(path);
    out << pack;
  }
  for (int threads : {1, 2, 3}) {
    ExtractorOptions options;
    options.use_defaults = false;
    options.rules = {path};
    options.threads = threads;
    try {
      const Extractor extractor(options);
      ADD_FAILURE() << "no error with " << threads << " threads";
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find("/rules/5/pattern"), std::string::npos) << error.what();
      EXPECT_NE(std::string(error.what()).find(":7:"), std::string::npos) << error.what();
    }
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace eg
