// The phrases a gazetteer builds around the mentions it found: titles before a person's name, and agents
// after a country ("Russian military"). See gazetteer.h.
#include <vector>

#include "extract/gazetteer.h"

namespace eg {

// For each country mention, extends it rightwards over an agent ("Russian" + "military", "Syria" + "’s"
// + "opposition") and makes it a mention of the combined actor.
void Gazetteer::MergeAgents(Document* doc, const FoldedTokens& folded) const {
  if (agents_.empty()) return;
  for (size_t m = 0; m < doc->mentions.size(); ++m) {
    Mention& mention = doc->mentions[m];
    if (mention.entity->type != EntityType::kCountry) continue;
    const Sentence& sentence = doc->sentences[mention.sentence];
    uint32_t start = mention.first_token + mention.token_count;
    uint32_t limit = sentence.first_token + sentence.token_count;
    if (m + 1 < doc->mentions.size() && doc->mentions[m + 1].sentence == mention.sentence) {
      limit = doc->mentions[m + 1].first_token;  // never swallow the next mention
    }
    if (start < limit && doc->tokens[start].kind == TokenKind::kPossessive) ++start;
    uint32_t length = 0;
    uint32_t value = agent_names_.LongestMatch(folded, start, limit, &length);
    if (value == TokenTrie::kNoValue) continue;
    const Agent& agent = agents_[agent_candidates_[value].back()];
    auto combined = agent.by_country.find(mention.entity);
    if (combined == agent.by_country.end()) continue;
    const uint32_t end = start + length;
    mention.entity = combined->second;
    mention.adjectival = false;
    mention.token_count = end - mention.first_token;
    mention.span.end = doc->tokens[end - 1].span.end;
  }
}

// For each person mention, extends it leftwards over titles ("Foreign Minister", "Mr") and, once a title
// was found, over a country or organisation before it ("Russian", "Russia’s", "U.S."), removing that
// mention.
void Gazetteer::AbsorbTitles(Document* doc, const FoldedTokens& folded) const {
  if (title_count_ == 0) return;
  constexpr uint32_t kMaxTitleTokens = 8;
  std::vector<bool> removed(doc->mentions.size(), false);
  for (size_t m = 0; m < doc->mentions.size(); ++m) {
    Mention& person = doc->mentions[m];
    if (person.entity->type != EntityType::kPerson) continue;
    const uint32_t sentence_first = doc->sentences[person.sentence].first_token;
    uint32_t start = person.first_token;
    bool absorbed = false;
    // Titles may stack: "Secretary of State", "Mr", "Deputy Foreign Minister".
    for (bool grew = true; grew;) {
      grew = false;
      uint32_t lowest = start > sentence_first + kMaxTitleTokens ? start - kMaxTitleTokens : sentence_first;
      for (uint32_t s = lowest; s < start; ++s) {
        uint32_t length = 0;
        if (titles_.LongestMatch(folded, s, start, &length) != TokenTrie::kNoValue &&
            s + length == start) {
          // Do not swallow a title that is part of another mention.
          bool inside_mention = m > 0 && !removed[m - 1] &&
                                doc->mentions[m - 1].first_token + doc->mentions[m - 1].token_count > s;
          if (inside_mention) continue;
          start = s;
          grew = absorbed = true;
          break;
        }
      }
      // A "." right after an honorific ("Mr.") belongs to it.
      if (!grew && start > sentence_first + 1 && doc->Text(doc->tokens[start - 1].span) == "." &&
          doc->tokens[start - 1].span.begin == doc->tokens[start - 2].span.end) {
        uint32_t length = 0;
        if (titles_.LongestMatch(folded, start - 2, start - 1, &length) !=
            TokenTrie::kNoValue) {
          start -= 2;
          grew = absorbed = true;
        }
      }
    }
    if (!absorbed) continue;
    // A country or organisation before the title: "Russian", "Russia’s", "U.S.", "Syrian government".
    if (m > 0 && !removed[m - 1]) {
      const Mention& before = doc->mentions[m - 1];
      const EntityType type = before.entity->type;
      uint32_t end = before.first_token + before.token_count;
      bool possessive = end < start && doc->tokens[end].kind == TokenKind::kPossessive;
      if (possessive) ++end;
      if (end == start && before.sentence == person.sentence &&
          (type == EntityType::kCountry || type == EntityType::kOrganization)) {
        start = before.first_token;
        removed[m - 1] = true;
      }
    }
    person.token_count += person.first_token - start;
    person.first_token = start;
    person.span.begin = doc->tokens[start].span.begin;
  }
  size_t out = 0;
  for (size_t m = 0; m < doc->mentions.size(); ++m) {
    if (!removed[m]) doc->mentions[out++] = doc->mentions[m];
  }
  doc->mentions.resize(out);
}

}  // namespace eg
