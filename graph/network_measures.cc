#include "graph/network_measures.h"

#include <algorithm>
#include <set>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/property_map/property_map.hpp>

namespace eg {
namespace {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
// page_rank needs in-edges; each undirected link becomes two arcs.
using ArcGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// The distinct unordered pairs of linked nodes, smaller index first, in sorted order.
std::set<std::pair<size_t, size_t>> LinkedPairs(const EventGraph& graph) {
  std::set<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const RelationEdge& edge = graph.edge(i);
    if (edge.source == edge.target) continue;  // a self-loop lies on no shortest path
    pairs.emplace(std::min(edge.source, edge.target), std::max(edge.source, edge.target));
  }
  return pairs;
}

}  // namespace

NetworkMeasures ComputeNetworkMeasures(const EventGraph& graph) {
  const size_t n = graph.node_count();
  NetworkMeasures measures;
  measures.nodes.resize(n);
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const RelationEdge& edge = graph.edge(i);
    NodeMeasures& source = measures.nodes[edge.source];
    NodeMeasures& target = measures.nodes[edge.target];
    ++source.out_degree;
    ++target.in_degree;
    source.weighted_degree += static_cast<double>(edge.weight());
    if (edge.target != edge.source) target.weighted_degree += static_cast<double>(edge.weight());
  }
  for (size_t i = 0; i < n; ++i) measures.nodes[i].degree = graph.degree(i);
  if (n == 0) return measures;

  const std::set<std::pair<size_t, size_t>> pairs = LinkedPairs(graph);
  UndirectedGraph network(n);
  ArcGraph arcs(n);
  for (const auto& [a, b] : pairs) {
    boost::add_edge(a, b, network);
    boost::add_edge(a, b, arcs);
    boost::add_edge(b, a, arcs);
  }

  std::vector<double> betweenness(n, 0.0);
  boost::brandes_betweenness_centrality(
      network, boost::centrality_map(boost::make_iterator_property_map(
                   betweenness.begin(), boost::get(boost::vertex_index, network))));
  const double pair_count = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;

  std::vector<double> rank(n, 0.0);
  boost::graph::page_rank(
      arcs, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, arcs)),
      boost::graph::n_iterations(100));
  double rank_sum = 0.0;
  for (double r : rank) rank_sum += r;

  std::vector<size_t> component(n, 0);
  const size_t component_count = boost::connected_components(
      network, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, network)));
  measures.component_sizes.assign(component_count, 0);
  for (size_t c : component) ++measures.component_sizes[c];

  for (size_t i = 0; i < n; ++i) {
    NodeMeasures& node = measures.nodes[i];
    node.betweenness = pair_count > 0 ? betweenness[i] / pair_count : 0.0;
    node.pagerank = rank_sum > 0 ? rank[i] / rank_sum : 0.0;
    node.component = component[i];
    node.component_size = measures.component_sizes[component[i]];
  }
  return measures;
}

}  // namespace eg
