// The IRIs and names the JSON-LD writer mints. Internal to export/.
//
// Everything lives under urn:eventgraph: so no real-looking domain is invented:
//   entity    urn:eventgraph:entity:<entity id>
//   document  urn:eventgraph:doc:<document id>
//   sentence  urn:eventgraph:doc:<document id>#sentence-<index>
//   event     urn:eventgraph:doc:<document id>#event-<n>, the document's n-th event (from 0)
//   relationship urn:eventgraph:rel:<source entity id>/<relation term>/<target entity id>
//   run       urn:eventgraph:run:<16 hex digits>, the named graph of one run
//   vocabulary urn:eventgraph:vocab:<term>  (prefix "eg")
// Entity, document, sentence, event and relationship IRIs depend only on the input, not on the order or
// company of other documents, so the graphs of several runs merge in one store. The run IRI hashes
// every document id and event, so two runs over different inputs get different graph names.
// Ids are percent-encoded: only ASCII letters, digits and - . _ ~ : are kept as they are.
#ifndef EVENTGRAPH_EXPORT_IRI_H_
#define EVENTGRAPH_EXPORT_IRI_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eg {

inline constexpr std::string_view kVocabularyIri = "urn:eventgraph:vocab:";

std::string PercentEncode(std::string_view text);
std::string EntityIri(std::string_view entity_id);
std::string EventIri(std::string_view doc_id, size_t n);
std::string RelationshipIri(std::string_view source_id, std::string_view relation_term,
                            std::string_view target_id);
// hash: any 64-bit value; written as 16 lower-case hex digits.
std::string RunIri(uint64_t hash);
std::string DocumentIri(std::string_view doc_id);
std::string SentenceIri(std::string_view doc_id, uint32_t sentence);

// A relation name as a JSON-LD term and vocabulary local name: ASCII letters and digits, lower case,
// every other run of bytes one '_' ("met with" -> "met_with"); "related" when nothing is left.
std::string RelationSlug(std::string_view relation);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_IRI_H_
