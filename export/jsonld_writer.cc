// WriteJsonLd (export.h): the graph as one JSON-LD 1.1 document for RDF stores.
//
// Shape: {"@context": {...}, "@id": "urn:eventgraph:graph", "@graph": [entities, documents, sentences
// and events]}. Every key in the output is a term of the inline context (processors in safe mode reject
// undefined terms), typed values carry their XSD datatype through the context, and IRIs come from iri.h.
#include <cmath>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "export/export.h"
#include "export/iri.h"

namespace eg {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

// A context term: name -> IRI, optionally with a value type ("@id" or an xsd: datatype).
struct Term {
  const char* name;
  const char* iri;
  const char* type;  // null for a plain literal
};

constexpr Term kTerms[] = {
    {"Person", "schema:Person", nullptr},
    {"Organization", "schema:Organization", nullptr},
    {"Country", "schema:Country", nullptr},
    {"City", "schema:City", nullptr},
    {"Place", "schema:Place", nullptr},
    {"Event", "schema:Event", nullptr},
    {"NewsArticle", "schema:NewsArticle", nullptr},
    {"Sentence", "eg:Sentence", nullptr},
    {"name", "schema:name", nullptr},
    {"identifier", "schema:identifier", nullptr},
    {"headline", "schema:headline", nullptr},
    {"url", "schema:url", nullptr},
    {"datePublished", "schema:datePublished", "xsd:date"},
    {"text", "schema:text", nullptr},
    {"isPartOf", "schema:isPartOf", "@id"},
    {"agent", "schema:agent", "@id"},
    {"participant", "schema:participant", "@id"},
    {"location", "schema:location", "@id"},
    {"startDate", "schema:startDate", "xsd:date"},
    {"entityType", "eg:entityType", nullptr},
    {"country", "eg:country", "@id"},
    {"relation", "eg:relation", nullptr},
    {"cameo", "eg:cameo", nullptr},
    {"quadClass", "eg:quadClass", "xsd:integer"},
    {"goldstein", "eg:goldstein", "xsd:double"},
    {"symmetric", "eg:symmetric", "xsd:boolean"},
    {"polarity", "eg:polarity", nullptr},
    {"confidence", "eg:confidence", "xsd:double"},
    {"rule", "eg:rule", nullptr},
    {"wasDerivedFrom", "prov:wasDerivedFrom", "@id"},
    {"sentenceIndex", "eg:sentenceIndex", "xsd:integer"},
    {"startOffset", "eg:startOffset", "xsd:integer"},
    {"endOffset", "eg:endOffset", "xsd:integer"},
};

const char* ClassOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "Person";
    case EntityType::kOrganization:
    case EntityType::kGroup: return "Organization";
    case EntityType::kCountry: return "Country";
    case EntityType::kCity: return "City";
    case EntityType::kRegion:
    case EntityType::kLandmark:
    case EntityType::kPlace: return "Place";
  }
  return "Place";
}

void String(JsonWriter* writer, std::string_view text) {
  writer->String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void Member(JsonWriter* writer, const char* key, std::string_view value) {
  writer->Key(key);
  String(writer, value);
}

void NumberMember(JsonWriter* writer, const char* key, double value) {
  writer->Key(key);
  writer->Double(std::isfinite(value) ? value : 0.0);  // RapidJSON refuses NaN and infinity
}

// The JSON-LD term of each relation that has an edge, in order of first use. A slug that equals a fixed
// term, or a slug already taken by another relation, gets a numeric suffix.
std::map<std::string, std::string> RelationTerms(const EventGraph& graph,
                                                 std::vector<std::string>* terms_in_order) {
  std::unordered_set<std::string> taken;
  for (const Term& term : kTerms) taken.insert(term.name);
  std::map<std::string, std::string> term_of;
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const std::string& relation = graph.edge(i).relation;
    if (term_of.count(relation)) continue;
    const std::string slug = RelationSlug(relation);
    std::string term = slug;
    for (int n = 2; taken.count(term); ++n) term = slug + "_" + std::to_string(n);
    taken.insert(term);
    term_of[relation] = term;
    terms_in_order->push_back(term);
  }
  return term_of;
}

void WriteContext(const std::vector<std::string>& relation_terms, JsonWriter* writer) {
  writer->Key("@context");
  writer->StartObject();
  writer->Key("@version");
  writer->Double(1.1);
  Member(writer, "schema", "https://schema.org/");
  Member(writer, "prov", "http://www.w3.org/ns/prov#");
  Member(writer, "xsd", "http://www.w3.org/2001/XMLSchema#");
  Member(writer, "eg", kVocabularyIri);
  for (const Term& term : kTerms) {
    if (!term.type) {
      Member(writer, term.name, term.iri);
      continue;
    }
    writer->Key(term.name);
    writer->StartObject();
    Member(writer, "@id", term.iri);
    Member(writer, "@type", term.type);
    writer->EndObject();
  }
  for (const std::string& term : relation_terms) {
    writer->Key(term);
    writer->StartObject();
    Member(writer, "@id", "eg:" + term);
    Member(writer, "@type", "@id");
    writer->EndObject();
  }
  writer->EndObject();
}

// Direct actor-to-actor links: (term, target IRI) per node, in edge order. A symmetric edge links both
// ways, so either actor's links read the same.
std::vector<std::vector<std::pair<std::string, std::string>>> ActorLinks(
    const EventGraph& graph, const std::map<std::string, std::string>& term_of) {
  std::vector<std::vector<std::pair<std::string, std::string>>> links(graph.node_count());
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const RelationEdge& edge = graph.edge(i);
    const std::string& term = term_of.at(edge.relation);
    links[edge.source].emplace_back(term, EntityIri(graph.node(edge.target).entity->id));
    if (edge.symmetric) links[edge.target].emplace_back(term, EntityIri(graph.node(edge.source).entity->id));
  }
  return links;
}

void WriteEntity(const Entity& entity, const std::vector<std::pair<std::string, std::string>>& links,
                 JsonWriter* writer) {
  writer->StartObject();
  Member(writer, "@id", EntityIri(entity.id));
  Member(writer, "@type", ClassOf(entity.type));
  Member(writer, "name", entity.label);
  Member(writer, "entityType", EntityTypeName(entity.type));
  if (!entity.country.empty()) Member(writer, "country", EntityIri(entity.country));
  std::vector<bool> written(links.size(), false);
  for (size_t i = 0; i < links.size(); ++i) {
    if (written[i]) continue;
    writer->Key(links[i].first);
    writer->StartArray();
    for (size_t j = i; j < links.size(); ++j) {
      if (written[j] || links[j].first != links[i].first) continue;
      String(writer, links[j].second);
      written[j] = true;
    }
    writer->EndArray();
  }
  writer->EndObject();
}

void WriteDocument(const DocumentInfo& doc, JsonWriter* writer) {
  writer->StartObject();
  Member(writer, "@id", DocumentIri(doc.id));
  Member(writer, "@type", "NewsArticle");
  Member(writer, "identifier", doc.id);
  if (!doc.title.empty()) Member(writer, "headline", doc.title);
  if (!doc.url.empty()) Member(writer, "url", doc.url);
  if (IsFullDate(doc.date)) Member(writer, "datePublished", doc.date);
  writer->EndObject();
}

void WriteSentence(const EventRecord& event, JsonWriter* writer) {
  writer->StartObject();
  Member(writer, "@id", SentenceIri(event.doc, event.sentence));
  Member(writer, "@type", "Sentence");
  Member(writer, "text", event.evidence);
  writer->Key("sentenceIndex");
  writer->Uint(event.sentence);
  writer->Key("startOffset");
  writer->Uint(event.sentence_span.begin);
  writer->Key("endOffset");
  writer->Uint(event.sentence_span.end);
  Member(writer, "isPartOf", DocumentIri(event.doc));
  writer->EndObject();
}

void WriteEvent(const EventRecord& event, size_t index, JsonWriter* writer) {
  const Rule& rule = *event.rule;
  writer->StartObject();
  Member(writer, "@id", EventIri(index));
  Member(writer, "@type", "Event");
  std::string name = event.subject.entity->label + " " + rule.relation;
  if (event.object.entity) name += " " + event.object.entity->label;
  Member(writer, "name", name);
  Member(writer, "agent", EntityIri(event.subject.entity->id));
  if (event.object.entity) Member(writer, "participant", EntityIri(event.object.entity->id));
  if (event.location.entity) Member(writer, "location", EntityIri(event.location.entity->id));
  if (!event.date.empty()) Member(writer, "startDate", event.date);
  Member(writer, "relation", rule.relation);
  Member(writer, "cameo", rule.cameo);
  writer->Key("quadClass");
  writer->Int(rule.quad_class);
  NumberMember(writer, "goldstein", rule.goldstein);
  writer->Key("symmetric");
  writer->Bool(rule.symmetric);
  Member(writer, "polarity", PolarityName(event.polarity));
  NumberMember(writer, "confidence", event.confidence);
  Member(writer, "rule", rule.id);
  Member(writer, "wasDerivedFrom", SentenceIri(event.doc, event.sentence));
  writer->EndObject();
}

}  // namespace

void WriteJsonLd(const EventGraph& graph, std::ostream& out) {
  std::vector<std::string> relation_terms;
  const std::map<std::string, std::string> term_of = RelationTerms(graph, &relation_terms);
  const auto links = ActorLinks(graph, term_of);

  rapidjson::OStreamWrapper stream(out);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 1);
  writer.StartObject();
  WriteContext(relation_terms, &writer);
  Member(&writer, "@id", kGraphIri);
  writer.Key("@graph");
  writer.StartArray();

  // Entities: the nodes, then the places that are not nodes.
  std::unordered_set<std::string> written_entities;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    WriteEntity(*graph.node(i).entity, links[i], &writer);
    written_entities.insert(graph.node(i).entity->id);
  }
  for (const Entity* place : graph.places()) {
    if (written_entities.insert(place->id).second) WriteEntity(*place, {}, &writer);
  }

  // Documents that have events, in the order they were added.
  std::unordered_set<std::string> cited_documents;
  for (const EventRecord& event : graph.events()) cited_documents.insert(event.doc);
  for (const DocumentInfo& doc : graph.documents()) {
    if (cited_documents.erase(doc.id)) WriteDocument(doc, &writer);
  }

  // Events, each preceded by its sentence the first time the sentence is cited.
  std::unordered_set<std::string> written_sentences;
  for (size_t i = 0; i < graph.events().size(); ++i) {
    const EventRecord& event = graph.events()[i];
    if (written_sentences.insert(SentenceIri(event.doc, event.sentence)).second) WriteSentence(event, &writer);
    WriteEvent(event, i, &writer);
  }

  writer.EndArray();
  writer.EndObject();
  stream.Put('\n');
}

}  // namespace eg
