// End-to-end: the eventgraph binary on files written here, from the command line to the output files.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/embedded_data.h"
#include "tests/test_support.h"

namespace {
namespace fs = std::filesystem;

using eg_test::Read;
using eg_test::Result;

class CliTest : public eg_test::TempDirTest {
 protected:
  // Runs the binary with args (a shell fragment), stdin from stdin_file when given.
  Result Run(const std::string& args, const std::string& stdin_file = "/dev/null") const {
    return eg_test::RunEventgraph(args, Path("stdout.txt"), Path("stderr.txt"), stdin_file);
  }
};

const char kArticle[] =
    "Tuesday, December 15, 2015\n"
    "\n"
    "U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday.\n"
    "Later, Kerry met Russia’s President Vladimir Putin at the Kremlin.\n";

TEST_F(CliTest, BuildWritesEveryFormatWithEvidence) {
  Write("kerry.txt", kArticle);
  Result r = Run("build " + Path("kerry.txt") + " -o " + Path("g.graphml") + " -o " + Path("g.jsonld") +
                 " -o " + Path("g.events.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The one-line summary names every count.
  for (const char* word : {"1 documents", "sentences", "mentions", "events", "nodes", "edges", " s"}) {
    EXPECT_NE(r.err.find(word), std::string::npos) << word << " missing from: " << r.err;
  }
  std::string graphml = Read(Path("g.graphml"));
  EXPECT_NE(graphml.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.find("person:john_kerry"), std::string::npos);
  EXPECT_NE(graphml.find("person:vladimir_putin"), std::string::npos);

  rapidjson::Document jsonld;
  std::string jsonld_text = Read(Path("g.jsonld"));
  jsonld.Parse(jsonld_text.c_str());
  ASSERT_FALSE(jsonld.HasParseError());
  EXPECT_TRUE(jsonld.HasMember("@context"));

  // Every event line is valid against schemas/event.schema.json and carries its sentence.
  rapidjson::Document schema_json;
  std::string_view schema_text = eg::FindEmbeddedFile("schemas/event.schema.json");
  schema_json.Parse(schema_text.data(), schema_text.size());
  ASSERT_FALSE(schema_json.HasParseError());
  rapidjson::SchemaDocument schema(schema_json);
  std::istringstream lines(Read(Path("g.events.jsonl")));
  std::string line;
  int met_putin_in_moscow = 0, count = 0;
  while (std::getline(lines, line)) {
    ++count;
    rapidjson::Document event;
    event.Parse(line.c_str());
    ASSERT_FALSE(event.HasParseError()) << line;
    rapidjson::SchemaValidator validator(schema);
    EXPECT_TRUE(event.Accept(validator)) << validator.GetInvalidSchemaKeyword() << " in " << line;
    EXPECT_EQ(std::string(event["date"].GetString()), "2015-12-15") << "date from the dateline";
    if (event["object"].IsObject() && std::string(event["object"]["id"].GetString()) == "person:vladimir_putin") {
      EXPECT_EQ(std::string(event["subject"]["id"].GetString()), "person:john_kerry");
      EXPECT_EQ(std::string(event["location"]["id"].GetString()), "city:moscow");
      EXPECT_NE(std::string(event["evidence"].GetString()).find("at the Kremlin"), std::string::npos);
      ++met_putin_in_moscow;
    }
  }
  EXPECT_GE(count, 2);
  EXPECT_EQ(met_putin_in_moscow, 1);
}

TEST_F(CliTest, ExtractReadsJsonLinesFromStdin) {
  Write("docs.jsonl",
        "{\"id\": \"a\", \"text\": \"Kerry met Lavrov in Geneva.\", \"date\": \"2016-09-09\", \"extra\": 1}\n"
        "\n"
        "{\"id\": \"b\", \"text\": \"Nothing happened here.\"}\n");
  Result r = Run("extract -", Path("docs.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc\":\"a\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("city:geneva"), std::string::npos);
  EXPECT_NE(r.out.find("2016-09-09"), std::string::npos);
  EXPECT_NE(r.err.find("2 documents"), std::string::npos) << r.err;
}

TEST_F(CliTest, DirectoryInputIsRecursiveAndSorted) {
  Write("corpus/b/second.txt", "Kerry met Lavrov in Geneva.");
  Write("corpus/a/first.txt", "Lavrov met Kerry in Moscow.");
  Write("corpus/notes.md", "ignored: not an input extension");
  Result r = Run("extract --date 2016-01-01 " + Path("corpus"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t first = r.out.find("\"doc\":\"first\""), second = r.out.find("\"doc\":\"second\"");
  ASSERT_NE(first, std::string::npos) << r.out;
  ASSERT_NE(second, std::string::npos) << r.out;
  EXPECT_LT(first, second);
  EXPECT_NE(r.out.find("2016-01-01"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
  EXPECT_EQ(Run("build " + Path("x.txt")).exit_code, 2) << "no -o";
  EXPECT_EQ(Run("extract --date 2016-02-30 x").exit_code, 2);
  Write("a.txt", "Kerry met Lavrov.");
  Result r = Run("build " + Path("a.txt") + " -o " + Path("graph.png"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("graph.png")));
}

TEST_F(CliTest, HelpExitsZero) {
  Result r = Run("build --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--gazetteer"), std::string::npos);
  EXPECT_NE(r.out.find("--no-defaults"), std::string::npos);
}

TEST_F(CliTest, MissingInputNamesTheFile) {
  Result r = Run("extract " + Path("missing.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadJsonLineNamesFileAndLine) {
  Write("bad.jsonl", "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \n");
  Result r = Run("extract " + Path("bad.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.jsonl:2:"), std::string::npos) << r.err;

  Write("notext.jsonl", "{\"id\": \"a\"}\n");
  r = Run("extract " + Path("notext.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("notext.jsonl:1: text: missing"), std::string::npos) << r.err;

  Write("dup.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n");
  r = Run("extract " + Path("dup.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("dup.jsonl:2: id:"), std::string::npos) << r.err;
}

TEST_F(CliTest, InvalidUtf8IsReportedNotCrashedOn) {
  Write("latin1.txt", std::string("Kerry met Lavrov in Gen\xe8ve.\n"));
  Result r = Run("extract " + Path("latin1.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadRegexInRulePackNamesFileLineAndField) {
  Write("rules.json",
        "{\n"
        "  \"rules\": [\n"
        "    {\"id\": \"broken\",\n"
        "     \"pattern\": \"{subject:ACTOR} (met\",\n"
        "     \"relation\": \"met\", \"cameo\": \"040\", \"goldstein\": 1}\n"
        "  ]\n"
        "}\n");
  Write("a.txt", "Kerry met Lavrov.");
  Result r = Run("build " + Path("a.txt") + " --rules " + Path("rules.json") + " -o " + Path("g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("rules.json:4: /rules/0/pattern:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing )"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.graphml")));
}

TEST_F(CliTest, UnknownFieldInGazetteerIsAnError) {
  Write("gaz.json",
        "{\"entities\": [\n"
        "  {\"id\": \"person:x\", \"label\": \"X\", \"type\": \"PERSON\", \"alias\": [\"Y\"]}\n"
        "]}\n");
  Result r = Run("extract --gazetteer " + Path("gaz.json") + " " + EG_SOURCE_DIR + "/data/sample.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("gaz.json:2: /entities/0/alias: unknown field"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingOutputDirectoryFailsCleanly) {
  Write("a.txt", "Kerry met Lavrov in Geneva.");
  Result r = Run("build " + Path("a.txt") + " -o " + Path("no/such/dir/g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no/such/dir"), std::string::npos) << r.err;
}

TEST_F(CliTest, FailedRunLeavesNoPartialOutput) {
  // The second document is bad: the run fails and the outputs named must not appear at all.
  Write("docs.jsonl", "{\"id\": \"a\", \"text\": \"Kerry met Lavrov in Geneva.\"}\n{\"id\": 5, \"text\": \"x\"}\n");
  Result r = Run("build " + Path("docs.jsonl") + " -o " + Path("g.graphml") + " -o " + Path("e.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(Path("g.graphml")));
  EXPECT_FALSE(fs::exists(Path("e.jsonl")));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << "temporary file left: " << entry.path();
  }
}

TEST_F(CliTest, TestRulesReportsPassesAndFailures) {
  Write("rules.json", R"({"rules": [
    {"id": "test.meet", "pattern": "{subject:ACTOR} met {object:ACTOR}", "relation": "met",
     "cameo": "040", "goldstein": 1,
     "tests": [
       {"text": "Kerry met Lavrov.", "events": [{"subject": "person:john_kerry", "object": "person:sergei_lavrov"}]},
       {"text": "Kerry met Putin.", "events": []}
     ]}
  ]})");
  Result r = Run("test-rules " + Path("rules.json"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kerry met Putin."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("person:vladimir_putin"), std::string::npos) << "the produced event is shown";
}

TEST_F(CliTest, SampleFlagUsesTheEmbeddedSample) {
  Result r = Run("extract --sample");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc\":\"sample\""), std::string::npos);
  EXPECT_NE(r.out.find("person:sergei_lavrov"), std::string::npos);
}

TEST_F(CliTest, SuggestPrintsAGazetteerPackThatLoads) {
  Write("news.txt",
        "Kremlin aide Yuri Ushakov said the call would take place on Friday. Ushakov gave no details.\n");
  // Its own small gazetteer, so that the test does not depend on whom the default one lacks.
  Write("gaz.json", R"({"titles": ["aide"], "entities": [
    {"id": "country:RUS", "label": "Russia", "type": "COUNTRY"},
    {"id": "landmark:kremlin", "label": "Kremlin", "type": "LANDMARK", "stands_for": "country:RUS"}]})");
  const std::string packs = "--no-defaults --gazetteer " + Path("gaz.json") + " ";
  Result r = Run("suggest " + packs + Path("news.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\": \"person:yuri_ushakov\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 mentions"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"country\": \"country:RUS\""), std::string::npos) << "from the Kremlin cue: " << r.out;
  // The suggestion is a valid gazetteer pack: pasted back in, the person is known, not discovered.
  Write("suggested.json", r.out);
  Result again = Run("suggest " + packs + "--gazetteer " + Path("suggested.json") + " " + Path("news.txt"));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.find("person:yuri_ushakov"), std::string::npos) << again.out;
}

TEST_F(CliTest, StatsPacksCountsEveryCameoRoot) {
  Result r = Run("stats --packs");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line : {"countries: ", "cities: ", "people: ", "dated)", "agents: ", "CAMEO 01: ", "CAMEO 20: "}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << " in " << r.out;
  }
  EXPECT_EQ(r.out.find("roots without rules"), std::string::npos) << r.out;
  // Every embedded rule has words the prefilter looks for.
  EXPECT_NE(r.out.find(" atoms; rules tried on every sentence: 0\n"), std::string::npos) << r.out;
}

// A rule without a literal word is tried on every sentence: stats --packs names it and where it is.
TEST_F(CliTest, StatsPacksNamesRulesThePrefilterCannotNarrow) {
  Write("rules.json", R"({"rules": [
    {"id": "near", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR}.*{object:ACTOR}"},
    {"id": "met", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} met {object:ACTOR}"}]})");
  Result r = Run("stats --packs --no-defaults --rules " + Path("rules.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rules tried on every sentence: 1\n  near (" + Path("rules.json") + ":2)\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("negation:"), std::string::npos) << r.out;  // the default negation has words
}

// The negation is not a rule: one without a word the prefilter can look for is reported on its own line.
TEST_F(CliTest, StatsPacksSaysWhenTheNegationHasNoWords) {
  Write("rules.json", R"({"negation": "\\bn\\w*t\\b", "rules": [
    {"id": "met", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "{subject:ACTOR} met {object:ACTOR}"}]})");
  Result r = Run("stats --packs --no-defaults --rules " + Path("rules.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rules tried on every sentence: 0\nnegation: no words the prefilter looks for; tested at "
                       "every event\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
