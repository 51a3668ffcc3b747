// WriteJsonLd (export.h): the graph as one JSON-LD 1.1 document for RDF stores.
//
// Shape: {"@context": {...}, "@id": <run graph IRI>, "@graph": [resources]}, the resources of
// rdf_resources.h in their order. Every key in the output is a term of the inline context (processors in
// safe mode reject undefined terms). Every value is a JSON string: the context types it (@id, or an
// xsd: datatype), so the literal's lexical form is exactly the text written, as in the N-Quads.
#include <string>
#include <vector>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "export/export.h"
#include "export/rdf_resources.h"

namespace eg {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void String(JsonWriter* writer, std::string_view text) {
  writer->String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void Member(JsonWriter* writer, std::string_view key, std::string_view value) {
  writer->Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  String(writer, value);
}

// The @type a context entry gives a term's values, or null for plain strings and classes.
const char* ContextType(RdfValueType type) {
  switch (type) {
    case RdfValueType::kIri: return "@id";
    case RdfValueType::kDate: return "xsd:date";
    case RdfValueType::kInteger: return "xsd:integer";
    case RdfValueType::kDouble: return "xsd:double";
    case RdfValueType::kBoolean: return "xsd:boolean";
    case RdfValueType::kClass:
    case RdfValueType::kString: return nullptr;
  }
  return nullptr;
}

void WriteContext(const RdfVocabulary& vocabulary, JsonWriter* writer) {
  writer->Key("@context");
  writer->StartObject();
  writer->Key("@version");
  writer->Double(1.1);
  for (const auto& [prefix, iri] : vocabulary.prefixes()) Member(writer, prefix, iri);
  for (const RdfTerm& term : vocabulary.terms()) {
    const char* type = ContextType(term.type);
    if (!type) {
      Member(writer, term.name, term.iri);
      continue;
    }
    writer->Key(term.name.data(), static_cast<rapidjson::SizeType>(term.name.size()));
    writer->StartObject();
    Member(writer, "@id", term.iri);
    Member(writer, "@type", type);
    writer->EndObject();
  }
  writer->EndObject();
}

// One node object; statements of one term are grouped, an array when there are several or the term is
// multi-valued (relation links, aliases, a relationship's events), so JSON readers see one shape.
void WriteResource(const RdfResource& resource, JsonWriter* writer) {
  writer->StartObject();
  Member(writer, "@id", resource.id);
  Member(writer, "@type", resource.type->name);
  const std::vector<RdfStatement>& statements = resource.statements;
  std::vector<bool> written(statements.size(), false);
  for (size_t i = 0; i < statements.size(); ++i) {
    if (written[i]) continue;
    const RdfTerm* term = statements[i].term;
    size_t count = 0;
    for (size_t j = i; j < statements.size(); ++j) count += statements[j].term == term;
    writer->Key(term->name.data(), static_cast<rapidjson::SizeType>(term->name.size()));
    const bool array = count > 1 || term->multiple;
    if (array) writer->StartArray();
    for (size_t j = i; j < statements.size(); ++j) {
      if (statements[j].term != term) continue;
      String(writer, statements[j].value);
      written[j] = true;
    }
    if (array) writer->EndArray();
  }
  writer->EndObject();
}

}  // namespace

void WriteJsonLd(const ExportView& view, std::ostream& out) {
  RequireEvents(view, "JSON-LD");
  const RdfVocabulary vocabulary(view.graph());
  rapidjson::OStreamWrapper stream(out);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 1);
  writer.StartObject();
  WriteContext(vocabulary, &writer);
  Member(&writer, "@id", RunGraphIri(view.graph()));
  writer.Key("@graph");
  writer.StartArray();
  ForEachRdfResource(view, vocabulary,
                     [&writer](const RdfResource& resource) { WriteResource(resource, &writer); });
  writer.EndArray();
  writer.EndObject();
  stream.Put('\n');
}

}  // namespace eg
