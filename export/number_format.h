// Numbers as text for every writer. Internal to export/.
//
// Locale-independent and the same on every run and machine: the shortest decimal text that reads back
// as the same double (std::to_chars), "0" for NaN and infinities (no format takes them everywhere).
// The text is a valid xsd:double, JSON number, GraphML/GEXF double and Neo4j/Kùzu CSV double.
#ifndef EVENTGRAPH_EXPORT_NUMBER_FORMAT_H_
#define EVENTGRAPH_EXPORT_NUMBER_FORMAT_H_

#include <string>

namespace eg {

std::string FormatDouble(double value);

// value rounded to six decimal places, for computed measures whose last digits are noise.
double RoundMeasure(double value);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_NUMBER_FORMAT_H_
