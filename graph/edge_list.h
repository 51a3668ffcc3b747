// EdgeList: the edges a writer writes, either the graph's aggregate edges or one edge per event.
//
//   aggregate  EventGraph::edge(i) as it is: one edge per (subject, relation, object), a symmetric
//              relation once (see event_graph.h). The default.
//   events     one edge per event that has an object, in event order, with the event's own date,
//              location, document and sentence and weight 1. A symmetric relation is still written once
//              per event, from the endpoint with the smaller entity id.
//
// Both are RelationEdge values, so a writer handles them alike. An EdgeList reads the graph when it is
// made and refers to it afterwards; the graph must outlive it and not change meanwhile. Read-only after
// construction, so it may be shared between threads.
#ifndef EVENTGRAPH_GRAPH_EDGE_LIST_H_
#define EVENTGRAPH_GRAPH_EDGE_LIST_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "graph/event_graph.h"

namespace eg {

enum class EdgeMode { kAggregate, kEvents };

// "aggregate" or "events".
std::string_view EdgeModeName(EdgeMode mode);
// Parses "aggregate" or "events"; false for anything else.
bool ParseEdgeMode(std::string_view name, EdgeMode* mode);

class EdgeList {
 public:
  EdgeList(const EventGraph& graph, EdgeMode mode);
  EdgeList(const EdgeList&) = delete;
  EdgeList& operator=(const EdgeList&) = delete;

  EdgeMode mode() const { return mode_; }
  size_t size() const { return mode_ == EdgeMode::kAggregate ? graph_.edge_count() : per_event_.size(); }
  // i < size().
  const RelationEdge& operator[](size_t i) const {
    return mode_ == EdgeMode::kAggregate ? graph_.edge(i) : per_event_[i];
  }

 private:
  const EventGraph& graph_;
  EdgeMode mode_;
  std::vector<RelationEdge> per_event_;  // only for EdgeMode::kEvents
};

}  // namespace eg

#endif  // EVENTGRAPH_GRAPH_EDGE_LIST_H_
