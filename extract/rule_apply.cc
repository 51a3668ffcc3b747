// RulePack::Apply: the rules of a compiled pack run over the sentences of one document (rule_pack.h).
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <vector>

#include "extract/coordination.h"
#include "extract/event_date.h"
#include "extract/rule_pack.h"
#include "extract/rule_pattern.h"

namespace eg {
namespace {

constexpr size_t kNoMention = static_cast<size_t>(-1);

// The index in Document::mentions of the mention a slot marker's payload ("P12") stands for, or
// kNoMention for an empty capture.
size_t MentionIndex(const Document& doc, std::string_view marker) {
  if (marker.size() < 2) return kNoMention;
  size_t index = 0;
  for (char c : marker.substr(1)) index = index * 10 + static_cast<size_t>(c - '0');
  return index < doc.mentions.size() ? index : kNoMention;
}

// The mentions a captured marker stands for: its list (coordination.h), or none for an empty capture.
void MembersOf(const Document& doc, std::string_view marker, std::vector<size_t>* members) {
  const size_t index = MentionIndex(doc, marker);
  if (index == kNoMention) {
    members->clear();
    return;
  }
  CoordinatedMentions(doc, index, members);
}

Argument ArgumentOfMention(const Document& doc, size_t index, bool is_location) {
  if (index == kNoMention) return {};
  const Mention& mention = doc.mentions[index];
  const Entity* entity = mention.entity;
  // An event at a landmark takes place in its city; a capital or landmark that is a party to an event is
  // the actor it stands for ("Moscow said" -> Russia).
  if (is_location && entity->location) entity = entity->location;
  if (!is_location && entity->stands_for) entity = entity->stands_for;
  return {entity, mention.span};
}

Argument ArgumentOf(const Document& doc, std::string_view marker, bool is_location) {
  return ArgumentOfMention(doc, MentionIndex(doc, marker), is_location);
}

// How sure a mention is of its entity, as a factor on an event's confidence: names are sure; a role
// resolved at a date or a pronoun with one candidate less so; a name the gazetteer lacks least.
double Certainty(const Document& doc, size_t index) {
  if (index == kNoMention) return 1.0;
  switch (doc.mentions[index].source) {
    case MentionSource::kName: return 1.0;
    case MentionSource::kRole: return 0.9;
    case MentionSource::kPronoun: return 0.8;
    case MentionSource::kDiscovered: return 0.7;
  }
  return 1.0;
}

// Appends event to events unless the sentence (events from first on) has it already: one event per
// (subject, relation, object), either order for symmetric rules. The earlier rule wins; a later one may
// add the location the earlier one lacked.
void AddUnlessDuplicate(const Event& event, size_t first, std::vector<Event>* events) {
  for (size_t e = first; e < events->size(); ++e) {
    Event& other = (*events)[e];
    bool same_pair = (other.subject.entity == event.subject.entity && other.object.entity == event.object.entity) ||
                     (event.rule->symmetric && other.rule->symmetric && other.subject.entity == event.object.entity &&
                      other.object.entity == event.subject.entity);
    if (same_pair && other.rule->relation == event.rule->relation) {
      if (!other.location && event.location) other.location = event.location;
      return;
    }
  }
  events->push_back(event);
}

}  // namespace

void RulePack::Apply(Document* doc, const Rule* only_rule) const {
  if (!compiled_) throw std::logic_error("RulePack::Apply before Compile");
  // Per-thread scratch: no allocation per sentence once these have grown.
  thread_local SentenceView view;
  thread_local std::vector<int> candidates;
  thread_local std::vector<re2::StringPiece> captures;
  thread_local std::vector<size_t> subjects, objects;
  thread_local SentenceDates dates;
  std::array<uint32_t, kSlotCount> filled;
  const int negation_entry = static_cast<int>(rules_.size());
  size_t next_mention = 0;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    while (next_mention < doc->mentions.size() && doc->mentions[next_mention].sentence < s) ++next_mention;
    size_t end_mention = next_mention;
    while (end_mention < doc->mentions.size() && doc->mentions[end_mention].sentence == s) ++end_mention;
    if (end_mention == next_mention) continue;  // no entity, no event
    view.Build(*doc, s, next_mention, end_mention);
    const re2::StringPiece text(view.text());

    filter_->Candidates(view.text(), &candidates);  // the rules that can match, in pack order
    // The filter's last entry is the negation (Compile()): without its atoms, no match in the sentence
    // holds a negation, and no event of it is tested for one.
    const bool may_negate = !candidates.empty() && candidates.back() == negation_entry;
    if (may_negate) candidates.pop_back();
    if (candidates.empty()) continue;

    const size_t first_event = doc->events.size();
    const Span sentence_span = doc->sentences[s].span;
    bool dates_read = false;  // dates: the sentence's date expressions, read at its first event
    for (int candidate : candidates) {
      const Compiled& compiled = rules_[static_cast<size_t>(candidate)];
      if (only_rule && compiled.rule.get() != only_rule) continue;
      const LazyRegex::Program& program = compiled.regex->get();
      const RE2& regex = *program.regex;
      // What regex runs on: the view or its lowered copy, same offsets. The vetoes and the negation
      // test, compiled as written, run on the view.
      const re2::StringPiece matched(program.on_lowered_text ? view.lower_text() : view.text());
      const int groups = regex.NumberOfCapturingGroups() + 1;
      captures.assign(static_cast<size_t>(groups), re2::StringPiece());
      // One match of the rule, in captures: its events.
      auto take = [&]() {
        const re2::StringPiece whole = captures[0];
        const size_t match_begin = static_cast<size_t>(whole.data() - matched.data());
        auto capture = [&](const std::vector<int>& slot_groups) {
          for (int group : slot_groups) {
            const re2::StringPiece& piece = captures[static_cast<size_t>(group)];
            if (piece.data() != nullptr) return std::string_view(piece.data(), piece.size());
          }
          return std::string_view();
        };
        const size_t match_end = match_begin + whole.size();
        const bool vetoed =
            (compiled.unless_before &&
             RE2::PartialMatch(re2::StringPiece(text.data(), match_begin), *compiled.unless_before)) ||
            (compiled.unless_after &&
             RE2::PartialMatch(re2::StringPiece(text.data() + match_end, text.size() - match_end),
                               *compiled.unless_after));
        if (vetoed) return match_begin + std::max<size_t>(whole.size(), 1);
        const std::string_view subject_marker = capture(program.subject_groups);
        const std::string_view object_marker = capture(program.object_groups);
        Event event;
        event.sentence = s;
        event.match = view.Original(match_begin, match_begin + whole.size());
        event.location = ArgumentOf(*doc, capture(program.location_groups), true);
        event.rule = compiled.rule.get();
        if (!dates_read) {
          dates.Read(doc->Text(sentence_span), doc->date);
          dates_read = true;
        }
        event.date = dates.DateOf(event.match.begin - sentence_span.begin, event.match.end - sentence_span.begin);
        if (may_negate && RE2::PartialMatch(re2::StringPiece(text.data() + match_begin, whole.size()), *negation_)) {
          event.polarity = Polarity::kNegative;
        }
        // The event holds for every member of a list its subject or object belongs to.
        MembersOf(*doc, subject_marker, &subjects);
        MembersOf(*doc, object_marker, &objects);
        const bool shared_list = !subjects.empty() && !objects.empty() &&
                                 std::find(subjects.begin(), subjects.end(), objects.front()) != subjects.end();
        if (shared_list && !event.rule->symmetric) {
          // "talks between A, B and C" read by a directed rule: keep what the rule itself captured.
          subjects.assign(1, MentionIndex(*doc, subject_marker));
          objects.assign(1, MentionIndex(*doc, object_marker));
        }
        if (objects.empty()) objects.push_back(kNoMention);
        for (size_t subject : subjects) {
          for (size_t object : objects) {
            if (shared_list && object != kNoMention && object <= subject) continue;  // each pair once
            event.subject = ArgumentOfMention(*doc, subject, false);
            event.object = object == kNoMention ? Argument() : ArgumentOfMention(*doc, object, false);
            if (!event.subject || event.subject.entity == event.object.entity) continue;
            event.confidence = compiled.rule->confidence * Certainty(*doc, subject) * Certainty(*doc, object);
            AddUnlessDuplicate(event, first_event, &doc->events);
          }
        }
        return match_begin + std::max<size_t>(whole.size(), 1);  // where the next match may start
      };
      // With captures[0] the whole match (begin = where it starts), the rest of captures: from the slot
      // probes when they can tell (most matches, once the rule has matched often), else from RE2's NFA
      // (anchored at begin, it finds the same match). False when RE2 does not match after all.
      auto capture_slots = [&](size_t begin) {
        const SlotProbes* probes = compiled.regex->probes();
        const size_t end = static_cast<size_t>(captures[0].data() - matched.data()) + captures[0].size();
        if (!probes || !probes->Fill(matched, begin, end, view.markers(), &filled)) {
          return regex.Match(matched, begin, matched.size(), RE2::ANCHOR_START, captures.data(), groups);
        }
        std::fill(captures.begin() + 1, captures.end(), re2::StringPiece());
        const std::vector<int>* slot_groups[kSlotCount] = {&program.subject_groups, &program.object_groups,
                                                            &program.location_groups};
        for (size_t slot = 0; slot < kSlotCount; ++slot) {
          if (filled[slot] == SlotProbes::kEmpty || slot_groups[slot]->empty()) continue;
          const size_t payload = filled[slot] + 1;  // "P12" of "\x01P12\x02"
          captures[static_cast<size_t>(slot_groups[slot]->front())] =
              re2::StringPiece(matched.data() + payload, matched.find('\x02', payload) - payload);
        }
        return true;
      };
      size_t pos = 0;
      if (program.starts_at_marker) {
        // One unanchored pass of the DFA says whether the rule matches the sentence at all (most candidates
        // do not): cheaper than trying it at every marker.
        if (!regex.Match(matched, 0, matched.size(), RE2::UNANCHORED, nullptr, 0)) continue;
        // Every match starts at a marker: the leftmost match from pos is the anchored match at the first
        // marker at or after pos that has one. The DFA alone (no captures) says which, and where it ends.
        for (uint32_t at : view.markers()) {
          if (at < pos || !regex.Match(matched, at, matched.size(), RE2::ANCHOR_START, captures.data(), 1)) continue;
          if (capture_slots(at)) pos = take();
        }
      } else {
        // RE2's DFAs find the leftmost match's bounds (forward, then backward for its start).
        while (pos <= matched.size() && regex.Match(matched, pos, matched.size(), RE2::UNANCHORED, captures.data(), 1)) {
          if (!capture_slots(static_cast<size_t>(captures[0].data() - matched.data()))) break;
          pos = take();
        }
      }
    }
    // Rules ran in pack order; Document::events is ordered by position within the sentence.
    std::stable_sort(doc->events.begin() + static_cast<std::ptrdiff_t>(first_event), doc->events.end(),
                     [](const Event& a, const Event& b) { return a.match.begin < b.match.begin; });
  }
}

}  // namespace eg
