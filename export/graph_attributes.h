// The attributes of nodes and edges that every attribute-carrying graph format writes. Internal to
// export/.
//
// GraphML, GEXF and the CSV files all take their columns from here, so they cannot drift apart: the same
// names, the same types and the same text for every value. Each writer adds what its format has its own
// place for: a label, a colour and a size for nodes, a label and a weight for edges (NodeLabel, NodeColor,
// NodeSize, EdgeLabel, EdgeWeight).
//
// Edges carry both the span of their events' dates (first_date, last_date) and the date and location of
// their first event (date, location): with one edge per event those are the event's own, and tools
// written for event rows (Kùzu queries on r.date, r.location) work on either form.
//
// Values are text; an empty value means "not known" and writers leave it out (or leave the CSV cell
// empty). Numbers use number_format.h; booleans are "true" or "false"; dates are YYYY-MM-DD.
#ifndef EVENTGRAPH_EXPORT_GRAPH_ATTRIBUTES_H_
#define EVENTGRAPH_EXPORT_GRAPH_ATTRIBUTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "export/export_view.h"

namespace eg {

enum class AttributeType { kString, kInt, kDouble, kBool, kDate };

struct AttributeDef {
  const char* name;  // an XML NMTOKEN and a Cypher identifier
  AttributeType type;
};

// The node attributes, in column order; NodeValues() fills one value per attribute.
const std::vector<AttributeDef>& NodeAttributes();
std::vector<std::string> NodeValues(const ExportView& view, size_t node);

// The edge attributes, in column order; EdgeValues() fills one value per attribute.
const std::vector<AttributeDef>& EdgeAttributes();
std::vector<std::string> EdgeValues(const ExportView& view, const RelationEdge& edge);

struct Rgb {
  int r, g, b;
};

std::string_view NodeLabel(const ExportView& view, size_t node);
// One colour per entity type (a categorical palette), so types stand apart when the file is opened.
Rgb NodeColor(const ExportView& view, size_t node);
// 10 + 6 * sqrt(degree), rounded to hundredths: hubs stand out without dwarfing the rest.
double NodeSize(const ExportView& view, size_t node);

std::string_view EdgeLabel(const RelationEdge& edge);  // the relation
double EdgeWeight(const RelationEdge& edge);            // the number of events, >= 1
// By CAMEO quad class: greens for cooperation (verbal lighter), reds for conflict, grey for none.
Rgb EdgeColor(const RelationEdge& edge);

// items joined with "; ".
std::string JoinList(const std::vector<std::string>& items);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_GRAPH_ATTRIBUTES_H_
