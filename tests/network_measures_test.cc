// ComputeNetworkMeasures and EdgeList on a small actor network built from real sentences.
#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/extract_support.h"
#include "graph/edge_list.h"
#include "graph/event_graph.h"
#include "graph/network_measures.h"

namespace eg {
namespace {

using eg_test::AddDocument;

size_t Node(const EventGraph& graph, const std::string& id) {
  const std::ptrdiff_t node = graph.FindNode(id);
  EXPECT_GE(node, 0) << id;
  return static_cast<size_t>(node);
}

class NetworkMeasuresTest : public testing::Test {
 protected:
  void SetUp() override {
    // Lavrov - Kerry - Putin (a path through Kerry), and a separate pair.
    AddDocument(&graph_, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
    AddDocument(&graph_, "b", "Lavrov met Kerry in Moscow.", "2016-10-01");
    AddDocument(&graph_, "c", "Putin met Kerry at the Kremlin.", "");
    AddDocument(&graph_, "d", "Erdogan met Assad in Damascus.", "2016-10-02");
    ASSERT_EQ(graph_.node_count(), 5u);
    measures_ = ComputeNetworkMeasures(graph_);
  }

  EventGraph graph_;
  NetworkMeasures measures_;
};

TEST_F(NetworkMeasuresTest, DegreeCountsEdgesAndWeightsCountEvents) {
  const NodeMeasures& kerry = measures_.nodes[Node(graph_, "person:john_kerry")];
  EXPECT_EQ(kerry.degree, 2u);  // met Lavrov (two events, one symmetric edge), met Putin
  EXPECT_EQ(kerry.in_degree + kerry.out_degree, 2u);
  EXPECT_DOUBLE_EQ(kerry.weighted_degree, 3.0);
  EXPECT_EQ(measures_.nodes[Node(graph_, "person:sergei_lavrov")].degree, 1u);
}

TEST_F(NetworkMeasuresTest, BetweennessIsBrandesNormalized) {
  // Kerry lies on the only shortest path Lavrov-Putin: 1 pair of the (5-1)(5-2)/2 = 6.
  EXPECT_DOUBLE_EQ(measures_.nodes[Node(graph_, "person:john_kerry")].betweenness, 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(measures_.nodes[Node(graph_, "person:sergei_lavrov")].betweenness, 0.0);
  EXPECT_DOUBLE_EQ(measures_.nodes[Node(graph_, "person:vladimir_putin")].betweenness, 0.0);
}

TEST_F(NetworkMeasuresTest, ComponentsAreNumberedByFirstNode) {
  ASSERT_EQ(measures_.component_sizes.size(), 2u);
  EXPECT_EQ(measures_.component_sizes[0], 3u);
  EXPECT_EQ(measures_.component_sizes[1], 2u);
  EXPECT_EQ(measures_.nodes[0].component, 0u);
  EXPECT_EQ(measures_.nodes[Node(graph_, "person:bashar_al_assad")].component, 1u);
  EXPECT_EQ(measures_.nodes[Node(graph_, "person:bashar_al_assad")].component_size, 2u);
}

TEST_F(NetworkMeasuresTest, PageRankSumsToOneAndFavoursTheHub) {
  double sum = 0.0;
  for (const NodeMeasures& node : measures_.nodes) sum += node.pagerank;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_GT(measures_.nodes[Node(graph_, "person:john_kerry")].pagerank,
            measures_.nodes[Node(graph_, "person:sergei_lavrov")].pagerank);
}

TEST(NetworkMeasuresEmptyTest, EmptyGraphHasNoMeasures) {
  EventGraph graph;
  const NetworkMeasures measures = ComputeNetworkMeasures(graph);
  EXPECT_TRUE(measures.nodes.empty());
  EXPECT_TRUE(measures.component_sizes.empty());
}

TEST_F(NetworkMeasuresTest, EdgeListPerEventKeepsSymmetricOrder) {
  const EdgeList aggregate(graph_, EdgeMode::kAggregate);
  const EdgeList events(graph_, EdgeMode::kEvents);
  EXPECT_EQ(aggregate.size(), graph_.edge_count());
  EXPECT_EQ(aggregate.size(), 3u);
  ASSERT_EQ(events.size(), 4u);  // every event has an object
  // "Kerry met Lavrov" and "Lavrov met Kerry": both from the smaller entity id, with their own dates.
  EXPECT_EQ(events[0].source, events[1].source);
  EXPECT_EQ(events[0].target, events[1].target);
  EXPECT_EQ(events[0].first_date, "2016-09-09");
  EXPECT_EQ(events[1].first_date, "2016-10-01");
  EXPECT_EQ(events[1].weight(), 1u);
  EXPECT_EQ(events[1].documents, std::vector<std::string>{"b"});
  ASSERT_EQ(events[1].locations.size(), 1u);
  EXPECT_EQ(events[1].locations[0]->id, "city:moscow");
  EdgeMode mode;
  EXPECT_TRUE(ParseEdgeMode("events", &mode));
  EXPECT_EQ(EdgeModeName(mode), "events");
  EXPECT_FALSE(ParseEdgeMode("edges", &mode));
}

TEST_F(NetworkMeasuresTest, NodesKeepNamesAsAliases) {
  const EntityNode& kerry = graph_.node(Node(graph_, "person:john_kerry"));
  EXPECT_EQ(kerry.aliases, std::vector<std::string>{"Kerry"});
  EXPECT_FALSE(kerry.discovered);
}

}  // namespace
}  // namespace eg
