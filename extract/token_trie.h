// TokenTrie: a trie whose edges are case-folded tokens, for longest-match lookups of multi-word names.
//
// Insert("Sergei Lavrov") stores the path "sergei" -> "lavrov": each distinct folded token gets a small
// id, and an edge is (parent node, token id). Walking a document then costs two hash lookups per token
// tried, whatever the number of names stored. But most tokens of running text ("said", "talks") start
// no name, and the tables outgrow the L1 cache (the default gazetteer's: 384 KB and 512 KB): a bit set
// of the tokens that do start one, about 2 bytes per such token (8 KB), turns nearly all the others away
// before any lookup (on Reuters 2013, a run took 11% less time with it). A second one, of the edges from
// other nodes than the root (32 KB), does the same for the token after "the" or "new" that continues no
// name. Memory: the folded tokens once each, plus 24 bytes per distinct token and 16 per edge (both
// tables at most half full), 4 per node and the bit sets. Keys are folded with AppendFolded, so lookups
// ignore case; callers that need exact case check the candidates they get back.
//
// Not thread-safe to modify; const methods are safe from many threads.
#ifndef EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_
#define EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii_case.h"
#include "extract/document.h"

namespace eg {

// splitmix64's finalizer: every bit of x reaches every bit of the result, the low bits a power-of-two
// table indexes by included.
inline uint64_t MixBits(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9u;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBu;
  return x ^ (x >> 31);
}

// The hash tries index folded tokens by: a multiplication a word of 8 bytes and a final MixBits, where
// std::hash's murmur costs a call and twice as many instructions on the short tokens of news text. The
// final mix lets a table index by the low bits directly: it is paid once per token of a document, not at
// every lookup. Byte k of a word is bits 8k..8k+7 (a little-endian load), and the last word is padded
// with zero bytes: FoldedTokens::Assign computes the same value a word at a time as it folds, without
// reading the token again.
class FoldedTokenHasher {
 public:
  explicit FoldedTokenHasher(size_t length) : hash_(length * 0x9E3779B97F4A7C15u) {}
  void Add(unsigned char byte) {
    word_ |= static_cast<uint64_t>(byte) << shift_;
    shift_ += 8;
    if (shift_ == 64) Flush();
  }
  // Eight bytes at once, or the last few with the rest zero; only at a word boundary.
  void AddWord(uint64_t word) {
    word_ = word;
    Flush();
  }
  size_t Finish() {
    if (shift_ > 0) Flush();
    return static_cast<size_t>(MixBits(hash_));
  }

 private:
  void Flush() {
    hash_ = (hash_ ^ word_) * 0xBF58476D1CE4E5B9u;
    hash_ ^= hash_ >> 29;
    word_ = 0;
    shift_ = 0;
  }
  uint64_t hash_;
  uint64_t word_ = 0;
  unsigned shift_ = 0;
};

inline size_t HashFoldedToken(std::string_view token) {
  FoldedTokenHasher hasher(token.size());
  size_t i = 0;
  for (; i + 8 <= token.size(); i += 8) {
    hasher.AddWord(LoadLittleEndian(token.data() + i));
  }
  for (; i < token.size(); ++i) hasher.Add(static_cast<unsigned char>(token[i]));
  return hasher.Finish();
}

// The case-folded form of every token of a document, and its hash, made once so that any number of
// lookups in any number of tries neither fold nor hash a token again. Cost: an ASCII token is folded
// and hashed eight bytes at a time, straight into a buffer as long as the text; a token with other
// characters goes through AppendFolded. The buffers are reused by the next Assign().
class FoldedTokens {
 public:
  void Assign(std::string_view text, const std::vector<Token>& tokens);

  size_t size() const { return hashes_.size(); }
  std::string_view token(uint32_t i) const {
    return std::string_view(folded_.data() + begins_[i], begins_[i + 1] - begins_[i]);
  }
  size_t hash(uint32_t i) const { return hashes_[i]; }

 private:
  std::string folded_;            // the folded tokens, back to back
  std::vector<uint32_t> begins_;  // token i is folded_[begins_[i], begins_[i + 1])
  std::vector<size_t> hashes_;
  std::string other_;  // a token with other characters than ASCII, folded
};

class TokenTrie {
 public:
  static constexpr uint32_t kNoValue = UINT32_MAX;

  // Stores the token sequence of text (tokenized like documents) and returns the value slot of its final
  // node: a small integer, the same for every insertion of the same folded token sequence, which callers
  // use to index their own tables. Returns kNoValue for text with no tokens. Cost: a fold and two hash
  // lookups per token; allocates only for a token or an edge not seen before.
  uint32_t Insert(std::string_view text);

  // Makes room for `edges` more edges (at most one per token inserted), so that a large gazetteer does
  // not rehash its edge table again and again as it grows. Only a hint: the table still grows when full.
  void Reserve(size_t edges);

  // The longest stored sequence that starts at tokens[first] and ends before tokens[limit]; returns its
  // value and stores its length in *length, or returns kNoValue. accept, when given, may reject a stored
  // sequence (e.g. a case mismatch) so that a shorter one is tried. Cost: two hash lookups per token
  // walked (the token's id in this trie, then the edge), one for the first token (its slot holds the
  // root's edge) and most often none (a token that starts no name is turned away by a bit), and no
  // allocation.
  //
  // This form takes tokens folded in advance (FoldedTokens), for callers that look up at every token of
  // a document; the one below folds and hashes the tokens it walks, for occasional lookups.
  template <typename Accept>
  uint32_t LongestMatch(const FoldedTokens& folded, uint32_t first, uint32_t limit, uint32_t* length,
                        Accept accept) const;
  uint32_t LongestMatch(const FoldedTokens& folded, uint32_t first, uint32_t limit, uint32_t* length) const {
    return LongestMatch(folded, first, limit, length, [](uint32_t, uint32_t) { return true; });
  }

  // Starts loading what LongestMatch(folded, i, ...) reads first, so that a caller walking the tokens in
  // order can ask for token i + 8 while it looks up token i: the lookups of tokens that may start a name
  // then find their slot in the cache (for a large gazetteer, instead of waiting for memory).
  void Prefetch(const FoldedTokens& folded, uint32_t i) const {
    if (MayStart(folded.hash(i))) __builtin_prefetch(&words_index_[folded.hash(i) & (words_index_.size() - 1)]);
  }

  // Tokens are spans into text.
  template <typename Accept>
  uint32_t LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                        uint32_t limit, uint32_t* length, Accept accept) const;
  uint32_t LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                        uint32_t limit, uint32_t* length) const {
    return LongestMatch(text, tokens, first, limit, length, [](uint32_t, uint32_t) { return true; });
  }

  size_t value_count() const { return value_count_; }

 private:
  // A folded token with its hash, to find it in the vocabulary without hashing it again.
  struct Probe {
    std::string_view token;
    size_t hash;
  };
  // Both tables are open-addressed with linear probing, a power of two in size and at most half full:
  // one allocation each, and a lookup mostly touches one cache line.
  struct WordSlot {  // a folded token and its id; id kNoValue marks an empty slot
    size_t hash = 0;
    uint32_t begin = 0, length = 0;  // in words_
    uint32_t id = kNoValue;
    // The node the root's edge over this token leads to, or 0: most walks end at their first token, and
    // this answers it without an edge lookup (in the padding the slot had).
    uint32_t root_child = 0;
  };
  struct EdgeSlot {  // an edge: key (parent node << 32 | token id) -> child node; key kNoEdge: empty
    uint64_t key;
    uint32_t child;
  };
  static constexpr uint64_t kNoEdge = UINT64_MAX;
  void RehashEdges(size_t size);  // size: a power of two above twice the edge count
  // An edge's key is mixed (MixBits) before indexing, so that edges with one token under many parents
  // ("a." in "John A. Smith") do not pile up in one run. Word hashes come mixed (HashFoldedToken).
  static size_t Mix(uint64_t key) { return static_cast<size_t>(MixBits(key)); }

  // The slot of a folded token, or nullptr.
  const WordSlot* FindWord(const Probe& token) const {
    const size_t mask = words_index_.size() - 1;
    for (size_t i = token.hash & mask;; i = (i + 1) & mask) {
      const WordSlot& slot = words_index_[i];
      if (slot.id == kNoValue) return nullptr;
      if (slot.hash == token.hash && std::string_view(words_).substr(slot.begin, slot.length) == token.token) {
        return &slot;
      }
    }
  }
  // Whether a token of this hash may start a stored sequence: false for most tokens of running text,
  // told by a bit set that stays in the cache (starts_), where the word table does not.
  bool MayStart(size_t hash) const {
    const size_t bit = StartBit(hash);
    return (starts_[bit >> 6] >> (bit & 63)) & 1;
  }
  // The high bits of the hash: the word table takes the low ones.
  size_t StartBit(size_t hash) const { return (hash >> 32) & (starts_.size() * 64 - 1); }
  void SetStartBit(size_t hash) { starts_[StartBit(hash) >> 6] |= uint64_t{1} << (StartBit(hash) & 63); }
  void MarkStart(size_t hash);  // a token now starts a stored sequence; its slot's root_child is set
  // The same for the other edges: whether node parent may have an edge over a token of this hash. After
  // "the", a token that continues no name is turned away as one that starts none is.
  bool MayContinue(uint32_t parent, size_t hash) const {
    const size_t bit = ContinueBit(parent, hash);
    return (continues_[bit >> 6] >> (bit & 63)) & 1;
  }
  size_t ContinueBit(uint32_t parent, size_t hash) const {
    return static_cast<size_t>(MixBits(hash + parent * 0x9E3779B97F4A7C15u)) & (continues_.size() * 64 - 1);
  }
  void SetContinueBit(uint32_t parent, size_t hash) {
    const size_t bit = ContinueBit(parent, hash);
    continues_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  void MarkContinue(uint32_t parent, size_t hash);  // a new edge from parent (not the root) over the token
  // The node reached from parent over a folded token, or 0 (the root) when there is none.
  uint32_t Child(uint32_t parent, const Probe& token) const {
    if (parent == 0 ? !MayStart(token.hash) : !MayContinue(parent, token.hash)) return 0;
    const WordSlot* const slot = FindWord(token);
    if (!slot) return 0;
    if (parent == 0) return slot->root_child;
    const uint64_t key = (static_cast<uint64_t>(parent) << 32) | slot->id;
    const size_t mask = edges_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (edges_[i].key == key) return edges_[i].child;
      if (edges_[i].key == kNoEdge) return 0;
    }
  }
  WordSlot* AddWord(const Probe& token);                // its slot, new or not
  uint32_t AddEdge(uint32_t parent, uint32_t word);     // the child node, new or not
  // The longest match over tokens [first, limit), token(i) giving the Probe of token i.
  template <typename TokenAt, typename Accept>
  uint32_t Walk(uint32_t first, uint32_t limit, uint32_t* length, TokenAt token, Accept accept) const;

  std::string words_;                         // the distinct folded tokens, back to back
  std::vector<WordSlot> words_index_ = std::vector<WordSlot>(16);
  size_t word_count_ = 0;
  std::vector<EdgeSlot> edges_ = std::vector<EdgeSlot>(16, EdgeSlot{kNoEdge, 0});
  size_t edge_count_ = 0;
  std::vector<uint32_t> values_ = {kNoValue};  // per node; node 0 is the root
  // A bit per hash value (its high bits, modulo the size) of the tokens that start a stored sequence:
  // 16 bits per such token, so that about one other token in 16 has its bit set too.
  std::vector<uint64_t> starts_ = std::vector<uint64_t>(1, 0);
  size_t start_count_ = 0;  // tokens that start a stored sequence
  std::vector<uint64_t> continues_ = std::vector<uint64_t>(1, 0);  // the same for (node, token) edges
  size_t continue_count_ = 0;                                       // edges from other nodes than the root
  size_t value_count_ = 0;
  std::vector<Token> insert_tokens_;  // Insert()'s scratch
  std::string insert_folded_;
};

void AppendFolded(std::string_view token, std::string* out);  // tokenizer.h

template <typename TokenAt, typename Accept>
uint32_t TokenTrie::Walk(uint32_t first, uint32_t limit, uint32_t* length, TokenAt token, Accept accept) const {
  // Most tokens start no stored sequence: turned away before anything else is touched.
  uint32_t node = first < limit ? Child(0, token(first)) : 0;
  if (node == 0) return kNoValue;
  // The values passed, at most a few (names are short); accept tries the longest first.
  thread_local std::vector<std::pair<uint32_t, uint32_t>> found;  // (value, length), shortest first
  found.clear();
  if (values_[node] != kNoValue) found.emplace_back(values_[node], 1);
  for (uint32_t i = first + 1; i < limit; ++i) {
    node = Child(node, token(i));
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

template <typename Accept>
uint32_t TokenTrie::LongestMatch(const FoldedTokens& folded, uint32_t first, uint32_t limit, uint32_t* length,
                                 Accept accept) const {
  // Here, at the caller, most tokens are turned away by their hash alone, before a call and a Probe.
  if (first >= limit || !MayStart(folded.hash(first))) return kNoValue;
  return Walk(first, limit, length, [&](uint32_t i) { return Probe{folded.token(i), folded.hash(i)}; }, accept);
}

template <typename Accept>
uint32_t TokenTrie::LongestMatch(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                                 uint32_t limit, uint32_t* length, Accept accept) const {
  thread_local std::string folded;  // per-thread scratch: no allocation once it has grown
  return Walk(first, limit, length,
              [&](uint32_t i) {
                const Span span = tokens[i].span;
                folded.clear();
                AppendFolded(text.substr(span.begin, span.end - span.begin), &folded);
                return Probe{folded, HashFoldedToken(folded)};
              },
              accept);
}

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_TOKEN_TRIE_H_
