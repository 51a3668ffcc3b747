// EventGraph: the actor network built from the events of many documents.
//
// Add() takes a processed Document (extract/extract.h) and folds its events in; the Document may be
// destroyed right after, so documents can be streamed through. The graph keeps:
//
//   nodes   one per canonical entity (Entity::id) that is the subject or object of some event, numbered
//           0, 1, ... in order of first appearance, with mention and event counts, the first and last
//           date seen, the names the documents used for the entity (its aliases; pronouns and role
//           phrases resolved to it are not aliases) and whether it was discovered outside the gazetteer.
//   edges   one per (subject, relation, object), numbered in order of creation. The weight is the number
//           of events. A symmetric relation (Rule::symmetric) ignores direction: "Kerry met Lavrov" and
//           "Lavrov met Kerry" are one edge whose source is the endpoint with the smaller entity id.
//   events  every event, as an EventRecord, in order of arrival. An event without an object has no edge.
//           A graph made with keep_events false keeps none (only their count, and on each edge what the
//           aggregate needs), so that its memory does not grow with the corpus: enough for GraphML with
//           aggregate edges; the writers that list events (GEXF, JSON-LD, N-Quads, CSV, edges=events)
//           need a graph that keeps them.
//   places  the entities used as event locations, in order of first use. Places are not nodes.
//
// Everything a caller can iterate is in insertion order, so the same input gives the same output.
//
// Entity and Rule pointers point into the Extractor's packs, which must outlive the graph. The graph is
// a plain value: not thread-safe to Add() from two threads, safe to read from many.
#ifndef EVENTGRAPH_GRAPH_EVENT_GRAPH_H_
#define EVENTGRAPH_GRAPH_EVENT_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "extract/document.h"
#include "extract/rule_pack.h"
#include "graph/event_record.h"

namespace eg {

// What the graph knows about one node.
struct EntityNode {
  const Entity* entity = nullptr;  // never null
  uint32_t mentions = 0;           // mentions of the entity in every document added
  uint32_t events = 0;             // events with the entity as subject or object
  std::string first_seen;          // earliest event date (YYYY-MM-DD), or empty when no event was dated
  std::string last_seen;           // latest event date, or empty
  // The distinct ways the documents named the entity ("Kerry", "Secretary of State John Kerry"), in order
  // of first use, whitespace collapsed, the label itself left out; at most kMaxAliases.
  std::vector<std::string> aliases;
  // True for an actor found outside the gazetteer: some mention of it is MentionSource::kDiscovered.
  bool discovered = false;

  static constexpr size_t kMaxAliases = 16;
};

// One aggregate edge: every event of one relation between two nodes.
struct RelationEdge {
  size_t source = 0;  // node index; for a symmetric edge the endpoint with the smaller entity id
  size_t target = 0;  // node index
  std::string relation;
  std::string cameo;    // of the rule of the first event
  int quad_class = 0;   // of the rule of the first event
  bool symmetric = false;
  size_t event_count = 0;       // >= 1
  std::vector<size_t> events;  // indices into EventGraph::events(), in order of arrival; empty when the
                               // graph does not keep its events
  double goldstein_sum = 0.0;  // over the events
  std::string first_event_date;  // the date of the first event to arrive, or empty when it was undated
  std::string first_date;      // earliest event date, or empty when no event was dated
  std::string last_date;
  std::vector<const Entity*> locations;  // distinct event locations, in order of first use
  // Distinct document ids, in order of first use, at most kMaxDocuments of them (ids are assumed unique
  // per run, see Document::id); document_count counts them all.
  std::vector<std::string> documents;
  size_t document_count = 0;
  std::string evidence;                  // the sentence of the first event

  static constexpr size_t kMaxDocuments = 100;

  size_t weight() const { return event_count; }
  double mean_goldstein() const { return event_count == 0 ? 0.0 : goldstein_sum / static_cast<double>(event_count); }

  // EventGraph's: the last document that added an event, to count each document once.
  std::string last_document;
};

// A document that was added, for writers that describe the sources.
struct DocumentInfo {
  std::string id;
  std::string title;
  std::string url;
  std::string date;  // as the document said, possibly empty or not a full date
};

class EventGraph {
 public:
  // Boost.Graph view of the same nodes and edges; vertex descriptors are node indices.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityNode,
                                      RelationEdge>;

  explicit EventGraph(bool keep_events = true) : keep_events_(keep_events) {}
  EventGraph(const EventGraph&) = delete;
  EventGraph& operator=(const EventGraph&) = delete;

  // Adds doc's mentions and events. doc must have been processed by an Extractor that outlives the graph.
  void Add(const Document& doc);

  size_t node_count() const { return boost::num_vertices(graph_); }
  size_t edge_count() const { return edge_order_.size(); }
  size_t event_count() const { return event_count_; }
  size_t document_count() const { return document_count_; }
  bool keeps_events() const { return keep_events_; }

  // i < node_count(), in order of first appearance.
  const EntityNode& node(size_t i) const { return graph_[i]; }
  // i < edge_count(), in order of creation.
  const RelationEdge& edge(size_t i) const { return graph_[edge_order_[i]]; }
  // Number of edges touching node i, in either direction.
  size_t degree(size_t i) const { return boost::in_degree(i, graph_) + boost::out_degree(i, graph_); }
  // The node index of the entity with this id, or -1 when it is not a node.
  std::ptrdiff_t FindNode(std::string_view entity_id) const;

  // Empty unless keeps_events(); so is documents().
  const std::vector<EventRecord>& events() const { return events_; }
  const std::vector<const Entity*>& places() const { return places_; }
  const std::vector<DocumentInfo>& documents() const { return documents_; }
  const Graph& graph() const { return graph_; }

 private:
  using Vertex = Graph::vertex_descriptor;
  using EdgeDescriptor = Graph::edge_descriptor;
  // (source node, relation, target node, symmetric)
  using EdgeKey = std::tuple<size_t, std::string, size_t, bool>;

  // What the graph knows of an entity id from its mentions until an event makes it a node; from then on
  // the node keeps the counts (NodeFor starts it from these).
  struct Seen {
    uint32_t mentions = 0;
    std::vector<std::string> aliases;
    bool discovered = false;
    std::ptrdiff_t vertex = -1;  // its node, once an event made one
  };
  using SeenEntry = std::pair<const std::string, Seen>;

  Seen& SeenOf(const Entity* entity);
  Vertex NodeFor(const Entity* entity);
  void AddEvent(EventRecord record);

  bool keep_events_ = true;
  size_t event_count_ = 0;
  size_t document_count_ = 0;
  Graph graph_;
  std::vector<EdgeDescriptor> edge_order_;
  std::vector<EventRecord> events_;
  std::vector<const Entity*> places_;
  std::vector<DocumentInfo> documents_;
  // Lookup only; never iterated, so their order cannot leak into output.
  std::unordered_map<std::string, Seen> seen_by_id_;
  // seen_by_id_ by entity address, so that a mention costs a pointer hash, not a string hash (entries of
  // an unordered_map never move). Checked against the id on every hit.
  std::unordered_map<const Entity*, SeenEntry*> seen_by_entity_;
  std::unordered_set<std::string> place_ids_;
  std::map<EdgeKey, EdgeDescriptor> edge_by_key_;
};

}  // namespace eg

#endif  // EVENTGRAPH_GRAPH_EVENT_GRAPH_H_
