#include "extract/gazetteer.h"

#include <algorithm>
#include <functional>
#include <iterator>

#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/tokenizer.h"

namespace eg {
namespace {

constexpr char kSchema[] = "schemas/gazetteer.schema.json";
// How many tokens ahead Annotate asks the name trie to load the slot of a token (TokenTrie::Prefetch).
constexpr uint32_t kPrefetchAhead = 8;

// Aliases written in capitals only ("US", "IS", "UK", "U.S.") are acronyms: exact by default.
bool IsAllCaps(std::string_view alias) {
  bool has_letter = false;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') has_letter = true;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return has_letter;
}

std::string JoinTokens(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeText(text, &tokens);
  std::string joined;
  for (const Token& token : tokens) {
    if (!joined.empty()) joined += '\x1f';
    joined += text.substr(token.span.begin, token.span.size());
  }
  return joined;
}

std::string String(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? std::string() : std::string(it->value.GetString(), it->value.GetStringLength());
}

// schemas/gazetteer.schema.json#/definitions/id: ^[A-Za-z_][A-Za-z0-9_.:-]*$
bool IsValidId(std::string_view id) {
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (id.empty() || !letter(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-';
  });
}

}  // namespace

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

void Gazetteer::AddAlias(Entity* entity, std::string_view alias, bool exact, bool adjectival) {
  uint32_t value = names_.Insert(alias);
  if (value == TokenTrie::kNoValue) return;
  if (value >= first_candidate_.size()) first_candidate_.resize(value + 1, kNoCandidate);
  const std::string joined = exact ? JoinTokens(alias) : std::string();
  for (uint32_t* link = &first_candidate_[value]; *link != kNoCandidate; link = &candidates_[*link].next) {
    Candidate& candidate = candidates_[*link];
    if (candidate.entity == entity && candidate.exact == exact && candidate.adjectival == adjectival &&
        (!exact || ExactTokens(candidate) == joined)) {
      // The same alias again: harmless, but it is now the last added, at the head of the chain.
      const uint32_t index = *link;
      *link = candidate.next;
      candidate.next = first_candidate_[value];
      first_candidate_[value] = index;
      return;
    }
  }
  Candidate candidate{entity, first_candidate_[value], 0, 0, exact, adjectival};
  if (exact) {
    candidate.tokens_begin = static_cast<uint32_t>(exact_tokens_.size());
    candidate.tokens_length = static_cast<uint32_t>(joined.size());
    exact_tokens_ += joined;
  }
  first_candidate_[value] = static_cast<uint32_t>(candidates_.size());
  candidates_.push_back(candidate);
  ++alias_count_;
}

void Gazetteer::AddPack(std::string_view json, const std::string& file, bool schema_checked) {
  if (finished_) throw std::logic_error("Gazetteer::AddPack after Finish");
  rapidjson::Document doc = ParseJsonFile(json, file, schema_checked ? "" : kSchema);
  if (auto titles = doc.FindMember("titles"); titles != doc.MemberEnd()) {
    for (const auto& title : titles->value.GetArray()) {
      const std::string text = title.IsString() ? title.GetString() : String(title, "text");
      uint32_t value = titles_.Insert(text);
      if (value == TokenTrie::kNoValue) continue;
      ++title_count_;
      if (value >= title_meanings_.size()) title_meanings_.resize(value + 1);
      std::vector<std::string>& meanings = title_meanings_[value];
      std::string folded;
      auto add_meaning = [&](std::string_view meaning) {
        folded.clear();
        AppendFolded(meaning, &folded);
        if (std::find(meanings.begin(), meanings.end(), folded) == meanings.end()) meanings.push_back(folded);
      };
      add_meaning(text);  // a title always means itself
      if (title.IsObject()) {
        for (const auto& meaning : title["means"].GetArray()) add_meaning(meaning.GetString());
      }
    }
  }
  if (auto agents = doc.FindMember("agents"); agents != doc.MemberEnd()) {
    for (const auto& item : agents->value.GetArray()) {
      Agent agent;
      agent.id = String(item, "id");
      agent.label = String(item, "label");
      ParseEntityType(String(item, "type"), &agent.type);
      auto same = std::find_if(agents_.begin(), agents_.end(), [&](const Agent& a) { return a.id == agent.id; });
      size_t index = static_cast<size_t>(same - agents_.begin());
      if (same == agents_.end()) {
        agents_.push_back(std::move(agent));
      } else {
        *same = std::move(agent);  // a later pack redefines the agent
      }
      auto add = [&](std::string_view name) {
        uint32_t value = agent_names_.Insert(name);
        if (value == TokenTrie::kNoValue) return;
        if (value >= agent_candidates_.size()) agent_candidates_.resize(value + 1);
        agent_candidates_[value].push_back(index);
      };
      add(agents_[index].label);
      if (auto names = item.FindMember("aliases"); names != item.MemberEnd()) {
        for (const auto& alias : names->value.GetArray()) add(alias.IsString() ? alias.GetString() : String(alias, "text"));
      }
    }
  }
  // Ids and references to them: schemas/gazetteer.schema.json#/definitions/id leaves its pattern to us.
  auto check_id = [&](const rapidjson::Value& value, const std::function<std::string()>& where) {
    const std::string_view id(value.GetString(), value.GetStringLength());
    if (!IsValidId(id)) {
      const std::string field = where();
      throw InputError(file, LineOfPointer(json, field), field,
                       "value does not match the pattern ^[A-Za-z_][A-Za-z0-9_.:-]*$ (letters, digits, '_', '.', ':' "
                       "or '-', starting with a letter or '_')");
    }
  };
  const auto& entities = doc["entities"].GetArray();
  const uint32_t pack = pack_count_++;
  by_id_.Reserve(entities.Size());
  names_.Reserve(2 * entities.Size());  // about two tokens per entity: a label, often an alias
  std::shared_ptr<const std::string> pack_text;  // shared by the pack's references, made on first use
  for (rapidjson::SizeType i = 0; i < entities.Size(); ++i) {
    const rapidjson::Value& item = entities[i];
    auto pointer = [i] { return "/entities/" + std::to_string(i); };  // only for messages and references
    const rapidjson::Value& id_value = item["id"];
    const std::string_view id(id_value.GetString(), id_value.GetStringLength());
    check_id(id_value, [&] { return pointer() + "/id"; });
    // The references to other entities, each looked up once: checked here, stored below.
    static constexpr const char* kReferenceFields[] = {"country", "located_in", "stands_for"};
    const rapidjson::Value* reference_values[std::size(kReferenceFields)] = {};
    for (size_t f = 0; f < std::size(kReferenceFields); ++f) {
      if (auto it = item.FindMember(kReferenceFields[f]); it != item.MemberEnd()) {
        reference_values[f] = &it->value;
        check_id(it->value, [&] { return pointer() + "/" + kReferenceFields[f]; });
      }
    }
    if (auto roles = item.FindMember("roles"); roles != item.MemberEnd()) {
      for (rapidjson::SizeType r = 0; r < roles->value.Size(); ++r) {
        if (auto of = roles->value[r].FindMember("of"); of != roles->value[r].MemberEnd()) {
          check_id(of->value, [&] { return pointer() + "/roles/" + std::to_string(r) + "/of"; });
        }
      }
    }
    EntityIndex::Slot& slot = by_id_.Claim(id);
    if (slot.entity && slot.tag == pack) {
      throw InputError(file, LineOfPointer(json, pointer() + "/id"), pointer() + "/id",
                       "duplicate entity id \"" + std::string(id) + "\"");
    }
    if (!slot.entity) {  // new; otherwise an earlier pack defined it and this one extends it
      slot.entity = &entities_.emplace_back();  // a deque never moves it
      slot.entity->id = id;
    }
    slot.tag = pack;
    Entity* const entity = slot.entity;
    entity->label = String(item, "label");
    ParseEntityType(String(item, "type"), &entity->type);
    if (item.HasMember("iso")) entity->iso = String(item, "iso");
    if (auto demonyms = item.FindMember("demonyms"); demonyms != item.MemberEnd() && entity->demonym.empty() &&
                                                      !demonyms->value.Empty()) {
      const auto& first = demonyms->value[0];
      entity->demonym = first.IsString() ? first.GetString() : String(first, "text");
    }
    if (auto roles = item.FindMember("roles"); roles != item.MemberEnd()) {
      for (const auto& role : roles->value.GetArray()) {
        entity->roles.push_back({String(role, "title"), String(role, "of"), String(role, "from"),
                                 String(role, "to")});
      }
    }
    std::string* const reference_ids[] = {&entity->country, &entity->located_in, &entity->stands_for_id};
    for (size_t f = 0; f < std::size(kReferenceFields); ++f) {
      if (!reference_values[f]) continue;
      reference_ids[f]->assign(reference_values[f]->GetString(), reference_values[f]->GetStringLength());
      if (!pack_text) pack_text = std::make_shared<const std::string>(json);
      references_.push_back({entity, file, pack_text, pointer() + "/" + kReferenceFields[f]});
    }
    auto add_names = [&](const char* field, bool adjectival) {
      auto names = item.FindMember(field);
      if (names == item.MemberEnd()) return;
      for (const auto& alias : names->value.GetArray()) {
        std::string text = alias.IsString() ? alias.GetString() : String(alias, "text");
        bool exact = IsAllCaps(text);
        if (alias.IsObject() && alias.HasMember("case")) exact = String(alias, "case") == "exact";
        AddAlias(entity, text, exact, adjectival);
      }
    };
    AddAlias(entity, entity->label, IsAllCaps(entity->label), false);
    add_names("aliases", false);
    add_names("demonyms", true);
  }
}

void Gazetteer::Finish() {
  for (const PendingReference& ref : references_) {
    Entity* entity = ref.entity;
    const std::string& target = ref.field.ends_with("/country")      ? entity->country
                                : ref.field.ends_with("/located_in") ? entity->located_in
                                                                      : entity->stands_for_id;
    const Entity* found = Find(target);
    if (!found) {
      throw InputError(ref.file, LineOfPointer(*ref.json, ref.field), ref.field,
                       "no entity has the id \"" + target + "\"");
    }
    if (ref.field.ends_with("/located_in")) entity->location = found;
    if (ref.field.ends_with("/stands_for")) entity->stands_for = found;
  }
  references_.clear();
  MakeCombinedActors();
  finished_ = true;
}

void Gazetteer::MakeCombinedActors() {
  std::vector<const Entity*> countries;
  for (const Entity& entity : entities_) {
    if (entity.type == EntityType::kCountry) countries.push_back(&entity);
  }
  for (Agent& agent : agents_) {
    for (const Entity* country : countries) {
      const std::string id = country->id + "." + agent.id;
      Entity* combined;
      EntityIndex::Slot& slot = by_id_.Claim(id);
      if (slot.entity) {
        combined = slot.entity;  // a pack defined this actor itself: use it
      } else {
        combined = slot.entity = &entities_.emplace_back();
        slot.tag = kNoPack;
        combined->id = id;
        combined->label = (country->demonym.empty() ? country->label : country->demonym) + " " + agent.label;
        combined->type = agent.type;
        combined->country = country->id;
      }
      agent.by_country.emplace(country, combined);
    }
  }
}

const Entity* Gazetteer::Find(std::string_view id) const {
  return by_id_.Find(id);
}

bool Gazetteer::CandidateMatches(const Candidate& candidate, const Document& doc, uint32_t first,
                                 uint32_t count) const {
  if (!candidate.exact) return true;
  std::string_view expected = ExactTokens(candidate);
  for (uint32_t i = first; i < first + count; ++i) {
    size_t sep = expected.find('\x1f');
    std::string_view want = expected.substr(0, sep);
    if (doc.Text(doc.tokens[i].span) != want) return false;
    expected = sep == std::string_view::npos ? std::string_view() : expected.substr(sep + 1);
  }
  return true;
}

void Gazetteer::Annotate(Document* doc) const {
  // Every token is looked up at least once: fold and hash each once (per-thread buffers, reused).
  thread_local FoldedTokens folded;
  folded.Assign(doc->text, doc->tokens);
  Annotate(doc, folded);
}

void Gazetteer::Annotate(Document* doc, const FoldedTokens& folded) const {
  doc->mentions.clear();
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sentence = doc->sentences[s];
    const uint32_t limit = sentence.first_token + sentence.token_count;
    for (uint32_t i = sentence.first_token; i < limit;) {
      if (i + kPrefetchAhead < folded.size()) names_.Prefetch(folded, i + kPrefetchAhead);
      const Candidate* chosen = nullptr;
      uint32_t length = 0;
      names_.LongestMatch(folded, i, limit, &length,
                          [&](uint32_t value, uint32_t count) {
                            for (uint32_t c = first_candidate_[value]; c != kNoCandidate; c = candidates_[c].next) {
                              if (CandidateMatches(candidates_[c], *doc, i, count)) {
                                chosen = &candidates_[c];
                                return true;
                              }
                            }
                            return false;
                          });
      if (!chosen) {
        ++i;
        continue;
      }
      Mention mention;
      mention.span = {doc->tokens[i].span.begin, doc->tokens[i + length - 1].span.end};
      mention.sentence = s;
      mention.first_token = i;
      mention.token_count = length;
      mention.entity = chosen->entity;
      mention.adjectival = chosen->adjectival;
      doc->mentions.push_back(mention);
      i += length;
    }
  }
  MergeAgents(doc, folded);
  AbsorbTitles(doc, folded);
}

}  // namespace eg
