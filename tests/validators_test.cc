// Runs the client-side validators (../shared/validators, see its README.txt) on real GraphML, GEXF,
// JSON-LD, N-Quads and Kùzu CSV output. They need Node.js modules installed beside them, so the test runs
// only when EG_VALIDATORS_DIR names a prepared copy (e.g. /tmp/val); otherwise it is skipped. The Kùzu
// tests also need its npm package (npm install --no-save kuzu@0.11.3 there) and skip without it. The
// N-Quads are queried with Oxigraph from that copy through tests/tools/sparql_nquads.js.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "export/export.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

class ValidatorsTest : public testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("EG_VALIDATORS_DIR");
    if (!dir || !*dir) GTEST_SKIP() << "set EG_VALIDATORS_DIR to a prepared copy of the validators";
    validators_ = dir;
    out_ = fs::path(testing::TempDir()) / ("validators_" + std::to_string(::getpid()));
    fs::create_directories(out_);

    const char* texts[][3] = {
        {"geneva", "Kerry met Lavrov in Geneva. Officials spoke of \"R&D\" <progress> & more.", "2016-09-09"},
        {"moscow/2 ü", "Lavrov met Kerry in Moscow.", "2016-10-01"},
        {"kremlin", "Putin met Kerry in Moscow.", ""},
    };
    // The graph points into the extractor's packs, which outlive the test.
    for (const auto& [id, text, date] : texts) eg_test::AddDocument(&graph_, id, text, date);
    ASSERT_GE(graph_.edge_count(), 2u);
  }
  void TearDown() override {
    if (!out_.empty()) fs::remove_all(out_);
  }

  bool HasNodeModule(const std::string& name) const {
    return fs::is_directory(fs::path(validators_) / "node_modules" / name);
  }

  std::string Write(const std::string& name, void (*writer)(const EventGraph&, std::ostream&)) {
    const std::string path = (out_ / name).string();
    AtomicOutputFile file(path);
    writer(graph_, file.stream());
    file.Commit();
    return path;
  }

  // Runs command with its output in a file; returns the exit status and stores the output.
  int Run(const std::string& command, std::string* output) {
    const std::string log = (out_ / "log.txt").string();
    const int status = std::system((command + " > '" + log + "' 2>&1").c_str());
    std::ifstream in(log);
    std::ostringstream text;
    text << in.rdbuf();
    *output = text.str();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string validators_;
  fs::path out_;
  EventGraph graph_;
};

TEST_F(ValidatorsTest, GraphMLIsAcceptedByEveryClient) {
  const std::string path = Write("graph.graphml", WriteGraphML);
  std::string output;
  EXPECT_EQ(Run("'" + validators_ + "/validate_graphml' '" + path + "'", &output), 0) << output;
  EXPECT_NE(output.find("ACCEPTED"), std::string::npos) << output;
}

TEST_F(ValidatorsTest, JsonLdIsAcceptedAndAnswersSparql) {
  const std::string path = Write("graph.jsonld", WriteJsonLd);
  const std::string query =
      "PREFIX schema: <https://schema.org/> PREFIX eg: <urn:eventgraph:vocab:> "
      "SELECT DISTINCT ?who WHERE { ?e schema:agent ?who ; "
      "schema:participant <urn:eventgraph:entity:person:sergei_lavrov> ; eg:relation \"met\" }";
  std::string output;
  EXPECT_EQ(Run("'" + validators_ + "/validate_jsonld' '" + path + "' '" + query + "'", &output), 0) << output;
  EXPECT_NE(output.find("ACCEPTED"), std::string::npos) << output;
  EXPECT_NE(output.find("who=urn:eventgraph:entity:person:john_kerry"), std::string::npos) << output;
}

constexpr char kWhoMetLavrov[] =
    "PREFIX eg: <urn:eventgraph:vocab:> PREFIX schema: <https://schema.org/> "
    "SELECT DISTINCT ?who WHERE { ?w eg:met ?l . ?l schema:name \"Sergei Lavrov\" . ?w schema:name ?who }";

TEST_F(ValidatorsTest, GexfIsAcceptedByEveryClientWithoutGephiWarnings) {
  const std::string path = Write("graph.gexf", WriteGexf);
  std::string output;
  EXPECT_EQ(Run("'" + validators_ + "/validate_gexf' '" + path + "'", &output), 0) << output;
  EXPECT_NE(output.find("ACCEPTED"), std::string::npos) << output;
  EXPECT_NE(output.find("spell(s): Gephi builds a dynamic graph"), std::string::npos) << output;
  EXPECT_EQ(output.find("  WARNING "), std::string::npos) << output;
  EXPECT_EQ(output.find("  SEVERE "), std::string::npos) << output;
}

TEST_F(ValidatorsTest, JsonLdAndNQuadsAnswerTheSameQuery) {
  const std::string jsonld = Write("graph.jsonld", WriteJsonLd);
  const std::string nquads = Write("graph.nq", WriteNQuads);
  std::string output;
  ASSERT_EQ(Run("'" + validators_ + "/validate_jsonld' '" + jsonld + "' '" + kWhoMetLavrov + "'", &output), 0)
      << output;
  EXPECT_NE(output.find("who=John Kerry"), std::string::npos) << output;
  const size_t agree = output.find("all clients agree: ");
  ASSERT_NE(agree, std::string::npos) << output;
  const std::string quads = output.substr(agree + 19, output.find(' ', agree + 19) - agree - 19);

  ASSERT_EQ(Run("NODE_PATH='" + validators_ + "/node_modules' node '" EG_SOURCE_DIR
                "/tests/tools/sparql_nquads.js' '" + nquads + "' '" + kWhoMetLavrov + "'",
                &output),
            0)
      << output;
  EXPECT_NE(output.find("quads=" + quads + "\n"), std::string::npos) << quads << "\n" << output;
  EXPECT_NE(output.find("who=John Kerry"), std::string::npos) << output;
}

TEST_F(ValidatorsTest, KuzuLoadsTheCsvDirectory) {
  if (!HasNodeModule("kuzu")) GTEST_SKIP() << "kuzu is not installed in " << validators_;
  const std::string dir = (out_ / "csv").string();
  WriteCsvDirectory(ExportView(graph_), dir + "/");
  std::string output;
  EXPECT_EQ(Run("'" + validators_ + "/load_kuzu' '" + dir + "/kuzu/entities.csv' '" + dir + "/kuzu/relations.csv'",
                &output),
            0)
      << output;
  EXPECT_NE(output.find("loaded: nodes=" + std::to_string(graph_.node_count()) +
                        " edges=" + std::to_string(graph_.edge_count())),
            std::string::npos)
      << output;
  EXPECT_EQ(Run("cd '" + dir + "' && NODE_PATH='" + validators_ + "/node_modules' node '" EG_SOURCE_DIR
                "/tests/tools/kuzu_load_cypher.js' .",
                &output),
            0)
      << output;
  EXPECT_NE(output.find("Entity=" + std::to_string(graph_.node_count())), std::string::npos) << output;
  EXPECT_NE(output.find("Event=" + std::to_string(graph_.event_count())), std::string::npos) << output;
}

}  // namespace
}  // namespace eg
