#include "export/iri.h"

namespace eg {
namespace {

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : text) {
    if (IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
      encoded.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4]);
      encoded.push_back(kHex[byte & 0xF]);
    }
  }
  return encoded;
}

std::string EntityIri(std::string_view entity_id) {
  return "urn:eventgraph:entity:" + PercentEncode(entity_id);
}

std::string EventIri(std::string_view doc_id, size_t n) {
  return DocumentIri(doc_id) + "#event-" + std::to_string(n);
}

std::string RelationshipIri(std::string_view source_id, std::string_view relation_term,
                            std::string_view target_id) {
  return "urn:eventgraph:rel:" + PercentEncode(source_id) + "/" + PercentEncode(relation_term) + "/" +
         PercentEncode(target_id);
}

std::string RunIri(uint64_t hash) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string iri = "urn:eventgraph:run:";
  for (int shift = 60; shift >= 0; shift -= 4) iri.push_back(kHex[(hash >> shift) & 0xF]);
  return iri;
}

std::string DocumentIri(std::string_view doc_id) { return "urn:eventgraph:doc:" + PercentEncode(doc_id); }

std::string SentenceIri(std::string_view doc_id, uint32_t sentence) {
  return DocumentIri(doc_id) + "#sentence-" + std::to_string(sentence);
}

std::string RelationSlug(std::string_view relation) {
  std::string slug;
  bool pending_separator = false;
  for (char c : relation) {
    if (!IsAsciiAlnum(c)) {
      pending_separator = !slug.empty();
      continue;
    }
    if (pending_separator) slug.push_back('_');
    pending_separator = false;
    slug.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return slug.empty() ? "related" : slug;
}

}  // namespace eg
