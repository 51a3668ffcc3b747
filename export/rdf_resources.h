// The RDF content of an export, as a stream of resources. Internal to export/.
//
// The JSON-LD and N-Quads writers both walk ForEachRdfResource(), so the two formats carry the same
// quads by construction (the tests also check it with rdflib and Oxigraph). A resource is one subject:
// an IRI, one class and its statements, each a vocabulary term and a value given as text: an IRI, or
// the lexical form of a literal whose datatype the term fixes (RdfValueType). JSON-LD writes the value
// as a JSON string and the term's @context entry gives its type; N-Quads writes the datatype out.
//
// The vocabulary (RdfVocabulary) is schema.org and PROV-O where they fit and urn:eventgraph:vocab:
// ("eg") otherwise, plus one property per relation that has an edge ("met" -> eg:met), named by its
// slug (iri.h), suffixed _2, _3, ... when a slug is taken.
//
// Resources come in a fixed order: actors (the graph's nodes, with their network measures and direct
// links to the actors they have an edge to; a symmetric edge links both ways), places that are only
// event locations, one eg:Relationship per aggregate edge, the documents that have events, then every
// event preceded by its sentence the first time the sentence is cited. Statements of a resource are
// distinct and in a fixed order. Literal text is valid UTF-8 (invalid bytes become U+FFFD).
#ifndef EVENTGRAPH_EXPORT_RDF_RESOURCES_H_
#define EVENTGRAPH_EXPORT_RDF_RESOURCES_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/export_view.h"

namespace eg {

enum class RdfValueType { kClass, kString, kIri, kDate, kInteger, kDouble, kBoolean };

struct RdfTerm {
  std::string name;  // the JSON-LD term: "agent"
  std::string iri;   // compact, with one of the vocabulary's prefixes: "schema:agent"
  RdfValueType type;
  bool multiple = false;  // may have several values; JSON-LD then always writes an array
};

class RdfVocabulary {
 public:
  explicit RdfVocabulary(const EventGraph& graph);
  RdfVocabulary(const RdfVocabulary&) = delete;
  RdfVocabulary& operator=(const RdfVocabulary&) = delete;

  // (prefix, namespace IRI), in context order.
  const std::vector<std::pair<std::string, std::string>>& prefixes() const { return prefixes_; }
  // Every term, fixed ones first, then relation terms in order of first use; in context order.
  const std::vector<RdfTerm>& terms() const { return terms_; }
  // The term named name; it must exist.
  const RdfTerm& Term(std::string_view name) const;
  // The term of a relation that has an edge in the graph.
  const RdfTerm& RelationTerm(const std::string& relation) const;
  // "schema:agent" -> "https://schema.org/agent"; an IRI without a known prefix is returned as it is.
  std::string Expand(std::string_view compact) const;

 private:
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<RdfTerm> terms_;
  std::map<std::string, size_t, std::less<>> by_name_;
  std::map<std::string, size_t> by_relation_;
};

struct RdfStatement {
  const RdfTerm* term;
  std::string value;
};

struct RdfResource {
  std::string id;
  const RdfTerm* type = nullptr;  // a class term
  std::vector<RdfStatement> statements;
};

// The IRI of every event (iri.h EventIri), indexed like EventGraph::events().
std::vector<std::string> EventIris(const EventGraph& graph);

// The IRI of the run's named graph: RunIri() of a hash of every document id and event.
std::string RunGraphIri(const EventGraph& graph);

// Calls emit once per resource, in the order described above. The resource passed is reused: copy
// what must outlive the call.
void ForEachRdfResource(const ExportView& view, const RdfVocabulary& vocabulary,
                        const std::function<void(const RdfResource&)>& emit);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_RDF_RESOURCES_H_
