#include "extract/slot_probes.h"

#include <algorithm>
#include <string>

#include "extract/lower_case_pattern.h"
#include "extract/regex_syntax.h"

namespace eg {
namespace {

constexpr int kMaxDepth = 200;

using Fills = std::array<uint8_t, kSlotCount>;

// What the reader knows of a part of a pattern: the most and the fewest times one match of it fills each
// slot (2 for "more than once"), and the slot that every match of it begins by filling (-1: none, or not
// always the same).
struct Shape {
  Fills fills{};
  Fills fewest{};
  int leading_slot = -1;
};

struct Unreadable {};

// A named group the reader met: where its "(?P<" begins, and which slot it is (-1: another name).
struct NamedGroup {
  size_t at;
  int slot;
};

// Reads a pattern's structure by recursive descent over RE2's syntax: groups, alternations and
// quantifiers, with classes and escapes skipped as single elements. Anything it does not know for certain
// throws Unreadable.
class StructureReader {
 public:
  explicit StructureReader(std::string_view pattern) : p_(pattern) {}

  Shape Read() {
    Shape shape = Alternation(0);
    if (pos_ != p_.size()) throw Unreadable();  // a ")" without its "("
    return shape;
  }
  const std::vector<NamedGroup>& named_groups() const { return named_; }

 private:
  // One element as read: its shape, whether it is the "\x01" that opens a marker, and the slot it
  // captures when it is a slot's group (-1 otherwise).
  struct Element {
    Shape shape;
    bool marker_opening = false;
    int slot = -1;
  };

  Shape Alternation(int depth) {
    if (depth > kMaxDepth) throw Unreadable();
    Shape shape = Concatenation(depth);
    while (pos_ < p_.size() && p_[pos_] == '|') {
      ++pos_;
      const Shape other = Concatenation(depth);
      for (size_t i = 0; i < kSlotCount; ++i) {
        shape.fills[i] = std::max(shape.fills[i], other.fills[i]);
        shape.fewest[i] = std::min(shape.fewest[i], other.fewest[i]);
      }
      if (other.leading_slot != shape.leading_slot) shape.leading_slot = -1;
    }
    return shape;
  }

  // The fills of a concatenation add up. Its leading slot is that of its first element, or the slot of
  // a slot group right after a first element "\x01", neither under a quantifier that may skip it.
  Shape Concatenation(int depth) {
    Shape shape;
    bool leading_known = false;  // decided by the first element(s)
    bool after_opening = false;  // the first element was an unquantified "\x01"
    while (SkipFlags(), pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      Element element = Single(depth);
      const bool may_skip = Repetition(&element.shape);
      for (size_t i = 0; i < kSlotCount; ++i) {
        shape.fills[i] = static_cast<uint8_t>(std::min(shape.fills[i] + element.shape.fills[i], 2));
        shape.fewest[i] = static_cast<uint8_t>(std::min(shape.fewest[i] + element.shape.fewest[i], 2));
      }
      if (leading_known) continue;
      if (after_opening) {
        shape.leading_slot = may_skip ? -1 : element.slot;
        leading_known = true;
      } else if (element.marker_opening && !may_skip) {
        after_opening = true;
      } else {
        shape.leading_slot = may_skip ? -1 : element.shape.leading_slot;
        leading_known = true;
      }
    }
    if (!leading_known) shape.leading_slot = -1;
    return shape;
  }

  // Flags directives are no element (regex_syntax.h).
  void SkipFlags() { pos_ = SkipRegexFlagsDirectives(p_, pos_); }

  // Applies the quantifiers after an element to its shape; true when one lets a match skip it.
  bool Repetition(Shape* x) {
    bool may_skip = false;
    while (SkipFlags(), pos_ < p_.size()) {
      const char c = p_[pos_];
      bool many = false, none = false;
      if (c == '*') {
        ++pos_;
        many = none = true;
      } else if (c == '+') {
        ++pos_;
        many = true;
      } else if (c == '?') {
        ++pos_;
        none = true;
      } else if (c == '{' && ReadCount(&many, &none)) {
      } else {
        break;
      }
      if (pos_ < p_.size() && p_[pos_] == '?') ++pos_;  // lazy
      if (many) {
        for (uint8_t& f : x->fills) f = f > 0 ? 2 : 0;
      }
      if (none) x->fewest = {};
      may_skip = may_skip || none;
    }
    return may_skip;
  }

  // "{n}", "{n,}" or "{n,m}" at pos_, skipped; *many when it allows more than one copy, *none when it
  // allows none. Anything else is a literal "{", as in RE2, and stays.
  bool ReadCount(bool* many, bool* none) {
    RegexCount count;
    const CountReading reading = ReadRegexCount(p_, pos_, &count);
    if (reading == CountReading::kTooLong) throw Unreadable();
    if (reading == CountReading::kNotACount) return false;
    pos_ = count.end;
    *many = count.unbounded || count.max > 1;
    *none = count.min == 0;
    return true;
  }

  Element Single(int depth) {
    switch (p_[pos_]) {
      case '(':
        return Group(depth);
      case '[':
        SkipClass();
        return {};
      case '\\': {
        Element element;
        element.marker_opening = p_.substr(pos_, 4) == "\\x01";
        SkipEscape();
        return element;
      }
      case '*':
      case '+':
      case '?':
        throw Unreadable();  // nothing to repeat: RE2 refuses it
      case '{': {
        bool many = false, none = false;
        if (ReadCount(&many, &none)) throw Unreadable();
        ++pos_;
        return {};
      }
      default:
        ++pos_;  // a literal byte (of a UTF-8 sequence, perhaps), ".", "^" or "$"
        return {};
    }
  }

  Element Group(int depth) {
    const size_t open = pos_;
    int slot = -2;  // -2: not a named group
    if (p_.substr(pos_).starts_with("(?P<")) {
      const size_t close = p_.find('>', pos_);
      if (close == std::string_view::npos) throw Unreadable();
      const std::string_view name = p_.substr(pos_ + 4, close - pos_ - 4);
      slot = -1;
      for (size_t i = 0; i < kSlotCount; ++i) {
        if (name == kSlotNames[i]) slot = static_cast<int>(i);
      }
      named_.push_back({open, slot});
      pos_ = close + 1;
    } else if (p_.substr(pos_).starts_with("(?")) {
      const size_t i = AfterRegexFlagLetters(p_, pos_ + 2);
      if (i >= p_.size() || p_[i] != ':') throw Unreadable();
      pos_ = i + 1;
    } else {
      ++pos_;
    }
    Element element;
    element.shape = Alternation(depth + 1);
    if (pos_ >= p_.size() || p_[pos_] != ')') throw Unreadable();
    ++pos_;
    if (slot >= 0) {
      uint8_t& f = element.shape.fills[static_cast<size_t>(slot)];
      f = static_cast<uint8_t>(std::min(f + 1, 2));
      uint8_t& fewest = element.shape.fewest[static_cast<size_t>(slot)];
      fewest = static_cast<uint8_t>(std::min(fewest + 1, 2));
      element.slot = slot;
    }
    if (slot != -2) element.shape.leading_slot = -1;  // a named group holds a marker's payload, not its "\x01"
    return element;
  }

  // "\x{...}", "\p{...}" and "\P{...}" to their "}", "\x01" whole; any other escape is two bytes (octal
  // digits after "\1" are literals). "\Q...\E" quotes what would otherwise be structure: not read.
  void SkipEscape() {
    if (pos_ + 1 >= p_.size()) throw Unreadable();
    const char c = p_[pos_ + 1];
    if (c == 'Q') throw Unreadable();
    if ((c == 'x' || c == 'p' || c == 'P') && pos_ + 2 < p_.size() && p_[pos_ + 2] == '{') {
      const size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) throw Unreadable();
      pos_ = close + 1;
      return;
    }
    if (c == 'x') {  // "": exactly two hex digits
      if (pos_ + 3 >= p_.size() || !IsRegexHexDigit(p_[pos_ + 2]) || !IsRegexHexDigit(p_[pos_ + 3])) throw Unreadable();
      pos_ += 4;
      return;
    }
    pos_ += 2;
  }

  // "[...]", with "]" first (or after "^") a literal, "[:alpha:]" and escapes inside.
  void SkipClass() {
    ++pos_;
    if (pos_ < p_.size() && p_[pos_] == '^') ++pos_;
    if (pos_ < p_.size() && p_[pos_] == ']') ++pos_;
    while (pos_ < p_.size() && p_[pos_] != ']') {
      if (p_[pos_] == '\\') {
        SkipEscape();
      } else if (p_.substr(pos_, 2) == "[:") {
        const size_t close = p_.find(":]", pos_ + 2);
        if (close == std::string_view::npos) throw Unreadable();
        pos_ = close + 2;
      } else {
        ++pos_;
      }
    }
    if (pos_ >= p_.size()) throw Unreadable();
    ++pos_;
  }

  std::string_view p_;
  size_t pos_ = 0;
  std::vector<NamedGroup> named_;
};

// Whether the slot group whose "(?P<" is at `at` is a slot as ExpandRulePattern writes it,
// "\x01(?P<name>[LETTERS][0-9]+)\x02" with an unescaped "\x01": its capture is then exactly the payload of
// the marker it starts at. Adds its LETTERS, the entity types it admits, to *letters (bit c - 'A').
bool IsExpandedSlot(std::string_view p, size_t at, uint32_t* letters) {
  if (at < 4 || p.substr(at - 4, 4) != "\\x01") return false;
  size_t backslashes = 0;
  for (size_t i = at - 4; i > 0 && p[i - 1] == '\\'; --i) ++backslashes;
  if (backslashes % 2 != 0) return false;
  const size_t close = p.find('>', at);
  size_t i = close + 1;
  if (i >= p.size() || p[i] != '[') return false;
  uint32_t admitted = 0;
  for (++i; i < p.size() && p[i] >= 'A' && p[i] <= 'Z'; ++i) admitted |= 1u << (p[i] - 'A');
  if (!p.substr(i).starts_with("][0-9]+)\\x02")) return false;
  *letters |= admitted;
  return true;
}

}  // namespace

std::optional<Fills> MostFillsPerMatch(std::string_view pattern) {
  try {
    return StructureReader(pattern).Read().fills;
  } catch (const Unreadable&) {
    return std::nullopt;
  }
}

std::optional<Fills> FewestFillsPerMatch(std::string_view pattern) {
  try {
    return StructureReader(pattern).Read().fewest;
  } catch (const Unreadable&) {
    return std::nullopt;
  }
}

std::unique_ptr<SlotProbes> SlotProbes::Make(std::string_view pattern, const re2::RE2::Options& options,
                                             bool on_lowered_text) {
  StructureReader reader(pattern);
  Shape shape;
  try {
    shape = reader.Read();
  } catch (const Unreadable&) {
    return nullptr;
  }
  for (uint8_t f : shape.fills) {
    if (f > 1) return nullptr;
  }
  std::unique_ptr<SlotProbes> probes(new SlotProbes());
  for (const NamedGroup& group : reader.named_groups()) {
    if (group.slot >= 0 &&
        !IsExpandedSlot(pattern, group.at, &probes->letters_[static_cast<size_t>(group.slot)])) {
      return nullptr;
    }
  }
  re2::RE2::Options probe_options = options;
  probe_options.set_never_capture(true);
  probes->leading_slot_ = shape.leading_slot;
  for (size_t slot = 0; slot < kSlotCount; ++slot) probes->required_[slot] = shape.fewest[slot] > 0;
  for (size_t slot = 0; slot < kSlotCount; ++slot) {
    if (shape.fills[slot] == 0 || static_cast<int>(slot) == shape.leading_slot) continue;
    // The pattern with this slot's "\x01(?P<name>" as "\x03(?:" and every other named group unnamed.
    std::string variant;
    size_t copied = 0;
    for (const NamedGroup& group : reader.named_groups()) {
      const size_t name_end = pattern.find('>', group.at) + 1;
      const bool mine = group.slot == static_cast<int>(slot);
      const size_t from = mine ? group.at - 4 : group.at;
      variant.append(pattern.substr(copied, from - copied));
      variant += mine ? "\\x03(?:" : "(?:";
      copied = name_end;
    }
    variant.append(pattern.substr(copied));
    if (on_lowered_text) {
      std::string lowered;
      if (!LowerCasePattern(variant, &lowered)) return nullptr;
      variant = std::move(lowered);
    }
    auto probe = std::make_unique<re2::RE2>(variant, probe_options);
    if (!probe->ok()) return nullptr;
    probes->probes_[slot] = std::move(probe);
  }
  return probes;
}

bool SlotProbes::Fill(std::string_view text, size_t begin, size_t end, const std::vector<uint32_t>& markers,
                      std::array<uint32_t, kSlotCount>* filled) const {
  thread_local std::string copy;  // text, with one marker at a time rewritten; copied at the first run
  thread_local std::vector<uint32_t> tried;
  bool copied = false;
  // Whether slot's probe matches text[begin, end) with the marker at rewritten (if not kEmpty) rewritten.
  auto run = [&](size_t slot, uint32_t rewritten) {
    if (!copied) copy.assign(text), copied = true;
    if (rewritten != kEmpty) copy[rewritten] = '\x03';
    const bool fits = probes_[slot]->Match(copy, begin, end, re2::RE2::ANCHOR_BOTH, nullptr, 0);
    if (rewritten != kEmpty) copy[rewritten] = '\x01';
    return fits;
  };
  const auto first = std::lower_bound(markers.begin(), markers.end(), begin);
  const auto last = std::lower_bound(first, markers.end(), end);
  for (size_t slot = 0; slot < kSlotCount; ++slot) {
    if (static_cast<int>(slot) == leading_slot_) {  // every match begins with it
      if (text[begin] != '\x01') return false;
      (*filled)[slot] = static_cast<uint32_t>(begin);
      continue;
    }
    if (!probes_[slot]) {
      (*filled)[slot] = kEmpty;
      continue;
    }
    // The markers that may fill the slot. A marker the slot's type does not admit cannot, nor can one
    // another slot takes in every way of matching: the one a leading slot takes, and the one an earlier
    // slot was found to take (the only one it can, so it takes it in every way; a marker is read by one
    // part of the pattern). Leaving them out only drops possibilities that are not RE2's.
    tried.clear();
    for (auto m = first; m != last; ++m) {
      if (std::find(filled->begin(), filled->begin() + static_cast<std::ptrdiff_t>(slot), *m) !=
          filled->begin() + static_cast<std::ptrdiff_t>(slot)) {
        continue;
      }
      if (*m + 1 < text.size()) {
        char type = text[*m + 1];  // upper-case in every marker; a case-insensitive rule may take either
        if (type >= 'a' && type <= 'z') type = static_cast<char>(type - ('a' - 'A'));
        const bool other_ascii = static_cast<unsigned char>(type) < 0x80 && !(type >= 'A' && type <= 'Z');
        if (other_ascii || (type >= 'A' && type <= 'Z' && !(letters_[slot] & (1u << (type - 'A'))))) continue;
      }
      if (leading_slot_ >= 0 && *m == begin) continue;
      tried.push_back(*m);
    }
    bool found = false;
    for (size_t i = 0; i < tried.size(); ++i) {
      // Every match fills a required slot: when no marker before the last fit, the last does.
      if (required_[slot] && !found && i + 1 == tried.size()) {
        found = true;
        (*filled)[slot] = tried[i];
        break;
      }
      if (!run(slot, tried[i])) continue;
      if (found) return false;
      found = true;
      (*filled)[slot] = tried[i];
    }
    // With no marker rewritten, the probe's slot cannot match: does the match leave the slot empty? It
    // must when no marker can fill the slot, and cannot when the slot is required.
    if (!required_[slot] && (tried.empty() || run(slot, kEmpty))) {
      if (found) return false;
      found = true;
      (*filled)[slot] = kEmpty;
    }
    if (!found) return false;  // none fits: not a match of the rule after all (cannot happen), ask RE2
  }
  return true;
}

}  // namespace eg
