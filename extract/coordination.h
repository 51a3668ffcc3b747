// Coordination: the mentions listed together with one mention ("Britain, France and Germany").
//
// When a rule captures one member of a list as its subject or object, the event holds for every member:
// "Britain and France urged Russia …" is two events, "talks with the foreign ministers of Iran, Saudi
// Arabia, Turkey, Qatar" four. A list is mentions of the same entity type joined by ",", "and", "or",
// ", and", ", or", with nothing else between them, and either a conjunction before its last member or at
// least three members; an apposition ("Lavrov, Russia’s foreign minister,") is not a list because its
// members differ in type or, after coreference, are the same entity.
#ifndef EVENTGRAPH_EXTRACT_COORDINATION_H_
#define EVENTGRAPH_EXTRACT_COORDINATION_H_

#include <cstddef>
#include <vector>

#include "extract/document.h"

namespace eg {

// Stores in *members the indices (into doc.mentions, in text order) of the list that mention m belongs
// to, m included; just m when it is in no list.
void CoordinatedMentions(const Document& doc, size_t m, std::vector<size_t>* members);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_COORDINATION_H_
