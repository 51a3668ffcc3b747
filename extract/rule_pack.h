// RulePack: the stage that turns mentions into events, with regular-expression rules (RE2).
//
// A rule is a pattern over one sentence in which every entity mention has been replaced by a slot marker,
// so rules talk about "an actor" or "a place" rather than about names. In a pattern:
//
//   {subject:ACTOR}   captures a mention of an actor as the event's subject (a slot may appear in each
//                     branch of an alternation: "{subject:ACTOR} met {object:ACTOR}|{object:ACTOR} was
//                     met by {subject:ACTOR}")
//   {object:ACTOR}    ... as its object
//   {location:PLACE}  ... as its location
//   {ENTITY}          any mention, not captured
//   {NAME}            a macro from the pack's "macros" (macros may use macros); RE2's own braces
//                     (\p{L}, \x{A0}, {2,3}) and an escaped \{ are left alone
//
// Slot types: ACTOR (PERSON, ORGANIZATION, GROUP, COUNTRY), PLACE (CITY, REGION, LANDMARK, PLACE,
// COUNTRY), ANY, or a single entity type (PERSON, COUNTRY, ...). A place is never an ACTOR, so
// "Kerry and Lavrov met in Geneva" cannot make Geneva a party to the meeting, except a place the
// gazetteer says stands for an actor (a capital, the Kremlin: "stands_for"): it fills ACTOR slots as that
// actor ("Moscow said" -> Russia) and PLACE slots as itself. An event located at a landmark takes place
// in its city: "at the Kremlin" -> Moscow.
//
// The sentence a pattern sees is normalised: runs of white space are one space, ’ and ‘ are ', “ and ”
// are ", en and em dashes are -. The control characters \x01 and \x02 count as white space, so that no text
// can pass for a mention marker. Literal text matches in any case unless the rule says
// "case_sensitive": true; such a rule runs, rewritten, over the sentence with its ASCII letters lower-cased
// where it can (lower_case_pattern.h), which RE2 compiles at half the cost of "(?i)". Example:
//
//   {subject:ACTOR} met (?:with )?{object:ACTOR}(?: (?:in|at) {location:PLACE})?
//
// A rule may veto its own matches by their context, which a pattern cannot (RE2 has no look-around):
//
//   "unless_before": "\\b(?:both|neither|whether)\\s*$"   no event when the sentence text before the
//                                                         match ends with a match of this
//   "unless_after":  " (?:is|was) expected to"            ... when the text after it begins with one
//
// Both see the same normalised, marker-substituted text as the pattern, may use the pack's macros (not
// slots), and ignore case unless the rule is case_sensitive.
//
// Every pattern is expanded when its pack is added and checked by Compile() (which builds the prefilter;
// a rule's matching regexp is compiled once, on first use); a bad pattern, an
// unknown slot or slot type or an unknown macro is an InputError naming the file, line and field (the
// first bad rule in pack order, whatever the number of threads). The embedded packs, which tests compile
// in full, are not parsed by RE2 at load; see AddPack().
//
// Cost: sentences without a mention are skipped. For the others, a prefilter finds the rules that can
// match at all (atom_filter.h): each rule's pattern is read once into the literal strings ("atoms") any
// match contains, one Aho-Corasick pass over the sentence finds the atoms present, and only the rules
// they admit run, most sentences none. A rule whose every match starts at a mention marker (nearly all:
// "{subject:ACTOR} ...") runs anchored at each marker in turn, first without captures (a DFA that stops
// as soon as the rule cannot match), then with captures where it matched; any other rule runs over the
// sentence. Captures come from RE2's NFA, ~45,000 instructions a match, until the rule has matched
// kProbeAfterMatches times; then from its slot probes (slot_probes.h), a few anchored DFA runs. The cost
// per sentence therefore depends on the atoms it contains, not on the number of rules.
//
// Thread safety: after Compile(), Apply() may run on many documents at once.
#ifndef EVENTGRAPH_EXTRACT_RULE_PACK_H_
#define EVENTGRAPH_EXTRACT_RULE_PACK_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "extract/document.h"
#include "extract/atom_filter.h"
#include "extract/slot_probes.h"


namespace eg {

// What a rule test sentence expects (see "tests" in schemas/rules.schema.json).
struct ExpectedEvent {
  std::string subject, object, location;  // entity ids; object and location may be empty
  std::string polarity;                   // "positive", "negative" or empty (either)
};
struct RuleTest {
  std::string text;
  std::string date;
  std::vector<ExpectedEvent> events;  // empty: the rule must not fire
};

struct Rule {
  std::string id;
  std::string relation;  // "met"
  std::string cameo;     // "040"
  int quad_class = 0;    // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  bool symmetric = false;
  double confidence = 0.8;
  bool case_sensitive = false;  // literal text matches only in the case written
  std::string pattern;   // as written
  std::string file;      // where it was defined
  std::string pointer;   // and where in file, as a JSON pointer: "/rules/3" (RulePack::LineOf has the line)
  std::vector<RuleTest> tests;
};

// The quad class of a CAMEO code's root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4, anything else
// (another root, fewer than two digits) -> 0.
int QuadClassOfCameo(std::string_view cameo);

class RulePack {
 public:
  RulePack();
  ~RulePack();
  RulePack(const RulePack&) = delete;
  RulePack& operator=(const RulePack&) = delete;

  // Adds the rules of one pack and expands their patterns. A rule id defined twice in one pack is an
  // error; a rule id defined by an earlier pack is replaced. Throws InputError. Must not be called after
  // Compile(). embedded is for the program's own packs, which tests check against the JSON Schema and
  // compile in full (data_packs_test): it skips both checks, which are most of a fast start.
  void AddPack(std::string_view json, const std::string& file, bool embedded = false);

  // Checks every rule (a user pack's patterns are parsed by RE2, its vetoes compiled) and builds the
  // prefilter. The checks run on up to `threads` threads, each over a contiguous shard of the rules of
  // about equal pattern size; the result does not depend on the number. The regexp a rule matches with is
  // compiled the first time Apply() tries the rule. Throws InputError for the first bad pattern.
  void Compile(int threads = 1);

  // Compiles every rule's regexp now rather than on first use, so that nothing is left to fail: throws
  // the std::runtime_error of the first rule that does not compile. For tests and `eventgraph test-rules`.
  void CompileEveryRule() const;

  // Appends to doc->events the events the rules find in each sentence. Requires doc->mentions. With
  // only_rule, just that rule runs (rule tests use it, so that no other rule's event hides its own).
  void Apply(Document* doc, const Rule* only_rule = nullptr) const;

  size_t rule_count() const { return rules_.size(); }
  const Rule& rule(size_t i) const { return *rules_[i].rule; }
  // After Compile(): whether rule i, which ignores case, matches the lowered sentence with a rewritten
  // pattern (lower_case_pattern.h). False for a case-sensitive rule, and for one that keeps "(?i)",
  // which RE2 compiles at about twice the cost.
  bool MatchesLoweredText(size_t i) const { return rules_[i].regex->on_lowered_text(); }
  // The prefilter, after Compile(): rule i of the pack is rule i of the filter, and the filter's last
  // entry, numbered rule_count(), is the negation, which Apply() tests only in the sentences it admits.
  const AtomFilter& prefilter() const { return *filter_; }

  // The line of its file on which rule (field empty) or a field of it ("/pattern", "/tests/2") begins; 0
  // when unknown. A pack's lines are found the first time one is asked for, not at every start: only
  // messages need them. Thread-safe.
  size_t LineOf(const Rule& rule, std::string_view field = {}) const;

  struct PackText;  // a pack's JSON text, for LineOf (rule_pack.cc)

 public:
  // The regexp a rule matches with, compiled on first use (thread-safe): most rules are never tried on a
  // short input, and compiling all of them was most of the start-up. The one error left at that point
  // is one the load did not look for (rule_pack.cc says which): get() then throws a std::runtime_error
  // that names the rule, not an InputError, because the rule is wrong, not the document.
  class LazyRegex {
   public:
    struct Program {
      std::unique_ptr<re2::RE2> regex;
      bool starts_at_marker = false;  // every match begins with a mention marker (see rule_pack.cc)
      // The rule ignores case and regex matches SentenceView::lower_text() instead of text()
      // (lower_case_pattern.h).
      bool on_lowered_text = false;
      // The capture indices of each slot. A slot may appear in several branches of an alternation
      // ("{subject} met {object}|{object} was met by {subject}"): the one that participated is taken.
      std::vector<int> subject_groups, object_groups, location_groups;
    };

    // The regexp of a rule whose pattern, its slots and macros expanded, is expanded: as it is when
    // case_sensitive; else rewritten to match the lowered sentence (lower_case_pattern.h) where it can be,
    // else with "(?i)".
    LazyRegex(const std::string& expanded, bool case_sensitive, const re2::RE2::Options& options,
              const RulePack* pack, const Rule* rule);
    const Program& get() const {
      std::call_once(once_, [this] { Compile(); });
      return program_;
    }

    // The rule's slot probes (slot_probes.h), which find a match's captures for a fraction of what RE2's
    // NFA costs, but cost about a compile of the rule to build: built at the kProbeAfterMatches-th call,
    // one call per match, so that a rule that seldom matches never pays for them. nullptr before, and for
    // a rule whose probes cannot be trusted. Thread-safe.
    static constexpr uint32_t kProbeAfterMatches = 64;
    const SlotProbes* probes() const {
      if (probes_built_.load(std::memory_order_acquire)) return probes_.get();
      if (matches_.fetch_add(1, std::memory_order_relaxed) + 1 < kProbeAfterMatches) return nullptr;
      std::call_once(probes_once_, [this] {
        probes_ = on_lowered_text_ ? SlotProbes::Make(expanded_, options_, /*on_lowered_text=*/true)
                                   : SlotProbes::Make(pattern_, options_);
        probes_built_.store(true, std::memory_order_release);
      });
      return probes_.get();
    }

    bool on_lowered_text() const { return on_lowered_text_; }

   private:
    void Compile() const;  // rule_pack.cc

    std::string expanded_;  // as the constructor was given it
    std::string pattern_;   // as RE2 compiles it
    bool on_lowered_text_ = false;
    re2::RE2::Options options_;
    const RulePack* pack_;  // and rule_: whose pattern, for the error
    const Rule* rule_;
    mutable std::once_flag once_;
    mutable Program program_;
    mutable std::atomic<uint32_t> matches_{0};
    mutable std::atomic<bool> probes_built_{false};
    mutable std::once_flag probes_once_;
    mutable std::unique_ptr<SlotProbes> probes_;
  };

  // A rule as compiled; public only for the helpers of rule_pack.cc and rule_apply.cc.
  struct Compiled {
    std::unique_ptr<Rule> rule;
    std::unique_ptr<LazyRegex> regex;
    std::string expanded;  // the pattern with its slots and macros expanded
    const PackText* text = nullptr;  // of the pack that defined the rule
    // "unless_before" and "unless_after", expanded and anchored (at the end, at the start); empty: none.
    std::string unless_before_expanded, unless_after_expanded;
    std::unique_ptr<re2::RE2> unless_before, unless_after;  // compiled by Compile()
    bool parse_at_compile = true;  // false for the embedded packs, which tests compile in full
  };

 private:
  // Checks rules [first_rule, first_rule + rule_count): Compile() runs a shard of them per thread.
  void CompileShard(size_t first_rule, size_t rule_count);

  std::vector<Compiled> rules_;
  std::unique_ptr<AtomFilter> filter_;  // which rules can match a sentence
  std::vector<std::unique_ptr<PackText>> texts_;  // one per AddPack
  std::unique_ptr<re2::RE2> negation_;
  bool compiled_ = false;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_RULE_PACK_H_
