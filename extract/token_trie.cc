#include "extract/token_trie.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "extract/ascii_case.h"
#include "extract/tokenizer.h"

namespace eg {

namespace {

// The inverse of LoadLittleEndian (ascii_case.h).
void StoreLittleEndian(uint64_t word, char* p) {
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  std::memcpy(p, &word, 8);
}

}  // namespace

void FoldedTokens::Assign(std::string_view text, const std::vector<Token>& tokens) {
  begins_.resize(tokens.size() + 1);
  hashes_.resize(tokens.size());
  // ASCII folds to as many bytes, so the tokens of a text fit in its size (plus the 8 bytes a word
  // written at the last token may spill); the buffer only grows past it when a token with other
  // characters folds longer.
  folded_.resize(text.size() + 8);
  size_t used = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Span span = tokens[t].span;
    const size_t size = span.size();
    begins_[t] = static_cast<uint32_t>(used);
    // An ASCII token, read and written eight bytes at a time where the text has eight bytes to read.
    if (span.begin + ((size + 7) & ~size_t{7}) <= text.size() && used + size + 8 <= folded_.size()) {
      FoldedTokenHasher hasher(size);
      size_t k = 0;
      for (; k < size; k += 8) {
        uint64_t word = LoadLittleEndian(text.data() + span.begin + k);
        if (size - k < 8) word &= (uint64_t{1} << (8 * (size - k))) - 1;  // the token's bytes only
        if (HasNonAsciiByte(word)) break;
        word = LowerAsciiWord(word);
        StoreLittleEndian(word, folded_.data() + used + k);
        hasher.AddWord(word);
      }
      if (k >= size) {
        hashes_[t] = hasher.Finish();
        used += size;
        continue;
      }
    }
    other_.clear();
    AppendFolded(text.substr(span.begin, size), &other_);
    hashes_[t] = HashFoldedToken(other_);
    if (used + other_.size() + 8 > folded_.size()) {  // folded longer: room for it and the rest as ASCII
      folded_.resize(used + other_.size() + (text.size() - std::min<size_t>(text.size(), span.end)) + 8);
    }
    std::memcpy(folded_.data() + used, other_.data(), other_.size());
    used += other_.size();
  }
  begins_[tokens.size()] = static_cast<uint32_t>(used);
  folded_.resize(used);
}

TokenTrie::WordSlot* TokenTrie::AddWord(const Probe& token) {
  if (const WordSlot* known = FindWord(token)) return const_cast<WordSlot*>(known);
  if (2 * (word_count_ + 1) > words_index_.size()) {  // grow: rehash every word into twice the slots
    std::vector<WordSlot> old(words_index_.size() * 2);
    old.swap(words_index_);
    const size_t mask = words_index_.size() - 1;
    for (const WordSlot& slot : old) {
      if (slot.id == kNoValue) continue;
      size_t i = slot.hash & mask;
      while (words_index_[i].id != kNoValue) i = (i + 1) & mask;
      words_index_[i] = slot;
    }
  }
  const size_t mask = words_index_.size() - 1;
  size_t i = token.hash & mask;
  while (words_index_[i].id != kNoValue) i = (i + 1) & mask;
  words_index_[i] = {token.hash, static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(token.token.size()),
                     static_cast<uint32_t>(word_count_++), 0};
  words_.append(token.token);
  return &words_index_[i];
}

void TokenTrie::RehashEdges(size_t size) {
  std::vector<EdgeSlot> old(size, EdgeSlot{kNoEdge, 0});
  old.swap(edges_);
  const size_t mask = edges_.size() - 1;
  for (const EdgeSlot& slot : old) {
    if (slot.key == kNoEdge) continue;
    size_t i = Mix(slot.key) & mask;
    while (edges_[i].key != kNoEdge) i = (i + 1) & mask;
    edges_[i] = slot;
  }
}

void TokenTrie::Reserve(size_t edges) {
  size_t size = edges_.size();
  while (size < 2 * (edge_count_ + edges)) size *= 2;
  if (size > edges_.size()) RehashEdges(size);
  values_.reserve(values_.size() + edges);
}

uint32_t TokenTrie::AddEdge(uint32_t parent, uint32_t word) {
  const uint64_t key = (static_cast<uint64_t>(parent) << 32) | word;
  if (2 * (edge_count_ + 1) > edges_.size()) RehashEdges(edges_.size() * 2);
  const size_t mask = edges_.size() - 1;
  size_t i = Mix(key) & mask;
  for (; edges_[i].key != kNoEdge; i = (i + 1) & mask) {
    if (edges_[i].key == key) return edges_[i].child;
  }
  edges_[i] = {key, static_cast<uint32_t>(values_.size())};
  ++edge_count_;
  values_.push_back(kNoValue);
  return edges_[i].child;
}

void TokenTrie::MarkStart(size_t hash) {
  if (++start_count_ * 16 > starts_.size() * 64) {  // grow: four times the bits, every start marked again
    starts_.assign(starts_.size() * 4, 0);
    for (const WordSlot& slot : words_index_) {
      if (slot.id != kNoValue && slot.root_child != 0) SetStartBit(slot.hash);
    }
  }
  SetStartBit(hash);
}

void TokenTrie::MarkContinue(uint32_t parent, size_t hash) {
  if (++continue_count_ * 16 > continues_.size() * 64) {  // grow as MarkStart does, over the edge table
    continues_.assign(continues_.size() * 4, 0);
    std::vector<size_t> hashes(word_count_);  // by token id
    for (const WordSlot& slot : words_index_) {
      if (slot.id != kNoValue) hashes[slot.id] = slot.hash;
    }
    for (const EdgeSlot& edge : edges_) {
      const auto from = static_cast<uint32_t>(edge.key >> 32);
      if (edge.key != kNoEdge && from != 0) SetContinueBit(from, hashes[static_cast<uint32_t>(edge.key)]);
    }
  }
  SetContinueBit(parent, hash);
}

uint32_t TokenTrie::Insert(std::string_view text) {
  insert_tokens_.clear();
  TokenizeText(text, &insert_tokens_);
  if (insert_tokens_.empty()) return kNoValue;
  uint32_t node = 0;
  for (const Token& token : insert_tokens_) {
    insert_folded_.clear();
    AppendFolded(text.substr(token.span.begin, token.span.size()), &insert_folded_);
    WordSlot* const word = AddWord(Probe{insert_folded_, HashFoldedToken(insert_folded_)});
    const uint32_t parent = node;
    const size_t edges = edge_count_;
    node = AddEdge(parent, word->id);
    if (parent == 0 && word->root_child == 0) {
      word->root_child = node;
      MarkStart(word->hash);
    } else if (parent != 0 && edge_count_ != edges) {
      MarkContinue(parent, word->hash);
    }
  }
  if (values_[node] == kNoValue) values_[node] = static_cast<uint32_t>(value_count_++);
  return values_[node];
}

}  // namespace eg
