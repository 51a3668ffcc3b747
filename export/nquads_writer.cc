// WriteNQuads (export.h): the RDF of the JSON-LD export as N-Quads, written statement by statement.
//
// Each resource of rdf_resources.h becomes an rdf:type quad and one quad per statement, all in the run's
// named graph. Terms follow the N-Quads grammar (W3C RDF 1.1 N-Quads): IRIs in <...> with every character
// IRIREF excludes (controls, space, < > " { } | ^ ` \) percent-encoded, literals in "..." with " and line
// breaks and tab escaped as ECHAR, backslash and other control characters as \uXXXX, typed literals with
// ^^<datatype>
// (plain strings are xsd:string and written without one, as JSON-LD processors emit them).
#include <string>

#include "export/export.h"
#include "export/rdf_resources.h"

namespace eg {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

void AppendIri(std::string_view iri, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('<');
  for (char c : iri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      out->push_back('%');
      out->push_back(kHex[byte >> 4]);
      out->push_back(kHex[byte & 0xF]);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('>');
}

void AppendLiteral(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out->append("\\\""); break;
      // \u005C rather than the ECHAR \\: rdflib 6 (Debian 12) unescapes "\\b" and "\\n" in two passes
      // and turns them into a backslash and a control character. Both forms are valid N-Quads.
      case '\\': out->append("\\u005C"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[(c >> 4) & 0xF]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

const char* Datatype(RdfValueType type) {
  switch (type) {
    case RdfValueType::kDate: return "http://www.w3.org/2001/XMLSchema#date";
    case RdfValueType::kInteger: return "http://www.w3.org/2001/XMLSchema#integer";
    case RdfValueType::kDouble: return "http://www.w3.org/2001/XMLSchema#double";
    case RdfValueType::kBoolean: return "http://www.w3.org/2001/XMLSchema#boolean";
    case RdfValueType::kClass:
    case RdfValueType::kString:
    case RdfValueType::kIri: return nullptr;
  }
  return nullptr;
}

}  // namespace

void WriteNQuads(const ExportView& view, std::ostream& out) {
  RequireEvents(view, "N-Quads");
  const RdfVocabulary vocabulary(view.graph());
  std::string graph_term;
  AppendIri(RunGraphIri(view.graph()), &graph_term);
  // Expanded IRIs of every term, as N-Quads terms, computed once.
  std::vector<std::string> predicates;
  for (const RdfTerm& term : vocabulary.terms()) {
    predicates.emplace_back();
    AppendIri(vocabulary.Expand(term.iri), &predicates.back());
  }
  auto predicate = [&](const RdfTerm* term) -> const std::string& {
    return predicates[static_cast<size_t>(term - vocabulary.terms().data())];
  };
  std::string rdf_type;
  AppendIri(kRdfType, &rdf_type);

  std::string buffer;
  ForEachRdfResource(view, vocabulary, [&](const RdfResource& resource) {
    std::string subject;
    AppendIri(resource.id, &subject);
    buffer.append(subject).append(" ").append(rdf_type).append(" ").append(predicate(resource.type));
    buffer.append(" ").append(graph_term).append(" .\n");
    for (const RdfStatement& statement : resource.statements) {
      buffer.append(subject).append(" ").append(predicate(statement.term)).append(" ");
      if (statement.term->type == RdfValueType::kIri) {
        AppendIri(statement.value, &buffer);
      } else {
        AppendLiteral(statement.value, &buffer);
        if (const char* datatype = Datatype(statement.term->type)) {
          buffer.append("^^");
          AppendIri(datatype, &buffer);
        }
      }
      buffer.append(" ").append(graph_term).append(" .\n");
    }
    if (buffer.size() >= (1 << 20)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  });
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace eg
