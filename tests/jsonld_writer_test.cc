// WriteJsonLd: parsed back with RapidJSON to check what JSON-LD processors in safe mode rely on: every
// key and type is a term of the inline context, typed values, IRIs under urn:eventgraph:.
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "export/export.h"
#include "export/iri.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

// A relation whose name has spaces, with a name the default packs do not use.
constexpr char kTestRules[] = R"({"name":"jsonld_test","rules":[
{"id":"test.held_talks","pattern":"{subject:ACTOR} parleyed with {object:ACTOR}",
 "relation":"parleyed with","cameo":"043","goldstein":2.8}
]})";

// Every document has this title (quotes to escape), and the test rules.
void AddDocument(EventGraph* graph, const std::string& id, const std::string& text, const std::string& date) {
  eg_test::AddDocument(graph, id, text, date, eg_test::ExtractorWithRules("jsonld_test_rules", kTestRules),
                       "Diplomacy \"today\"");
}

std::string JsonLd(const EventGraph& graph) {
  std::ostringstream out;
  WriteJsonLd(graph, out);
  return out.str();
}

class JsonLdWriterTest : public testing::Test {
 protected:
  void SetUp() override {
    AddDocument(&graph_, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
    AddDocument(&graph_, "b/2 ü#?", "Lavrov met Kerry in Moscow. Putin parleyed with Kerry.", "");
    text_ = JsonLd(graph_);
    json_.Parse(text_.c_str());
    ASSERT_FALSE(json_.HasParseError());
    ASSERT_TRUE(json_.IsObject());
  }

  // The @graph node with this @id, or null.
  const rapidjson::Value* Node(const std::string& id) const {
    for (const rapidjson::Value& node : json_["@graph"].GetArray()) {
      if (id == node["@id"].GetString()) return &node;
    }
    return nullptr;
  }

  EventGraph graph_;
  std::string text_;
  rapidjson::Document json_;
};

TEST_F(JsonLdWriterTest, ContextDefinesEveryTermUsed) {
  const rapidjson::Value& context = json_["@context"];
  ASSERT_TRUE(context.IsObject());
  EXPECT_DOUBLE_EQ(context["@version"].GetDouble(), 1.1);
  EXPECT_STREQ(context["eg"].GetString(), "urn:eventgraph:vocab:");
  std::set<std::string> used_keys, used_types;
  for (const rapidjson::Value& node : json_["@graph"].GetArray()) {
    for (const auto& member : node.GetObject()) used_keys.insert(member.name.GetString());
    used_types.insert(node["@type"].GetString());
  }
  for (const std::string& key : used_keys) {
    if (key[0] == '@') continue;
    EXPECT_TRUE(context.HasMember(key.c_str())) << key;
  }
  for (const std::string& type : used_types) EXPECT_TRUE(context.HasMember(type.c_str())) << type;
  EXPECT_TRUE(used_keys.count("met"));
  EXPECT_TRUE(used_keys.count("parleyed_with"));  // the relation name, slugged
  EXPECT_STREQ(context["parleyed_with"]["@id"].GetString(), "eg:parleyed_with");
  EXPECT_STREQ(context["parleyed_with"]["@type"].GetString(), "@id");
}

TEST_F(JsonLdWriterTest, NamedGraphWithOneEventNodePerEvent) {
  // One graph per run, named by a hash of its input: stable across runs, different for other input.
  const std::string graph_iri = json_["@id"].GetString();
  EXPECT_EQ(graph_iri.rfind("urn:eventgraph:run:", 0), 0u) << graph_iri;
  EXPECT_EQ(graph_iri.size(), std::string("urn:eventgraph:run:").size() + 16);
  EventGraph other;
  AddDocument(&other, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  rapidjson::Document other_json;
  const std::string other_text = JsonLd(other);
  other_json.Parse(other_text.c_str());
  EXPECT_STRNE(other_json["@id"].GetString(), graph_iri.c_str());
  size_t events = 0;
  for (const rapidjson::Value& node : json_["@graph"].GetArray()) {
    if (std::string(node["@type"].GetString()) == "Event") ++events;
  }
  EXPECT_EQ(events, graph_.event_count());
  EXPECT_EQ(events, 3u);
}

TEST_F(JsonLdWriterTest, EventsLinkActorsPlacesDatesAndSources) {
  const rapidjson::Value* event = Node("urn:eventgraph:doc:a#event-0");
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ((*event)["agent"].GetString(), "urn:eventgraph:entity:person:john_kerry");
  EXPECT_STREQ((*event)["participant"].GetString(), "urn:eventgraph:entity:person:sergei_lavrov");
  EXPECT_STREQ((*event)["location"].GetString(), "urn:eventgraph:entity:city:geneva");
  EXPECT_STREQ((*event)["startDate"].GetString(), "2016-09-09");
  EXPECT_STREQ((*event)["relation"].GetString(), "met");
  EXPECT_STREQ((*event)["cameo"].GetString(), "040");
  // Typed values are strings; the context gives their datatype, so the lexical form is what is written.
  EXPECT_STREQ((*event)["quadClass"].GetString(), "1");
  EXPECT_STREQ((*event)["goldstein"].GetString(), "1");
  EXPECT_STREQ(json_["@context"]["goldstein"]["@type"].GetString(), "xsd:double");
  EXPECT_STREQ((*event)["polarity"].GetString(), "positive");

  const rapidjson::Value* sentence = Node((*event)["wasDerivedFrom"].GetString());
  ASSERT_NE(sentence, nullptr);
  EXPECT_STREQ((*sentence)["text"].GetString(), "Kerry met Lavrov in Geneva.");
  EXPECT_STREQ((*sentence)["startOffset"].GetString(), "0");
  EXPECT_STREQ((*sentence)["endOffset"].GetString(), "27");
  EXPECT_STREQ((*sentence)["sentenceIndex"].GetString(), "0");
  const rapidjson::Value* doc = Node((*sentence)["isPartOf"].GetString());
  ASSERT_NE(doc, nullptr);
  EXPECT_STREQ((*doc)["@type"].GetString(), "NewsArticle");
  EXPECT_STREQ((*doc)["identifier"].GetString(), "a");
  EXPECT_STREQ((*doc)["headline"].GetString(), "Diplomacy \"today\"");
  EXPECT_STREQ((*doc)["datePublished"].GetString(), "2016-09-09");

  // Undated document: no startDate rather than an invalid xsd:date.
  const rapidjson::Value* undated = Node("urn:eventgraph:doc:b%2F2%20%C3%BC%23%3F#event-0");
  ASSERT_NE(undated, nullptr);
  EXPECT_FALSE(undated->HasMember("startDate"));
}

TEST_F(JsonLdWriterTest, DocumentIdsArePercentEncoded) {
  const rapidjson::Value* doc = Node("urn:eventgraph:doc:b%2F2%20%C3%BC%23%3F");
  ASSERT_NE(doc, nullptr);
  EXPECT_STREQ((*doc)["identifier"].GetString(), "b/2 ü#?");
  EXPECT_NE(Node("urn:eventgraph:doc:b%2F2%20%C3%BC%23%3F#sentence-1"), nullptr);
}

TEST_F(JsonLdWriterTest, ActorsAreTypedAndLinkedDirectly) {
  const rapidjson::Value* kerry = Node("urn:eventgraph:entity:person:john_kerry");
  const rapidjson::Value* lavrov = Node("urn:eventgraph:entity:person:sergei_lavrov");
  const rapidjson::Value* putin = Node("urn:eventgraph:entity:person:vladimir_putin");
  const rapidjson::Value* geneva = Node("urn:eventgraph:entity:city:geneva");
  ASSERT_TRUE(kerry && lavrov && putin && geneva);
  EXPECT_STREQ((*kerry)["@type"].GetString(), "Person");
  EXPECT_STREQ((*kerry)["name"].GetString(), "John Kerry");
  EXPECT_STREQ((*kerry)["entityType"].GetString(), "PERSON");
  EXPECT_STREQ((*geneva)["@type"].GetString(), "City");
  // A symmetric relation links both ways; a directed one only from its subject.
  ASSERT_TRUE(kerry->HasMember("met"));
  EXPECT_STREQ((*kerry)["met"][0].GetString(), "urn:eventgraph:entity:person:sergei_lavrov");
  ASSERT_TRUE(lavrov->HasMember("met"));
  EXPECT_STREQ((*lavrov)["met"][0].GetString(), "urn:eventgraph:entity:person:john_kerry");
  ASSERT_TRUE(putin->HasMember("parleyed_with"));
  EXPECT_STREQ((*putin)["parleyed_with"][0].GetString(), "urn:eventgraph:entity:person:john_kerry");
  EXPECT_FALSE(kerry->HasMember("parleyed_with"));
}

TEST_F(JsonLdWriterTest, OutputIsDeterministic) {
  EventGraph again;
  AddDocument(&again, "a", "Kerry met Lavrov in Geneva.", "2016-09-09");
  AddDocument(&again, "b/2 ü#?", "Lavrov met Kerry in Moscow. Putin parleyed with Kerry.", "");
  EXPECT_EQ(JsonLd(again), text_);
}

TEST(JsonLdEmptyTest, EmptyGraphIsAValidDocument) {
  EventGraph graph;
  rapidjson::Document json;
  const std::string text = JsonLd(graph);
  json.Parse(text.c_str());
  ASSERT_FALSE(json.HasParseError());
  EXPECT_TRUE(json["@graph"].IsArray());
  EXPECT_EQ(json["@graph"].Size(), 0u);
}


TEST(IriTest, PercentEncodingAndSlugs) {
  EXPECT_EQ(DocumentIri("news.jsonl:12"), "urn:eventgraph:doc:news.jsonl:12");
  EXPECT_EQ(DocumentIri("a b/c?d#e%f"), "urn:eventgraph:doc:a%20b%2Fc%3Fd%23e%25f");
  EXPECT_EQ(DocumentIri("\xC3\xBC"), "urn:eventgraph:doc:%C3%BC");
  EXPECT_EQ(EntityIri("person:john_kerry"), "urn:eventgraph:entity:person:john_kerry");
  EXPECT_EQ(EventIri("a b", 7), "urn:eventgraph:doc:a%20b#event-7");
  EXPECT_EQ(RelationshipIri("person:a", "met", "person:b"), "urn:eventgraph:rel:person:a/met/person:b");
  EXPECT_EQ(RunIri(0x0123456789abcdefULL), "urn:eventgraph:run:0123456789abcdef");
  EXPECT_EQ(SentenceIri("a b", 3), "urn:eventgraph:doc:a%20b#sentence-3");
  EXPECT_EQ(RelationSlug("met"), "met");
  EXPECT_EQ(RelationSlug("Held talks  with"), "held_talks_with");
  EXPECT_EQ(RelationSlug(" -accused- "), "accused");
  EXPECT_EQ(RelationSlug("!!"), "related");
}

}  // namespace
}  // namespace eg
