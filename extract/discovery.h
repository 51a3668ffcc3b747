// Discovery: people the gazetteer lacks, found because the text marks them with a title.
//
// "Turkish Foreign Minister Mevlut Cavusoglu", "Kremlin spokesman Dimitry Peskov", "armed forces Chief of
// Staff Valery Gerasimov": a title (gazetteer.h) followed by two to four capitalised words that are not a
// known name makes a discovered PERSON. Lower-case name particles (al, bin, de, van, von …) and hyphens may
// join the words ("Abu Bakr al-Baghdadi"). The country or organisation mention right before the title, if
// any, gives the person's country ("Turkish" -> country:TUR; the Kremlin -> the country it stands for or
// lies in). Later in the same document, the full name or the surname alone mentions the same person.
//
// A discovered entity's id is "person:" + the name in lower-case ASCII with '_' between words
// ("person:mevlut_cavusoglu"), so the entry `eventgraph suggest` prints can be pasted into a gazetteer and
// the graph keeps its node. When that id is a gazetteer entity already, the mention is of that entity.
//
// Discovered entities live as long as the Discovery that made them and are shared by every document of a
// run; Discover() is const and thread-safe (a mutex guards the registry). A discovered entity's label,
// country and title come from its first sighting, so they depend on the order of the documents: runs that
// process documents in parallel use the staged form, Discover(doc, stage) on any thread and then
// Commit(doc, stage) in input order, which gives every thread count the same entities.
#ifndef EVENTGRAPH_EXTRACT_DISCOVERY_H_
#define EVENTGRAPH_EXTRACT_DISCOVERY_H_

#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/document.h"
#include "extract/gazetteer.h"

namespace eg {

// What a run learned about one discovered entity: for `eventgraph suggest`.
struct Discovered {
  const Entity* entity;
  std::string title;             // the title that marked it first ("Foreign Minister")
  size_t mentions = 0;           // across all documents
  std::vector<std::string> examples;  // up to three sentences
};

class Discovery {
 public:
  // The gazetteer must be finished and outlive this.
  explicit Discovery(const Gazetteer& gazetteer);

  // Adds mentions of discovered people to doc. Requires doc->mentions from the gazetteer.
  void Discover(Document* doc) const;

  // What Discover(doc, stage) found in one document, until Commit(). Reusable across documents.
  struct Stage {
    struct Sighting {
      const Entity* entity;  // in entities, or a gazetteer entity
      bool interned;         // a name seen (id, name, country, title); else a mention recorded (sentence)
      std::string id, name, country, title;
      std::string_view sentence;  // in the document's text, which must not change before Commit()
    };
    std::deque<Entity> entities;  // the document's discovered people, one per id
    std::vector<Sighting> sightings;
  };

  // Like Discover(doc), but the people found are entities of *stage, seen by no other document.
  void Discover(Document* doc, Stage* stage) const;
  // The same, with doc's tokens folded by the caller (token_trie.h), as Gazetteer::Annotate takes them.
  void Discover(Document* doc, Stage* stage, const FoldedTokens& folded) const;
  // Makes the people of stage shared entities, as Discover(doc) would have, and points doc's mentions
  // and events at them; then clears stage. Call for the documents in input order.
  void Commit(Document* doc, Stage* stage) const;

  // Everything discovered so far, most mentioned first, then by id.
  std::vector<Discovered> Report() const;

 private:
  // The entity id of a discovered name: "person:" + NameSlug(name).
  static std::string IdOf(std::string_view name);
  // Returns the entity for a discovered name whose id is id, making it on first sight.
  const Entity* Intern(const std::string& id, const std::string& name, const std::string& country,
                       const std::string& title) const;
  void Record(const Entity* entity, std::string_view sentence) const;
  // Intern and Record into stage, or into the registry when stage is null.
  const Entity* Intern(const std::string& name, const std::string& country, const std::string& title,
                       Stage* stage) const;
  void Record(const Entity* entity, std::string_view sentence, Stage* stage) const;

  const Gazetteer& gazetteer_;
  mutable std::mutex mutex_;
  mutable std::deque<Entity> entities_;
  mutable std::unordered_map<std::string, Discovered> by_id_;
};

// "Mevlut Çavuşoğlu" -> "mevlut_cavusoglu": lower-case ASCII (transliterated), words joined by '_'.
std::string NameSlug(std::string_view name);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_DISCOVERY_H_
