// WriteGraphML (export.h): the actor network as GraphML for Gephi, networkx and graphology.
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "export/export.h"
#include "export/xml_text.h"

namespace eg {
namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;    // attr.name; Gephi maps label, weight, r, g, b and size to its own properties
  const char* type;
};

// Node and edge labels need distinct key ids but both are named "label" for Gephi.
constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},         {"type", "node", "type", "string"},
    {"country", "node", "country", "string"},     {"mentions", "node", "mentions", "int"},
    {"events", "node", "events", "int"},          {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"}, {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},                    {"b", "node", "b", "int"},
    {"size", "node", "size", "double"},           {"edge_label", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},       {"relation", "edge", "relation", "string"},
    {"cameo", "edge", "cameo", "string"},         {"quad_class", "edge", "quad_class", "int"},
    {"goldstein", "edge", "goldstein", "double"}, {"symmetric", "edge", "symmetric", "boolean"},
    {"first_date", "edge", "first_date", "string"}, {"last_date", "edge", "last_date", "string"},
    {"locations", "edge", "locations", "string"}, {"documents", "edge", "documents", "string"},
    {"evidence", "edge", "evidence", "string"},
};

struct Rgb {
  int r, g, b;
};

Rgb ColorOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return {31, 119, 180};
    case EntityType::kOrganization: return {255, 127, 14};
    case EntityType::kGroup: return {214, 39, 40};
    case EntityType::kCountry: return {44, 160, 44};
    case EntityType::kCity: return {148, 103, 189};
    case EntityType::kRegion: return {140, 86, 75};
    case EntityType::kLandmark: return {227, 119, 194};
    case EntityType::kPlace: return {127, 127, 127};
  }
  return {127, 127, 127};
}

// Locale-independent and the same on every run: the shortest text that reads back as value.
std::string FormatDouble(double value) {
  if (!std::isfinite(value)) value = 0.0;
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

void AppendData(const char* key, std::string_view value, std::string* out) {
  out->append("      <data key=\"").append(key).append("\">");
  AppendXmlEscaped(value, out);
  out->append("</data>\n");
}

// Writes nothing for an empty value: GraphML readers then see the attribute as missing.
void AppendDataIfSet(const char* key, std::string_view value, std::string* out) {
  if (!value.empty()) AppendData(key, value, out);
}

std::string JoinLabels(const std::vector<const Entity*>& entities) {
  std::string joined;
  for (const Entity* entity : entities) {
    if (!joined.empty()) joined += "; ";
    joined += entity->label;
  }
  return joined;
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += "; ";
    joined += item;
  }
  return joined;
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

void WriteGraphML(const EventGraph& graph, std::ostream& out) {
  std::string xml;
  xml.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const Key& key : kKeys) {
    xml.append("  <key id=\"").append(key.id).append("\" for=\"").append(key.domain);
    xml.append("\" attr.name=\"").append(key.name).append("\" attr.type=\"").append(key.type);
    xml.append("\"/>\n");
  }
  xml.append("  <graph id=\"eventgraph\" edgedefault=\"directed\">\n");

  const std::vector<std::string> ids = NodeIds(graph);
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const EntityNode& node = graph.node(i);
    const Entity& entity = *node.entity;
    const Rgb color = ColorOf(entity.type);
    xml.append("    <node id=\"");
    AppendXmlEscaped(ids[i], &xml);
    xml.append("\">\n");
    AppendData("label", entity.label, &xml);
    AppendData("type", EntityTypeName(entity.type), &xml);
    AppendDataIfSet("country", entity.country, &xml);
    AppendData("mentions", std::to_string(node.mentions), &xml);
    AppendData("events", std::to_string(node.events), &xml);
    AppendDataIfSet("first_seen", node.first_seen, &xml);
    AppendDataIfSet("last_seen", node.last_seen, &xml);
    AppendData("r", std::to_string(color.r), &xml);
    AppendData("g", std::to_string(color.g), &xml);
    AppendData("b", std::to_string(color.b), &xml);
    // Grows with the square root of the number of relations, so hubs stand out without dwarfing the rest;
    // rounded to hundredths to keep the file readable.
    const double size = 10.0 + 6.0 * std::sqrt(static_cast<double>(graph.degree(i)));
    AppendData("size", FormatDouble(std::round(size * 100.0) / 100.0), &xml);
    xml.append("    </node>\n");
    FlushIfLarge(&xml, out);
  }

  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const RelationEdge& edge = graph.edge(i);
    xml.append("    <edge id=\"e").append(std::to_string(i)).append("\" source=\"");
    AppendXmlEscaped(ids[edge.source], &xml);
    xml.append("\" target=\"");
    AppendXmlEscaped(ids[edge.target], &xml);
    xml.append("\">\n");
    AppendData("edge_label", edge.relation, &xml);
    AppendData("weight", FormatDouble(static_cast<double>(edge.weight())), &xml);
    AppendData("relation", edge.relation, &xml);
    AppendData("cameo", edge.cameo, &xml);
    AppendData("quad_class", std::to_string(edge.quad_class), &xml);
    AppendData("goldstein", FormatDouble(edge.mean_goldstein()), &xml);
    AppendData("symmetric", edge.symmetric ? "true" : "false", &xml);
    AppendDataIfSet("first_date", edge.first_date, &xml);
    AppendDataIfSet("last_date", edge.last_date, &xml);
    AppendDataIfSet("locations", JoinLabels(edge.locations), &xml);
    AppendData("documents", Join(edge.documents), &xml);
    AppendData("evidence", edge.evidence, &xml);
    xml.append("    </edge>\n");
    FlushIfLarge(&xml, out);
  }
  xml.append("  </graph>\n</graphml>\n");
  out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
}

}  // namespace eg
