#include "extract/literal_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/ascii_case.h"
#include "extract/utf8.h"

namespace eg {
namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals) : literal_count_(literals.size()) {
  // Byte classes: one per distinct byte of the ASCII literals; upper-case letters share their lower case.
  std::vector<int> ascii;  // the literals in the trie: the others are reported for every text
  for (size_t i = 0; i < literals.size(); ++i) {
    const std::string& literal = literals[i];
    if (literal.empty() || !IsAscii(literal)) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    ascii.push_back(static_cast<int>(i));
    longest_ = std::max(longest_, literal.size());
    for (char c : literal) {
      const uint8_t byte = static_cast<uint8_t>(c);
      if (class_of_[byte] == 0) class_of_[byte] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c + 32];

  // The trie takes the literals sorted by their classes, so that each shares its path with the one before
  // for as long as their prefixes agree: its nodes can be counted before the table is made, and each
  // literal is added where the one before left off, not walked down from the root.
  std::vector<std::string> keys(literals.size());  // by literal: its classes, one byte each
  for (int i : ascii) {
    std::string& key = keys[static_cast<size_t>(i)];
    for (char c : literals[static_cast<size_t>(i)]) key += static_cast<char>(class_of_[static_cast<uint8_t>(c)]);
  }
  std::sort(ascii.begin(), ascii.end(), [&](int a, int b) {
    const int order = keys[static_cast<size_t>(a)].compare(keys[static_cast<size_t>(b)]);
    return order != 0 ? order < 0 : a < b;  // equal ones in input order
  });
  std::vector<size_t> shared(ascii.size(), 0);  // with the literal before, in classes
  size_t states = 1;
  for (size_t k = 0; k < ascii.size(); ++k) {
    const std::string& key = keys[static_cast<size_t>(ascii[k])];
    if (k > 0) {
      const std::string& before = keys[static_cast<size_t>(ascii[k - 1])];
      const size_t length = std::min(key.size(), before.size());
      while (shared[k] < length && key[shared[k]] == before[shared[k]]) ++shared[k];
    }
    states += key.size() - shared[k];
  }
  if (states < 0xFFFF) {
    Build(keys, ascii, shared, states, &delta16_);
  } else {
    Build(keys, ascii, shared, states, &delta32_);
  }
}

template <typename State>
void LiteralMatcher::Build(const std::vector<std::string>& keys, const std::vector<int>& sorted,
                           const std::vector<size_t>& shared, size_t states, std::vector<State>* table) {
  // The trie, in the table itself: node n's children at delta[n * classes + c] (kNone: none), its own
  // literals a list from first_own[n] through next_own (equal literals are neighbours in sorted order, so
  // a node's next literal follows the one before it). path[d]: the node at depth d of the last literal.
  constexpr State kNone = static_cast<State>(-1);
  const size_t classes = classes_;
  std::vector<State>& delta = *table;
  delta.assign(states * classes, kNone);
  std::vector<int> first_own(states, -1), next_own(literal_count_, -1);
  std::vector<State> path(longest_ + 1, 0);
  State node_count = 1;
  for (size_t k = 0; k < sorted.size(); ++k) {
    const int literal = sorted[k];
    const std::string& key = keys[static_cast<size_t>(literal)];
    for (size_t depth = shared[k]; depth < key.size(); ++depth) {
      delta[static_cast<size_t>(path[depth]) * classes + static_cast<uint8_t>(key[depth])] = node_count;
      path[depth + 1] = node_count++;
    }
    const State node = path[key.size()];
    if (first_own[node] == -1) {
      first_own[node] = literal;
    } else {
      next_own[static_cast<size_t>(sorted[k - 1])] = literal;
    }
  }

  // Breadth first, in place: a missing child becomes the failure state's transition, and each node gets
  // its failure link and the nearest state on its failure chain with literals of its own (a state reports
  // its own literals, then those of that chain).
  std::vector<State> fail(states, 0), order;
  std::vector<State> report_link(states, kNone);
  order.reserve(states);
  for (size_t c = 0; c < classes; ++c) {
    if (delta[c] == kNone) {
      delta[c] = 0;
    } else {
      order.push_back(delta[c]);
    }
  }
  for (size_t next = 0; next < order.size(); ++next) {
    const State node = order[next];
    const State failure = fail[node];
    report_link[node] = first_own[failure] != -1 ? failure : report_link[failure];
    State* const row = &delta[static_cast<size_t>(node) * classes];
    const State* const failure_row = &delta[static_cast<size_t>(failure) * classes];
    for (size_t c = 0; c < classes; ++c) {
      if (row[c] == kNone) {
        row[c] = failure_row[c];
      } else {
        fail[row[c]] = failure_row[c];
        order.push_back(row[c]);
      }
    }
  }

  // Renumber: states that report nothing first (the root, which reports nothing, stays 0), then those
  // that do, with their literals.
  auto reports = [&](size_t s) { return first_own[s] != -1 || report_link[s] != kNone; };
  std::vector<State> renumbered(states);
  State next = 0;
  for (size_t s = 0; s < states; ++s) {
    if (!reports(s)) renumbered[s] = next++;
  }
  first_output_state_ = next;
  output_begin_.reserve(states - first_output_state_ + 1);
  for (size_t s = 0; s < states; ++s) {
    if (!reports(s)) continue;
    renumbered[s] = next++;
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    for (State on = static_cast<State>(s); on != kNone; on = report_link[on]) {
      for (int literal = first_own[on]; literal != -1; literal = next_own[static_cast<size_t>(literal)]) {
        outputs_.push_back(literal);
      }
    }
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
  // In place as well: every transition to its new number, then every row to its new place, one cycle of
  // the permutation at a time.
  for (State& to : delta) to = renumbered[to];
  std::vector<State> carried(classes), displaced(classes);
  std::vector<uint8_t> placed(states, 0);
  for (size_t start = 0; start < states; ++start) {
    if (placed[start] || renumbered[start] == start) continue;
    std::copy_n(&delta[start * classes], classes, carried.begin());
    for (size_t from = start; !placed[from];) {
      const size_t to = renumbered[from];
      std::copy_n(&delta[to * classes], classes, displaced.begin());
      std::copy_n(carried.begin(), classes, &delta[to * classes]);
      carried.swap(displaced);
      placed[from] = 1;
      from = to;
    }
  }
}

void LiteralMatcher::Match(std::string_view text, std::vector<int>* found) const {
  if (delta32_.empty()) {
    MatchWith(delta16_, text, found);
  } else {
    MatchWith(delta32_, text, found);
  }
}

template <typename State>
void LiteralMatcher::MatchWith(const std::vector<State>& delta, std::string_view text, std::vector<int>* found) const {
  // Per-thread scratch: seen is all zero between calls; steps holds the text as byte classes.
  thread_local std::vector<uint8_t> seen, steps;
  if (seen.size() < literal_count_) seen.resize(literal_count_, 0);
  found->assign(always_.begin(), always_.end());

  // The text as the classes of its code points, one step each: ASCII bytes through class_of_, eight at a
  // time when all eight are; a code point that case-folds to ASCII may complete a literal, as a
  // case-insensitive regexp matches it (K, the Kelvin sign, is k and ſ, the long s, is s; so is İ, whose
  // lower case is i); any other is in no literal.
  steps.resize(text.size());
  size_t count = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (!HasNonAsciiByte(word)) {
        for (size_t k = 0; k < 8; ++k) steps[count + k] = class_of_[static_cast<uint8_t>(text[pos + k])];
        count += 8;
        pos += 8;
        continue;
      }
    }
    uint8_t byte = static_cast<uint8_t>(text[pos]);
    if (byte < 0x80) {
      ++pos;
    } else {
      size_t length;
      const char32_t cp = DecodeUtf8(text, pos, &length);
      pos += length;
      UChar32 folded = u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT);
      if (folded >= 0x80) folded = u_tolower(static_cast<UChar32>(cp));
      byte = folded < 0x80 ? static_cast<uint8_t>(folded) : 0;
    }
    steps[count++] = class_of_[byte];
  }

  // The walks (literal_matcher.h): one over the whole text, or two or four over pieces of it side by
  // side, when the pieces are at least twice the longest literal. A walk starts at the root, so it finds
  // every literal that starts in its piece; it goes on overlap steps past the piece to finish them.
  const size_t unit = std::max<size_t>(longest_, 4);
  const size_t walks = count >= 8 * unit ? 4 : count >= 4 * unit ? 2 : 1;
  const size_t overlap = walks == 1 ? 0 : longest_ - 1;
  // Walk w takes the steps [w * piece, w * piece + length), the last one fewer: the rest of the text.
  const size_t piece = (count - overlap + walks - 1) / walks;
  const size_t length = piece + overlap;
  const size_t last_length = count - (walks - 1) * piece;

  // A step stores the state it reaches in hits, and keeps it only if the state reports literals: no
  // branch, so the walks never wait for a mispredicted one (one step in seven reaches such a state).
  thread_local std::vector<uint32_t> hits;
  hits.resize(count + (walks - 1) * overlap + 1);
  uint32_t* const hit = hits.data();
  size_t hit_count = 0;
  const State* const table = delta.data();
  const size_t classes = classes_;
  const uint32_t first_output = first_output_state_;
  const uint8_t* const steps_of = steps.data();
  auto step = [&](uint32_t state, size_t at) {
    state = table[state * classes + steps_of[at]];
    hit[hit_count] = state;
    hit_count += state >= first_output;
    return state;
  };
  std::array<uint32_t, 4> state{};
  size_t i = 0;  // steps every walk has taken
  if (walks == 4) {
    for (; i < last_length; ++i) {
      state[0] = step(state[0], i);
      state[1] = step(state[1], piece + i);
      state[2] = step(state[2], 2 * piece + i);
      state[3] = step(state[3], 3 * piece + i);
    }
  } else if (walks == 2) {
    for (; i < last_length; ++i) {
      state[0] = step(state[0], i);
      state[1] = step(state[1], piece + i);
    }
  }
  // The steps left: all of them for one walk, else the few by which the other walks outrun the last.
  for (size_t w = 0; w < std::max<size_t>(walks - 1, 1); ++w) {
    for (size_t k = w * piece + i; k < w * piece + length; ++k) state[w] = step(state[w], k);
  }

  for (size_t h = 0; h < hit_count; ++h) {
    const uint32_t at = hit[h] - first_output;
    for (uint32_t o = output_begin_[at]; o < output_begin_[at + 1]; ++o) {
      const int literal = outputs_[o];
      if (!seen[static_cast<size_t>(literal)]) {
        seen[static_cast<size_t>(literal)] = 1;
        found->push_back(literal);
      }
    }
  }
  for (int literal : *found) seen[static_cast<size_t>(literal)] = 0;
}

}  // namespace eg
