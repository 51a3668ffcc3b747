// ExportView: what the graph writers read, made once and shared by all of them.
//
// It bundles an EventGraph with its network measures (graph/network_measures.h) and the edges to write
// (graph/edge_list.h, --edges aggregate|events), so a run that writes several formats computes the
// measures once and every format carries the same numbers and the same edges.
//
//   eg::ExportView view(graph, {eg::EdgeMode::kEvents});
//   eg::WriteGraphML(view, graphml_file.stream());
//   eg::WriteGexf(view, gexf_file.stream());
//
// The view refers to the graph, which must outlive it and not change meanwhile. Read-only after
// construction: writers may share one view from several threads.
#ifndef EVENTGRAPH_EXPORT_EXPORT_VIEW_H_
#define EVENTGRAPH_EXPORT_EXPORT_VIEW_H_

#include <stdexcept>
#include <string>

#include "graph/edge_list.h"
#include "graph/event_graph.h"
#include "graph/network_measures.h"

namespace eg {

struct ExportOptions {
  EdgeMode edges = EdgeMode::kAggregate;  // GraphML, GEXF and CSV; RDF always has events as nodes
};

class ExportView {
 public:
  explicit ExportView(const EventGraph& graph, const ExportOptions& options = ExportOptions())
      : graph_(graph), measures_(ComputeNetworkMeasures(graph)), edges_(graph, options.edges) {}
  ExportView(const ExportView&) = delete;
  ExportView& operator=(const ExportView&) = delete;

  const EventGraph& graph() const { return graph_; }
  const NetworkMeasures& measures() const { return measures_; }
  const NodeMeasures& measures(size_t node) const { return measures_.nodes[node]; }
  const EdgeList& edges() const { return edges_; }

 private:
  const EventGraph& graph_;
  NetworkMeasures measures_;
  EdgeList edges_;
};

// Throws std::logic_error unless view's graph keeps its events (EventGraph::keeps_events): the writers
// that list events call it, so that a graph built without them can never export a silent gap.
inline void RequireEvents(const ExportView& view, const char* writer) {
  if (!view.graph().keeps_events()) {
    throw std::logic_error(std::string(writer) + " needs a graph that keeps its events");
  }
}

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_EXPORT_VIEW_H_
