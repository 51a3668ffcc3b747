// NetworkMeasures: the standard actor-network measures of an EventGraph, for writers and `stats`.
//
// ComputeNetworkMeasures() reads the graph's aggregate edges and runs Boost.Graph's own algorithms:
//
//   degree            edges touching the node, in either direction (EventGraph::degree), split into
//                     in_degree and out_degree; a symmetric edge counts once, as out for its source
//   weighted_degree   the sum of the weights (event counts) of those edges
//   betweenness       brandes_betweenness_centrality on the undirected, unweighted actor network (two
//                     actors are linked when any edge joins them), normalized to [0, 1] by dividing by
//                     (n-1)(n-2)/2; 0 when the graph has fewer than three nodes
//   pagerank          boost::graph::page_rank (damping 0.85, 100 iterations) on the same undirected
//                     network, scaled so the values of all nodes sum to 1
//   component         connected_components on that network: components are numbered 0, 1, ... in order
//                     of their first node, so component 0 holds node 0
//
// The result is a plain value indexed like the graph's nodes. The same graph always gives the same
// numbers: every container is a vector in node or edge order. Computing betweenness costs O(nodes x
// edges) time; everything else is linear. The graph is only read; it must not change meanwhile.
#ifndef EVENTGRAPH_GRAPH_NETWORK_MEASURES_H_
#define EVENTGRAPH_GRAPH_NETWORK_MEASURES_H_

#include <cstddef>
#include <vector>

#include "graph/event_graph.h"

namespace eg {

struct NodeMeasures {
  size_t degree = 0;
  size_t in_degree = 0;
  size_t out_degree = 0;
  double weighted_degree = 0.0;
  double betweenness = 0.0;
  double pagerank = 0.0;
  size_t component = 0;
  size_t component_size = 0;  // nodes in the node's component
};

struct NetworkMeasures {
  std::vector<NodeMeasures> nodes;      // one per node, in node order
  std::vector<size_t> component_sizes;  // by component number
};

NetworkMeasures ComputeNetworkMeasures(const EventGraph& graph);

}  // namespace eg

#endif  // EVENTGRAPH_GRAPH_NETWORK_MEASURES_H_
