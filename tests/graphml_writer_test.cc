// WriteGraphML: parsed back with an XML parser (Boost.PropertyTree) to check what Gephi, networkx and
// graphology rely on: declared and typed keys, NMTOKEN ids, one edge per relation, escaping.
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <gtest/gtest.h>

#include "export/export.h"
#include "export/graph_attributes.h"
#include "export/xml_text.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

using eg_test::AddDocument;

using boost::property_tree::ptree;

std::string GraphML(const EventGraph& graph) {
  std::ostringstream out;
  WriteGraphML(graph, out);
  return out.str();
}

ptree Parse(const std::string& xml) {
  std::istringstream in(xml);
  ptree tree;
  boost::property_tree::read_xml(in, tree);
  return tree;
}

std::string Attribute(const ptree& element, const std::string& name) {
  return element.get<std::string>(ptree::path_type("<xmlattr>/" + name, '/'), "");
}

// The <data> values of one node or edge, by key id.
std::map<std::string, std::string> DataOf(const ptree& element) {
  std::map<std::string, std::string> data;
  for (const auto& [tag, child] : element) {
    if (tag == "data") data[Attribute(child, "key")] = child.data();
  }
  return data;
}

struct Parsed {
  std::map<std::string, ptree> keys;  // by id
  std::vector<ptree> nodes, edges;
  ptree graph;
};

Parsed ParseGraphML(const std::string& xml) {
  const ptree tree = Parse(xml);
  Parsed parsed;
  const ptree& root = tree.get_child("graphml");
  for (const auto& [tag, child] : root) {
    if (tag == "key") parsed.keys[Attribute(child, "id")] = child;
  }
  parsed.graph = root.get_child("graph");
  for (const auto& [tag, child] : parsed.graph) {
    if (tag == "node") parsed.nodes.push_back(child);
    if (tag == "edge") parsed.edges.push_back(child);
  }
  return parsed;
}

class GraphMLWriterTest : public testing::Test {
 protected:
  void SetUp() override {
    AddDocument(&graph_, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
    AddDocument(&graph_, "b", "Lavrov met Kerry in Moscow.", "2016-10-01");
    AddDocument(&graph_, "c", "Putin met Lavrov in Moscow.", "2016-10-02");
  }
  EventGraph graph_;
};

TEST_F(GraphMLWriterTest, EveryKeyIsDeclaredWithAGephiType) {
  const Parsed parsed = ParseGraphML(GraphML(graph_));
  const std::set<std::string> gephi_types = {"string", "int", "long", "float", "double", "boolean"};
  for (const auto& [id, key] : parsed.keys) {
    EXPECT_FALSE(Attribute(key, "attr.name").empty()) << id;
    EXPECT_TRUE(gephi_types.count(Attribute(key, "attr.type"))) << id;
    const std::string domain = Attribute(key, "for");
    EXPECT_TRUE(domain == "node" || domain == "edge") << id;
  }
  // Node and edge labels: different key ids, both named "label" so Gephi uses them as labels.
  ASSERT_TRUE(parsed.keys.count("label"));
  EXPECT_EQ(Attribute(parsed.keys.at("label"), "for"), "node");
  int edge_labels = 0;
  for (const auto& [id, key] : parsed.keys) {
    if (Attribute(key, "for") == "edge" && Attribute(key, "attr.name") == "label") ++edge_labels;
  }
  EXPECT_EQ(edge_labels, 1);

  for (const std::vector<ptree>* elements : {&parsed.nodes, &parsed.edges}) {
    for (const ptree& element : *elements) {
      for (const auto& [key, value] : DataOf(element)) EXPECT_TRUE(parsed.keys.count(key)) << key;
    }
  }
}

TEST_F(GraphMLWriterTest, NodesCarryAliasesAndNetworkMeasures) {
  const Parsed parsed = ParseGraphML(GraphML(graph_));
  for (const char* key : {"aliases", "discovered", "degree", "in_degree", "out_degree", "weighted_degree",
                          "betweenness", "pagerank", "component"}) {
    ASSERT_TRUE(parsed.keys.count(key)) << key;
    EXPECT_EQ(Attribute(parsed.keys.at(key), "for"), "node") << key;
  }
  EXPECT_EQ(Attribute(parsed.keys.at("betweenness"), "attr.type"), "double");
  EXPECT_EQ(Attribute(parsed.keys.at("degree"), "attr.type"), "int");
  EXPECT_EQ(Attribute(parsed.keys.at("discovered"), "attr.type"), "boolean");
  // Kerry - Lavrov - Putin: Lavrov is on the one shortest path between the other two.
  const auto lavrov = DataOf(parsed.nodes[1]);
  EXPECT_EQ(lavrov.at("label"), "Sergei Lavrov");
  EXPECT_EQ(lavrov.at("aliases"), "Lavrov");
  EXPECT_EQ(lavrov.at("degree"), "2");
  EXPECT_EQ(lavrov.at("weighted_degree"), "3");
  EXPECT_EQ(lavrov.at("betweenness"), "1");
  EXPECT_EQ(lavrov.at("component"), "0");
  EXPECT_EQ(lavrov.at("discovered"), "false");
  EXPECT_EQ(DataOf(parsed.nodes[0]).at("betweenness"), "0");
  // Edges: coloured by quad class (Gephi's r, g, b), dated by their first event.
  const auto meeting = DataOf(parsed.edges[0]);
  EXPECT_EQ(meeting.at("edge_g"), "196");  // verbal cooperation
  EXPECT_EQ(meeting.at("date"), "2016-09-09");
  EXPECT_EQ(meeting.at("location"), "Geneva");
}

// GraphML key ids are the attribute names, so node and edge attributes must not share one.
TEST(GraphAttributesTest, NodeAndEdgeNamesAreDistinct) {
  std::set<std::string> names = {"label", "r", "g", "b", "size", "edge_label", "weight", "edge_r", "edge_g",
                                 "edge_b"};
  for (const auto* attributes : {&NodeAttributes(), &EdgeAttributes()}) {
    for (const AttributeDef& attribute : *attributes) {
      EXPECT_TRUE(names.insert(attribute.name).second) << attribute.name;
    }
  }
}

TEST_F(GraphMLWriterTest, OneEdgePerEventOnRequest) {
  std::ostringstream out;
  WriteGraphML(ExportView(graph_, {EdgeMode::kEvents}), out);
  const Parsed parsed = ParseGraphML(out.str());
  ASSERT_EQ(parsed.edges.size(), 3u);
  // "Lavrov met Kerry" keeps the direction of the symmetric edge, with its own date and place.
  EXPECT_EQ(Attribute(parsed.edges[1], "source"), "person:john_kerry");
  const auto second = DataOf(parsed.edges[1]);
  EXPECT_EQ(second.at("weight"), "1");
  EXPECT_EQ(second.at("date"), "2016-10-01");
  EXPECT_EQ(second.at("locations"), "Moscow");
  EXPECT_EQ(second.at("documents"), "b");
}

TEST_F(GraphMLWriterTest, NodesAndEdges) {
  const Parsed parsed = ParseGraphML(GraphML(graph_));
  EXPECT_EQ(Attribute(parsed.graph, "edgedefault"), "directed");
  ASSERT_EQ(parsed.nodes.size(), 3u);
  ASSERT_EQ(parsed.edges.size(), 2u);

  EXPECT_EQ(Attribute(parsed.nodes[0], "id"), "person:john_kerry");
  const auto kerry = DataOf(parsed.nodes[0]);
  EXPECT_EQ(kerry.at("label"), "John Kerry");
  EXPECT_EQ(kerry.at("type"), "PERSON");
  EXPECT_EQ(kerry.at("country"), "country:USA");
  EXPECT_EQ(kerry.at("mentions"), "2");
  EXPECT_EQ(kerry.at("events"), "2");
  EXPECT_EQ(kerry.at("first_seen"), "2016-09-09");
  EXPECT_EQ(kerry.at("last_seen"), "2016-10-01");
  EXPECT_EQ(kerry.at("size"), "16");  // one relation
  EXPECT_FALSE(kerry.at("r").empty());

  // Kerry-Lavrov in both directions: one edge, written once, weight 2.
  const ptree& meeting = parsed.edges[0];
  EXPECT_EQ(Attribute(meeting, "source"), "person:john_kerry");
  EXPECT_EQ(Attribute(meeting, "target"), "person:sergei_lavrov");
  EXPECT_EQ(Attribute(meeting, "directed"), "");  // never mixed into the directed graph
  EXPECT_EQ(Attribute(meeting, "label"), "");     // Gephi would read it as the edge type
  const auto data = DataOf(meeting);
  EXPECT_EQ(data.at("weight"), "2");
  EXPECT_EQ(data.at("symmetric"), "true");
  EXPECT_EQ(data.at("relation"), "met");
  EXPECT_EQ(data.at("cameo"), "040");
  EXPECT_EQ(data.at("first_date"), "2016-09-09");
  EXPECT_EQ(data.at("last_date"), "2016-10-01");
  EXPECT_EQ(data.at("locations"), "Geneva; Moscow");
  EXPECT_EQ(data.at("documents"), "a; b");
  EXPECT_EQ(data.at("evidence"), "Kerry met Lavrov in Geneva.");
  std::string label_key;
  for (const auto& [id, key] : parsed.keys) {
    if (Attribute(key, "for") == "edge" && Attribute(key, "attr.name") == "label") label_key = id;
  }
  EXPECT_EQ(data.at(label_key), "met");

  EXPECT_NE(Attribute(parsed.edges[0], "id"), Attribute(parsed.edges[1], "id"));
  EXPECT_EQ(DataOf(parsed.edges[1]).at("locations"), "Moscow");
}

TEST_F(GraphMLWriterTest, OutputIsDeterministic) {
  EventGraph again;
  AddDocument(&again, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  AddDocument(&again, "b", "Lavrov met Kerry in Moscow.", "2016-10-01");
  AddDocument(&again, "c", "Putin met Lavrov in Moscow.", "2016-10-02");
  EXPECT_EQ(GraphML(graph_), GraphML(again));
}

// `eventgraph build -o x.graphml` builds a graph that keeps no event records (bounded memory): its GraphML
// is the same; the writers that list events refuse such a graph rather than write a silent gap.
TEST_F(GraphMLWriterTest, AGraphWithoutEventRecordsWritesTheSameGraphML) {
  EventGraph dropped(/*keep_events=*/false);
  AddDocument(&dropped, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  AddDocument(&dropped, "b", "Lavrov met Kerry in Moscow.", "2016-10-01");
  AddDocument(&dropped, "c", "Putin met Lavrov in Moscow.", "2016-10-02");
  EXPECT_EQ(GraphML(dropped), GraphML(graph_));
  std::ostringstream out;
  EXPECT_THROW(WriteGexf(dropped, out), std::logic_error);
  EXPECT_THROW(WriteJsonLd(dropped, out), std::logic_error);
  EXPECT_THROW(WriteNQuads(dropped, out), std::logic_error);
  EXPECT_THROW(ExportView(dropped, {EdgeMode::kEvents}), std::logic_error);
}

TEST(GraphMLEscapingTest, HostileTextIsEscapedAndForbiddenCharactersReplaced) {
  EventGraph graph;
  const std::string hostile = "Kerry met Lavrov in Geneva on \"R&D\" <talks> 'x' \x01\x1f done.";
  AddDocument(&graph, "doc <&> \"'", hostile, "");
  ASSERT_EQ(graph.edge_count(), 1u);
  const std::string xml = GraphML(graph);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x1f'), std::string::npos);
  EXPECT_NE(xml.find("&quot;R&amp;D&quot; &lt;talks&gt; &apos;x&apos;"), std::string::npos);

  const Parsed parsed = ParseGraphML(xml);  // throws if not well-formed
  ASSERT_EQ(parsed.edges.size(), 1u);
  const auto data = DataOf(parsed.edges[0]);
  EXPECT_EQ(data.at("evidence"),
            "Kerry met Lavrov in Geneva on \"R&D\" <talks> 'x' \xEF\xBF\xBD\xEF\xBF\xBD done.");
  EXPECT_EQ(data.at("documents"), "doc <&> \"'");
}

TEST(GraphMLEscapingTest, EmptyGraphIsStillAValidDocument) {
  EventGraph graph;
  const Parsed parsed = ParseGraphML(GraphML(graph));
  EXPECT_TRUE(parsed.nodes.empty());
  EXPECT_TRUE(parsed.edges.empty());
  EXPECT_FALSE(parsed.keys.empty());
}


TEST(XmlTextTest, EscapesMarkupAndReplacesWhatXmlForbids) {
  std::string out;
  AppendXmlEscaped("a&b<c>d\"e'f", &out);
  EXPECT_EQ(out, "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  out.clear();
  AppendXmlEscaped(std::string("tab\tnl\ncr\rnul") + '\0' + "esc\x1b", &out);
  EXPECT_EQ(out, "tab&#9;nl&#10;cr&#13;nul\xEF\xBF\xBD" "esc\xEF\xBF\xBD");
  out.clear();
  AppendXmlEscaped("\xEF\xBF\xBE \xEF\xBF\xBF \xC3\xA9", &out);  // U+FFFE, U+FFFF, e-acute
  EXPECT_EQ(out, "\xEF\xBF\xBD \xEF\xBF\xBD \xC3\xA9");
  out.clear();
  AppendXmlEscaped("bad \xFF\xC3 end", &out);  // not UTF-8
  EXPECT_EQ(out, "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(XmlTextTest, NmtokensKeepSafeCharactersOnly) {
  EXPECT_EQ(ToNmtoken("person:john_kerry"), "person:john_kerry");
  EXPECT_EQ(ToNmtoken("org:a.b-c"), "org:a.b-c");
  EXPECT_EQ(ToNmtoken("has space/and\"quote"), "has_space_and_quote");
  EXPECT_EQ(ToNmtoken(""), "_");
}

}  // namespace
}  // namespace eg
