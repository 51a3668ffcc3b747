// LiteralMatcher: which of a fixed set of literal strings occur in a text, in one pass (Aho-Corasick).
//
// The rule stage uses it as a prefilter (atom_filter.h): every rule is reduced to literal "atoms"
// (lower-case) that any match must contain, and the atoms found in a sentence tell which rules can match
// it at all.
//
// Matching is case-insensitive in the way a case-insensitive regexp is: the text is case-folded code
// point by code point (Unicode simple case folding, so the Kelvin sign is k and the long s is s; a code
// point that only lower-cases to ASCII, as İ to i, counts as that too) before it is compared with the
// literals, which must be lower-case already. Literals with non-ASCII bytes are reported as present in
// every text (a conservative answer that a prefilter can always give).
//
// Cost: a first pass turns the text into byte classes (a table lookup per ASCII byte, a case mapping per
// other code point), then one table lookup per class. Each lookup needs the state the last one found and
// the table's row for it, most often from the L2 cache: the table is 2 bytes per (trie node, distinct
// literal byte) below 65,535 nodes, 4 bytes from there (a state number must stay free to mean "no
// child" while the trie is built), and the atoms the embedded packs look for make 17,992 nodes of 40
// classes, 1.4 MB. So a text is cut into pieces walked side by side, two when it is four times the
// longest literal or more (64 bytes with the embedded packs), four from eight times; each walk goes on
// (longest literal - 1) classes past its piece to finish what starts there, and the lookups of the walks
// wait for the cache together. On the seed articles this took the matcher from ~21 to ~12 cycles a byte
// in the pipeline; on the sample alone (the table in the L1 cache) it is a little slower than one walk.
//
// Construction runs at every start of the program: ~3 ms for those 3,949 literals (it was ~9 ms when the
// table grew node by node, each literal walked down from the root, each state had a vector of outputs
// and the table was copied to be renumbered). The literals go into the trie sorted, so that each follows
// the path of the one before as far as they share a prefix and the nodes can be counted first; the
// table is allocated once, at its final width, and renumbered in place.
//
// Thread safety: after construction, Match() may run on many texts at once.
#ifndef EVENTGRAPH_EXTRACT_LITERAL_MATCHER_H_
#define EVENTGRAPH_EXTRACT_LITERAL_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eg {

class LiteralMatcher {
 public:
  explicit LiteralMatcher(const std::vector<std::string>& literals);

  // Replaces *found with the indices (into the constructor's literals) of those that occur in text,
  // each once, in no particular order.
  void Match(std::string_view text, std::vector<int>* found) const;

 private:
  // Makes *table, the transitions, and the outputs, from keys (the literals as classes) taken in sorted
  // order, shared[k] the classes sorted[k] shares with sorted[k - 1], states the number of trie nodes.
  template <typename State>
  void Build(const std::vector<std::string>& keys, const std::vector<int>& sorted, const std::vector<size_t>& shared,
             size_t states, std::vector<State>* table);
  template <typename State>
  void MatchWith(const std::vector<State>& delta, std::string_view text, std::vector<int>* found) const;

  std::array<uint8_t, 256> class_of_{};  // byte (after lower-casing) -> class; 0: in no literal
  uint32_t classes_ = 1;
  // state * classes_ + class -> next state; state 0 is the root. One of the two, by the number of states.
  std::vector<uint16_t> delta16_;
  std::vector<uint32_t> delta32_;
  // States from first_output_state_ on report literals: state s the range output_begin_[s - first] to
  // output_begin_[s - first + 1] of outputs_. Numbering them last makes "none here" one comparison.
  uint32_t first_output_state_ = 0;
  std::vector<uint32_t> output_begin_;
  std::vector<int> outputs_;             // literal indices, per state its own and its suffixes'
  std::vector<int> always_;              // literals reported for every text (non-ASCII)
  size_t literal_count_ = 0;
  size_t longest_ = 0;  // bytes of the longest ASCII literal
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_LITERAL_MATCHER_H_
