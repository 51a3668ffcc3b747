// WriteGraphML (export.h): the actor network as GraphML for Gephi, networkx and graphology.
//
// Keys: "label", "r", "g", "b" and "size" on nodes and "edge_label", "edge_r", "edge_g", "edge_b"
// (attr.name "label", "r", "g", "b") and "weight" on edges are the names Gephi maps to its own label,
// colour, size and weight; every other key is a data
// column from graph_attributes.h, its id its name (node and edge attribute names are distinct, which
// graphml_writer_test checks). attr.type is one GraphML, Gephi and graphology all know.
#include <string>
#include <unordered_set>
#include <vector>

#include "export/export.h"
#include "export/graph_attributes.h"
#include "export/number_format.h"
#include "export/xml_text.h"

namespace eg {
namespace {

const char* GraphMLType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt: return "int";
    case AttributeType::kDouble: return "double";
    case AttributeType::kBool: return "boolean";
    case AttributeType::kString:
    case AttributeType::kDate: return "string";  // GraphML has no date type; Gephi would drop the key
  }
  return "string";
}

void AppendKey(std::string_view id, const char* domain, std::string_view name, const char* type,
               std::string* out) {
  out->append("  <key id=\"").append(id).append("\" for=\"").append(domain);
  out->append("\" attr.name=\"").append(name).append("\" attr.type=\"").append(type).append("\"/>\n");
}

void AppendData(std::string_view key, std::string_view value, std::string* out) {
  out->append("      <data key=\"").append(key).append("\">");
  AppendXmlEscaped(value, out);
  out->append("</data>\n");
}

// Writes nothing for an empty value: GraphML readers then see the attribute as missing.
void AppendDataIfSet(std::string_view key, std::string_view value, std::string* out) {
  if (!value.empty()) AppendData(key, value, out);
}

// One XML id per node: the entity id as an NMTOKEN, made unique if sanitizing made two ids equal.
std::vector<std::string> NodeIds(const EventGraph& graph) {
  std::vector<std::string> ids;
  std::unordered_set<std::string> used;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const std::string base = ToNmtoken(graph.node(i).entity->id);
    std::string id = base;
    for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    ids.push_back(std::move(id));
  }
  return ids;
}

// Hands the buffer to the stream once it is big, so memory stays flat on big graphs.
void FlushIfLarge(std::string* xml, std::ostream& out) {
  if (xml->size() < (1 << 20)) return;
  out.write(xml->data(), static_cast<std::streamsize>(xml->size()));
  xml->clear();
}

}  // namespace

void WriteGraphML(const ExportView& view, std::ostream& out) {
  const EventGraph& graph = view.graph();
  const std::vector<AttributeDef>& node_attributes = NodeAttributes();
  const std::vector<AttributeDef>& edge_attributes = EdgeAttributes();
  std::string xml;
  xml.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  AppendKey("label", "node", "label", "string", &xml);
  for (const AttributeDef& attribute : node_attributes) {
    AppendKey(attribute.name, "node", attribute.name, GraphMLType(attribute.type), &xml);
  }
  AppendKey("r", "node", "r", "int", &xml);
  AppendKey("g", "node", "g", "int", &xml);
  AppendKey("b", "node", "b", "int", &xml);
  AppendKey("size", "node", "size", "double", &xml);
  // Node and edge labels need distinct key ids but both are named "label" for Gephi.
  AppendKey("edge_label", "edge", "label", "string", &xml);
  AppendKey("weight", "edge", "weight", "double", &xml);
  AppendKey("edge_r", "edge", "r", "int", &xml);
  AppendKey("edge_g", "edge", "g", "int", &xml);
  AppendKey("edge_b", "edge", "b", "int", &xml);
  for (const AttributeDef& attribute : edge_attributes) {
    AppendKey(attribute.name, "edge", attribute.name, GraphMLType(attribute.type), &xml);
  }
  xml.append("  <graph id=\"eventgraph\" edgedefault=\"directed\">\n");

  const std::vector<std::string> ids = NodeIds(graph);
  for (size_t i = 0; i < graph.node_count(); ++i) {
    xml.append("    <node id=\"");
    AppendXmlEscaped(ids[i], &xml);
    xml.append("\">\n");
    AppendData("label", NodeLabel(view, i), &xml);
    const std::vector<std::string> values = NodeValues(view, i);
    for (size_t a = 0; a < node_attributes.size(); ++a) AppendDataIfSet(node_attributes[a].name, values[a], &xml);
    const Rgb color = NodeColor(view, i);
    AppendData("r", std::to_string(color.r), &xml);
    AppendData("g", std::to_string(color.g), &xml);
    AppendData("b", std::to_string(color.b), &xml);
    AppendData("size", FormatDouble(NodeSize(view, i)), &xml);
    xml.append("    </node>\n");
    FlushIfLarge(&xml, out);
  }

  const EdgeList& edges = view.edges();
  for (size_t i = 0; i < edges.size(); ++i) {
    const RelationEdge& edge = edges[i];
    xml.append("    <edge id=\"e").append(std::to_string(i)).append("\" source=\"");
    AppendXmlEscaped(ids[edge.source], &xml);
    xml.append("\" target=\"");
    AppendXmlEscaped(ids[edge.target], &xml);
    xml.append("\">\n");
    AppendData("edge_label", EdgeLabel(edge), &xml);
    AppendData("weight", FormatDouble(EdgeWeight(edge)), &xml);
    const Rgb color = EdgeColor(edge);
    AppendData("edge_r", std::to_string(color.r), &xml);
    AppendData("edge_g", std::to_string(color.g), &xml);
    AppendData("edge_b", std::to_string(color.b), &xml);
    const std::vector<std::string> values = EdgeValues(view, edge);
    for (size_t a = 0; a < edge_attributes.size(); ++a) AppendDataIfSet(edge_attributes[a].name, values[a], &xml);
    xml.append("    </edge>\n");
    FlushIfLarge(&xml, out);
  }
  xml.append("  </graph>\n</graphml>\n");
  out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
}

}  // namespace eg
