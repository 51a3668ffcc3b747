#include "export/graph_attributes.h"

#include <cmath>

#include "export/number_format.h"

namespace eg {
namespace {

std::string Bool(bool value) { return value ? "true" : "false"; }

std::string Measure(double value) { return FormatDouble(RoundMeasure(value)); }

std::vector<std::string> Labels(const std::vector<const Entity*>& entities) {
  std::vector<std::string> labels;
  for (const Entity* entity : entities) labels.push_back(entity->label);
  return labels;
}

}  // namespace

const std::vector<AttributeDef>& NodeAttributes() {
  static const std::vector<AttributeDef>* attributes = new std::vector<AttributeDef>{
      {"type", AttributeType::kString},           {"country", AttributeType::kString},
      {"aliases", AttributeType::kString},        {"mentions", AttributeType::kInt},
      {"events", AttributeType::kInt},            {"first_seen", AttributeType::kDate},
      {"last_seen", AttributeType::kDate},        {"discovered", AttributeType::kBool},
      {"degree", AttributeType::kInt},            {"in_degree", AttributeType::kInt},
      {"out_degree", AttributeType::kInt},        {"weighted_degree", AttributeType::kDouble},
      {"betweenness", AttributeType::kDouble},    {"pagerank", AttributeType::kDouble},
      {"component", AttributeType::kInt},
  };
  return *attributes;
}

std::vector<std::string> NodeValues(const ExportView& view, size_t node) {
  const EntityNode& n = view.graph().node(node);
  const NodeMeasures& m = view.measures(node);
  return {std::string(EntityTypeName(n.entity->type)),
          n.entity->country,
          JoinList(n.aliases),
          std::to_string(n.mentions),
          std::to_string(n.events),
          n.first_seen,
          n.last_seen,
          Bool(n.discovered),
          std::to_string(m.degree),
          std::to_string(m.in_degree),
          std::to_string(m.out_degree),
          FormatDouble(m.weighted_degree),
          Measure(m.betweenness),
          Measure(m.pagerank),
          std::to_string(m.component)};
}

const std::vector<AttributeDef>& EdgeAttributes() {
  static const std::vector<AttributeDef>* attributes = new std::vector<AttributeDef>{
      {"relation", AttributeType::kString}, {"cameo", AttributeType::kString},
      {"quad_class", AttributeType::kInt},  {"goldstein", AttributeType::kDouble},
      {"symmetric", AttributeType::kBool},  {"date", AttributeType::kDate},
      {"location", AttributeType::kString}, {"first_date", AttributeType::kDate},
      {"last_date", AttributeType::kDate},  {"locations", AttributeType::kString},
      {"documents", AttributeType::kString}, {"evidence", AttributeType::kString},
  };
  return *attributes;
}

std::vector<std::string> EdgeValues(const ExportView& /*view*/, const RelationEdge& edge) {
  return {edge.relation,
          edge.cameo,
          std::to_string(edge.quad_class),
          FormatDouble(edge.mean_goldstein()),
          Bool(edge.symmetric),
          edge.first_event_date,
          edge.locations.empty() ? std::string() : edge.locations.front()->label,
          edge.first_date,
          edge.last_date,
          JoinList(Labels(edge.locations)),
          JoinList(edge.documents),
          edge.evidence};
}

std::string_view NodeLabel(const ExportView& view, size_t node) { return view.graph().node(node).entity->label; }

Rgb NodeColor(const ExportView& view, size_t node) {
  switch (view.graph().node(node).entity->type) {
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

double NodeSize(const ExportView& view, size_t node) {
  const double size = 10.0 + 6.0 * std::sqrt(static_cast<double>(view.measures(node).degree));
  return std::round(size * 100.0) / 100.0;
}

std::string_view EdgeLabel(const RelationEdge& edge) { return edge.relation; }

double EdgeWeight(const RelationEdge& edge) { return static_cast<double>(edge.weight()); }

Rgb EdgeColor(const RelationEdge& edge) {
  switch (edge.quad_class) {
    case 1: return {116, 196, 118};  // verbal cooperation
    case 2: return {35, 139, 69};    // material cooperation
    case 3: return {253, 141, 60};   // verbal conflict
    case 4: return {203, 24, 29};    // material conflict
    default: return {150, 150, 150};
  }
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += "; ";
    joined += item;
  }
  return joined;
}

}  // namespace eg
