#include "extract/rule_pack.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "extract/event_date.h"
#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/rule_pattern.h"
#include "extract/utf8.h"

namespace eg {
namespace {

constexpr char kSchema[] = "schemas/rules.schema.json";
constexpr char kDefaultNegation[] =
    R"((?i)\b(?:not|never|no longer|failed to|fail to|fails to|refused to|refuses to|declined to)\b|n't\b)";

std::string String(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? std::string() : std::string(it->value.GetString(), it->value.GetStringLength());
}

// RE2's default budget (8 MiB) is too small for a few hundred case-insensitive rules in one RE2::Set, and
// when the DFA runs out of it a match silently fails. Memory is taken only as the DFA grows.
constexpr int64_t kRegexMemory = int64_t{64} << 20;
constexpr int64_t kSetMemory = int64_t{1} << 30;

RE2::Options RegexOptions(int64_t max_mem = kRegexMemory) {
  RE2::Options options;
  options.set_max_mem(max_mem);
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

// Maps a slot marker's payload ("P12") to the mention it stands for.
const Mention* MentionOf(const Document& doc, std::string_view marker) {
  if (marker.size() < 2) return nullptr;
  size_t index = 0;
  for (char c : marker.substr(1)) index = index * 10 + static_cast<size_t>(c - '0');
  return index < doc.mentions.size() ? &doc.mentions[index] : nullptr;
}

Argument ArgumentOf(const Document& doc, std::string_view marker, bool is_location) {
  const Mention* mention = MentionOf(doc, marker);
  if (!mention) return {};
  const Entity* entity = mention->entity;
  // An event at a landmark takes place in its city; a capital or landmark that is a party to an event is
  // the actor it stands for ("Moscow said" -> Russia).
  if (is_location && entity->location) entity = entity->location;
  if (!is_location && entity->stands_for) entity = entity->stands_for;
  return {entity, mention->span};
}

// How sure a mention is of its entity, as a factor on an event's confidence: names are sure; a role
// resolved at a date or a pronoun with one candidate less so; a name the gazetteer lacks least.
double Certainty(const Document& doc, std::string_view marker) {
  const Mention* mention = MentionOf(doc, marker);
  if (!mention) return 1.0;
  switch (mention->source) {
    case MentionSource::kName: return 1.0;
    case MentionSource::kRole: return 0.9;
    case MentionSource::kPronoun: return 0.8;
    case MentionSource::kDiscovered: return 0.7;
  }
  return 1.0;
}

}  // namespace

int QuadClassOfCameo(std::string_view cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9') return 0;
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

RulePack::RulePack() = default;
RulePack::~RulePack() = default;

void RulePack::AddPack(std::string_view json, const std::string& file) {
  if (compiled_) throw std::logic_error("RulePack::AddPack after Compile");
  rapidjson::Document doc = ParseJsonFile(json, file, kSchema);
  JsonLineIndex lines(json);

  std::map<std::string, std::string, std::less<>> macros;
  if (auto it = doc.FindMember("macros"); it != doc.MemberEnd()) {
    for (const auto& macro : it->value.GetObject()) {
      macros.emplace(macro.name.GetString(), macro.value.GetString());
    }
  }
  if (auto it = doc.FindMember("negation"); it != doc.MemberEnd()) {
    auto regex = std::make_unique<RE2>(it->value.GetString(), RegexOptions());
    if (!regex->ok()) {
      throw InputError(file, lines.Line("/negation"), "/negation", regex->error());
    }
    negation_ = std::move(regex);
  }

  std::unordered_set<std::string> ids_in_pack;
  const auto& rules = doc["rules"].GetArray();
  for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
    const rapidjson::Value& item = rules[i];
    const std::string pointer = "/rules/" + std::to_string(i);
    auto fail = [&](const std::string& field, const std::string& message) -> void {
      throw InputError(file, lines.Line(pointer + field), pointer + field, message);
    };
    auto rule = std::make_unique<Rule>();
    rule->id = String(item, "id");
    if (!ids_in_pack.insert(rule->id).second) fail("/id", "duplicate rule id \"" + rule->id + "\"");
    rule->pattern = String(item, "pattern");
    rule->relation = String(item, "relation");
    rule->cameo = String(item, "cameo");
    rule->goldstein = item["goldstein"].GetDouble();
    rule->quad_class = item.HasMember("quad_class") ? item["quad_class"].GetInt() : QuadClassOfCameo(rule->cameo);
    if (QuadClassOfCameo(rule->cameo) == 0) fail("/cameo", "CAMEO root must be 01 to 20");
    if (item.HasMember("symmetric")) rule->symmetric = item["symmetric"].GetBool();
    if (item.HasMember("confidence")) rule->confidence = item["confidence"].GetDouble();
    rule->file = file;
    rule->line = lines.Line(pointer);
    if (auto tests = item.FindMember("tests"); tests != item.MemberEnd()) {
      for (rapidjson::SizeType t = 0; t < tests->value.Size(); ++t) {
        const auto& test = tests->value[t];
        RuleTest parsed;
        parsed.text = String(test, "text");
        parsed.date = String(test, "date");
        parsed.line = lines.Line(pointer + "/tests/" + std::to_string(t));
        for (const auto& expected : test["events"].GetArray()) {
          parsed.events.push_back({String(expected, "subject"), String(expected, "object"),
                                   String(expected, "location"), String(expected, "polarity")});
        }
        rule->tests.push_back(std::move(parsed));
      }
    }

    Compiled compiled;
    std::string error;
    if (!ExpandRulePattern(rule->pattern, macros, &compiled.expanded, &error)) fail("/pattern", error);
    const bool case_sensitive = item.HasMember("case_sensitive") && item["case_sensitive"].GetBool();
    if (!case_sensitive) compiled.expanded = "(?i)" + compiled.expanded;
    compiled.regex = std::make_unique<RE2>(compiled.expanded, RegexOptions());
    if (!compiled.regex->ok()) {
      fail("/pattern", "invalid regular expression: " + compiled.regex->error() + " (in \"" +
                           rule->pattern + "\")");
    }
    // A slot may appear in several branches of an alternation ("{subject} met {object}|{object} was met
    // by {subject}"): keep every capture group of that name and take the one that participated.
    for (const auto& [index, name] : compiled.regex->CapturingGroupNames()) {
      if (name == "subject") compiled.subject_groups.push_back(index);
      if (name == "object") compiled.object_groups.push_back(index);
      if (name == "location") compiled.location_groups.push_back(index);
    }
    if (compiled.subject_groups.empty()) fail("/pattern", "a rule needs a {subject:TYPE} slot");
    compiled.rule = std::move(rule);

    // A rule id an earlier pack defined is replaced in place, keeping rule order stable.
    auto same_id = std::find_if(rules_.begin(), rules_.end(),
                                [&](const Compiled& c) { return c.rule->id == compiled.rule->id; });
    if (same_id != rules_.end()) {
      *same_id = std::move(compiled);
    } else {
      rules_.push_back(std::move(compiled));
    }
  }
}

void RulePack::Compile() {
  if (!negation_) negation_ = std::make_unique<RE2>(kDefaultNegation, RegexOptions());
  set_ = std::make_unique<RE2::Set>(RegexOptions(kSetMemory), RE2::UNANCHORED);
  for (const Compiled& compiled : rules_) {
    std::string error;
    if (set_->Add(compiled.expanded, &error) < 0) {
      throw InputError(compiled.rule->file, compiled.rule->line, "pattern", error);
    }
  }
  if (!set_->Compile()) {
    throw InputError("", 0, "", "the rules are too large for RE2 to compile together");
  }
  compiled_ = true;
}

void RulePack::Apply(Document* doc, const Rule* only_rule) const {
  if (!compiled_) throw std::logic_error("RulePack::Apply before Compile");
  thread_local SentenceView view;
  thread_local std::vector<int> matched;
  size_t next_mention = 0;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    while (next_mention < doc->mentions.size() && doc->mentions[next_mention].sentence < s) ++next_mention;
    size_t end_mention = next_mention;
    while (end_mention < doc->mentions.size() && doc->mentions[end_mention].sentence == s) ++end_mention;
    if (end_mention == next_mention) continue;  // no entity, no event
    view.Build(*doc, s, next_mention, end_mention);
    matched.clear();
    RE2::Set::ErrorInfo error;
    if (!set_->Match(view.text(), &matched, &error)) {
      if (error.kind == RE2::Set::kNoError) continue;
      // The prefilter gave up (the DFA ran out of memory on a pathological sentence): try every rule.
      matched.resize(rules_.size());
      for (size_t r = 0; r < rules_.size(); ++r) matched[r] = static_cast<int>(r);
    }
    std::sort(matched.begin(), matched.end());  // rule order decides between duplicates

    const size_t first_event = doc->events.size();
    for (int index : matched) {
      const Compiled& compiled = rules_[static_cast<size_t>(index)];
      if (only_rule && compiled.rule.get() != only_rule) continue;
      const RE2& regex = *compiled.regex;
      const int groups = regex.NumberOfCapturingGroups() + 1;
      thread_local std::vector<re2::StringPiece> captures;
      captures.assign(static_cast<size_t>(groups), re2::StringPiece());
      const re2::StringPiece text(view.text());
      size_t pos = 0;
      while (pos <= text.size() &&
             regex.Match(text, pos, text.size(), RE2::UNANCHORED, captures.data(), groups)) {
        const re2::StringPiece whole = captures[0];
        const size_t match_begin = static_cast<size_t>(whole.data() - text.data());
        pos = match_begin + std::max<size_t>(whole.size(), 1);
        auto capture = [&](const std::vector<int>& slot_groups) {
          for (int group : slot_groups) {
            const re2::StringPiece& piece = captures[static_cast<size_t>(group)];
            if (piece.data() != nullptr) return std::string_view(piece.data(), piece.size());
          }
          return std::string_view();
        };
        Event event;
        event.sentence = s;
        event.match = view.Original(match_begin, match_begin + whole.size());
        event.subject = ArgumentOf(*doc, capture(compiled.subject_groups), false);
        event.object = ArgumentOf(*doc, capture(compiled.object_groups), false);
        event.location = ArgumentOf(*doc, capture(compiled.location_groups), true);
        if (!event.subject || event.subject.entity == event.object.entity) continue;
        event.rule = compiled.rule.get();
        const Span sentence_span = doc->sentences[s].span;
        event.date = ResolveEventDate(doc->Text(sentence_span), event.match.begin - sentence_span.begin,
                                      event.match.end - sentence_span.begin, doc->date);
        event.confidence = compiled.rule->confidence * Certainty(*doc, capture(compiled.subject_groups)) *
                           Certainty(*doc, capture(compiled.object_groups));
        if (RE2::PartialMatch(re2::StringPiece(whole.data(), whole.size()), *negation_)) {
          event.polarity = Polarity::kNegative;
        }
        // One event per (subject, relation, object) and sentence; the earlier rule wins, a later one may
        // add the location the earlier one lacked.
        bool duplicate = false;
        for (size_t e = first_event; e < doc->events.size(); ++e) {
          Event& other = doc->events[e];
          bool same_pair = (other.subject.entity == event.subject.entity &&
                            other.object.entity == event.object.entity) ||
                           (event.rule->symmetric && other.rule->symmetric &&
                            other.subject.entity == event.object.entity &&
                            other.object.entity == event.subject.entity);
          if (same_pair && other.rule->relation == event.rule->relation) {
            if (!other.location && event.location) other.location = event.location;
            duplicate = true;
            break;
          }
        }
        if (!duplicate) doc->events.push_back(event);
      }
    }
    // Rules ran in pack order; Document::events is ordered by position within the sentence.
    std::stable_sort(doc->events.begin() + static_cast<std::ptrdiff_t>(first_event), doc->events.end(),
                     [](const Event& a, const Event& b) { return a.match.begin < b.match.begin; });
  }
}

}  // namespace eg
