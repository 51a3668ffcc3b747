// The graph side of the command line, run as a user would: `build` into every graph format (by
// extension, by --format, with --edges events) and `stats INPUT...`.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;

using eg_test::Read;
using eg_test::Result;

size_t Count(const std::string& text, const std::string& word) {
  size_t count = 0;
  for (size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) ++count;
  return count;
}

class GraphCommandsTest : public eg_test::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::ofstream(dir_ / "news.jsonl")
        << R"({"id": "a", "date": "2016-09-09", "text": "Kerry met Lavrov in Geneva."})" "\n"
        << R"({"id": "b", "date": "2016-10-01", "text": "Lavrov met Kerry in Moscow."})" "\n"
        << R"({"id": "c", "text": "Putin met Kerry at the Kremlin. Erdogan met Assad in Damascus."})" "\n";
  }
  Result Run(const std::string& args) const {
    return eg_test::RunEventgraph(args, Path("stdout.txt"), Path("stderr.txt"));
  }
};

TEST_F(GraphCommandsTest, BuildWritesEveryGraphFormatByExtension) {
  const Result r = Run("build " + Path("news.jsonl") + " -o " + Path("g.graphml") + " -o " + Path("g.gexf") +
                       " -o " + Path("g.jsonld") + " -o " + Path("g.nq") + " -o " + Path("csv") + "/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 nodes, 3 edges"), std::string::npos) << r.err;
  EXPECT_EQ(Count(Read(Path("g.graphml")), "<edge id="), 3u);
  EXPECT_NE(Read(Path("g.gexf")).find("<spell start=\"2016-09-09\" end=\"2016-09-09\"/>"), std::string::npos);
  EXPECT_NE(Read(Path("g.jsonld")).find("\"@type\": \"Relationship\""), std::string::npos);
  EXPECT_NE(Read(Path("g.nq")).find("<urn:eventgraph:vocab:met>"), std::string::npos);
  for (const char* name : {"entities.csv", "events.csv", "relations.csv", "roles.csv", "load.cypher",
                           "kuzu/entities.csv", "kuzu/relations.csv"}) {
    EXPECT_TRUE(fs::exists(dir_ / "csv" / name)) << name;
  }
}

TEST_F(GraphCommandsTest, FormatAndEdgesOptions) {
  const Result r = Run("build -q --edges events --format gexf --format csv " + Path("news.jsonl") + " -o " +
                       Path("g.xml") + " -o " + Path("out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(Read(Path("g.xml")), "<edge id="), 4u);  // one per event
  EXPECT_EQ(Count(Read(Path("out/relations.csv")), "\n"), 5u);  // header and four events
  EXPECT_EQ(Run("build --edges pairs " + Path("news.jsonl") + " -o " + Path("x.graphml")).exit_code, 2);
  EXPECT_EQ(Run("build " + Path("news.jsonl") + " -o " + Path("x.csv")).exit_code, 2);  // no such extension
}

TEST_F(GraphCommandsTest, StatsSummarizesTheNetwork) {
  const Result r = Run("stats " + Path("news.jsonl") + " --top 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 documents, 4 events, 5 nodes, 3 edges, 2 connected components"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("top actors by degree"), std::string::npos);
  EXPECT_NE(r.out.find("  1. John Kerry (person:john_kerry)  2; 3\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("top actors by betweenness (normalized)\n  1. John Kerry (person:john_kerry)  0.1667"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  3 nodes: John Kerry, Sergei Lavrov, Vladimir Putin\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  04 consult: 4\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2016-09: 1\n  2016-10: 1\n  undated: 2\n"), std::string::npos) << r.out;
  EXPECT_EQ(Run("stats").exit_code, 2);
}

}  // namespace
