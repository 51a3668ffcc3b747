// Every graph format of one run, parsed back: GraphML, GEXF, JSON-LD, N-Quads and the CSV directory
// agree on the number of nodes and edges, in both edge modes, and each is byte-identical across runs.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "export/export.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

using eg_test::AddDocument;

namespace fs = std::filesystem;
using boost::property_tree::ptree;

std::string Write(void (*writer)(const ExportView&, std::ostream&), const ExportView& view) {
  std::ostringstream out;
  writer(view, out);
  return out.str();
}

ptree ParseXml(const std::string& xml) {
  std::istringstream in(xml);
  ptree tree;
  boost::property_tree::read_xml(in, tree);
  return tree;
}

size_t CountChildren(const ptree& parent, const std::string& tag) {
  size_t count = 0;
  for (const auto& [name, child] : parent) count += name == tag;
  return count;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Counts {
  size_t nodes = 0, edges = 0;
};

class ExportFormatsTest : public testing::Test {
 protected:
  void SetUp() override {
    AddDocument(&graph_, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
    AddDocument(&graph_, "b", "Lavrov met Kerry in Moscow. Lavrov criticized Kerry.", "2016-10-01");
    AddDocument(&graph_, "c", "Putin met Kerry at the Kremlin.", "");
    ASSERT_GE(graph_.edge_count(), 3u);
    dir_ = fs::path(testing::TempDir()) / ("export_formats_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Counts GraphMLCounts(const ExportView& view) {
    const ptree graph = ParseXml(Write(WriteGraphML, view)).get_child("graphml.graph");
    return {CountChildren(graph, "node"), CountChildren(graph, "edge")};
  }
  Counts GexfCounts(const ExportView& view) {
    const ptree graph = ParseXml(Write(WriteGexf, view)).get_child("gexf.graph");
    return {CountChildren(graph.get_child("nodes"), "node"), CountChildren(graph.get_child("edges"), "edge")};
  }
  // Nodes: resources with network measures. Edges: eg:Relationship resources (aggregate edges), or
  // events with a participant (one edge per event).
  Counts JsonLdCounts(const ExportView& view) {
    rapidjson::Document json;
    const std::string text = Write(WriteJsonLd, view);
    json.Parse(text.c_str());
    EXPECT_FALSE(json.HasParseError());
    Counts counts;
    for (const rapidjson::Value& resource : json["@graph"].GetArray()) {
      const std::string type = resource["@type"].GetString();
      counts.nodes += resource.HasMember("degree");
      if (view.edges().mode() == EdgeMode::kAggregate) {
        counts.edges += type == "Relationship";
      } else {
        counts.edges += type == "Event" && resource.HasMember("participant");
      }
    }
    return counts;
  }
  Counts NQuadsCounts(const ExportView& view) {
    std::set<std::string> nodes, edges;
    for (const std::string& line : Lines(Write(WriteNQuads, view))) {
      const std::string subject = line.substr(0, line.find(' '));
      if (line.find(" <urn:eventgraph:vocab:degree> ") != std::string::npos) nodes.insert(subject);
      if (line.find(" <urn:eventgraph:vocab:Relationship> ") != std::string::npos) edges.insert(subject);
    }
    return {nodes.size(), edges.size()};
  }
  Counts CsvCounts(const ExportView& view, const std::string& flavour) {
    const fs::path out = dir_ / "csv";
    WriteCsvDirectory(view, out.string() + "/");
    return {Lines(ReadFile(out / flavour / "entities.csv")).size() - 1,
            Lines(ReadFile(out / flavour / "relations.csv")).size() - 1};
  }

  EventGraph graph_;
  fs::path dir_;
};

TEST_F(ExportFormatsTest, NodeAndEdgeCountsAgreeAcrossFormats) {
  for (EdgeMode mode : {EdgeMode::kAggregate, EdgeMode::kEvents}) {
    SCOPED_TRACE(std::string(EdgeModeName(mode)));
    const ExportView view(graph_, {mode});
    const Counts graphml = GraphMLCounts(view);
    EXPECT_EQ(graphml.nodes, graph_.node_count());
    EXPECT_EQ(graphml.edges, view.edges().size());
    for (const Counts& other :
         {GexfCounts(view), JsonLdCounts(view), CsvCounts(view, ""), CsvCounts(view, "kuzu")}) {
      EXPECT_EQ(other.nodes, graphml.nodes);
      EXPECT_EQ(other.edges, graphml.edges);
    }
    const Counts nquads = NQuadsCounts(view);
    EXPECT_EQ(nquads.nodes, graphml.nodes);
    EXPECT_EQ(nquads.edges, graph_.edge_count());  // RDF keeps aggregate relationships in both modes
  }
  EXPECT_EQ(ExportView(graph_, {EdgeMode::kEvents}).edges().size(), 4u);
  EXPECT_EQ(graph_.edge_count(), 3u);  // met (twice) Kerry-Lavrov, criticized, met Putin-Kerry
}

TEST_F(ExportFormatsTest, EveryFormatIsByteIdenticalAcrossRuns) {
  EventGraph again;
  AddDocument(&again, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  AddDocument(&again, "b", "Lavrov met Kerry in Moscow. Lavrov criticized Kerry.", "2016-10-01");
  AddDocument(&again, "c", "Putin met Kerry at the Kremlin.", "");
  const ExportView first(graph_), second(again);
  using Writer = void (*)(const ExportView&, std::ostream&);
  for (Writer writer : std::vector<Writer>{WriteGraphML, WriteGexf, WriteJsonLd, WriteNQuads}) {
    EXPECT_EQ(Write(writer, first), Write(writer, second));
  }
  WriteCsvDirectory(first, (dir_ / "one").string());
  WriteCsvDirectory(second, (dir_ / "two").string());
  for (const char* name : {"entities.csv", "events.csv", "relations.csv", "roles.csv", "load.cypher",
                           "kuzu/entities.csv", "kuzu/events.csv", "kuzu/relations.csv", "kuzu/roles.csv"}) {
    EXPECT_EQ(ReadFile(dir_ / "one" / name), ReadFile(dir_ / "two" / name)) << name;
    EXPECT_FALSE(ReadFile(dir_ / "one" / name).empty()) << name;
  }
}

TEST_F(ExportFormatsTest, GexfSpellsFollowEventDates) {
  const ptree graph = ParseXml(Write(WriteGexf, ExportView(graph_))).get_child("gexf.graph");
  EXPECT_EQ(graph.get<std::string>("<xmlattr>.mode"), "dynamic");
  EXPECT_EQ(graph.get<std::string>("<xmlattr>.timeformat"), "date");
  for (const auto& [tag, node] : graph.get_child("nodes")) {
    if (tag != "node") continue;
    const std::string id = node.get<std::string>("<xmlattr>.id");
    if (id == "person:john_kerry") {
      // Kerry's dated events run from 2016-09-09 to 2016-10-01; the undated one adds nothing.
      EXPECT_EQ(node.get<std::string>("spells.spell.<xmlattr>.start"), "2016-09-09");
      EXPECT_EQ(node.get<std::string>("spells.spell.<xmlattr>.end"), "2016-10-01");
    }
    if (id == "person:vladimir_putin") {
      EXPECT_FALSE(node.get_child_optional("spells")) << "undated: no spell";
    }
    EXPECT_TRUE(node.get_child_optional("viz:color"));
    EXPECT_TRUE(node.get_child_optional("viz:size"));
  }
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    if (tag != "edge" || edge.get<std::string>("<xmlattr>.label") != "met") continue;
    EXPECT_EQ(edge.get<std::string>("<xmlattr>.kind"), "met");
    if (!edge.get_child_optional("spells")) continue;  // Putin-Kerry, undated
    std::vector<std::string> starts;
    for (const auto& [spell_tag, spell] : edge.get_child("spells")) {
      starts.push_back(spell.get<std::string>("<xmlattr>.start"));
    }
    EXPECT_EQ(starts, (std::vector<std::string>{"2016-09-09", "2016-10-01"}));  // one spell per event date
  }
}

TEST_F(ExportFormatsTest, CsvHeadersSuitNeo4jAndKuzu) {
  WriteCsvDirectory(ExportView(graph_), (dir_ / "csv").string());
  const std::string neo4j_entities = Lines(ReadFile(dir_ / "csv" / "entities.csv"))[0];
  EXPECT_EQ(neo4j_entities.rfind("id:ID(Entity),:LABEL,label,type,", 0), 0u) << neo4j_entities;
  EXPECT_NE(neo4j_entities.find(",betweenness:double,"), std::string::npos);
  EXPECT_NE(neo4j_entities.find(",first_seen:date,"), std::string::npos);
  const std::string neo4j_relations = Lines(ReadFile(dir_ / "csv" / "relations.csv"))[0];
  EXPECT_EQ(neo4j_relations.rfind(":START_ID(Entity),:END_ID(Entity),:TYPE,weight:double,", 0), 0u);
  EXPECT_EQ(Lines(ReadFile(dir_ / "csv" / "roles.csv"))[0], ":START_ID(Event),:END_ID(Entity),:TYPE");
  const std::string kuzu_entities = Lines(ReadFile(dir_ / "csv" / "kuzu" / "entities.csv"))[0];
  EXPECT_EQ(kuzu_entities.rfind("id,label,type,", 0), 0u) << kuzu_entities;
  EXPECT_NE(kuzu_entities.find(",betweenness:DOUBLE,"), std::string::npos);
  EXPECT_EQ(kuzu_entities.find(':' + std::string("ID")), std::string::npos);
  const std::string kuzu_relations = Lines(ReadFile(dir_ / "csv" / "kuzu" / "relations.csv"))[0];
  EXPECT_EQ(kuzu_relations.rfind("from,to,type,weight:DOUBLE,", 0), 0u);
  // A met edge: relationship type in upper case, Neo4j label pair on nodes.
  const std::string relations = ReadFile(dir_ / "csv" / "relations.csv");
  EXPECT_NE(relations.find("person:john_kerry,person:sergei_lavrov,MET,2,met,040,"), std::string::npos)
      << relations;
  EXPECT_NE(ReadFile(dir_ / "csv" / "entities.csv").find("person:john_kerry,Entity;Person,John Kerry,PERSON,"),
            std::string::npos);
  const std::string cypher = ReadFile(dir_ / "csv" / "load.cypher");
  EXPECT_NE(cypher.find("CREATE NODE TABLE `Entity`(`id` STRING PRIMARY KEY, `label` STRING,"), std::string::npos);
  EXPECT_NE(cypher.find("COPY `Role` FROM 'kuzu/roles.csv' (header=true);"), std::string::npos);
}

TEST_F(ExportFormatsTest, CsvDirectoryIsReplacedWholeAndNeverClobbersOtherDirectories) {
  const fs::path out = dir_ / "out";
  WriteCsvDirectory(ExportView(graph_), out.string());
  std::ofstream(out / "stale.txt") << "from an earlier run";
  WriteCsvDirectory(ExportView(graph_), out.string() + "/");
  EXPECT_FALSE(fs::exists(out / "stale.txt"));  // replaced, not merged
  EXPECT_TRUE(fs::exists(out / "kuzu" / "roles.csv"));

  const fs::path foreign = dir_ / "photos";
  fs::create_directories(foreign);
  std::ofstream(foreign / "cat.jpg") << "meow";
  EXPECT_THROW(WriteCsvDirectory(ExportView(graph_), foreign.string()), InputError);
  EXPECT_TRUE(fs::exists(foreign / "cat.jpg"));
  EXPECT_THROW(WriteCsvDirectory(ExportView(graph_), (dir_ / "missing" / "out").string()), InputError);
  // Nothing half-written is left beside the targets.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << entry.path();
  }
}

TEST_F(ExportFormatsTest, CsvFieldsAreQuotedAndOneLineEach) {
  EventGraph graph;
  AddDocument(&graph, "q,1", "Kerry met Lavrov in Geneva, \"as planned\".\nThen more.", "2016-09-09");
  WriteCsvDirectory(ExportView(graph), (dir_ / "q").string());
  const std::vector<std::string> rows = Lines(ReadFile(dir_ / "q" / "relations.csv"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(rows[1].find("\"q,1\""), std::string::npos) << rows[1];
  EXPECT_NE(rows[1].find("\"Kerry met Lavrov in Geneva, \"\"as planned\"\".\""), std::string::npos) << rows[1];
}

}  // namespace
}  // namespace eg
