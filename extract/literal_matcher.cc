#include "extract/literal_matcher.h"

#include <unicode/uchar.h>

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
  thread_local std::vector<uint8_t> seen;  // all zero between calls
  if (seen.size() < literal_count_) seen.resize(literal_count_, 0);
  found->assign(always_.begin(), always_.end());
  uint32_t state = 0;
  auto step = [&](uint8_t byte) {
    state = delta[static_cast<size_t>(state) * classes_ + class_of_[byte]];
    if (state < first_output_state_) return;
    const uint32_t at = state - first_output_state_;
    for (uint32_t o = output_begin_[at]; o < output_begin_[at + 1]; ++o) {
      const int literal = outputs_[o];
      if (!seen[static_cast<size_t>(literal)]) {
        seen[static_cast<size_t>(literal)] = 1;
        found->push_back(literal);
      }
    }
  };
  for (size_t pos = 0; pos < text.size();) {
    // Eight ASCII bytes at a time: one test for all of them instead of one each.
    if (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (!HasNonAsciiByte(word)) {
        for (size_t k = 0; k < 8; ++k) step(static_cast<uint8_t>(text[pos + k]));
        pos += 8;
        continue;
      }
    }
    uint8_t byte = static_cast<uint8_t>(text[pos]);
    if (byte < 0x80) {
      ++pos;
    } else {
      // A code point that case-folds to ASCII may complete a literal, as a case-insensitive regexp
      // matches it: K, the Kelvin sign, is k and ſ, the long s, is s (so is İ, whose lower case is i). Any
      // other is in no literal.
      size_t length;
      const char32_t cp = DecodeUtf8(text, pos, &length);
      pos += length;
      UChar32 folded = u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT);
      if (folded >= 0x80) folded = u_tolower(static_cast<UChar32>(cp));
      byte = folded < 0x80 ? static_cast<uint8_t>(folded) : 0;
    }
    step(byte);
  }
  for (int literal : *found) seen[static_cast<size_t>(literal)] = 0;
}

}  // namespace eg
