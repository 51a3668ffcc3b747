// TokenTrie: a trie whose edges are case-folded tokens, for longest-match lookups of multi-word names.
//
// Insert("Sergei Lavrov") stores the path "sergei" -> "lavrov". Walking a document then costs one hash
// lookup per token tried, whatever the number of names stored. Keys are folded with AppendFolded, so
// lookups ignore case; callers that need exact case check the candidates they get back.
//
// Not thread-safe to modify; const methods are safe from many threads.
#ifndef EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_
#define EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/document.h"

namespace eg {

class TokenTrie {
 public:
  static constexpr uint32_t kNoValue = UINT32_MAX;

  // Stores the token sequence of text (tokenized like documents) and returns the value slot of its final
  // node: a small integer, the same for every insertion of the same folded token sequence, which callers
  // use to index their own tables. Returns kNoValue for text with no tokens.
  uint32_t Insert(std::string_view text);

  // The longest stored sequence that starts at tokens[first] and ends before tokens[limit]; returns its
  // value and stores its length in *length, or returns kNoValue. Tokens are spans into text. accept, when
  // given, may reject a stored sequence (e.g. a case mismatch) so that a shorter one is tried.
  template <typename Accept>
  uint32_t LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                        uint32_t limit, uint32_t* length, Accept accept) const;

  uint32_t LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                        uint32_t limit, uint32_t* length) const {
    return LongestMatch(text, tokens, first, limit, length, [](uint32_t, uint32_t) { return true; });
  }

  size_t value_count() const { return value_count_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  // Key of the edge from node parent over a folded token: 4 bytes of parent, then the token.
  static void MakeKey(uint32_t parent, std::string_view token, std::string* key);
  uint32_t Child(uint32_t parent, std::string_view folded_token, std::string* key) const;

  std::unordered_map<std::string, uint32_t, Hash, Equal> edges_;
  std::vector<uint32_t> values_ = {kNoValue};  // per node; node 0 is the root
  size_t value_count_ = 0;
};

void AppendFolded(std::string_view token, std::string* out);  // tokenizer.h

template <typename Accept>
uint32_t TokenTrie::LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                                 uint32_t limit, uint32_t* length, Accept accept) const {
  // Per-thread scratch buffers: no allocation per token once they have grown.
  thread_local std::string folded;
  thread_local std::string key;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> found;  // (value, length), shortest first
  found.clear();
  uint32_t node = 0;
  for (uint32_t i = first; i < limit; ++i) {
    const Span span = tokens[i].span;
    folded.clear();
    AppendFolded(text.substr(span.begin, span.end - span.begin), &folded);
    node = Child(node, folded, &key);
    if (node == 0) break;
    if (values_[node] != kNoValue) found.emplace_back(values_[node], i - first + 1);
  }
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    if (accept(it->first, it->second)) {
      *length = it->second;
      return it->first;
    }
  }
  return kNoValue;
}

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_
