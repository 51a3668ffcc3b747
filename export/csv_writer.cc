#include "export/csv_writer.h"

#include <cctype>
#include <string>
#include <vector>

#include "export/atomic_output_dir.h"
#include "export/graph_attributes.h"
#include "export/iri.h"
#include "export/number_format.h"
#include "export/rdf_resources.h"

namespace eg {
namespace {

// A column as both loaders see it.
struct Column {
  std::string name;
  AttributeType type = AttributeType::kString;
  std::string neo4j;  // a Neo4j special header (":ID(Entity)", ":TYPE"); empty for a property column
};

const char* Neo4jType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt: return "int";
    case AttributeType::kDouble: return "double";
    case AttributeType::kBool: return "boolean";
    case AttributeType::kDate: return "date";
    case AttributeType::kString: return "string";
  }
  return "string";
}

const char* KuzuType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt: return "INT64";
    case AttributeType::kDouble: return "DOUBLE";
    case AttributeType::kBool: return "BOOLEAN";
    case AttributeType::kDate: return "DATE";
    case AttributeType::kString: return "STRING";
  }
  return "STRING";
}

void AppendField(std::string_view value, std::string* out) {
  std::string text;
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (char c : value) {
    // Line breaks and tabs, and every other control character (which neither loader expects), are spaces.
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    if (c == '"') text.push_back('"');
    if (c == '"' || c == ',') quote = true;
    text.push_back(c);
  }
  if (quote) out->push_back('"');
  out->append(text);
  if (quote) out->push_back('"');
}

// One table, written to its Neo4j file and its Kùzu file at once.
class Table {
 public:
  Table(std::vector<Column> columns, std::ostream& neo4j, std::ostream& kuzu)
      : columns_(std::move(columns)), neo4j_(neo4j), kuzu_(kuzu) {
    std::string neo4j_header, kuzu_header;
    for (size_t i = 0; i < columns_.size(); ++i) {
      const Column& column = columns_[i];
      if (i > 0) neo4j_header += ',';
      if (!column.neo4j.empty()) {
        // "id:ID(Entity)" keeps the id as a property too; ":START_ID(...)" and ":TYPE" stand alone.
        neo4j_header += column.neo4j[0] == ':' ? column.neo4j : column.name + ":" + column.neo4j;
      } else {
        neo4j_header += column.name;
        if (column.type != AttributeType::kString) neo4j_header += std::string(":") + Neo4jType(column.type);
      }
      if (column.neo4j == ":LABEL") continue;  // Neo4j only
      if (!kuzu_header.empty()) kuzu_header += ',';
      kuzu_header += column.name;
      if (column.type != AttributeType::kString) kuzu_header += std::string(":") + KuzuType(column.type);
    }
    neo4j_ << neo4j_header << '\n';
    kuzu_ << kuzu_header << '\n';
  }

  const std::vector<Column>& columns() const { return columns_; }

  // values: one per column.
  void Row(const std::vector<std::string>& values) {
    neo4j_line_.clear();
    kuzu_line_.clear();
    bool first_kuzu = true;
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) neo4j_line_ += ',';
      AppendField(values[i], &neo4j_line_);
      if (columns_[i].neo4j == ":LABEL") continue;
      if (!first_kuzu) kuzu_line_ += ',';
      first_kuzu = false;
      AppendField(values[i], &kuzu_line_);
    }
    neo4j_ << neo4j_line_ << '\n';
    kuzu_ << kuzu_line_ << '\n';
  }

 private:
  std::vector<Column> columns_;
  std::ostream& neo4j_;
  std::ostream& kuzu_;
  std::string neo4j_line_, kuzu_line_;
};

std::vector<Column> Columns(std::vector<Column> leading, const std::vector<AttributeDef>& attributes) {
  for (const AttributeDef& attribute : attributes) leading.push_back(Column{attribute.name, attribute.type, ""});
  return leading;
}

// "Person", "Organization", ...: the Neo4j label of an entity type.
std::string TypeLabel(EntityType type) {
  std::string label(EntityTypeName(type));
  for (size_t i = 1; i < label.size(); ++i) {
    label[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[i])));
  }
  return label;
}

// "held talks with" -> "HELD_TALKS_WITH": a relationship type needing no quotes in Cypher.
std::string RelationType(const std::string& relation) {
  std::string type = RelationSlug(relation);
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

// A Kùzu CREATE statement: head (the FROM ... TO ... of a relationship table, or empty for a node table,
// whose first column is then the primary key) and the columns from skip on.
std::string CreateTable(const char* kind, const char* name, const std::string& head,
                        const std::vector<Column>& columns, size_t skip) {
  std::string statement = std::string("CREATE ") + kind + " TABLE `" + name + "`(" + head;
  bool first = head.empty();
  for (size_t i = skip; i < columns.size(); ++i) {
    if (columns[i].neo4j == ":LABEL") continue;
    if (!first) statement += ", ";
    first = false;
    statement += "`" + columns[i].name + "` " + KuzuType(columns[i].type);
    if (head.empty() && i == skip) statement += " PRIMARY KEY";
  }
  return statement + ");\n";
}

}  // namespace

void WriteCsvDirectory(const ExportView& view, const std::string& path) {
  RequireEvents(view, "CSV");
  const EventGraph& graph = view.graph();
  AtomicOutputDir dir(path);

  Table entities(Columns({{"id", AttributeType::kString, "ID(Entity)"},
                          {"labels", AttributeType::kString, ":LABEL"},
                          {"label", AttributeType::kString, ""}},
                         NodeAttributes()),
                 dir.Create("entities.csv"), dir.Create("kuzu/entities.csv"));
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const Entity& entity = *graph.node(i).entity;
    std::vector<std::string> row = {entity.id, "Entity;" + TypeLabel(entity.type), entity.label};
    for (std::string& value : NodeValues(view, i)) row.push_back(std::move(value));
    entities.Row(row);
  }

  Table events({{"id", AttributeType::kString, "ID(Event)"},
                {"labels", AttributeType::kString, ":LABEL"},
                {"name", AttributeType::kString, ""},
                {"relation", AttributeType::kString, ""},
                {"cameo", AttributeType::kString, ""},
                {"quad_class", AttributeType::kInt, ""},
                {"goldstein", AttributeType::kDouble, ""},
                {"symmetric", AttributeType::kBool, ""},
                {"polarity", AttributeType::kString, ""},
                {"confidence", AttributeType::kDouble, ""},
                {"date", AttributeType::kDate, ""},
                {"location", AttributeType::kString, ""},
                {"location_name", AttributeType::kString, ""},
                {"document", AttributeType::kString, ""},
                {"sentence", AttributeType::kInt, ""},
                {"sentence_start", AttributeType::kInt, ""},
                {"sentence_end", AttributeType::kInt, ""},
                {"rule", AttributeType::kString, ""},
                {"evidence", AttributeType::kString, ""}},
               dir.Create("events.csv"), dir.Create("kuzu/events.csv"));
  Table roles({{"from", AttributeType::kString, ":START_ID(Event)"},
               {"to", AttributeType::kString, ":END_ID(Entity)"},
               {"role", AttributeType::kString, ":TYPE"}},
              dir.Create("roles.csv"), dir.Create("kuzu/roles.csv"));
  const std::vector<std::string> event_ids = EventIris(graph);
  for (size_t i = 0; i < graph.events().size(); ++i) {
    const EventRecord& event = graph.events()[i];
    const Rule& rule = *event.rule;
    std::string name = event.subject.entity->label + " " + rule.relation;
    if (event.object.entity) name += " " + event.object.entity->label;
    const Entity* place = event.location.entity;
    events.Row({event_ids[i], "Event", name, rule.relation, rule.cameo, std::to_string(rule.quad_class),
                FormatDouble(rule.goldstein), rule.symmetric ? "true" : "false",
                std::string(PolarityName(event.polarity)), FormatDouble(event.confidence), event.date,
                place ? place->id : "", place ? place->label : "", event.doc, std::to_string(event.sentence),
                std::to_string(event.sentence_span.begin), std::to_string(event.sentence_span.end), rule.id,
                event.evidence});
    roles.Row({event_ids[i], event.subject.entity->id, "AGENT"});
    if (event.object.entity) roles.Row({event_ids[i], event.object.entity->id, "PARTICIPANT"});
  }

  Table relations(Columns({{"from", AttributeType::kString, ":START_ID(Entity)"},
                           {"to", AttributeType::kString, ":END_ID(Entity)"},
                           {"type", AttributeType::kString, ":TYPE"},
                           {"weight", AttributeType::kDouble, ""}},
                          EdgeAttributes()),
                  dir.Create("relations.csv"), dir.Create("kuzu/relations.csv"));
  const EdgeList& edges = view.edges();
  for (size_t i = 0; i < edges.size(); ++i) {
    const RelationEdge& edge = edges[i];
    std::vector<std::string> row = {graph.node(edge.source).entity->id, graph.node(edge.target).entity->id,
                                    RelationType(edge.relation), FormatDouble(EdgeWeight(edge))};
    for (std::string& value : EdgeValues(view, edge)) row.push_back(std::move(value));
    relations.Row(row);
  }

  std::ostream& cypher = dir.Create("load.cypher");
  cypher << "// Kuzu: creates the tables and loads kuzu/*.csv. Run from this directory, e.g.\n"
            "//   kuzu actors.kuzu < load.cypher\n";
  cypher << CreateTable("NODE", "Entity", "", entities.columns(), 0);
  cypher << CreateTable("NODE", "Event", "", events.columns(), 0);
  cypher << CreateTable("REL", "Relation", "FROM `Entity` TO `Entity`", relations.columns(), 2);
  cypher << CreateTable("REL", "Role", "FROM `Event` TO `Entity`", roles.columns(), 2);
  cypher << "COPY `Entity` FROM 'kuzu/entities.csv' (header=true);\n"
            "COPY `Event` FROM 'kuzu/events.csv' (header=true);\n"
            "COPY `Relation` FROM 'kuzu/relations.csv' (header=true);\n"
            "COPY `Role` FROM 'kuzu/roles.csv' (header=true);\n";
  dir.Commit();
}

}  // namespace eg
