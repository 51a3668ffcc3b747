// eventgraph's writers: an EventGraph (graph/event_graph.h) or a stream of Documents out to a file.
// This is the header to include.
//
//   eg::EventGraph graph;  ... graph.Add(doc) for each processed document ...
//   eg::AtomicOutputFile out("actors.graphml");   // throws InputError if it cannot be created
//   eg::WriteGraphML(graph, out.stream());
//   out.Commit();                                  // renames into place; throws InputError on failure
//
// Graph writers read an ExportView (export_view.h): the graph, its network measures (degree, betweenness,
// PageRank, component) and the edges to write, one per (subject, relation, object) or one per event. The
// overloads taking an EventGraph make a default view (aggregate edges) first.
//
// Formats:
//
//   events JSONL  One JSON object per event and line, valid against schemas/event.schema.json. Written
//                 either from a whole graph (WriteEventsJsonl) or document by document while streaming
//                 (EventJsonlWriter); both produce the same bytes for the same events.
//   GraphML       The actor network for Gephi, networkx and graphology: one node per actor, one edge per
//                 view edge, edgedefault="directed", symmetric relations written once with
//                 symmetric=true. Every key has attr.name and a Gephi-known attr.type. Edge ids are
//                 unique, so several relations between two actors stay apart. Text is escaped (& < > " ')
//                 and characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return,
//                 U+FFFE, U+FFFF, and bytes that are not UTF-8) are replaced by U+FFFD. Ids that are not
//                 XML NMTOKENs have the offending characters replaced by '_' (made unique if needed).
//   GEXF          GEXF 1.3 for Gephi's timeline (gexf_writer.cc): the same nodes, edges and attributes,
//                 viz:color and viz:size, and spells from event dates (timeformat="date"). A node lives
//                 from its first to its last event date; an edge has one spell per distinct event date.
//                 Undated nodes and edges get no spell, which Gephi treats as present at every time.
//   JSON-LD       One JSON-LD 1.1 document with an inline @context defining every term it uses, for RDF
//                 stores: entities (schema.org types) with their measures, events (schema:Event with
//                 agent, participant, location, startDate), their source sentences (prov:wasDerivedFrom,
//                 with byte offsets) and documents (schema:NewsArticle), direct actor-to-actor links (one
//                 property per relation) and one eg:Relationship resource per aggregate edge. Everything
//                 is in one named graph per run, urn:eventgraph:run:<hash of the documents and events>;
//                 other IRIs are urn:eventgraph:... (iri.h), the vocabulary urn:eventgraph:vocab: ("eg").
//   N-Quads       The same quads as the JSON-LD, one statement per line, written as they are made
//                 (rdf_resources.h is the one source of both), for bulk loaders and large runs.
//   CSV           A directory for Neo4j (neo4j-admin database import) and Kùzu (COPY FROM), written by
//                 WriteCsvDirectory (csv_writer.h).
//
// Output is deterministic: the same graph gives byte-identical files. Writers only read the graph, so
// several may run on one graph at once; each writes to its own stream and does not check it (the
// AtomicOutputFile does, at Commit()).
#ifndef EVENTGRAPH_EXPORT_EXPORT_H_
#define EVENTGRAPH_EXPORT_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "export/atomic_output_file.h"
#include "export/csv_writer.h"
#include "export/export_view.h"
#include "extract/document.h"
#include "graph/event_graph.h"

namespace eg {

enum class ExportFormat { kEventsJsonl, kGraphML, kJsonLd, kGexf, kNQuads, kCsv };

// The format a path asks for: ".jsonl" -> events, ".graphml" -> GraphML, ".jsonld" -> JSON-LD, ".gexf"
// -> GEXF, ".nq" -> N-Quads (case-insensitive), a path ending in '/' -> CSV directory. Returns false for
// anything else.
bool ExportFormatFromPath(std::string_view path, ExportFormat* format);

// Parses a format name: "jsonl", "graphml", "jsonld", "gexf", "nquads" or "csv". Returns false for any
// other name.
bool ParseExportFormat(std::string_view name, ExportFormat* format);

// The name ParseExportFormat takes.
std::string_view ExportFormatName(ExportFormat format);

// Every format name, in the order above, for help texts and option checks.
const std::vector<std::string>& ExportFormatNames();

void WriteGraphML(const ExportView& view, std::ostream& out);
void WriteGexf(const ExportView& view, std::ostream& out);
void WriteJsonLd(const ExportView& view, std::ostream& out);
void WriteNQuads(const ExportView& view, std::ostream& out);

void WriteGraphML(const EventGraph& graph, std::ostream& out);
void WriteGexf(const EventGraph& graph, std::ostream& out);
void WriteJsonLd(const EventGraph& graph, std::ostream& out);
void WriteNQuads(const EventGraph& graph, std::ostream& out);
void WriteEventsJsonl(const EventGraph& graph, std::ostream& out);

// Writes events as documents go by, without building a graph. The stream must outlive the writer.
class EventJsonlWriter {
 public:
  explicit EventJsonlWriter(std::ostream& out) : out_(out) {}

  // Writes one line per event of doc, in order. doc must have been processed by an Extractor.
  void Write(const Document& doc);

 private:
  std::ostream& out_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_EXPORT_H_
