// WriteNQuads: the N-Quads grammar (escaping of IRIs and literals, one statement per line) and the same
// quads as WriteJsonLd, compared by rdflib when /usr/bin/python3 has it (skipped otherwise).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "export/export.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

// Every document has this title (quotes and a backslash to escape).
constexpr char kTitle[] = "Talks \"today\" \\ tomorrow";

void AddDocument(EventGraph* graph, const std::string& id, const std::string& text, const std::string& date) {
  eg_test::AddDocument(graph, id, text, date, eg_test::DefaultExtractor(), kTitle);
}

std::string NQuads(const EventGraph& graph) {
  std::ostringstream out;
  WriteNQuads(graph, out);
  return out.str();
}

class NQuadsWriterTest : public testing::Test {
 protected:
  void SetUp() override {
    AddDocument(&graph_, "a", "Kerry met Lavrov in Geneva, saying \"a\\b\"\tthen.", "2016-09-09");
    AddDocument(&graph_, "b <2> {x}", "Lavrov met Kerry in Moscow.", "");
    AddDocument(&graph_, "c", "Putin met Kerry at the Kremlin.", "2016-10-01");
    text_ = NQuads(graph_);
  }

  EventGraph graph_;
  std::string text_;
};

TEST_F(NQuadsWriterTest, EveryLineIsOneQuadInTheRunGraph) {
  // subject predicate object graph . with IRIs free of the characters IRIREF excludes.
  const std::string iri = R"(<[^\x00-\x20<>"{}|^`\\]*>)";
  const std::string literal = R"("([^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(\^\^)" + iri + ")?";
  const std::regex quad("^" + iri + " " + iri + " (" + iri + "|" + literal + ") (" + iri + ") \\.$");
  std::istringstream in(text_);
  std::string graph;
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, quad)) << line;
    if (graph.empty()) graph = match[match.size() - 1];
    EXPECT_EQ(match[match.size() - 1], graph) << line;
  }
  EXPECT_GT(lines, 50u);
  EXPECT_EQ(graph.rfind("<urn:eventgraph:run:", 0), 0u) << graph;
}

TEST_F(NQuadsWriterTest, LiteralsAndIrisAreEscaped) {
  // A backslash is written \u005C, which every reader decodes alike (rdflib 6 misreads "\\b").
  EXPECT_NE(text_.find(R"("Kerry met Lavrov in Geneva, saying \"a\u005Cb\"\tthen.")"), std::string::npos) << text_;
  EXPECT_NE(text_.find(R"("Talks \"today\" \u005C tomorrow")"), std::string::npos);
  EXPECT_NE(text_.find("<urn:eventgraph:doc:b%20%3C2%3E%20%7Bx%7D>"), std::string::npos);
  EXPECT_NE(text_.find("\"2016-09-09\"^^<http://www.w3.org/2001/XMLSchema#date>"), std::string::npos);
  EXPECT_NE(text_.find("<https://schema.org/agent> <urn:eventgraph:entity:person:john_kerry>"), std::string::npos);
  EXPECT_NE(text_.find("<urn:eventgraph:vocab:met> <urn:eventgraph:entity:person:sergei_lavrov>"),
            std::string::npos);
}

TEST_F(NQuadsWriterTest, SameQuadsAsJsonLd) {
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "no /usr/bin/python3";
  const fs::path dir = fs::path(testing::TempDir()) / ("nquads_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "graph.nq") << text_;
  {
    std::ofstream jsonld(dir / "graph.jsonld");
    WriteJsonLd(graph_, jsonld);
  }
  const std::string query =
      "PREFIX eg: <urn:eventgraph:vocab:> PREFIX schema: <https://schema.org/> "
      "SELECT DISTINCT ?who WHERE { ?w eg:met ?l . ?l schema:name \"Sergei Lavrov\" . ?w schema:name ?who }";
  const std::string command = "/usr/bin/python3 '" EG_SOURCE_DIR "/tests/tools/compare_rdf.py' '" +
                              (dir / "graph.jsonld").string() + "' '" + (dir / "graph.nq").string() + "' '" +
                              query + "' > '" + (dir / "log").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(dir / "log");
  std::ostringstream log;
  log << in.rdbuf();
  fs::remove_all(dir);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 77) GTEST_SKIP() << "rdflib is not installed for /usr/bin/python3";
  EXPECT_EQ(code, 0) << log.str();
  EXPECT_NE(log.str().find("missing=0 extra=0"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("jsonld: who=John Kerry"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("nquads: who=John Kerry"), std::string::npos) << log.str();
}

}  // namespace
}  // namespace eg
