// WriteGexf (export.h): the actor network as GEXF 1.3, dynamic, for Gephi's timeline and Gephi Lite.
//
// Shape: <gexf version="1.3"> <graph defaultedgetype="directed" mode="dynamic" timeformat="date"> with
// the data columns of graph_attributes.h declared once per class (GEXF types integer, double, boolean,
// string; dates are strings, as Gephi has no date column type), then nodes and edges. Each node has a
// label, attvalues, spells and viz:color and viz:size; each edge a label, kind (the relation, so Gephi
// keeps different relations between two actors apart instead of merging them), weight, attvalues, spells
// and viz:color.
//
// Time: a node's spell runs from its first to its last event date; an edge has one spell per distinct
// event date, [date, date], in date order. Undated nodes and edges have no spell; Gephi keeps elements
// without time in every timeline window. A graph with no dated event at all is written static, with no
// timeformat.
#include <algorithm>
#include <string>
#include <vector>

#include "export/export.h"
#include "export/graph_attributes.h"
#include "export/number_format.h"
#include "export/xml_text.h"

namespace eg {
namespace {

const char* GexfType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt: return "integer";
    case AttributeType::kDouble: return "double";
    case AttributeType::kBool: return "boolean";
    case AttributeType::kString:
    case AttributeType::kDate: return "string";
  }
  return "string";
}

void AppendAttribute(const char* name, std::string_view value, std::string* out) {
  out->append(" ").append(name).append("=\"");
  AppendXmlEscaped(value, out);
  out->append("\"");
}

void AppendDeclarations(const char* cls, const std::vector<AttributeDef>& attributes, std::string* out) {
  out->append("    <attributes class=\"").append(cls).append("\" mode=\"static\">\n");
  for (const AttributeDef& attribute : attributes) {
    out->append("      <attribute id=\"").append(attribute.name).append("\" title=\"").append(attribute.name);
    out->append("\" type=\"").append(GexfType(attribute.type)).append("\"/>\n");
  }
  out->append("    </attributes>\n");
}

void AppendValues(const std::vector<AttributeDef>& attributes, const std::vector<std::string>& values,
                  std::string* out) {
  out->append("        <attvalues>\n");
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (values[i].empty()) continue;
    out->append("          <attvalue for=\"").append(attributes[i].name).append("\"");
    AppendAttribute("value", values[i], out);
    out->append("/>\n");
  }
  out->append("        </attvalues>\n");
}

void AppendSpells(const std::vector<std::pair<std::string, std::string>>& spells, std::string* out) {
  if (spells.empty()) return;
  out->append("        <spells>\n");
  for (const auto& [start, end] : spells) {
    out->append("          <spell start=\"").append(start).append("\" end=\"").append(end).append("\"/>\n");
  }
  out->append("        </spells>\n");
}

void AppendColor(const Rgb& color, std::string* out) {
  out->append("        <viz:color r=\"").append(std::to_string(color.r)).append("\" g=\"");
  out->append(std::to_string(color.g)).append("\" b=\"").append(std::to_string(color.b)).append("\"/>\n");
}

// The distinct dates of an edge's events, sorted.
std::vector<std::string> EventDates(const EventGraph& graph, const RelationEdge& edge) {
  std::vector<std::string> dates;
  for (size_t event : edge.events) {
    const std::string& date = graph.events()[event].date;
    if (!date.empty()) dates.push_back(date);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

bool AnyDatedEvent(const EventGraph& graph) {
  for (const EventRecord& event : graph.events()) {
    if (!event.date.empty()) return true;
  }
  return false;
}

void FlushIfLarge(std::string* xml, std::ostream& out) {
  if (xml->size() < (1 << 20)) return;
  out.write(xml->data(), static_cast<std::streamsize>(xml->size()));
  xml->clear();
}

}  // namespace

void WriteGexf(const ExportView& view, std::ostream& out) {
  RequireEvents(view, "GEXF");
  const EventGraph& graph = view.graph();
  const EdgeList& edges = view.edges();
  const std::vector<AttributeDef>& node_attributes = NodeAttributes();
  const std::vector<AttributeDef>& edge_attributes = EdgeAttributes();
  const bool dynamic = AnyDatedEvent(graph);

  std::string xml;
  xml.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>eventgraph</creator>\n"
      "    <description>Actor network from news events</description>\n"
      "  </meta>\n");
  xml.append("  <graph defaultedgetype=\"directed\"");
  xml.append(dynamic ? " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n"
                     : " mode=\"static\">\n");
  AppendDeclarations("node", node_attributes, &xml);
  AppendDeclarations("edge", edge_attributes, &xml);

  xml.append("    <nodes count=\"").append(std::to_string(graph.node_count())).append("\">\n");
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const EntityNode& node = graph.node(i);
    xml.append("      <node");
    AppendAttribute("id", node.entity->id, &xml);
    AppendAttribute("label", NodeLabel(view, i), &xml);
    xml.append(">\n");
    AppendValues(node_attributes, NodeValues(view, i), &xml);
    if (!node.first_seen.empty()) AppendSpells({{node.first_seen, node.last_seen}}, &xml);
    AppendColor(NodeColor(view, i), &xml);
    xml.append("        <viz:size value=\"").append(FormatDouble(NodeSize(view, i))).append("\"/>\n");
    xml.append("      </node>\n");
    FlushIfLarge(&xml, out);
  }
  xml.append("    </nodes>\n");

  xml.append("    <edges count=\"").append(std::to_string(edges.size())).append("\">\n");
  for (size_t i = 0; i < edges.size(); ++i) {
    const RelationEdge& edge = edges[i];
    xml.append("      <edge id=\"e").append(std::to_string(i)).append("\"");
    AppendAttribute("source", graph.node(edge.source).entity->id, &xml);
    AppendAttribute("target", graph.node(edge.target).entity->id, &xml);
    AppendAttribute("label", EdgeLabel(edge), &xml);
    AppendAttribute("kind", EdgeLabel(edge), &xml);
    xml.append(" weight=\"").append(FormatDouble(EdgeWeight(edge))).append("\">\n");
    AppendValues(edge_attributes, EdgeValues(view, edge), &xml);
    std::vector<std::pair<std::string, std::string>> spells;
    for (const std::string& date : EventDates(graph, edge)) spells.emplace_back(date, date);
    AppendSpells(spells, &xml);
    AppendColor(EdgeColor(edge), &xml);
    xml.append("      </edge>\n");
    FlushIfLarge(&xml, out);
  }
  xml.append("    </edges>\n  </graph>\n</gexf>\n");
  out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
}

}  // namespace eg
