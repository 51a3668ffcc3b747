#include "extract/literal_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include "extract/ascii_case.h"
#include "extract/utf8.h"

namespace eg {
namespace {

constexpr uint32_t kNone = static_cast<uint32_t>(-1);

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The transition table delta with state s numbered renumbered[s], as State.
template <typename State>
std::vector<State> Renumber(const std::vector<uint32_t>& delta, const std::vector<uint32_t>& renumbered,
                            size_t classes) {
  std::vector<State> table(delta.size());
  for (size_t s = 0; s < renumbered.size(); ++s) {
    for (size_t c = 0; c < classes; ++c) {
      table[renumbered[s] * classes + c] = static_cast<State>(renumbered[delta[s * classes + c]]);
    }
  }
  return table;
}

}  // namespace

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals) : literal_count_(literals.size()) {
  // Byte classes: one per distinct byte of the ASCII literals; upper-case letters share their lower case.
  for (const std::string& literal : literals) {
    if (!IsAscii(literal) || literal.empty()) continue;
    for (char c : literal) {
      const uint8_t byte = static_cast<uint8_t>(c);
      if (class_of_[byte] == 0) class_of_[byte] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c + 32];

  // The trie of the literals.
  std::vector<uint32_t> children(classes_, kNone);  // node 0
  std::vector<std::vector<int>> own(1);
  for (size_t i = 0; i < literals.size(); ++i) {
    const std::string& literal = literals[i];
    if (literal.empty() || !IsAscii(literal)) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    longest_ = std::max(longest_, literal.size());
    uint32_t node = 0;
    for (char c : literal) {
      const size_t slot = static_cast<size_t>(node) * classes_ + class_of_[static_cast<uint8_t>(c)];
      if (children[slot] == kNone) {
        children[slot] = static_cast<uint32_t>(own.size());
        own.emplace_back();
        children.resize(children.size() + classes_, kNone);
      }
      node = children[slot];
    }
    own[node].push_back(static_cast<int>(i));
  }

  // Breadth first: failure links, the full transition table and the outputs of each state.
  const size_t states = own.size();
  std::vector<uint32_t> delta(states * classes_, 0);
  std::vector<uint32_t> fail(states, 0);
  std::vector<std::vector<int>> outputs(states);
  std::deque<uint32_t> queue;
  outputs[0] = own[0];
  for (uint32_t c = 1; c < classes_; ++c) {
    const uint32_t child = children[c];
    if (child == kNone) continue;
    delta[c] = child;
    fail[child] = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const uint32_t node = queue.front();
    queue.pop_front();
    outputs[node] = own[node];
    outputs[node].insert(outputs[node].end(), outputs[fail[node]].begin(), outputs[fail[node]].end());
    for (uint32_t c = 1; c < classes_; ++c) {
      const size_t slot = static_cast<size_t>(node) * classes_ + c;
      const uint32_t child = children[slot];
      if (child == kNone) {
        delta[slot] = delta[static_cast<size_t>(fail[node]) * classes_ + c];
        continue;
      }
      delta[slot] = child;
      fail[child] = delta[static_cast<size_t>(fail[node]) * classes_ + c];
      queue.push_back(child);
    }
  }

  // Renumber: states without outputs first (the root, which has none, stays 0), then those with.
  std::vector<uint32_t> renumbered(states);
  uint32_t next = 0;
  for (size_t s = 0; s < states; ++s) {
    if (outputs[s].empty()) renumbered[s] = next++;
  }
  first_output_state_ = next;
  output_begin_.reserve(states - first_output_state_ + 1);
  for (size_t s = 0; s < states; ++s) {
    if (outputs[s].empty()) continue;
    renumbered[s] = next++;
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), outputs[s].begin(), outputs[s].end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
  if (states <= 0x10000) {
    delta16_ = Renumber<uint16_t>(delta, renumbered, classes_);
  } else {
    delta32_ = Renumber<uint32_t>(delta, renumbered, classes_);
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
