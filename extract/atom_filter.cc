// AtomFilter: the clauses, the atom index and the matcher built from the formulas the reader
// (atom_filter_reader.cc) reads, and the candidates of a text.
#include "extract/atom_filter.h"

#include <algorithm>

namespace eg {
namespace {

constexpr size_t kMaxClauses = 16;  // per rule: each clause any match satisfies
// The matcher looks for an atom's first kLongestAtomLooked bytes, which every text that holds the atom
// holds too. Its walks overlap by the longest literal it looks for (literal_matcher.h), and the default
// packs' longest atoms (up to 35 bytes) would make them overlap most of a sentence; cut at 16, they
// admit no more candidates on the seed articles and 0.2% more on Reuters 2013.
constexpr size_t kLongestAtomLooked = 16;

// Roughly how likely an atom is to occur in a sentence. It only decides which clause of a rule is looked
// up first, never the answer. A short or common word ("the", "and", "with", "ing") is in a good share of
// sentences, a longer word seldom, and the longer the rarer; an atom of several words needs them all.
double Commonness(std::string_view atom) {
  static constexpr std::string_view kCommonWords[] = {
      "about", "after", "also", "been", "from", "have", "said", "says", "that", "their", "them", "they",
      "this", "were", "which", "will", "with", "would"};
  double p = 1.0;
  for (size_t i = 0; i < atom.size();) {
    if (!(atom[i] >= 'a' && atom[i] <= 'z')) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < atom.size() && atom[j] >= 'a' && atom[j] <= 'z') ++j;
    const std::string_view word = atom.substr(i, j - i);
    const bool common =
        word.size() <= 3 || std::find(std::begin(kCommonWords), std::end(kCommonWords), word) != std::end(kCommonWords);
    p *= common ? 0.3 : word.size() == 4 ? 0.01 : word.size() == 5 ? 0.004 : 0.002;
    i = j;
  }
  return std::max(p, 0.0001);
}

}  // namespace

AtomFilter::AtomFilter(int min_atom_length) : min_atom_length_(min_atom_length) { nodes_.push_back(Node{}); }

AtomFilter::~AtomFilter() = default;

int AtomFilter::AtomNode(const std::string& atom) {
  auto it = atom_ids_.find(atom);  // before emplace, which would copy atom to look it up
  if (it == atom_ids_.end()) {
    it = atom_ids_.emplace(atom, static_cast<int>(atoms_.size())).first;
    atoms_.push_back(atom);
    commonness_.push_back(Commonness(atom));
  }
  Node node;
  node.kind = Kind::kAtom;
  node.atom = it->second;
  nodes_.push_back(node);
  return static_cast<int>(nodes_.size() - 1);
}

int AtomFilter::Combine(Kind kind, const std::vector<int>& parts) {
  std::vector<int> flat;
  for (int part : parts) {
    const Node& node = nodes_[static_cast<size_t>(part)];
    if (node.kind == Kind::kTrue) {
      if (kind == Kind::kOr) return 0;  // anything OR TRUE asks for nothing
      continue;
    }
    if (node.kind == kind) {
      flat.insert(flat.end(), children_.begin() + node.first_child,
                  children_.begin() + node.first_child + node.child_count);
    } else {
      flat.push_back(part);
    }
  }
  if (flat.empty()) return 0;
  if (flat.size() == 1) return flat[0];
  Node node;
  node.kind = kind;
  node.first_child = static_cast<uint32_t>(children_.size());
  node.child_count = static_cast<uint32_t>(flat.size());
  children_.insert(children_.end(), flat.begin(), flat.end());
  nodes_.push_back(node);
  return static_cast<int>(nodes_.size() - 1);
}

double AtomFilter::Likeliness(const std::vector<int>& clause) const {
  double sum = 0;
  for (int atom : clause) sum += commonness_[static_cast<size_t>(atom)];
  return sum;
}

std::vector<std::vector<int>> AtomFilter::Clauses(int node) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  auto child = [&](uint32_t i) { return children_[n.first_child + i]; };
  auto less_likely = [&](const std::vector<int>& a, const std::vector<int>& b) {
    return Likeliness(a) < Likeliness(b);
  };
  // The clause of a set least likely to hold: alone, the most selective.
  auto least_likely = [&](std::vector<std::vector<int>> clauses) {
    auto it = std::min_element(clauses.begin(), clauses.end(), less_likely);
    return std::vector<std::vector<int>>{std::move(*it)};
  };
  std::vector<std::vector<int>> clauses;
  switch (n.kind) {
    case Kind::kTrue:
      break;
    case Kind::kAtom:
      clauses.push_back({n.atom});
      break;
    case Kind::kAnd:
      for (uint32_t i = 0; i < n.child_count; ++i) {
        for (std::vector<int>& clause : Clauses(child(i))) clauses.push_back(std::move(clause));
      }
      if (clauses.size() > kMaxClauses) {  // any of them is required: keep the most selective
        std::sort(clauses.begin(), clauses.end(), less_likely);
        clauses.resize(kMaxClauses);
      }
      break;
    case Kind::kOr:
      // (a AND b) OR c is (a OR c) AND (b OR c): one clause per choice of a clause from each child, or,
      // when that would make too many, the one least likely to hold of each.
      clauses = Clauses(child(0));
      for (uint32_t i = 1; i < n.child_count; ++i) {
        std::vector<std::vector<int>> other = Clauses(child(i));
        if (clauses.empty() || other.empty()) return {};  // either side may hold without any atom
        if (clauses.size() * other.size() > kMaxClauses) {
          clauses = least_likely(std::move(clauses));
          other = least_likely(std::move(other));
        }
        std::vector<std::vector<int>> product;
        for (const std::vector<int>& a : clauses) {
          for (const std::vector<int>& b : other) {
            product.push_back(a);
            product.back().insert(product.back().end(), b.begin(), b.end());
          }
        }
        clauses = std::move(product);
      }
      break;
  }
  for (std::vector<int>& clause : clauses) {
    std::sort(clause.begin(), clause.end());
    clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
  }
  return clauses;
}

void AtomFilter::Compile() {
  std::vector<std::vector<int>> triggered(atoms_.size());
  // By atom: whether a rule that needs one marker or none holds it.
  std::vector<uint8_t> of_one_marker_rule(atoms_.size());
  rule_clauses_begin_.assign(1, 0);
  clause_atoms_begin_.assign(1, 0);
  for (size_t rule = 0; rule < roots_.size(); ++rule) {
    std::vector<std::vector<int>> clauses = Clauses(roots_[rule]);
    if (clauses.empty()) {
      always_.push_back(static_cast<int>(rule));
    } else {
      // The clause least likely to hold is the trigger; the others are checked when it holds.
      auto trigger = std::min_element(clauses.begin(), clauses.end(),
                                      [&](const auto& a, const auto& b) { return Likeliness(a) < Likeliness(b); });
      for (int atom : *trigger) triggered[static_cast<size_t>(atom)].push_back(static_cast<int>(rule));
      if (markers_needed_[rule] <= 1) {
        for (const std::vector<int>& clause : clauses) {
          for (int atom : clause) of_one_marker_rule[static_cast<size_t>(atom)] = 1;
        }
      }
      clauses.erase(trigger);
      // Checked in an order that decides soonest: the shortest clauses first (the likeliest to fail), in
      // each the commonest atoms first (the likeliest to be present).
      std::sort(clauses.begin(), clauses.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
      for (std::vector<int>& clause : clauses) {
        std::stable_sort(clause.begin(), clause.end(), [&](int a, int b) {
          return commonness_[static_cast<size_t>(a)] > commonness_[static_cast<size_t>(b)];
        });
      }
      for (const std::vector<int>& clause : clauses) {
        clause_atoms_.insert(clause_atoms_.end(), clause.begin(), clause.end());
        clause_atoms_begin_.push_back(static_cast<uint32_t>(clause_atoms_.size()));
      }
    }
    rule_clauses_begin_.push_back(static_cast<uint32_t>(clause_atoms_begin_.size() - 1));
  }
  // Only atoms some clause still holds are looked for (a formula cut down to kMaxClauses, or a pattern
  // read in part, leaves others), numbered anew.
  std::vector<int> renumbered(atoms_.size(), -1);
  std::vector<std::string> looked_for;
  auto renumber = [&](int atom) {
    int& id = renumbered[static_cast<size_t>(atom)];
    if (id < 0) {
      id = static_cast<int>(looked_for.size());
      looked_for.push_back(atoms_[static_cast<size_t>(atom)].substr(0, kLongestAtomLooked));
    }
    return id;
  };
  std::vector<std::vector<int>> triggered_by_id;
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    if (triggered[atom].empty()) continue;
    renumber(static_cast<int>(atom));
    triggered_by_id.push_back(std::move(triggered[atom]));
  }
  for (int& atom : clause_atoms_) atom = renumber(atom);
  triggered_by_id.resize(looked_for.size());
  trigger_begin_.assign(1, 0);
  for (const std::vector<int>& rules : triggered_by_id) {
    trigger_rules_.insert(trigger_rules_.end(), rules.begin(), rules.end());
    trigger_begin_.push_back(static_cast<uint32_t>(trigger_rules_.size()));
  }
  looked_for_count_ = looked_for.size();
  matcher_ = std::make_unique<LiteralMatcher>(looked_for);
  // A text with one mention can match only the rules that need at most one (most sentences of real news
  // have one): their atoms alone make a matcher whose table stays in the cache.
  std::vector<std::string> few;
  one_marker_atoms_.clear();
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    if (!of_one_marker_rule[atom] || renumbered[atom] < 0) continue;
    one_marker_atoms_.push_back(renumbered[atom]);
    few.push_back(looked_for[static_cast<size_t>(renumbered[atom])]);
  }
  one_marker_matcher_ = std::make_unique<LiteralMatcher>(few);
}

void AtomFilter::Candidates(std::string_view text, std::vector<int>* rules) const {
  // Per-thread scratch, left all zero between calls: no allocation per text once grown.
  thread_local std::vector<int> found, tried;
  thread_local std::vector<uint8_t> present, seen;  // by atom, by rule
  if (present.size() < looked_for_count_) present.resize(looked_for_count_);
  if (seen.size() < roots_.size()) seen.resize(roots_.size());
  // A sentence with fewer mentions than a rule has slots (say) cannot match it, whatever its atoms.
  const auto markers = static_cast<size_t>(std::count(text.begin(), text.end(), kMarker));
  auto enough_markers = [&](size_t rule) { return markers_needed_[rule] <= markers; };
  if (markers <= 1) {
    one_marker_matcher_->Match(text, &found);
    for (int& atom : found) atom = one_marker_atoms_[static_cast<size_t>(atom)];
  } else {
    matcher_->Match(text, &found);
  }
  // Raw pointers: the thread_local vectors' own would be fetched again at every use in the loops below.
  uint8_t* const is_present = present.data();
  uint8_t* const is_seen = seen.data();
  for (int atom : found) is_present[atom] = 1;
  rules->clear();
  for (int rule : always_) {
    if (enough_markers(static_cast<size_t>(rule))) rules->push_back(rule);
  }
  tried.clear();
  for (int atom : found) {
    const auto a = static_cast<size_t>(atom);
    for (uint32_t t = trigger_begin_[a]; t < trigger_begin_[a + 1]; ++t) {
      const auto rule = static_cast<size_t>(trigger_rules_[t]);
      if (is_seen[rule]) continue;
      is_seen[rule] = 1;
      tried.push_back(static_cast<int>(rule));
      bool all = enough_markers(rule);
      for (uint32_t c = rule_clauses_begin_[rule]; all && c < rule_clauses_begin_[rule + 1]; ++c) {
        bool any = false;
        for (uint32_t i = clause_atoms_begin_[c]; !any && i < clause_atoms_begin_[c + 1]; ++i) {
          any = is_present[clause_atoms_[i]] != 0;
        }
        all = any;
      }
      if (all) rules->push_back(static_cast<int>(rule));
    }
  }
  for (int atom : found) is_present[atom] = 0;
  for (int rule : tried) is_seen[rule] = 0;
  std::sort(rules->begin(), rules->end());
}

void AtomFilter::Describe(int node, std::string* out) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  switch (n.kind) {
    case Kind::kTrue:
      *out += "TRUE";
      return;
    case Kind::kAtom:
      *out += '"' + atoms_[static_cast<size_t>(n.atom)] + '"';
      return;
    case Kind::kAnd:
    case Kind::kOr:
      *out += n.kind == Kind::kAnd ? "AND(" : "OR(";
      for (uint32_t i = 0; i < n.child_count; ++i) {
        if (i > 0) *out += ", ";
        Describe(children_[n.first_child + i], out);
      }
      *out += ')';
      return;
  }
}

std::string AtomFilter::Describe(int rule) const {
  std::string out;
  Describe(roots_[static_cast<size_t>(rule)], &out);
  return out;
}

}  // namespace eg
