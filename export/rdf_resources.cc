#include "export/rdf_resources.h"

#include <unordered_map>
#include <unordered_set>

#include "export/iri.h"
#include "export/number_format.h"
#include "extract/utf8.h"

namespace eg {
namespace {

struct FixedTerm {
  const char* name;
  const char* iri;
  RdfValueType type;
};

constexpr FixedTerm kFixedTerms[] = {
    // Classes.
    {"Person", "schema:Person", RdfValueType::kClass},
    {"Organization", "schema:Organization", RdfValueType::kClass},
    {"Country", "schema:Country", RdfValueType::kClass},
    {"City", "schema:City", RdfValueType::kClass},
    {"Place", "schema:Place", RdfValueType::kClass},
    {"Event", "schema:Event", RdfValueType::kClass},
    {"NewsArticle", "schema:NewsArticle", RdfValueType::kClass},
    {"Sentence", "eg:Sentence", RdfValueType::kClass},
    {"Relationship", "eg:Relationship", RdfValueType::kClass},
    // Entities.
    {"name", "schema:name", RdfValueType::kString},
    {"alternateName", "schema:alternateName", RdfValueType::kString},
    {"entityType", "eg:entityType", RdfValueType::kString},
    {"country", "eg:country", RdfValueType::kIri},
    {"mentions", "eg:mentions", RdfValueType::kInteger},
    {"eventCount", "eg:eventCount", RdfValueType::kInteger},
    {"firstSeen", "eg:firstSeen", RdfValueType::kDate},
    {"lastSeen", "eg:lastSeen", RdfValueType::kDate},
    {"discovered", "eg:discovered", RdfValueType::kBoolean},
    {"degree", "eg:degree", RdfValueType::kInteger},
    {"inDegree", "eg:inDegree", RdfValueType::kInteger},
    {"outDegree", "eg:outDegree", RdfValueType::kInteger},
    {"weightedDegree", "eg:weightedDegree", RdfValueType::kDouble},
    {"betweenness", "eg:betweenness", RdfValueType::kDouble},
    {"pagerank", "eg:pagerank", RdfValueType::kDouble},
    {"component", "eg:component", RdfValueType::kInteger},
    // Relationships (aggregate edges).
    {"source", "eg:source", RdfValueType::kIri},
    {"target", "eg:target", RdfValueType::kIri},
    {"weight", "eg:weight", RdfValueType::kInteger},
    {"firstDate", "eg:firstDate", RdfValueType::kDate},
    {"lastDate", "eg:lastDate", RdfValueType::kDate},
    {"event", "eg:event", RdfValueType::kIri},
    // Documents and sentences.
    {"identifier", "schema:identifier", RdfValueType::kString},
    {"headline", "schema:headline", RdfValueType::kString},
    {"url", "schema:url", RdfValueType::kString},
    {"datePublished", "schema:datePublished", RdfValueType::kDate},
    {"text", "schema:text", RdfValueType::kString},
    {"isPartOf", "schema:isPartOf", RdfValueType::kIri},
    {"sentenceIndex", "eg:sentenceIndex", RdfValueType::kInteger},
    {"startOffset", "eg:startOffset", RdfValueType::kInteger},
    {"endOffset", "eg:endOffset", RdfValueType::kInteger},
    // Events.
    {"agent", "schema:agent", RdfValueType::kIri},
    {"participant", "schema:participant", RdfValueType::kIri},
    {"location", "schema:location", RdfValueType::kIri},
    {"startDate", "schema:startDate", RdfValueType::kDate},
    {"relation", "eg:relation", RdfValueType::kString},
    {"cameo", "eg:cameo", RdfValueType::kString},
    {"quadClass", "eg:quadClass", RdfValueType::kInteger},
    {"goldstein", "eg:goldstein", RdfValueType::kDouble},
    {"symmetric", "eg:symmetric", RdfValueType::kBoolean},
    {"polarity", "eg:polarity", RdfValueType::kString},
    {"confidence", "eg:confidence", RdfValueType::kDouble},
    {"rule", "eg:rule", RdfValueType::kString},
    {"wasDerivedFrom", "prov:wasDerivedFrom", RdfValueType::kIri},
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

// text with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string ValidUtf8(std::string_view text) {
  size_t invalid = FindInvalidUtf8(text);
  if (invalid == std::string_view::npos) return std::string(text);
  std::string out;
  while (invalid != std::string_view::npos) {
    out.append(text.substr(0, invalid)).append("\xEF\xBF\xBD");
    text.remove_prefix(invalid + 1);
    invalid = FindInvalidUtf8(text);
  }
  out.append(text);
  return out;
}

// FNV-1a, 64 bits: small, fixed and the same everywhere.
class Hash {
 public:
  void Add(std::string_view text) {
    for (char c : text) Byte(static_cast<unsigned char>(c));
    Byte(0x1F);
  }
  uint64_t value() const { return value_; }

 private:
  void Byte(unsigned char c) {
    value_ ^= c;
    value_ *= 0x100000001B3ULL;
  }
  uint64_t value_ = 0xCBF29CE484222325ULL;
};

// Builds one resource at a time; terms are looked up once.
class ResourceBuilder {
 public:
  ResourceBuilder(const RdfVocabulary& vocabulary, const std::function<void(const RdfResource&)>& emit)
      : vocabulary_(vocabulary), emit_(emit) {}

  void Start(std::string id, const char* type) {
    resource_.id = std::move(id);
    resource_.type = &vocabulary_.Term(type);
    resource_.statements.clear();
    seen_.clear();
  }
  // Adds (term, value) unless value is empty or the statement is already there.
  void Add(const char* term, std::string_view value) { Add(vocabulary_.Term(term), value); }
  void Add(const RdfTerm& term, std::string_view value) {
    if (value.empty()) return;
    std::string text = term.type == RdfValueType::kString ? ValidUtf8(value) : std::string(value);
    if (!seen_.insert(term.name + '\0' + text).second) return;
    resource_.statements.push_back(RdfStatement{&term, std::move(text)});
  }
  void AddInteger(const char* term, uint64_t value) { Add(term, std::to_string(value)); }
  void AddDouble(const char* term, double value) { Add(term, FormatDouble(value)); }
  void AddBool(const char* term, bool value) { Add(term, value ? "true" : "false"); }
  void Finish() { emit_(resource_); }

 private:
  const RdfVocabulary& vocabulary_;
  const std::function<void(const RdfResource&)>& emit_;
  RdfResource resource_;
  std::unordered_set<std::string> seen_;
};

void AddEntity(const Entity& entity, ResourceBuilder* out) {
  out->Start(EntityIri(entity.id), ClassOf(entity.type));
  out->Add("name", entity.label);
  out->Add("entityType", EntityTypeName(entity.type));
  if (!entity.country.empty()) out->Add("country", EntityIri(entity.country));
}

void AddActor(const ExportView& view, const RdfVocabulary& vocabulary, size_t i,
              const std::vector<std::vector<size_t>>& links, ResourceBuilder* out) {
  const EventGraph& graph = view.graph();
  const EntityNode& node = graph.node(i);
  const NodeMeasures& m = view.measures(i);
  AddEntity(*node.entity, out);
  for (const std::string& alias : node.aliases) out->Add("alternateName", alias);
  out->AddInteger("mentions", node.mentions);
  out->AddInteger("eventCount", node.events);
  out->Add("firstSeen", node.first_seen);
  out->Add("lastSeen", node.last_seen);
  out->AddBool("discovered", node.discovered);
  out->AddInteger("degree", m.degree);
  out->AddInteger("inDegree", m.in_degree);
  out->AddInteger("outDegree", m.out_degree);
  out->AddDouble("weightedDegree", m.weighted_degree);
  out->AddDouble("betweenness", RoundMeasure(m.betweenness));
  out->AddDouble("pagerank", RoundMeasure(m.pagerank));
  out->AddInteger("component", m.component);
  for (size_t e : links[i]) {
    const RelationEdge& edge = graph.edge(e);
    const size_t other = edge.source == i ? edge.target : edge.source;
    out->Add(vocabulary.RelationTerm(edge.relation), EntityIri(graph.node(other).entity->id));
  }
  out->Finish();
}

void AddRelationship(const EventGraph& graph, const RdfVocabulary& vocabulary, const RelationEdge& edge,
                     const std::vector<std::string>& event_iris, ResourceBuilder* out) {
  const std::string& source = graph.node(edge.source).entity->id;
  const std::string& target = graph.node(edge.target).entity->id;
  out->Start(RelationshipIri(source, vocabulary.RelationTerm(edge.relation).name, target), "Relationship");
  out->Add("source", EntityIri(source));
  out->Add("target", EntityIri(target));
  out->Add("relation", edge.relation);
  out->AddInteger("weight", edge.weight());
  out->Add("cameo", edge.cameo);
  out->AddInteger("quadClass", static_cast<uint64_t>(edge.quad_class));
  out->AddDouble("goldstein", edge.mean_goldstein());
  out->AddBool("symmetric", edge.symmetric);
  out->Add("firstDate", edge.first_date);
  out->Add("lastDate", edge.last_date);
  for (const Entity* place : edge.locations) out->Add("location", EntityIri(place->id));
  for (size_t event : edge.events) out->Add("event", event_iris[event]);
  out->Finish();
}

void AddDocument(const DocumentInfo& doc, ResourceBuilder* out) {
  out->Start(DocumentIri(doc.id), "NewsArticle");
  out->Add("identifier", doc.id);
  out->Add("headline", doc.title);
  out->Add("url", doc.url);
  if (IsFullDate(doc.date)) out->Add("datePublished", doc.date);
  out->Finish();
}

void AddSentence(const EventRecord& event, ResourceBuilder* out) {
  out->Start(SentenceIri(event.doc, event.sentence), "Sentence");
  out->Add("text", event.evidence);
  out->AddInteger("sentenceIndex", event.sentence);
  out->AddInteger("startOffset", event.sentence_span.begin);
  out->AddInteger("endOffset", event.sentence_span.end);
  out->Add("isPartOf", DocumentIri(event.doc));
  out->Finish();
}

void AddEvent(const EventRecord& event, const std::string& iri, ResourceBuilder* out) {
  const Rule& rule = *event.rule;
  out->Start(iri, "Event");
  std::string name = event.subject.entity->label + " " + rule.relation;
  if (event.object.entity) name += " " + event.object.entity->label;
  out->Add("name", name);
  out->Add("agent", EntityIri(event.subject.entity->id));
  if (event.object.entity) out->Add("participant", EntityIri(event.object.entity->id));
  if (event.location.entity) out->Add("location", EntityIri(event.location.entity->id));
  out->Add("startDate", event.date);
  out->Add("relation", rule.relation);
  out->Add("cameo", rule.cameo);
  out->AddInteger("quadClass", static_cast<uint64_t>(rule.quad_class));
  out->AddDouble("goldstein", rule.goldstein);
  out->AddBool("symmetric", rule.symmetric);
  out->Add("polarity", PolarityName(event.polarity));
  out->AddDouble("confidence", event.confidence);
  out->Add("rule", rule.id);
  out->Add("wasDerivedFrom", SentenceIri(event.doc, event.sentence));
  out->Finish();
}

}  // namespace

std::vector<std::string> EventIris(const EventGraph& graph) {
  std::vector<std::string> iris;
  std::unordered_map<std::string, size_t> per_document;
  for (const EventRecord& event : graph.events()) iris.push_back(EventIri(event.doc, per_document[event.doc]++));
  return iris;
}

RdfVocabulary::RdfVocabulary(const EventGraph& graph) {
  prefixes_ = {{"schema", "https://schema.org/"},
               {"prov", "http://www.w3.org/ns/prov#"},
               {"xsd", "http://www.w3.org/2001/XMLSchema#"},
               {"eg", std::string(kVocabularyIri)}};
  for (const auto& [prefix, iri] : prefixes_) by_name_[prefix] = SIZE_MAX;  // taken, not a term
  for (const FixedTerm& term : kFixedTerms) {
    by_name_[term.name] = terms_.size();
    const std::string_view name = term.name;
    terms_.push_back(RdfTerm{term.name, term.iri, term.type, name == "alternateName" || name == "event"});
  }
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    const std::string& relation = graph.edge(i).relation;
    if (by_relation_.count(relation)) continue;
    const std::string slug = RelationSlug(relation);
    std::string name = slug;
    for (int n = 2; by_name_.count(name); ++n) name = slug + "_" + std::to_string(n);
    by_name_[name] = terms_.size();
    by_relation_[relation] = terms_.size();
    terms_.push_back(RdfTerm{name, "eg:" + name, RdfValueType::kIri, true});
  }
}

const RdfTerm& RdfVocabulary::Term(std::string_view name) const { return terms_[by_name_.find(name)->second]; }

const RdfTerm& RdfVocabulary::RelationTerm(const std::string& relation) const {
  return terms_[by_relation_.at(relation)];
}

std::string RdfVocabulary::Expand(std::string_view compact) const {
  const size_t colon = compact.find(':');
  if (colon != std::string_view::npos) {
    for (const auto& [prefix, iri] : prefixes_) {
      if (compact.substr(0, colon) == prefix) return iri + std::string(compact.substr(colon + 1));
    }
  }
  return std::string(compact);
}

std::string RunGraphIri(const EventGraph& graph) {
  Hash hash;
  for (const DocumentInfo& doc : graph.documents()) hash.Add(doc.id);
  for (const EventRecord& event : graph.events()) {
    hash.Add(event.doc);
    hash.Add(std::to_string(event.sentence));
    hash.Add(event.rule->id);
    hash.Add(event.subject.entity->id);
    hash.Add(event.object.entity ? std::string_view(event.object.entity->id) : std::string_view());
    hash.Add(event.date);
  }
  return RunIri(hash.value());
}

void ForEachRdfResource(const ExportView& view, const RdfVocabulary& vocabulary,
                        const std::function<void(const RdfResource&)>& emit) {
  const EventGraph& graph = view.graph();
  ResourceBuilder out(vocabulary, emit);
  const std::vector<std::string> event_iris = EventIris(graph);

  // Actors with their links (edge indices per node; a symmetric edge is listed at both ends).
  std::vector<std::vector<size_t>> links(graph.node_count());
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const RelationEdge& edge = graph.edge(e);
    links[edge.source].push_back(e);
    if (edge.symmetric && edge.target != edge.source) links[edge.target].push_back(e);
  }
  std::unordered_set<std::string> written;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    AddActor(view, vocabulary, i, links, &out);
    written.insert(graph.node(i).entity->id);
  }
  for (const Entity* place : graph.places()) {
    if (!written.insert(place->id).second) continue;
    AddEntity(*place, &out);
    out.Finish();
  }

  for (size_t e = 0; e < graph.edge_count(); ++e) {
    AddRelationship(graph, vocabulary, graph.edge(e), event_iris, &out);
  }

  std::unordered_set<std::string> cited;
  for (const EventRecord& event : graph.events()) cited.insert(event.doc);
  for (const DocumentInfo& doc : graph.documents()) {
    if (cited.erase(doc.id)) AddDocument(doc, &out);
  }

  std::unordered_set<std::string> sentences;
  for (size_t i = 0; i < graph.events().size(); ++i) {
    const EventRecord& event = graph.events()[i];
    if (sentences.insert(SentenceIri(event.doc, event.sentence)).second) AddSentence(event, &out);
    AddEvent(event, event_iris[i], &out);
  }
}

}  // namespace eg
