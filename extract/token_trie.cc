#include "extract/token_trie.h"

#include "extract/tokenizer.h"

namespace eg {

void FoldedTokens::Assign(std::string_view text, const std::vector<Token>& tokens) {
  folded_.clear();
  begins_.clear();
  hashes_.clear();
  folded_.reserve(text.size());  // ASCII folds to as many bytes: most documents need no more room
  begins_.reserve(tokens.size() + 1);
  hashes_.reserve(tokens.size());
  for (const Token& token : tokens) {
    const size_t begin = folded_.size();
    begins_.push_back(static_cast<uint32_t>(begin));
    AppendFolded(text.substr(token.span.begin, token.span.size()), &folded_);
    hashes_.push_back(HashFoldedToken(std::string_view(folded_).substr(begin)));
  }
  begins_.push_back(static_cast<uint32_t>(folded_.size()));
}

uint32_t TokenTrie::AddWord(const Probe& token) {
  const uint32_t known = WordId(token);
  if (known != kNoValue) return known;
  if (2 * (word_count_ + 1) > words_index_.size()) {  // grow: rehash every word into twice the slots
    std::vector<WordSlot> old(words_index_.size() * 2);
    old.swap(words_index_);
    const size_t mask = words_index_.size() - 1;
    for (const WordSlot& slot : old) {
      if (slot.id == kNoValue) continue;
      size_t i = Mix(slot.hash) & mask;
      while (words_index_[i].id != kNoValue) i = (i + 1) & mask;
      words_index_[i] = slot;
    }
  }
  const size_t mask = words_index_.size() - 1;
  size_t i = Mix(token.hash) & mask;
  while (words_index_[i].id != kNoValue) i = (i + 1) & mask;
  words_index_[i] = {token.hash, static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(token.token.size()),
                     static_cast<uint32_t>(word_count_++)};
  words_.append(token.token);
  return words_index_[i].id;
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

uint32_t TokenTrie::Insert(std::string_view text) {
  insert_tokens_.clear();
  TokenizeText(text, &insert_tokens_);
  if (insert_tokens_.empty()) return kNoValue;
  uint32_t node = 0;
  for (const Token& token : insert_tokens_) {
    insert_folded_.clear();
    AppendFolded(text.substr(token.span.begin, token.span.size()), &insert_folded_);
    const uint32_t word =
        AddWord(Probe{insert_folded_, HashFoldedToken(insert_folded_)});
    node = AddEdge(node, word);
  }
  if (values_[node] == kNoValue) values_[node] = static_cast<uint32_t>(value_count_++);
  return values_[node];
}

}  // namespace eg
