// AtomFilter: which rules can match a text, told by the literal strings ("atoms") the text contains.
//
// RulePack runs it before any regular expression: most sentences can be matched by none of the rules or
// by a few, and a rule's regexp costs thousands of instructions to try. Each rule's pattern is read once,
// by Add(), into a formula over atoms that every match of the rule satisfies: for
// "(?:met|meets) (?:with|in) .* talks", the OR of "met with ", "met in ", "meets with ", "meets in " AND
// "talks". Candidates() finds the atoms of a text in one Aho-Corasick pass (literal_matcher.h) and
// evaluates the formulas of the rules those atoms point to; a rule whose formula asks for nothing is a
// candidate for every text.
//
// The reading is conservative: a formula may admit a text the rule does not match, never the reverse, so
// filtering changes what runs, not what matches. Atoms are lower-case and the text is case-folded before
// it is compared: case never filters, whatever the pattern's flags. A pattern, or a part of one, is read
// the way RE2's own FilteredRE2 reads it:
//
//   - A part is "exact" while the set of strings it can match is small (at most 64): "ha[sd]" is
//     {"has", "had"}, "colou?r" is {"color", "colour"}. Exact parts concatenate and alternate as sets.
//     The larger the sets, the more an atom says of where its words are ("talks between " rather than
//     "talks" AND " between "): with the embedded packs, 64 rather than 16 cut the candidates 15% on the
//     seed articles and 20% on Reuters 2013, for 3,949 atoms instead of 2,711 and ~6 ms more start-up.
//   - A set that would grow larger becomes a formula: the OR of its strings as atoms, or no requirement at
//     all when one of them is shorter than min_atom_length bytes ("in", "a" are in every sentence).
//     Concatenation is AND; alternation is OR.
//   - ".", a class of more than 4 characters or with a range, "\w" and the like, "x*", "x{0,n}" match
//     too much to require anything; "x+" and "x{n,m}" (n >= 1) require what x requires.
//   - Anything it does not read with certainty (an escape it does not know, an unbalanced group, nesting
//     deeper than 200) makes the whole rule a candidate for every text, never a wrong atom.
//   - The matcher finds ASCII atoms only: a string with other characters stands for its longest ASCII
//     run ("démarche" for "marche"), which every text that contains it contains too. It looks for the
//     first 16 bytes of a longer atom, for the same reason: "announced a gene" for "announced a general
//     mobilization of". Describe() shows atoms whole.
//
// Besides atoms, the reader counts the fewest mention markers ("\x01", rule_pattern.h) any match
// contains: a rule with a subject and an object slot needs two, and a sentence with one mention, most
// sentences of real news, cannot match it whatever its words. Such a sentence is searched for the atoms
// of the rules that need one marker or none only (14 of the embedded packs' 215: a table of 1,720 states,
// 0.1 MB, that stays in the L2 cache, where the whole one does not).
//
// A formula becomes clauses, ORs of atoms that must all hold (at most 16 a rule; a formula that would
// need more keeps fewer or wider ones, which only admits more: the ones least likely to hold in ordinary
// text, by a rough estimate from their atoms' words). The clause least likely to hold is the rule's
// trigger, indexed by atom; the others are checked only when it holds. Cost per text: one pass of the
// matcher, then a few rules tried: with the embedded packs, ~2,500 instructions a sentence besides the
// pass.
//
// Thread safety: Add() and Compile() on one thread; after Compile(), Candidates() may run on many texts
// at once.
#ifndef EVENTGRAPH_EXTRACT_ATOM_FILTER_H_
#define EVENTGRAPH_EXTRACT_ATOM_FILTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/literal_matcher.h"

namespace eg {

class AtomFilter {
 public:
  // The byte that opens every mention marker in the text rules see (rule_pattern.h).
  static constexpr char kMarker = '\x01';

  explicit AtomFilter(int min_atom_length = 3);
  ~AtomFilter();
  AtomFilter(const AtomFilter&) = delete;
  AtomFilter& operator=(const AtomFilter&) = delete;

  // Reads a rule's pattern (RE2 syntax, as RE2 will compile it). Rules are numbered in the order added.
  void Add(std::string_view pattern);

  // Builds the atom matcher and the index from atoms to rules. Once, after the last Add().
  void Compile();

  // Replaces *rules with the rules, ascending, whose formula the atoms in text satisfy.
  void Candidates(std::string_view text, std::vector<int>* rules) const;

  size_t rule_count() const { return roots_.size(); }
  // After Compile(): the rules whose formula asks for no atom, tried on every text (with enough mention
  // markers). A pack author wants none: each costs a regexp pass over every sentence.
  const std::vector<int>& unfiltered() const { return always_; }
  size_t atom_count() const { return atoms_.size(); }           // in every formula
  size_t looked_for_count() const { return looked_for_count_; }  // by the matcher, after Compile()

  // Rule's formula, for tests and curious pack authors: "TRUE" (no requirement), an atom in quotes,
  // "AND(...)" or "OR(...)", children in the order read: AND("met", OR("talks", "meeting")).
  std::string Describe(int rule) const;

 private:
  enum class Kind : uint8_t { kTrue, kAtom, kAnd, kOr };
  struct Node {
    Kind kind = Kind::kTrue;
    int atom = -1;              // kAtom
    uint32_t first_child = 0;   // kAnd, kOr: children_[first_child, first_child + child_count)
    uint32_t child_count = 0;
  };
  class Reader;  // reads one pattern (atom_filter_reader.cc)

  int AtomNode(const std::string& atom);
  int Combine(Kind kind, const std::vector<int>& parts);  // an AND or OR of nodes, simplified
  // The formula as clauses, ORs of atoms that must all hold: exact for ANDs of ORs, looser (fewer
  // clauses, or wider ones) where that would take more than kMaxClauses.
  std::vector<std::vector<int>> Clauses(int node) const;
  // How likely a clause is to hold in ordinary text: the sum of its atoms' commonness_.
  double Likeliness(const std::vector<int>& clause) const;
  void Describe(int node, std::string* out) const;

  const int min_atom_length_;
  std::vector<Node> nodes_;  // nodes_[0] is TRUE
  std::vector<int> children_;
  std::vector<int> roots_;  // by rule
  std::vector<uint8_t> markers_needed_;  // by rule: the fewest mention markers ('\x01') a match contains
  std::vector<std::string> atoms_;
  std::vector<double> commonness_;  // by atom: roughly how likely it is to occur in a sentence
  std::unordered_map<std::string, int> atom_ids_;
  // After Compile(), each rule's formula as clauses: one, its trigger, indexed by atom (the rules whose
  // trigger holds an atom: trigger_rules_[trigger_begin_[a], ...[a + 1])); the others checked once the
  // trigger holds (rule r's: clauses [rule_clauses_begin_[r], ...[r + 1]), clause c's atoms:
  // clause_atoms_[clause_atoms_begin_[c], ...[c + 1])). always_: the rules every text admits.
  std::vector<uint32_t> trigger_begin_;
  std::vector<int> trigger_rules_;
  std::vector<uint32_t> rule_clauses_begin_;
  std::vector<uint32_t> clause_atoms_begin_;
  std::vector<int> clause_atoms_;
  std::vector<int> always_;
  // The atoms the matcher looks for: those some clause holds. Indices in trigger_begin_, clause_atoms_
  // and the matcher's answers are into these, not atoms_.
  size_t looked_for_count_ = 0;
  std::unique_ptr<LiteralMatcher> matcher_;
  // The matcher for texts with one mention or none: the atoms of the rules that need no more (looked-for
  // atom one_marker_atoms_[i] is its literal i).
  std::unique_ptr<LiteralMatcher> one_marker_matcher_;
  std::vector<int> one_marker_atoms_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_ATOM_FILTER_H_
