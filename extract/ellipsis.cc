#include "extract/ellipsis.h"

#include <string>

#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr uint32_t kMaxElidedWords = 3;

bool LowerWord(const Document& doc, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kWord && !StartsUpper(doc.Text(doc.tokens[t].span));
}

// The id of the country an actor belongs to: itself for a country, else its country (maybe empty).
const std::string& CountryOf(const Entity& entity) {
  return entity.type == EntityType::kCountry ? entity.id : entity.country;
}

}  // namespace

void FindEllipticalMentions(const Gazetteer& gazetteer, const Document& doc, std::vector<Mention>* added) {
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    const Entity& entity = *mention.entity;
    if (entity.type == EntityType::kPerson || mention.token_count < 2) continue;
    const std::string& country = CountryOf(entity);
    if (country.empty()) continue;
    // The modifier: the first word, and a possessive after it; the head: lower-case words only.
    const uint32_t first = mention.first_token;
    const uint32_t end = first + mention.token_count;
    if (!StartsUpper(doc.Text(doc.tokens[first].span))) continue;
    uint32_t head = first + 1;
    if (doc.tokens[head].kind == TokenKind::kPossessive) ++head;
    if (head == end) continue;
    bool common_head = true;
    for (uint32_t t = head; t < end && common_head; ++t) common_head = LowerWord(doc, t);
    if (!common_head) continue;
    // "and", then lower-case words up to the next mention or the end of the sentence.
    const Sentence& sentence = doc.sentences[mention.sentence];
    uint32_t limit = sentence.first_token + sentence.token_count;
    if (m + 1 < doc.mentions.size() && doc.mentions[m + 1].sentence == mention.sentence) {
      limit = doc.mentions[m + 1].first_token;
    }
    if (end + 1 >= limit || doc.Text(doc.tokens[end].span) != "and") continue;
    uint32_t words = 0;
    while (words < kMaxElidedWords && end + 1 + words < limit && LowerWord(doc, end + 1 + words)) ++words;
    if (words == 0) continue;
    // The full phrase, as the writer left it out: the modifier, then the words.
    Document phrase;
    const Span modifier{doc.tokens[first].span.begin, doc.tokens[head - 1].span.end};
    const Span elided{doc.tokens[end + 1].span.begin, doc.tokens[end + words].span.end};
    phrase.text.reserve(modifier.size() + 1 + elided.size());
    phrase.text.append(doc.Text(modifier)).append(" ").append(doc.Text(elided));
    Tokenize(&phrase);
    gazetteer.Annotate(&phrase);
    const uint32_t modifier_tokens = head - first;
    if (phrase.mentions.empty() || phrase.tokens.size() != modifier_tokens + words) continue;
    const Mention& full = phrase.mentions.front();
    if (full.first_token != 0 || full.token_count <= modifier_tokens) continue;
    const Entity* found = full.entity;
    if (found == &entity || found->type == EntityType::kPerson || CountryOf(*found) != country) continue;
    Mention noun;
    noun.first_token = end + 1;
    noun.token_count = full.token_count - modifier_tokens;
    // "Indonesia's parliament and officials of a state company": the noun has an owner of its own.
    const uint32_t after = noun.first_token + noun.token_count;
    if (after < limit && doc.Text(doc.tokens[after].span) == "of") continue;
    noun.span = {doc.tokens[noun.first_token].span.begin, doc.tokens[noun.first_token + noun.token_count - 1].span.end};
    noun.sentence = mention.sentence;
    noun.entity = found;
    noun.source = MentionSource::kRole;
    added->push_back(noun);
  }
}

}  // namespace eg
