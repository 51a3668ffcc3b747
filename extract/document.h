// The document model: one news document and everything the extraction stages add to it.
//
// A Document owns its text. Every later stage refers into that text by byte offsets (Span), so tokens,
// sentences and mentions cost a few integers each and never copy a string. The stages run in order and
// each fills one vector:
//
//   Tokenize()            -> tokens, sentences        (extract/tokenizer.h)
//   Gazetteer::Annotate() -> mentions                 (extract/gazetteer.h)
//   RulePack::Apply()     -> events                   (extract/rule_pack.h)
//
// Entities and rules are owned by their packs (Gazetteer, RulePack); a Document only points at them, so
// the packs must outlive every Document annotated with them. A Document is a plain value: not thread-safe
// to mutate from two threads, safe to read from many.
#ifndef EVENTGRAPH_EXTRACT_DOCUMENT_H_
#define EVENTGRAPH_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eg {

// Half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with inner apostrophes or dots ("O'Brien", "U.S.")
  kNumber,       // digits with inner separators ("1,000", "3.5")
  kPossessive,   // "'s", "’s" or a lone "'" / "’" closing a plural possessive
  kPunctuation,  // everything else that is not white space, one code point per token
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;                 // from the first token's begin to the last token's end
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
};

// What a gazetteer entity is. The letters are what rule patterns see (see rule_pack.h).
enum class EntityType : uint8_t {
  kPerson,        // P
  kOrganization,  // O  (governments, ministries, the UN, companies)
  kGroup,         // G  (armed and political groups)
  kCountry,       // C
  kCity,          // T
  kRegion,        // R  (provinces, rivers, areas)
  kLandmark,      // L  (buildings that stand for a government: the Kremlin, the White House)
  kPlace,         // X  (any other location)
};
// Rule patterns see one more letter, K, for a place that stands for an actor (a capital, the Kremlin):
// it fills ACTOR slots as the actor and PLACE slots as the place. See rule_pack.h.

std::string_view EntityTypeName(EntityType type);  // "PERSON", "ORGANIZATION", ...
char EntityTypeLetter(EntityType type);            // 'P', 'O', ...
// Parses an upper-case type name; returns false for an unknown name.
bool ParseEntityType(std::string_view name, EntityType* type);

// A dated role: "Secretary of State" of country:USA from 2013-02-01 to 2017-01-20.
struct Role {
  std::string title;
  std::string of;    // id of the country or organisation, or empty
  std::string from;  // YYYY-MM-DD or empty (open)
  std::string to;    // YYYY-MM-DD or empty (open)
};

// A canonical entity from a gazetteer. Owned by the Gazetteer that loaded it.
struct Entity {
  std::string id;     // stable, unique across all loaded packs; a valid XML NMTOKEN ("person:john_kerry")
  std::string label;  // display name ("John Kerry")
  EntityType type = EntityType::kPerson;
  std::string country;  // id of the country the entity belongs to, or empty
  // For landmarks: the id of the city an event "at" this landmark takes place in ("city:moscow").
  std::string located_in;
  // Set once the gazetteer has resolved located_in; null otherwise.
  const Entity* location = nullptr;
  std::string iso;  // ISO 3166-1 alpha-2, for countries
  std::vector<Role> roles;
  std::string demonym;  // the first demonym ("Russian"), for labels of combined actors ("Russian military")
  // For capitals and landmarks: the actor the place stands for as subject or object of an event ("Moscow
  // said" -> Russia). Null otherwise.
  const Entity* stands_for = nullptr;
  std::string stands_for_id;
  bool discovered = false;  // found in the text, not in a gazetteer (discovery.h)
};

// How a mention found its entity.
enum class MentionSource : uint8_t {
  kName,        // a gazetteer name, alias or demonym (with any title absorbed)
  kRole,        // a role at the document's date: "the Russian minister" -> Sergei Lavrov (coreference.h)
  kPronoun,     // "he", "she" with one candidate antecedent (coreference.h)
  kDiscovered,  // a name the gazetteer lacks, marked by a title or a cue (discovery.h)
};

// One occurrence of an entity in the text.
struct Mention {
  Span span;                // the text that names the entity, including an absorbed title
  uint32_t sentence = 0;    // index into Document::sentences
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  const Entity* entity = nullptr;  // never null
  bool adjectival = false;  // matched through a demonym ("Russian"), not a name
  MentionSource source = MentionSource::kName;
};

struct Rule;  // rule_pack.h

enum class Polarity : uint8_t { kPositive, kNegative };

// One argument of an event: the entity and the text that named it.
struct Argument {
  const Entity* entity = nullptr;
  Span span;
  explicit operator bool() const { return entity != nullptr; }
};

// One event: who did what to whom, where and when, found by one rule in one sentence.
struct Event {
  uint32_t sentence = 0;  // index into Document::sentences
  Span match;             // the bytes of the sentence the rule matched
  Argument subject;
  Argument object;        // may be empty for a rule without an object slot
  Argument location;      // may be empty
  const Rule* rule = nullptr;  // never null; owned by its RulePack
  std::string date;       // YYYY-MM-DD, or empty when unknown
  Polarity polarity = Polarity::kPositive;
  double confidence = 0.0;
};

struct Document {
  std::string id;      // unique within a run
  std::string source;  // where it came from, for messages ("seeds/000.txt", "news.jsonl:12")
  std::string text;    // valid UTF-8 (readers reject anything else)
  std::string date;    // YYYY-MM-DD when known, else empty
  std::string title;
  std::string url;

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;  // ordered by span.begin, never overlapping
  std::vector<Event> events;      // ordered by sentence, then by match position

  std::string_view Text(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }

  // Empties every field, as `*this = Document()` would, but keeps the memory of those that hold at most
  // kKeptBytes: a reader reads line after line into the same Document, and growing its vectors anew took
  // tens of allocations a document, freed on another thread than the one that made them (parallel.h). A
  // field added to Document must be cleared here too.
  void Clear();
  static constexpr size_t kKeptBytes = size_t{1} << 20;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_DOCUMENT_H_
