// eventgraph's writers: an EventGraph (graph/event_graph.h) or a stream of Documents out to a file.
// This is the header to include.
//
//   eg::EventGraph graph;  ... graph.Add(doc) for each processed document ...
//   eg::AtomicOutputFile out("actors.graphml");   // throws InputError if it cannot be created
//   eg::WriteGraphML(graph, out.stream());
//   out.Commit();                                  // renames into place; throws InputError on failure
//
// Formats:
//
//   events JSONL  One JSON object per event and line, valid against schemas/event.schema.json. Written
//                 either from a whole graph (WriteEventsJsonl) or document by document while streaming
//                 (EventJsonlWriter); both produce the same bytes for the same events.
//   GraphML       The actor network for Gephi, networkx and graphology: one node per actor, one edge per
//                 (subject, relation, object), edgedefault="directed", symmetric relations written once
//                 with symmetric=true. Every key has attr.name and a Gephi-known attr.type. Edge ids are
//                 unique, so several relations between two actors stay apart. Text is escaped (& < > " ')
//                 and characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return,
//                 U+FFFE, U+FFFF, and bytes that are not UTF-8) are replaced by U+FFFD. Ids that are not
//                 XML NMTOKENs have the offending characters replaced by '_' (made unique if needed).
//   JSON-LD       One JSON-LD 1.1 document with an inline @context defining every term it uses, for RDF
//                 stores: entities (schema.org types), events (schema:Event with agent, participant,
//                 location, startDate), their source sentences (prov:wasDerivedFrom) and documents
//                 (schema:NewsArticle), plus direct actor-to-actor links, one property per relation.
//                 Everything is in the named graph urn:eventgraph:graph; IRIs are urn:eventgraph:...
//                 and the vocabulary is urn:eventgraph:vocab: (prefix "eg").
//
// Output is deterministic: the same graph gives byte-identical files. Writers only read the graph, so
// several may run on one graph at once; each writes to its own stream and does not check it (the
// AtomicOutputFile does, at Commit()).
#ifndef EVENTGRAPH_EXPORT_EXPORT_H_
#define EVENTGRAPH_EXPORT_EXPORT_H_

#include <ostream>
#include <string_view>

#include "export/atomic_output_file.h"
#include "extract/document.h"
#include "graph/event_graph.h"

namespace eg {

enum class ExportFormat { kEventsJsonl, kGraphML, kJsonLd };

// The format a file name asks for: ".jsonl" -> events, ".graphml" -> GraphML, ".jsonld" -> JSON-LD
// (case-insensitive). Returns false for any other extension.
bool ExportFormatFromPath(std::string_view path, ExportFormat* format);

// Parses a format name: "jsonl", "graphml" or "jsonld". Returns false for any other name.
bool ParseExportFormat(std::string_view name, ExportFormat* format);

// "jsonl", "graphml" or "jsonld".
std::string_view ExportFormatName(ExportFormat format);

void WriteGraphML(const EventGraph& graph, std::ostream& out);
void WriteJsonLd(const EventGraph& graph, std::ostream& out);
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
