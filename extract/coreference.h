// Coreference: mentions of actors that the words referring to them do not name.
//
// Runs after the gazetteer (it needs doc->mentions) and before the rules, and adds mentions:
//
//   - Role phrases. A country or organisation (name, demonym or possessive) followed by a title and no name
//     is the person who held that role for it on the document's date: "the Russian minister", "Russia’s top
//     diplomat", "the U.S. state secretary". A title names a role when it equals the role's title or the
//     gazetteer says it means it ("top diplomat" means "Foreign Minister"). When several people fit, those the
//     document names elsewhere win; when that leaves more than one, or none, the phrase stays what it was.
//     Without a document date, every holder of the role ever fits.
//     "The foreign minister of Russia" is the same role phrase, its country after "of".
//   - Bare titles. "The" and a title with no country or name around it ("the chancellor", "the Foreign
//     Secretary") is the one person the document names elsewhere who held that role on its date; when
//     none or several did, nothing.
//   - Pronouns. "He" or "she" is the one person mentioned in the nearest sentence before it that mentions
//     people (looking back at most two sentences, and at the pronoun's own sentence before it); when that
//     sentence mentions two people or more, the pronoun stays unresolved.
//   - Ellipsis. "The Syrian government and opposition": "opposition" is the Syrian opposition
//     (ellipsis.h). Runs first, so that its mentions take part in everything below.
//   - The two parties. "The two sides", "both sides", "the two men", "both leaders" opening a clause
//     (after ",", ";", ":", "and", "but") in a sentence that names one person before it, and no other
//     actor before it, are the other party: the person the document names most often (by name or role)
//     besides that one, first named before the phrase, named at least twice and at least twice as often as
//     anyone else but the named one. "During the meeting with Lavrov, the two sides agreed" in an article
//     about Kerry reads "... Kerry agreed". One mention stands for one party only, so a sentence that
//     names neither party is left alone.
//
// The added mentions carry MentionSource::kRole (roles, bare titles, ellipsis) or kPronoun (pronouns, the
// two parties), so that events built on them can say how sure they are. Thread safety: Resolve() is const
// and may run on many documents at once.
#ifndef EVENTGRAPH_EXTRACT_COREFERENCE_H_
#define EVENTGRAPH_EXTRACT_COREFERENCE_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "extract/document.h"
#include "extract/gazetteer.h"

namespace eg {

class Coreference {
 public:
  // Indexes the roles of the gazetteer's people. The gazetteer must be finished and outlive this.
  explicit Coreference(const Gazetteer& gazetteer);

  void Resolve(Document* doc) const;
  // The same for a document whose tokens are folded already: folded.Assign(doc->text, doc->tokens).
  void Resolve(Document* doc, const FoldedTokens& folded) const;

 private:
  struct Holder {
    const Entity* person;
    const Role* role;
    std::string folded_title;
  };

  // The words that may start a bare title, a pronoun or a phrase of the two parties, in text order.
  enum class CueWord : uint8_t { kThe, kBoth, kPronoun };  // "the"; "both"; "he" or "she"; any case
  struct Cue {
    uint32_t token;
    uint32_t sentence;
    CueWord word;
  };
  static void FindCues(const Document& doc, std::vector<Cue>* cues);

  // named: the people the document names (MentionSource::kName), sorted, once each.
  void ResolveRoles(Document* doc, const std::vector<const Entity*>& named, const FoldedTokens& folded) const;
  void ResolveBareTitles(Document* doc, const std::vector<const Entity*>& named, const std::vector<Cue>& cues,
                         const FoldedTokens& folded) const;
  void ResolvePronouns(Document* doc, const std::vector<Cue>& cues) const;
  void ResolveTwoParties(Document* doc, const std::vector<Cue>& cues) const;
  // The one person who held a role named by the title (titles() value) for country on date, or null.
  const Entity* HolderOf(uint32_t title, const Entity* country, const std::string& date,
                         const std::vector<const Entity*>& named) const;

  const Gazetteer& gazetteer_;
  std::unordered_map<const Entity*, std::vector<Holder>> holders_by_country_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_COREFERENCE_H_
