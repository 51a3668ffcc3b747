// Gazetteer: the entities a run knows about, and the stage that finds their mentions in a document.
//
// A gazetteer is built from one or more packs (JSON, validated by schemas/gazetteer.schema.json), then
// frozen with Finish(). Finding mentions is a longest match over tokens with a token trie keyed by
// case-folded tokens, so the cost per token does not grow with the number of aliases:
//
//   - An alias matches its tokens, compared after case folding, except a case-exact alias, which must
//     match letter for letter. Aliases written in capitals only ("US", "IS", "UK") are case-exact unless
//     the pack says otherwise, so "us" and "is" never match.
//   - Demonyms match like aliases and mark the mention adjectival: "Russian" -> Russia.
//   - A possessive is its own token, so "Russia’s" and "Assad’s" mention Russia and Assad.
//   - Titles absorb into the person after them: in "Russian Foreign Minister Sergei Lavrov" and
//     "Russia’s President Vladimir Putin" the mention is the whole phrase and its entity the person; the
//     country mention inside it is dropped, so it is not taken for a second actor.
//   - Agents combine with the country before them: "Russian military", "Syria’s opposition", "Turkish
//     foreign ministry" mention one actor each, `country:RUS.military` labelled "Russian military", made
//     for every country and agent when the gazetteer is finished.
//   - When two entities share an alias, the one added last wins, so a user's pack overrides the defaults.
//
// Entities are owned by the Gazetteer and never move: Entity pointers stay valid for its lifetime, and it
// must outlive every Document annotated with it. After Finish() all const methods are thread-safe.
#ifndef EVENTGRAPH_EXTRACT_GAZETTEER_H_
#define EVENTGRAPH_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/document.h"
#include "extract/entity_index.h"
#include "extract/token_trie.h"

namespace eg {

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Adds the entities and titles of one pack. file names the pack in error messages. An id defined twice
  // in one pack is an error; an id already defined by an earlier pack is extended: the later label and
  // type win and the aliases add up. Throws InputError. Must not be called after Finish(). schema_checked
  // skips the JSON Schema check, for the embedded packs (a test checks them).
  void AddPack(std::string_view json, const std::string& file, bool schema_checked = false);

  // Resolves references between entities (country, located_in, stands_for) and makes the combined
  // country-agent actors. Throws InputError naming the pack, line and field of a reference to an unknown
  // id.
  void Finish();

  // Fills doc->mentions from doc->tokens and doc->sentences. Requires Finish(). Cost: each token is
  // folded and hashed once (FoldedTokens), then each trie lookup costs two probes per token walked.
  void Annotate(Document* doc) const;
  // The same, with doc's tokens folded by the caller (folded.Assign(doc->text, doc->tokens)), so that the
  // stages after it (discovery) look tokens up without folding them again.
  void Annotate(Document* doc, const FoldedTokens& folded) const;

  // The entity with this id, or null.
  const Entity* Find(std::string_view id) const;

  size_t entity_count() const { return entities_.size(); }
  size_t alias_count() const { return alias_count_; }
  size_t title_count() const { return title_count_; }
  size_t agent_count() const { return agents_.size(); }

  // Titles and honorifics ("Foreign Minister", "Mr"), for stages that look for role phrases.
  const TokenTrie& titles() const { return titles_; }
  // The role titles, case-folded, that the title with this titles() value names: itself and what the
  // pack says it means ("top diplomat" -> "foreign minister", "secretary of state").
  const std::vector<std::string>& TitleMeanings(uint32_t value) const { return title_meanings_[value]; }

  // Every entity, in the order packs defined them (combined country-agent actors last).
  const std::deque<Entity>& entities() const { return entities_; }

 private:
  // What an alias names. The candidates of one trie value form a chain, the last added first, so that
  // a later pack's entity wins; one flat vector holds every chain (no allocation per alias).
  struct Candidate {
    const Entity* entity;
    uint32_t next;              // the candidate of the same value added before this one, or kNoCandidate
    uint32_t tokens_begin = 0;  // for exact candidates: the alias tokens joined by '\x1f', in exact_tokens_
    uint32_t tokens_length = 0;
    bool exact;       // compare the original text, not the folded form
    bool adjectival;  // a demonym
  };
  static constexpr uint32_t kNoCandidate = UINT32_MAX;
  struct PendingReference {
    Entity* entity;
    std::string file;
    // The pack's text, kept until Finish() so that the line of a bad reference is looked up only when it
    // is reported: a lookup per reference re-parses the pack and made loading quadratic in its size.
    std::shared_ptr<const std::string> json;
    std::string field;
  };

  void AddAlias(Entity* entity, std::string_view alias, bool exact, bool adjectival);
  std::string_view ExactTokens(const Candidate& candidate) const {
    return std::string_view(exact_tokens_).substr(candidate.tokens_begin, candidate.tokens_length);
  }
  bool CandidateMatches(const Candidate& candidate, const Document& doc, uint32_t first,
                        uint32_t count) const;
  struct Agent {
    std::string id, label;
    EntityType type;
    // The combined actor of each country, made by Finish().
    std::unordered_map<const Entity*, const Entity*> by_country;
  };

  // folded: doc's tokens, folded (token_trie.h).
  void AbsorbTitles(Document* doc, const FoldedTokens& folded) const;  // gazetteer_phrases.cc
  void MergeAgents(Document* doc, const FoldedTokens& folded) const;   // gazetteer_phrases.cc
  void MakeCombinedActors();

  static constexpr uint32_t kNoPack = UINT32_MAX;  // EntityIndex tag of the actors Finish() makes

  std::deque<Entity> entities_;
  EntityIndex by_id_;  // tag: the AddPack call that last defined the entity, to catch an id twice in a pack
  TokenTrie names_;
  std::vector<Candidate> candidates_;
  std::vector<uint32_t> first_candidate_;  // indexed by TokenTrie value: the head of its chain
  std::string exact_tokens_;               // Candidate::tokens_begin indexes it
  TokenTrie titles_;
  std::vector<std::vector<std::string>> title_meanings_;  // indexed by titles_ value
  std::vector<Agent> agents_;
  TokenTrie agent_names_;
  std::vector<std::vector<size_t>> agent_candidates_;  // indexed by TokenTrie value: indices into agents_
  std::vector<PendingReference> references_;
  size_t alias_count_ = 0;
  size_t title_count_ = 0;
  uint32_t pack_count_ = 0;
  bool finished_ = false;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_GAZETTEER_H_
