// SlotProbes: which mention fills each slot of a rule's match, told by RE2's DFA instead of its NFA.
//
// Once RE2's DFA has found a match of a rule, text[begin, end), the event needs to know which mention
// marker (rule_pattern.h) the match's subject, object and location slots captured. RE2 answers with its
// NFA, because rule programs are too large for its faster capture engines (over 512 instructions), and
// that costs ~45,000 instructions a match: an eighth of a run on event-dense news. SlotProbes asks the DFA
// instead, a few anchored runs over the match: ~7,000 instructions a match in all.
//
// How: for each slot the rule has, one more program ("probe"): the rule's pattern with that slot's marker
// opening "\x03" instead of "\x01". In a copy of the text, the marker at m is rewritten to open with "\x03";
// the probe then matches text[begin, end) exactly if some way of matching it fills the slot with the
// mention at m. One run per marker inside the match and one with no marker rewritten ("the slot stays
// empty") list the ways the slot can be filled. When exactly one is possible, it is the one RE2's NFA would
// choose (its match is one of them); when more are, Fill() says so and the caller asks RE2's NFA, which
// picks by its priorities. A rewritten marker that some other part of the pattern could swallow ("[^,]+")
// can only add a possibility, never remove the right one, so it costs a fallback, never a wrong answer.
// Three kinds of marker need no run: one whose entity type the slot does not admit; the first marker of
// the match when every match begins with the slot ("{subject:ACTOR} met ..."): that slot needs no probe
// at all; and, for a later slot, the marker an earlier slot was found to take (only one part of the
// pattern reads a marker, so the object cannot be the subject's). A slot with no marker left to try is
// empty. A slot that every match fills needs no run for "empty", nor for its last marker when none before
// it fit: most matches of most rules have one marker their object can be, and cost no run for it.
//
// That reasoning needs one thing of the pattern: no match fills a slot twice. Make() checks it by reading
// the pattern's structure (a slot inside a repetition, or two of the same slot in a row, could), and
// returns nullptr for such a pattern, or one it cannot read with certainty: the caller then keeps RE2's
// NFA for that rule.
//
// Cost: compiling the probes costs about what compiling the rule did (2-4M instructions a slot), so a
// caller builds them only for a rule that has matched often (RulePack: after kProbeAfterMatches matches).
//
// Thread safety: after Make(), Fill() may run on many threads at once.
#ifndef EVENTGRAPH_EXTRACT_SLOT_PROBES_H_
#define EVENTGRAPH_EXTRACT_SLOT_PROBES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace eg {

// The slots a rule may have, in the order Fill() answers for them.
constexpr size_t kSlotCount = 3;
constexpr std::string_view kSlotNames[kSlotCount] = {"subject", "object", "location"};

// For each slot, the most times one match of pattern (RE2 syntax, slots expanded) can fill it: 0, 1, or 2
// for "more than once". nullopt when the reader meets something it does not know for certain.
std::optional<std::array<uint8_t, kSlotCount>> MostFillsPerMatch(std::string_view pattern);
// The fewest times: 1 or more for a slot that every match fills.
std::optional<std::array<uint8_t, kSlotCount>> FewestFillsPerMatch(std::string_view pattern);

class SlotProbes {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // a slot the match leaves empty

  // The probes of a rule whose expanded pattern is pattern, compiled with options (the rule's own), or
  // nullptr when they could not be trusted (see above) or do not compile. With on_lowered_text, the rule
  // ignores case by matching the lowered sentence (lower_case_pattern.h): pattern is then as expanded,
  // without "(?i)", and each probe is rewritten as the rule was, to run on the lowered text.
  static std::unique_ptr<SlotProbes> Make(std::string_view pattern, const re2::RE2::Options& options,
                                          bool on_lowered_text = false);

  // For the rule's match text[begin, end), the offset of the marker ('\x01') that fills each slot, or
  // kEmpty; markers: the offsets of every marker in text, ascending. False when a slot can be filled in
  // more than one way: the caller must ask RE2 for the captures.
  bool Fill(std::string_view text, size_t begin, size_t end, const std::vector<uint32_t>& markers,
            std::array<uint32_t, kSlotCount>* filled) const;

 private:
  SlotProbes() = default;

  // The slot every match begins with ("{subject:ACTOR} met ..."): the marker at the match's start fills
  // it, and it needs no probe. -1: none.
  int leading_slot_ = -1;
  std::array<bool, kSlotCount> required_{};  // every match fills the slot
  std::array<uint32_t, kSlotCount> letters_{};  // the entity type letters each slot admits (bit c - 'A')
  std::array<std::unique_ptr<re2::RE2>, kSlotCount> probes_;  // null for a slot the rule does not have or
                                                              // that leads
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_SLOT_PROBES_H_
