// EventGraph on events extracted from real sentences with the default packs (plus a small test pack for
// a directed relation and a relation without an object).
#include "graph/event_graph.h"

#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

// A directed relation and a relation without an object, with names the default packs do not use.
constexpr char kTestRules[] = R"({"name":"graph_test","rules":[
{"id":"test.cautioned","pattern":"{subject:ACTOR} quibbled with {object:ACTOR}","relation":"quibbled with",
 "cameo":"111","goldstein":-2.0},
{"id":"test.toured","pattern":"{subject:ACTOR} sightsaw in {location:PLACE}","relation":"sightsaw in",
 "cameo":"042","goldstein":1.9}
]})";

const Extractor& TestExtractor() { return eg_test::ExtractorWithRules("graph_test_rules", kTestRules); }

// Adds a processed document that goes out of scope right away, as when streaming.
void AddTransient(EventGraph* graph, const std::string& id, const std::string& text, const std::string& date) {
  eg_test::AddDocument(graph, id, text, date, TestExtractor());
}

TEST(EventGraphTest, MeetingsInBothDirectionsAreOneSymmetricEdge) {
  EventGraph graph;
  AddTransient(&graph, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  AddTransient(&graph, "b", "Lavrov met Kerry in Moscow.", "2016-10-01");

  ASSERT_EQ(graph.event_count(), 2u);
  ASSERT_EQ(graph.node_count(), 2u);
  ASSERT_EQ(graph.edge_count(), 1u);
  const RelationEdge& edge = graph.edge(0);
  EXPECT_TRUE(edge.symmetric);
  EXPECT_EQ(edge.relation, "met");
  EXPECT_EQ(edge.cameo, "040");
  EXPECT_EQ(edge.weight(), 2u);
  EXPECT_DOUBLE_EQ(edge.mean_goldstein(), 1.0);
  // Canonical order: the smaller entity id is the source, whatever the sentence said.
  EXPECT_EQ(graph.node(edge.source).entity->id, "person:john_kerry");
  EXPECT_EQ(graph.node(edge.target).entity->id, "person:sergei_lavrov");
  EXPECT_EQ(edge.first_date, "2016-09-09");
  EXPECT_EQ(edge.last_date, "2016-10-01");
  ASSERT_EQ(edge.locations.size(), 2u);
  EXPECT_EQ(edge.locations[0]->id, "city:geneva");
  EXPECT_EQ(edge.locations[1]->id, "city:moscow");
  EXPECT_EQ(edge.documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(edge.evidence, "Kerry met Lavrov in Geneva.");
  EXPECT_EQ(edge.events, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(graph.degree(edge.source), 1u);
}

TEST(EventGraphTest, NodesKeepCountsAndDatesInOrderOfFirstAppearance) {
  EventGraph graph;
  AddTransient(&graph, "a", "Lavrov spoke. Kerry met Lavrov in Geneva.", "2016-09-09");
  AddTransient(&graph, "b", "Lavrov met Kerry in Moscow.", "2016-03-01");

  ASSERT_EQ(graph.node_count(), 2u);
  const EntityNode& kerry = graph.node(0);
  const EntityNode& lavrov = graph.node(1);
  EXPECT_EQ(kerry.entity->id, "person:john_kerry");
  EXPECT_EQ(lavrov.entity->id, "person:sergei_lavrov");
  EXPECT_EQ(kerry.mentions, 2u);
  EXPECT_EQ(lavrov.mentions, 3u);  // the mention before any event counts too
  EXPECT_EQ(kerry.events, 2u);
  EXPECT_EQ(lavrov.first_seen, "2016-03-01");
  EXPECT_EQ(lavrov.last_seen, "2016-09-09");
  EXPECT_EQ(graph.FindNode("person:sergei_lavrov"), 1);
  EXPECT_EQ(graph.FindNode("city:geneva"), -1);  // places are not nodes
}

TEST(EventGraphTest, EventRecordsOutliveTheirDocuments) {
  EventGraph graph;
  AddTransient(&graph, "doc-1", "Talks went on. Kerry met Lavrov in Moscow.", "2016-07-15");

  ASSERT_EQ(graph.event_count(), 1u);
  const EventRecord& event = graph.events()[0];
  EXPECT_EQ(event.doc, "doc-1");
  EXPECT_EQ(event.sentence, 1u);
  EXPECT_EQ(event.evidence, "Kerry met Lavrov in Moscow.");
  EXPECT_EQ(event.sentence_span.begin, 15u);
  EXPECT_EQ(event.sentence_span.end, 42u);
  EXPECT_EQ(event.subject.text, "Kerry");
  EXPECT_EQ(event.object.text, "Lavrov");
  ASSERT_NE(event.location.entity, nullptr);
  EXPECT_EQ(event.location.entity->id, "city:moscow");
  EXPECT_EQ(event.location.text, "Moscow");
  EXPECT_EQ(event.location.span.begin, 35u);
  EXPECT_EQ(event.rule->relation, "met");
  EXPECT_EQ(event.date, "2016-07-15");
  EXPECT_EQ(event.polarity, Polarity::kPositive);
  ASSERT_EQ(graph.places().size(), 1u);
  EXPECT_EQ(graph.places()[0]->id, "city:moscow");
}

TEST(EventGraphTest, DirectedRelationsKeepTheirDirection) {
  EventGraph graph;
  AddTransient(&graph, "a", "Putin quibbled with Kerry.", "");
  AddTransient(&graph, "b", "Kerry quibbled with Putin.", "");
  AddTransient(&graph, "c", "Putin quibbled with Kerry.", "");

  ASSERT_EQ(graph.edge_count(), 2u);
  EXPECT_FALSE(graph.edge(0).symmetric);
  EXPECT_EQ(graph.node(graph.edge(0).source).entity->id, "person:vladimir_putin");
  EXPECT_EQ(graph.edge(0).weight(), 2u);
  EXPECT_DOUBLE_EQ(graph.edge(0).mean_goldstein(), -2.0);
  EXPECT_EQ(graph.node(graph.edge(1).source).entity->id, "person:john_kerry");
  EXPECT_EQ(graph.edge(1).weight(), 1u);
  EXPECT_TRUE(graph.edge(0).first_date.empty());  // undated events leave dates unknown
}

TEST(EventGraphTest, SeveralRelationsBetweenOnePairAreSeparateEdges) {
  EventGraph graph;
  AddTransient(&graph, "a", "Putin met Kerry. Putin quibbled with Kerry.", "2015-01-02");

  ASSERT_EQ(graph.edge_count(), 2u);
  EXPECT_EQ(graph.edge(0).relation, "met");
  EXPECT_EQ(graph.edge(1).relation, "quibbled with");
  EXPECT_EQ(boost::num_edges(graph.graph()), 2u);
}

TEST(EventGraphTest, EventsWithoutObjectAreKeptWithoutEdge) {
  EventGraph graph;
  AddTransient(&graph, "a", "Putin sightsaw in Geneva.", "2015-01-02");

  ASSERT_EQ(graph.event_count(), 1u);
  EXPECT_EQ(graph.events()[0].object.entity, nullptr);
  EXPECT_EQ(graph.edge_count(), 0u);
  EXPECT_EQ(graph.node_count(), 1u);  // the subject is still an actor
  ASSERT_EQ(graph.places().size(), 1u);
  EXPECT_EQ(graph.places()[0]->id, "city:geneva");
}

TEST(EventGraphTest, DatesThatAreNotFullDatesAreDropped) {
  EventGraph graph;
  AddTransient(&graph, "a", "Kerry met Lavrov.", "March 2016");
  ASSERT_EQ(graph.event_count(), 1u);
  EXPECT_EQ(graph.events()[0].date, "");
  EXPECT_EQ(graph.node(0).first_seen, "");
}

TEST(EventGraphTest, FullDateCheck) {
  EXPECT_TRUE(IsFullDate("2016-02-29"));
  EXPECT_FALSE(IsFullDate("2016-13-01"));
  EXPECT_FALSE(IsFullDate("2016-00-10"));
  EXPECT_FALSE(IsFullDate("2016-1-10"));
  EXPECT_FALSE(IsFullDate("2016-01-32"));
  EXPECT_FALSE(IsFullDate(""));
}

// A graph that does not keep its events (for aggregate exports of large corpora) has the same nodes and
// edges, with counts, dates and evidence, and a memory that does not grow with the events.
TEST(EventGraphTest, WithoutEventRecordsTheAggregateIsTheSame) {
  EventGraph kept, dropped(/*keep_events=*/false);
  for (EventGraph* graph : {&kept, &dropped}) {
    AddTransient(graph, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
    AddTransient(graph, "b", "Lavrov met Kerry in Moscow on Friday. Kerry quibbled with Lavrov.", "2016-10-05");
  }
  EXPECT_TRUE(kept.keeps_events());
  EXPECT_FALSE(dropped.keeps_events());
  EXPECT_EQ(dropped.event_count(), kept.event_count());
  EXPECT_EQ(dropped.document_count(), 2u);
  EXPECT_TRUE(dropped.events().empty());
  EXPECT_TRUE(dropped.documents().empty());
  ASSERT_EQ(dropped.edge_count(), kept.edge_count());
  for (size_t i = 0; i < kept.edge_count(); ++i) {
    const RelationEdge& a = kept.edge(i);
    const RelationEdge& b = dropped.edge(i);
    EXPECT_EQ(b.weight(), a.weight());
    EXPECT_EQ(b.weight(), a.events.size());
    EXPECT_TRUE(b.events.empty());
    EXPECT_EQ(b.first_event_date, a.first_event_date);
    EXPECT_EQ(b.first_date, a.first_date);
    EXPECT_EQ(b.last_date, a.last_date);
    EXPECT_EQ(b.documents, a.documents);
    EXPECT_EQ(b.evidence, a.evidence);
    EXPECT_DOUBLE_EQ(b.mean_goldstein(), a.mean_goldstein());
  }
  const RelationEdge& met = kept.edge(0);
  EXPECT_EQ(met.weight(), 2u);
  EXPECT_EQ(met.first_event_date, "2016-09-09");
  EXPECT_EQ(met.last_date, "2016-09-30") << "Friday before the document's date";
}

TEST(EventGraphTest, AnEdgeListsItsFirstHundredDocumentsAndCountsThemAll) {
  EventGraph graph(/*keep_events=*/false);
  for (int i = 0; i < 150; ++i) AddTransient(&graph, "d" + std::to_string(i), "Kerry met Lavrov.", "2016-09-09");
  ASSERT_EQ(graph.edge_count(), 1u);
  const RelationEdge& edge = graph.edge(0);
  EXPECT_EQ(edge.weight(), 150u);
  EXPECT_EQ(edge.document_count, 150u);
  ASSERT_EQ(edge.documents.size(), RelationEdge::kMaxDocuments);
  EXPECT_EQ(edge.documents.front(), "d0");
  EXPECT_EQ(edge.documents.back(), "d99");
}

}  // namespace
}  // namespace eg
