// WriteCsvDirectory: the graph as CSV files for graph databases, in one output directory.
//
// Two flavours of the same tables, because the header forms conflict: Neo4j's importer needs ":ID",
// ":START_ID" and ":TYPE" columns, which are not valid Kùzu column names.
//
//   entities.csv   Neo4j (neo4j-admin database import full). One row per node: "id:ID(Entity)",
//   events.csv     ":LABEL" (Entity;Person, ...), label and the node attributes of graph_attributes.h
//   relations.csv  with typed headers ("degree:int", "betweenness:double", "first_seen:date"). Events
//   roles.csv      ("id:ID(Event)", label Event) carry their relation, date, location and provenance.
//                  relations.csv has one row per view edge (":START_ID(Entity)", ":END_ID(Entity)",
//                  ":TYPE" = the relation in upper case, "weight:double", the edge attributes);
//                  roles.csv links events to their actors (":START_ID(Event)" -> ":END_ID(Entity)",
//                  ":TYPE" AGENT or PARTICIPANT).
//   kuzu/*.csv     Kùzu (COPY FROM, columns by position): the same four tables with "name:TYPE" headers
//                  (INT64, DOUBLE, BOOLEAN, DATE; STRING when untyped). The first column of a node file
//                  is its primary key; the first two columns of a relationship file are FROM and TO.
//   load.cypher    Kùzu's CREATE NODE/REL TABLE and COPY FROM statements for kuzu/*.csv, with paths
//                  relative to the output directory: run it from there.
//
// Fields are quoted when they hold a comma, a quote or leading or trailing spaces ("" escapes a quote);
// line breaks, tabs and other control characters inside text become spaces, so every record is one
// line for both loaders. An empty field is a missing value. The directory is written through
// AtomicOutputDir.
#ifndef EVENTGRAPH_EXPORT_CSV_WRITER_H_
#define EVENTGRAPH_EXPORT_CSV_WRITER_H_

#include <string>

#include "export/export_view.h"

namespace eg {

// Writes the directory path (which may end in '/'). Throws InputError when it cannot.
void WriteCsvDirectory(const ExportView& view, const std::string& path);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_CSV_WRITER_H_
