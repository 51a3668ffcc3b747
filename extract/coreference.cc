#include "extract/coreference.h"

#include <algorithm>

#include "extract/ellipsis.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr uint32_t kPronounLookback = 2;  // sentences

std::string Folded(std::string_view text) {
  std::string out;
  AppendFolded(text, &out);
  return out;
}

// Is date within [from, to]? Empty bounds are open; an empty date fits every role.
bool During(const Role& role, const std::string& date) {
  if (date.empty()) return true;
  if (!role.from.empty() && date < role.from) return false;
  if (!role.to.empty() && date > role.to) return false;
  return true;
}

bool IsActor(const Entity& entity) {
  const EntityType type = entity.type;
  return type == EntityType::kPerson || type == EntityType::kOrganization || type == EntityType::kGroup ||
         type == EntityType::kCountry;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

// The length in tokens of a phrase naming the two parties of an exchange at token t ("the two sides",
// "both sides", "the two men", "both leaders"), or 0. Token t is a cue ("the" or "both").
uint32_t TwoPartiesPhraseAt(const Document& doc, uint32_t t, uint32_t limit) {
  auto word = [&](uint32_t i) { return doc.Text(doc.tokens[i].span); };
  uint32_t noun = t;
  if (EqualsLower(word(t), "both")) {
    noun = t + 1;
  } else if (EqualsLower(word(t), "the") && t + 1 < limit && EqualsLower(word(t + 1), "two")) {
    noun = t + 2;
  } else {
    return 0;
  }
  if (noun >= limit) return 0;
  for (std::string_view parties : {"sides", "men", "women", "leaders"}) {
    if (EqualsLower(word(noun), parties)) return noun + 1 - t;
  }
  return 0;
}

// Words after which a new clause, with its own subject, may start.
bool OpensClause(std::string_view word) {
  return word == "," || word == ";" || word == ":" || word == "and" || word == "but";
}

bool IsPronoun(std::string_view word) {
  return word == "he" || word == "He" || word == "she" || word == "She" || word == "HE" || word == "SHE";
}

// Adds mentions (in text order, overlapping none) to doc->mentions, keeping it in text order.
void MergeMentions(std::vector<Mention> added, Document* doc) {
  if (added.empty()) return;
  std::vector<Mention> merged;
  merged.reserve(doc->mentions.size() + added.size());
  std::merge(doc->mentions.begin(), doc->mentions.end(), added.begin(), added.end(), std::back_inserter(merged),
             [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  doc->mentions = std::move(merged);
}

}  // namespace

// One walk over the document's tokens finds the words the resolvers below start from ("the", "both",
// "he", "she", in any case): each then looks at those alone, with its own test of the word (which cases
// it takes), rather than walking every token again. Most tokens are ruled out by their size and first
// letter, tested with no branch on the size alone, which would be mispredicted often (a third of the
// tokens of news are 2 to 4 bytes long).
void Coreference::FindCues(const Document& doc, std::vector<Cue>* cues) {
  cues->clear();
  const char* const text = doc.text.data();
  const Token* const tokens = doc.tokens.data();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    const uint32_t limit = sentence.first_token + sentence.token_count;
    for (uint32_t t = sentence.first_token; t < limit; ++t) {
      const Span span = tokens[t].span;
      const uint32_t size = span.size();
      const unsigned initial = static_cast<unsigned char>(text[span.begin]) | 0x20u;
      const unsigned sized = size - 2 <= 2;  // 2 to 4 bytes
      const unsigned initialed = (initial == 't') | (initial == 'b') | (initial == 'h') | (initial == 's');
      if (!(sized & initialed)) continue;
      const std::string_view word(text + span.begin, size);
      CueWord cue_word;
      if (EqualsLower(word, "the")) {
        cue_word = CueWord::kThe;
      } else if (EqualsLower(word, "both")) {
        cue_word = CueWord::kBoth;
      } else if (EqualsLower(word, "he") || EqualsLower(word, "she")) {
        cue_word = CueWord::kPronoun;
      } else {
        continue;
      }
      cues->push_back({t, s, cue_word});
    }
  }
}

Coreference::Coreference(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  for (const Entity& entity : gazetteer.entities()) {
    if (entity.type != EntityType::kPerson) continue;
    for (const Role& role : entity.roles) {
      const Entity* of = gazetteer.Find(role.of.empty() ? entity.country : role.of);
      if (!of) continue;
      holders_by_country_[of].push_back({&entity, &role, Folded(role.title)});
    }
  }
}

void Coreference::Resolve(Document* doc) const {
  thread_local FoldedTokens folded;
  folded.Assign(doc->text, doc->tokens);
  Resolve(doc, folded);
}

void Coreference::Resolve(Document* doc, const FoldedTokens& folded) const {
  // The people the document names, once each and sorted, so that every phrase below looks them up in
  // logarithmic time: a document of many role phrases stays linear.
  std::vector<const Entity*> named;
  for (const Mention& m : doc->mentions) {
    if (m.entity->type == EntityType::kPerson && m.source == MentionSource::kName) named.push_back(m.entity);
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<Mention> elliptical;
  FindEllipticalMentions(gazetteer_, *doc, &elliptical);
  MergeMentions(std::move(elliptical), doc);
  ResolveRoles(doc, named, folded);
  std::vector<Cue> cues;
  FindCues(*doc, &cues);
  ResolveBareTitles(doc, named, cues, folded);
  ResolvePronouns(doc, cues);
  ResolveTwoParties(doc, cues);
}

void Coreference::ResolveBareTitles(Document* doc, const std::vector<const Entity*>& named,
                                    const std::vector<Cue>& cues, const FoldedTokens& folded) const {
  const TokenTrie& titles = gazetteer_.titles();
  // The people the document names are the only candidates for "the chancellor".
  if (named.empty()) return;
  std::vector<Mention> added;
  size_t next = 0;     // first mention at or after token t + 1, where it is looked at
  uint32_t resume = 0;  // the first token not inside a title found already
  for (const Cue& cue : cues) {
    const uint32_t t = cue.token, s = cue.sentence;
    const Sentence& sentence = doc->sentences[s];
    const uint32_t limit = sentence.first_token + sentence.token_count;
    if (cue.word != CueWord::kThe || t < resume || t + 1 >= limit) continue;
    const std::string_view word = doc->Text(doc->tokens[t].span);
    if (word != "the" && word != "The") continue;
    // next moves on only here, at the few tokens that need it.
    while (next < doc->mentions.size() && doc->mentions[next].first_token < t + 1) ++next;
    // The title must not overlap a mention, nor be followed by one (a titled name).
    if (next > 0 && doc->mentions[next - 1].first_token + doc->mentions[next - 1].token_count > t + 1) continue;
    const bool mention_follows = next < doc->mentions.size() && doc->mentions[next].sentence == s;
    const uint32_t title_limit = mention_follows ? doc->mentions[next].first_token : limit;
    uint32_t length = 0;
    const uint32_t title = titles.LongestMatch(folded, t + 1, title_limit, &length);
    if (title == TokenTrie::kNoValue || t + 1 + length == title_limit) continue;
    // "the foreign minister of Russia": a role phrase of the country after "of".
    const uint32_t after = t + 1 + length;
    // Only when a mention follows "of": a sentence may end on "of".
    if (mention_follows && after + 1 == title_limit && doc->Text(doc->tokens[after].span) == "of") {
      Mention& of = doc->mentions[next];
      const EntityType type = of.entity->type;
      if (type != EntityType::kCountry && type != EntityType::kOrganization) continue;
      if (const Entity* person = HolderOf(title, of.entity, doc->date, named)) {
        of.entity = person;
        of.adjectival = false;
        of.source = MentionSource::kRole;
        of.token_count += of.first_token - (t + 1);
        of.first_token = t + 1;
        of.span.begin = doc->tokens[t + 1].span.begin;
      }
      resume = after + 1;
      continue;
    }
    const std::vector<std::string>& meanings = gazetteer_.TitleMeanings(title);
    const Entity* only = nullptr;
    bool ambiguous = false;
    for (const Entity* person : named) {
      bool holds = std::any_of(person->roles.begin(), person->roles.end(), [&](const Role& role) {
        return During(role, doc->date) &&
               std::find(meanings.begin(), meanings.end(), Folded(role.title)) != meanings.end();
      });
      if (!holds) continue;
      if (only) ambiguous = true;
      only = person;
    }
    if (!only || ambiguous) continue;
    Mention mention;
    mention.first_token = t + 1;
    mention.token_count = length;
    mention.span = {doc->tokens[t + 1].span.begin, doc->tokens[t + length].span.end};
    mention.sentence = s;
    mention.entity = only;
    mention.source = MentionSource::kRole;
    added.push_back(mention);
    resume = t + length + 1;
  }
  MergeMentions(std::move(added), doc);
}

const Entity* Coreference::HolderOf(uint32_t title, const Entity* country, const std::string& date,
                                    const std::vector<const Entity*>& named) const {
  auto holders = holders_by_country_.find(country);
  if (holders == holders_by_country_.end()) return nullptr;
  const std::vector<std::string>& meanings = gazetteer_.TitleMeanings(title);
  std::vector<const Entity*> fits;
  for (const Holder& holder : holders->second) {
    const bool titled = std::find(meanings.begin(), meanings.end(), holder.folded_title) != meanings.end();
    if (!titled || !During(*holder.role, date)) continue;
    if (std::find(fits.begin(), fits.end(), holder.person) == fits.end()) fits.push_back(holder.person);
  }
  if (fits.size() > 1) {
    // Prefer the people the document names elsewhere.
    std::vector<const Entity*> named_here;
    for (const Entity* person : fits) {
      if (std::binary_search(named.begin(), named.end(), person)) named_here.push_back(person);
    }
    fits = std::move(named_here);
  }
  return fits.size() == 1 ? fits[0] : nullptr;
}

void Coreference::ResolveRoles(Document* doc, const std::vector<const Entity*>& named,
                               const FoldedTokens& folded) const {
  const TokenTrie& titles = gazetteer_.titles();
  for (size_t m = 0; m < doc->mentions.size(); ++m) {
    Mention& mention = doc->mentions[m];
    const EntityType type = mention.entity->type;
    if (type != EntityType::kCountry && type != EntityType::kOrganization) continue;
    const Sentence& sentence = doc->sentences[mention.sentence];
    uint32_t start = mention.first_token + mention.token_count;
    uint32_t limit = sentence.first_token + sentence.token_count;
    const bool next_in_sentence = m + 1 < doc->mentions.size() && doc->mentions[m + 1].sentence == mention.sentence;
    if (next_in_sentence) limit = doc->mentions[m + 1].first_token;
    if (start < limit && doc->tokens[start].kind == TokenKind::kPossessive) ++start;
    uint32_t length = 0;
    uint32_t title = titles.LongestMatch(folded, start, limit, &length);
    if (title == TokenTrie::kNoValue) continue;
    const uint32_t end = start + length;
    // A name right after the title makes it a titled name, which the gazetteer has already joined.
    if (next_in_sentence && doc->mentions[m + 1].first_token == end) continue;
    const Entity* person = HolderOf(title, mention.entity, doc->date, named);
    if (!person) continue;
    mention.entity = person;
    mention.adjectival = false;
    mention.source = MentionSource::kRole;
    mention.token_count = end - mention.first_token;
    mention.span.end = doc->tokens[end - 1].span.end;
  }
}

void Coreference::ResolvePronouns(Document* doc, const std::vector<Cue>& cues) const {
  std::vector<Mention> added;
  size_t next = 0;  // first mention at or after token t, where it is looked at
  for (const Cue& cue : cues) {
    const uint32_t t = cue.token, s = cue.sentence;
    if (cue.word != CueWord::kPronoun) continue;
    const Token& token = doc->tokens[t];
    if (token.kind != TokenKind::kWord || !IsPronoun(doc->Text(token.span))) continue;
    while (next < doc->mentions.size() && doc->mentions[next].first_token < t) ++next;
    // The people of the nearest sentence (this one up to the pronoun, then earlier ones) that has any.
    const Entity* only = nullptr;
    bool ambiguous = false, found = false;
    for (uint32_t back = 0; back <= kPronounLookback && back <= s && !found; ++back) {
      const uint32_t look = s - back;
      for (size_t k = next; k-- > 0;) {
        const Mention& candidate = doc->mentions[k];
        if (candidate.sentence < look) break;
        if (candidate.sentence != look || candidate.entity->type != EntityType::kPerson) continue;
        found = true;
        if (only && only != candidate.entity) ambiguous = true;
        only = candidate.entity;
      }
    }
    if (!found || ambiguous) continue;
    Mention pronoun;
    pronoun.span = doc->tokens[t].span;
    pronoun.sentence = s;
    pronoun.first_token = t;
    pronoun.token_count = 1;
    pronoun.entity = only;
    pronoun.source = MentionSource::kPronoun;
    added.push_back(pronoun);
  }
  MergeMentions(std::move(added), doc);
}

void Coreference::ResolveTwoParties(Document* doc, const std::vector<Cue>& cues) const {
  // How often the document names each person (by name or role), and where first: filled at the first
  // phrase, as most documents have none.
  struct Count {
    uint32_t mentions = 0;
    uint32_t first_begin = 0;
  };
  std::unordered_map<const Entity*, Count> counts;
  bool counted = false;
  std::vector<Mention> added;
  size_t next = 0;            // first mention at or after token t, where it is looked at
  size_t sentence_first = 0;  // first mention of the current sentence or after it
  uint32_t resume = 0;        // the first token not inside a phrase found already
  for (const Cue& cue : cues) {
    const uint32_t t = cue.token, s = cue.sentence;
    const Sentence& sentence = doc->sentences[s];
    const uint32_t limit = sentence.first_token + sentence.token_count;
    while (sentence_first < doc->mentions.size() && doc->mentions[sentence_first].sentence < s) ++sentence_first;
    if (cue.word == CueWord::kPronoun || t < resume) continue;
    const uint32_t length = TwoPartiesPhraseAt(*doc, t, limit);
    if (length == 0) continue;
    while (next < doc->mentions.size() && doc->mentions[next].first_token < t) ++next;
    if (next > 0 && doc->mentions[next - 1].first_token + doc->mentions[next - 1].token_count > t) continue;
    if (next < doc->mentions.size() && doc->mentions[next].first_token < t + length) continue;
    // The phrase opens a clause after the one that names the party: "During the meeting with Lavrov, the
    // two sides ...", not "pressure on both sides".
    if (t == sentence.first_token || !OpensClause(doc->Text(doc->tokens[t - 1].span))) continue;
    // The one party the sentence names: the only person in it, named before the phrase, with no other
    // actor before the phrase.
    const Entity* named = nullptr;
    bool usable = true;
    for (size_t k = sentence_first; k < doc->mentions.size() && doc->mentions[k].sentence == s && usable; ++k) {
      const Mention& mention = doc->mentions[k];
      if (!IsActor(*mention.entity)) continue;
      const bool before = k < next;
      if (mention.entity->type == EntityType::kPerson) {
        usable = (!named || named == mention.entity) && (before || named);
        named = mention.entity;
      } else if (before) {
        usable = false;
      }
    }
    if (!usable || !named) continue;
    if (!counted) {
      for (const Mention& mention : doc->mentions) {
        if (mention.entity->type != EntityType::kPerson || mention.source == MentionSource::kPronoun) continue;
        Count& count = counts[mention.entity];
        if (count.mentions++ == 0) count.first_begin = mention.span.begin;
      }
      counted = true;
    }
    // The other party: the person the document names most after the named one, by far, and before here.
    const Entity* other = nullptr;
    Count best;
    uint32_t runner_up = 0;
    for (const auto& [person, count] : counts) {
      if (person == named) continue;
      if (count.mentions > best.mentions) {
        runner_up = best.mentions;
        best = count;
        other = person;
      } else {
        runner_up = std::max(runner_up, count.mentions);
      }
    }
    if (!other || best.mentions < 2 || best.mentions < 2 * runner_up) continue;
    if (best.first_begin >= doc->tokens[t].span.begin) continue;
    Mention parties;
    parties.first_token = t;
    parties.token_count = length;
    parties.span = {doc->tokens[t].span.begin, doc->tokens[t + length - 1].span.end};
    parties.sentence = s;
    parties.entity = other;
    parties.source = MentionSource::kPronoun;
    added.push_back(parties);
    resume = t + length;
  }
  MergeMentions(std::move(added), doc);
}

}  // namespace eg
