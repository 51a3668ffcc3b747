#include "extract/discovery.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr uint32_t kMinNameWords = 2;
constexpr uint32_t kMaxNameWords = 4;
constexpr size_t kExamples = 3;

bool IsParticle(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kParticles = {
      "al", "el", "bin", "ibn", "abu", "ben", "bint", "de", "da", "das", "do", "dos", "di", "du",
      "del", "della", "van", "von", "der", "den", "la", "le"};
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

// Words that start with a capital but do not start a name after a title: "President Said", "Minister On".
bool IsFunctionWord(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "the", "a", "an", "and", "or", "but", "on", "in", "at", "of", "for", "to", "said", "says", "has", "is"};
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return EqualsIgnoreCase(word, w); });
}

// Text in capitals only ("PRESIDENT OF THE CHAMBER") is a heading or a shout: no names are found in it.
bool IsAllCaps(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// The country an entity before a title gives the person: a country itself, the country of an
// organisation, or the actor a landmark stands for.
std::string CountryOf(const Entity& cue) {
  if (cue.type == EntityType::kCountry) return cue.id;
  if (cue.stands_for && cue.stands_for->type == EntityType::kCountry) return cue.stands_for->id;
  return cue.country;
}

// Finds the name after a title: returns its token count (0 when there is none). Stops at limit and at
// another title ("Chief Cabinet Secretary Hiroshige Seko": the name follows the last title).
uint32_t NameLength(const Document& doc, const TokenTrie& titles, const FoldedTokens& folded, uint32_t first,
                    uint32_t limit) {
  uint32_t words = 0, end = first;
  for (uint32_t t = first; t < limit && words < kMaxNameWords; ++t) {
    const Token& token = doc.tokens[t];
    std::string_view text = doc.Text(token.span);
    uint32_t title_length = 0;
    if (titles.LongestMatch(folded, t, limit, &title_length) != TokenTrie::kNoValue) break;
    if (token.kind == TokenKind::kWord && StartsUpper(text) && !IsFunctionWord(text) &&
        !(IsAllCaps(text) && text.size() > 1)) {
      ++words;
      end = t + 1;
      // A middle initial: "Adam B. Schiff".
      if (text.size() == 1 && t + 1 < limit && doc.Text(doc.tokens[t + 1].span) == "." &&
          doc.tokens[t + 1].span.begin == token.span.end) {
        --words;
        ++t;
      }
      continue;
    }
    // Particles and hyphens join words but never end a name: "al-Baghdadi", "de Mistura".
    const bool joins = (token.kind == TokenKind::kWord && IsParticle(text) && words > 0) ||
                       (text == "-" && words > 0 && token.span.begin == doc.tokens[t - 1].span.end);
    if (!joins) break;
  }
  return words >= kMinNameWords ? end - first : 0;
}

// Transliterates UTF-8 text to ASCII ("Çavuşoğlu" -> "Cavusoglu", "Лавров" -> "Lavrov"). The ICU
// transliterator costs ~20 ms to make, so it is made on the first name that needs it.
std::string ToAscii(std::string_view name) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (to_ascii) to_ascii->transliterate(text);
  }
  std::string ascii;
  text.toUTF8String(ascii);
  return ascii;
}

}  // namespace

std::string NameSlug(std::string_view name) {
  const bool is_ascii =
      std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string ascii = is_ascii ? std::string(name) : ToAscii(name);
  std::string slug;
  for (char c : ascii) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c + 32);
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug.empty() ? "unnamed" : slug;
}

Discovery::Discovery(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

std::string Discovery::IdOf(std::string_view name) { return "person:" + NameSlug(name); }

const Entity* Discovery::Intern(const std::string& id, const std::string& name, const std::string& country,
                                const std::string& title) const {
  if (const Entity* known = gazetteer_.Find(id)) return known;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_id_.find(id);
  if (it != by_id_.end()) return it->second.entity;
  Entity& entity = entities_.emplace_back();
  entity.id = id;
  entity.label = name;
  entity.type = EntityType::kPerson;
  entity.country = country;
  entity.discovered = true;
  by_id_.emplace(id, Discovered{&entity, title, 0, {}});
  return &entity;
}

void Discovery::Record(const Entity* entity, std::string_view sentence) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_id_.find(entity->id);
  if (it == by_id_.end()) return;  // a gazetteer entity
  ++it->second.mentions;
  if (it->second.examples.size() < kExamples) it->second.examples.emplace_back(sentence);
}

const Entity* Discovery::Intern(const std::string& name, const std::string& country, const std::string& title,
                                Stage* stage) const {
  std::string id = IdOf(name);
  if (!stage) return Intern(id, name, country, title);
  const Entity* entity = gazetteer_.Find(id);
  if (!entity) {
    for (const Entity& local : stage->entities) {
      if (local.id == id) entity = &local;
    }
  }
  if (!entity) {
    Entity& made = stage->entities.emplace_back();
    made.id = id;
    made.label = name;
    made.type = EntityType::kPerson;
    made.country = country;
    made.discovered = true;
    entity = &made;
  }
  stage->sightings.push_back({entity, true, std::move(id), name, country, title, {}});
  return entity;
}

void Discovery::Record(const Entity* entity, std::string_view sentence, Stage* stage) const {
  if (!stage) return Record(entity, sentence);
  stage->sightings.push_back({entity, false, {}, {}, {}, {}, sentence});
}

void Discovery::Commit(Document* doc, Stage* stage) const {
  std::vector<std::pair<const Entity*, const Entity*>> shared;  // (stage entity, registry entity)
  auto map = [&](const Entity* entity) {
    for (const auto& [local, global] : shared) {
      if (local == entity) return global;
    }
    return entity;
  };
  for (const Stage::Sighting& sighting : stage->sightings) {
    if (sighting.interned) {
      const Entity* global = Intern(sighting.id, sighting.name, sighting.country, sighting.title);
      if (map(sighting.entity) == sighting.entity) shared.emplace_back(sighting.entity, global);
    } else {
      Record(map(sighting.entity), sighting.sentence);
    }
  }
  if (!shared.empty()) {
    for (Mention& mention : doc->mentions) mention.entity = map(mention.entity);
    for (Event& event : doc->events) {
      for (Argument* argument : {&event.subject, &event.object, &event.location}) {
        if (argument->entity) argument->entity = map(argument->entity);
      }
    }
  }
  stage->entities.clear();
  stage->sightings.clear();
}

void Discovery::Discover(Document* doc) const { Discover(doc, nullptr); }

void Discovery::Discover(Document* doc, Stage* stage) const {
  thread_local FoldedTokens folded;
  folded.Assign(doc->text, doc->tokens);
  Discover(doc, stage, folded);
}

void Discovery::Discover(Document* doc, Stage* stage, const FoldedTokens& folded) const {
  const TokenTrie& titles = gazetteer_.titles();
  std::vector<Mention> found;
  // Tokens covered by a mention, so that discovery never overlaps one.
  std::vector<bool> covered(doc->tokens.size(), false);
  for (const Mention& m : doc->mentions) {
    for (uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t) covered[t] = true;
  }
  size_t next_mention = 0;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sentence = doc->sentences[s];
    const uint32_t limit = sentence.first_token + sentence.token_count;
    for (uint32_t t = sentence.first_token; t < limit; ++t) {
      if (covered[t]) continue;
      uint32_t title_length = 0;
      if (titles.LongestMatch(folded, t, limit, &title_length) == TokenTrie::kNoValue) continue;
      // next_mention moves on only here, at the few tokens that start a title.
      while (next_mention < doc->mentions.size() && doc->mentions[next_mention].first_token < t) ++next_mention;
      const uint32_t name_first = t + title_length;
      uint32_t name_limit = limit;
      for (uint32_t k = name_first; k < limit; ++k) {
        if (covered[k]) {
          name_limit = k;
          break;
        }
      }
      if (IsAllCaps(doc->Text(doc->tokens[t].span))) continue;  // a heading in capitals
      const uint32_t name_length = NameLength(*doc, titles, folded, name_first, name_limit);
      if (name_length == 0) continue;
      // The cue: a country or organisation mention that ends right before the title (after an optional 's).
      std::string country;
      if (next_mention > 0) {
        const Mention& before = doc->mentions[next_mention - 1];
        uint32_t end = before.first_token + before.token_count;
        if (end < t && doc->tokens[end].kind == TokenKind::kPossessive) ++end;
        if (end == t && before.sentence == s) country = CountryOf(*before.entity);
      }
      const Span title_span{doc->tokens[t].span.begin, doc->tokens[name_first - 1].span.end};
      const Span name_span{doc->tokens[name_first].span.begin, doc->tokens[name_first + name_length - 1].span.end};
      const Entity* person =
          Intern(std::string(doc->Text(name_span)), country, std::string(doc->Text(title_span)), stage);
      Mention mention;
      mention.span = {title_span.begin, name_span.end};
      mention.sentence = s;
      mention.first_token = t;
      mention.token_count = title_length + name_length;
      mention.entity = person;
      mention.source = person->discovered ? MentionSource::kDiscovered : MentionSource::kName;
      found.push_back(mention);
      for (uint32_t k = t; k < name_first + name_length; ++k) covered[k] = true;
      Record(person, doc->Text(sentence.span), stage);
      t = name_first + name_length - 1;
    }
  }
  if (found.empty()) return;
  // Later in the document the surname alone, or the full name, mentions the same person.
  for (size_t f = 0, n = found.size(); f < n; ++f) {
    const Mention first = found[f];  // a copy: found grows below
    const uint32_t last_token = first.first_token + first.token_count - 1;
    const std::string_view surname = doc->Text(doc->tokens[last_token].span);
    for (uint32_t t = last_token + 1; t < doc->tokens.size(); ++t) {
      if (covered[t] || doc->Text(doc->tokens[t].span) != surname) continue;
      Mention again;
      again.span = doc->tokens[t].span;
      again.first_token = t;
      again.token_count = 1;
      again.entity = first.entity;
      again.source = first.source;
      // The sentence of token t.
      again.sentence = static_cast<uint32_t>(
          std::upper_bound(doc->sentences.begin(), doc->sentences.end(), t,
                           [](uint32_t token, const Sentence& s) { return token < s.first_token; }) -
          doc->sentences.begin() - 1);
      // Take the given names before the surname too, when they are the discovered ones.
      const std::string_view label = first.entity->label;
      while (again.first_token > 0 && !covered[again.first_token - 1]) {
        const Span before = doc->tokens[again.first_token - 1].span;
        const std::string_view text = doc->text;
        const size_t candidate_begin = before.begin;
        const std::string_view tail = text.substr(candidate_begin, again.span.end - candidate_begin);
        if (!label.ends_with(tail)) break;
        --again.first_token;
        ++again.token_count;
        again.span.begin = before.begin;
      }
      for (uint32_t k = again.first_token; k <= t; ++k) covered[k] = true;
      found.push_back(again);
      Record(first.entity, doc->Text(doc->sentences[again.sentence].span), stage);
    }
  }
  std::vector<Mention> merged;
  merged.reserve(doc->mentions.size() + found.size());
  std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  std::merge(doc->mentions.begin(), doc->mentions.end(), found.begin(), found.end(), std::back_inserter(merged),
             [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  doc->mentions = std::move(merged);
}

std::vector<Discovered> Discovery::Report() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Discovered> out;
  for (const auto& [id, discovered] : by_id_) out.push_back(discovered);
  std::sort(out.begin(), out.end(), [](const Discovered& a, const Discovered& b) {
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.entity->id < b.entity->id;
  });
  return out;
}

}  // namespace eg
