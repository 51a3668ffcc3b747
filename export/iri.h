// The IRIs and names the JSON-LD writer mints. Internal to export/.
//
// Everything lives under urn:eventgraph: so no real-looking domain is invented:
//   entity    urn:eventgraph:entity:<entity id>
//   event     urn:eventgraph:event:<index in EventGraph::events()>
//   document  urn:eventgraph:doc:<document id>
//   sentence  urn:eventgraph:doc:<document id>#sentence-<index>
//   vocabulary urn:eventgraph:vocab:<term>  (prefix "eg")
// Ids are percent-encoded: only ASCII letters, digits and - . _ ~ : are kept as they are.
#ifndef EVENTGRAPH_EXPORT_IRI_H_
#define EVENTGRAPH_EXPORT_IRI_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eg {

inline constexpr std::string_view kGraphIri = "urn:eventgraph:graph";
inline constexpr std::string_view kVocabularyIri = "urn:eventgraph:vocab:";

std::string PercentEncode(std::string_view text);
std::string EntityIri(std::string_view entity_id);
std::string EventIri(size_t index);
std::string DocumentIri(std::string_view doc_id);
std::string SentenceIri(std::string_view doc_id, uint32_t sentence);

// A relation name as a JSON-LD term and vocabulary local name: ASCII letters and digits, lower case,
// every other run of bytes one '_' ("met with" -> "met_with"); "related" when nothing is left.
std::string RelationSlug(std::string_view relation);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_IRI_H_
