#include "extract/rule_pack.h"

#include <re2/re2.h>
#include <re2/filtered_re2.h>

#include <algorithm>
#include <exception>
#include <thread>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/lower_case_pattern.h"
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

// Each rule has its own DFA (rule_apply.cc runs rules one by one after the prefilter); RE2 takes memory
// only as a DFA grows, and falls back to the NFA when a DFA runs out of it.
constexpr int64_t kRegexMemory = int64_t{64} << 20;

RE2::Options RegexOptions(int64_t max_mem = kRegexMemory) {
  RE2::Options options;
  options.set_max_mem(max_mem);
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

// RE2 parses a pattern, then compiles it into a program within max_mem. With a max_mem too small for any
// program, an RE2 is a parse alone: it reports every error a pattern can have but its size
// (ErrorPatternTooLarge, which then only says that the parse succeeded) and knows the capture groups.
// RE2 gives the compiler two thirds of max_mem; it compiles nothing when that is no more than the size
// of an empty program, and without limit when it is 0, hence 3 (two thirds: 2).
constexpr int64_t kParseOnlyMemory = 3;

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

// Atoms shorter than this would admit rules for most sentences ("the", "a ").
constexpr int kMinAtomLength = 3;


struct RulePack::PackText {
  explicit PackText(std::string_view json) : text(json), lines(text) {}
  std::string text;
  mutable std::once_flag indexed;
  mutable JsonLineIndex lines;  // its index is built under indexed, then only read
};

RulePack::RulePack() = default;
RulePack::~RulePack() = default;

size_t RulePack::LineOf(const Rule& rule, std::string_view field) const {
  for (const Compiled& compiled : rules_) {
    if (compiled.rule.get() != &rule || compiled.text == nullptr) continue;
    const PackText& text = *compiled.text;
    std::call_once(text.indexed, [&] { text.lines.Line(""); });
    return text.lines.Line(rule.pointer + std::string(field));
  }
  return 0;
}

void RulePack::AddPack(std::string_view json, const std::string& file, bool embedded) {
  if (compiled_) throw std::logic_error("RulePack::AddPack after Compile");
  rapidjson::Document doc = ParseJsonFile(json, file, embedded ? "" : kSchema);
  JsonLineIndex lines(json);  // for this function's own errors
  texts_.push_back(std::make_unique<PackText>(json));

  RuleMacros macros;
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
    rule->pointer = pointer;
    if (auto tests = item.FindMember("tests"); tests != item.MemberEnd()) {
      for (rapidjson::SizeType t = 0; t < tests->value.Size(); ++t) {
        const auto& test = tests->value[t];
        RuleTest parsed;
        parsed.text = String(test, "text");
        parsed.date = String(test, "date");
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
    rule->case_sensitive = case_sensitive;
    // The vetoes: the text before the match must not end with unless_before, the text after it must not
    // begin with unless_after.
    auto expand_veto = [&](const char* field, const char* before, const char* after, std::string* out) {
      auto it = item.FindMember(field);
      if (it == item.MemberEnd()) return;
      std::string expanded;
      if (!ExpandRulePattern(it->value.GetString(), macros, &expanded, &error)) fail(std::string("/") + field, error);
      if (expanded.find("(?P<") != std::string::npos) fail(std::string("/") + field, "a veto may not use slots");
      *out = std::string(case_sensitive ? "" : "(?i)") + before + expanded + after;
    };
    expand_veto("unless_before", "(?:", ")$", &compiled.unless_before_expanded);
    expand_veto("unless_after", "^(?:", ")", &compiled.unless_after_expanded);
    compiled.text = texts_.back().get();
    compiled.parse_at_compile = !embedded;
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

namespace {

// True when every match of the rule starts at a mention marker: the expanded pattern opens with "\x01"
// after nothing but group openings (no assertion such as \b or ^ that would look before the match), and
// RE2 agrees that every string it matches starts with that byte.
bool StartsAtMarker(const RE2& regex, std::string_view expanded) {
  if (expanded.starts_with("(?i)")) expanded.remove_prefix(4);
  for (;;) {
    if (expanded.starts_with("(?:")) {
      expanded.remove_prefix(3);
    } else if (expanded.starts_with("(?P<")) {
      const size_t close = expanded.find('>');
      if (close == std::string_view::npos) return false;
      expanded.remove_prefix(close + 1);
    } else if (expanded.starts_with("(") && !expanded.starts_with("(?")) {
      expanded.remove_prefix(1);
    } else {
      break;
    }
  }
  if (!expanded.starts_with("\\x01")) return false;
  std::string min, max;
  if (!regex.PossibleMatchRange(&min, &max, 4)) return false;
  return !min.empty() && !max.empty() && min[0] == '\x01' && max[0] == '\x01';
}

}  // namespace

RulePack::LazyRegex::LazyRegex(const std::string& expanded, bool case_sensitive, const re2::RE2::Options& options,
                               const RulePack* pack, const Rule* rule)
    : expanded_(expanded), options_(options), pack_(pack), rule_(rule) {
  if (case_sensitive) {
    pattern_ = expanded;
  } else if (LowerCasePattern(expanded, &pattern_)) {
    on_lowered_text_ = true;
  } else {
    pattern_ = "(?i)" + expanded;
  }
}

void RulePack::LazyRegex::Compile() const {
  // "rules.json:14: /rules/3/pattern: " + message.
  const auto error = [this](const std::string& message) {
    return std::runtime_error(
        InputError(rule_->file, pack_->LineOf(*rule_, "/pattern"), rule_->pointer + "/pattern", message).what());
  };
  auto regex = std::make_unique<RE2>(pattern_, options_);
  if (!regex->ok()) throw error("invalid regular expression: " + regex->error());
  for (const auto& [index, name] : regex->CapturingGroupNames()) {
    if (name == "subject") program_.subject_groups.push_back(index);
    if (name == "object") program_.object_groups.push_back(index);
    if (name == "location") program_.location_groups.push_back(index);
  }
  if (program_.subject_groups.empty()) throw error("a rule needs a {subject:TYPE} slot");
  program_.starts_at_marker = StartsAtMarker(*regex, pattern_);
  program_.on_lowered_text = on_lowered_text_;
  program_.regex = std::move(regex);
}

void RulePack::CompileEveryRule() const {
  for (const Compiled& compiled : rules_) compiled.regex->get();
}

void RulePack::CompileShard(size_t first_rule, size_t rule_count) {
  for (size_t i = first_rule; i < first_rule + rule_count; ++i) {
    Compiled& compiled = rules_[i];
    const Rule& rule = *compiled.rule;
    auto fail = [&](const std::string& message) {
      throw InputError(rule.file, LineOf(rule, "/pattern"), rule.pointer + "/pattern", message);
    };
    // What the load checks of the pattern as written: the slots, and that RE2 parses it, without "(?i)",
    // which changes no error and costs RE2 half its work, and before lower_case_pattern.h rewrites it,
    // so that an error quotes what the author wrote. The embedded packs skip the parse: tests compile
    // every rule of them. The program a rule matches with is compiled on first use; that can still fail,
    // for any pack, on a program larger than kRegexMemory.
    if (compiled.parse_at_compile) {
      const RE2 parsed(compiled.expanded, RegexOptions(kParseOnlyMemory));
      if (parsed.error_code() != RE2::NoError && parsed.error_code() != RE2::ErrorPatternTooLarge) {
        fail("invalid regular expression: " + parsed.error() + " (in \"" + rule.pattern + "\")");
      }
    }
    if (compiled.expanded.find("(?P<subject>") == std::string::npos) fail("a rule needs a {subject:TYPE} slot");
    compiled.regex = std::make_unique<LazyRegex>(compiled.expanded, rule.case_sensitive, RegexOptions(), this, &rule);
    auto compile_veto = [&](const std::string& expanded, const char* field, std::unique_ptr<RE2>* out) {
      if (expanded.empty()) return;
      auto veto = std::make_unique<RE2>(expanded, RegexOptions());
      if (!veto->ok()) {
        throw InputError(rule.file, LineOf(rule, std::string("/") + field), rule.pointer + "/" + field,
                         "invalid regular expression: " + veto->error());
      }
      *out = std::move(veto);
    };
    compile_veto(compiled.unless_before_expanded, "unless_before", &compiled.unless_before);
    compile_veto(compiled.unless_after_expanded, "unless_after", &compiled.unless_after);
  }
}

namespace {

// What Compile() spends on a rule's checks grows with the length of what RE2 parses: the pattern where
// it is parsed at load (a user pack's), and the vetoes.
size_t CompileCost(const RulePack::Compiled& compiled) {
  return (compiled.parse_at_compile ? compiled.expanded.size() : 0) +
         compiled.unless_before_expanded.size() + compiled.unless_after_expanded.size();
}

}  // namespace

void RulePack::Compile(int threads) {
  if (compiled_) throw std::logic_error("RulePack::Compile twice");
  if (!negation_) negation_ = std::make_unique<RE2>(kDefaultNegation, RegexOptions());
  // Shards of at least kMinShardRules rules, so that a small pack stays on one thread.
  constexpr size_t kMinShardRules = 32;
  const size_t shard_count =
      std::clamp<size_t>(rules_.size() / kMinShardRules, 1, static_cast<size_t>(std::max(threads, 1)));
  // Contiguous shards of about equal cost: shard i is rules [shard_begin[i], shard_begin[i + 1]).
  std::vector<size_t> shard_begin(1, 0);
  const size_t shards = rules_.empty() ? 0 : shard_count;
  size_t total = 0;
  for (const Compiled& compiled : rules_) total += CompileCost(compiled);
  size_t rule = 0, before = 0;
  for (size_t i = 0; i < shards; ++i) {
    const size_t first = rule;
    const size_t goal = total * (i + 1) / shards;
    const size_t rules_left_after = shards - i - 1;  // each later shard keeps at least one rule
    while (rule < rules_.size() - rules_left_after &&
           (rule == first || i + 1 == shards || before + CompileCost(rules_[rule]) / 2 < goal)) {
      before += CompileCost(rules_[rule]);
      ++rule;
    }
    shard_begin.push_back(rule);
  }
  std::vector<std::exception_ptr> errors(shards);
  auto compile = [&](size_t i) {
    try {
      CompileShard(shard_begin[i], shard_begin[i + 1] - shard_begin[i]);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (size_t i = 1; i < shards; ++i) workers.emplace_back(compile, i);
  if (shards > 0) compile(0);
  for (std::thread& worker : workers) worker.join();
  // Shards hold rules in pack order and stop at their first bad rule: the first error is the first bad rule.
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  filter_ = std::make_unique<AtomFilter>(kMinAtomLength);
  for (const Compiled& compiled : rules_) filter_->Add(compiled.expanded);
  // One entry more, rule_count(): the negation's own atoms tell Apply() which sentences can hold a
  // negative event, from the pass that finds the rules' atoms anyway.
  filter_->Add(negation_->pattern());
  filter_->Compile();
  compiled_ = true;
}

}  // namespace eg
