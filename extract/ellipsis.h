// Ellipsis: the actor a coordinated common noun names when the modifier it shares is written only once.
//
// In "the Syrian government and opposition" the second noun phrase is "(the Syrian) opposition": the
// demonym and the determiner are left out of it. FindEllipticalMentions finds such nouns and gives them
// the entity the gazetteer finds for the full phrase:
//
//   - A mention M of a country, an organisation or a group (not a person) whose text is a modifier (its
//     first word, with a possessive "’s" after it) and a head of lower-case words only: "Syrian
//     government", "Russia’s army", "U.S. military". Proper names ("Syrian Democratic Forces") have
//     capitalised heads and share nothing.
//   - Right after M: "and", then one to three lower-case words (no determiner: "the Syrian government and
//     the opposition" is left alone, since "the opposition" may be anyone's) that no mention covers and
//     no "of" follows ("Indonesia's parliament and officials of a state company").
//   - The gazetteer, run on the modifier and those words ("Syrian opposition ..."), finds a mention that
//     starts at the modifier and ends on one of the words; its entity differs from M's and belongs to M's
//     country (the country itself when M names a country, else M's country). That entity is the actor,
//     its mention the words it covered ("opposition").
//
// The gazetteer only runs where the pattern holds, so the cost stays linear in the mentions. The added
// mentions carry MentionSource::kRole: found through context, not by name. Thread safety: pure.
#ifndef EVENTGRAPH_EXTRACT_ELLIPSIS_H_
#define EVENTGRAPH_EXTRACT_ELLIPSIS_H_

#include <vector>

#include "extract/document.h"
#include "extract/gazetteer.h"

namespace eg {

// Appends to *added, in text order, the elliptical mentions of doc (whose mentions must be in text
// order). The gazetteer must be finished.
void FindEllipticalMentions(const Gazetteer& gazetteer, const Document& doc, std::vector<Mention>* added);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_ELLIPSIS_H_
