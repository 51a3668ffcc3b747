// AtomFilter's reader: one rule's pattern, in RE2's syntax, read into a formula over atoms and the
// fewest mention markers any match contains (atom_filter.h says how it reads; atom_filter.cc builds the
// clauses and the matcher from what it reads).
#include "extract/atom_filter.h"

#include <algorithm>
#include <array>

#include "extract/ascii_case.h"
#include "extract/regex_syntax.h"
#include "extract/utf8.h"

namespace eg {
namespace {

constexpr size_t kMaxExactStrings = 64;
constexpr size_t kMaxClassChars = 4;
constexpr int kMaxDepth = 200;

// Thrown inside the reader for a pattern it cannot read with certainty; Add() makes the rule a candidate
// for every text.
struct Unreadable {};

// A pattern asks for a number of mention markers (kMarker: "\x01" once per slot), and a sentence has as
// many as it has mentions.
constexpr char kMarker = AtomFilter::kMarker;
constexpr int kMaxMarkers = 255;

// What a part of a pattern can match: the set of strings, while it is small, or a formula; and the
// fewest markers any match of it contains.
struct Info {
  bool exact = true;
  std::vector<std::string> strings;  // exact: every string the part can match, lower-case
  int node = 0;                      // otherwise: its formula (AtomFilter::nodes_; 0 is TRUE)
  int markers = 0;
};

int FewestMarkers(const std::vector<std::string>& strings) {
  int fewest = kMaxMarkers;
  for (const std::string& s : strings) fewest = std::min(fewest, static_cast<int>(std::count(s.begin(), s.end(), kMarker)));
  return strings.empty() ? 0 : fewest;
}

Info Exact(std::string s) {
  const int markers = static_cast<int>(std::count(s.begin(), s.end(), kMarker));
  return Info{true, {std::move(s)}, 0, markers};
}
Info Formula(int node, int markers = 0) { return Info{false, {}, node, markers}; }

// By byte: an ASCII character that stands for itself in a pattern.
constexpr std::array<bool, 256> kPlainCharacter = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 0x80; ++c) plain[static_cast<size_t>(c)] = true;
  for (char c : std::string_view("\\.^$|()[]{}*+?")) plain[static_cast<unsigned char>(c)] = false;
  return plain;
}();

void AddUnique(std::vector<std::string>* strings, std::string s) {
  if (std::find(strings->begin(), strings->end(), s) == strings->end()) strings->push_back(std::move(s));
}
}  // namespace

// Reads one pattern by recursive descent over RE2's syntax, building Info bottom-up.
class AtomFilter::Reader {
 public:
  Reader(AtomFilter* filter, std::string_view pattern) : filter_(*filter), p_(pattern) {}

  // The pattern's formula, and in *markers the fewest markers any match contains.
  int Read(int* markers) {
    Info whole = Alternation(0);
    if (pos_ != p_.size()) throw Unreadable();  // a ")" without its "("
    *markers = whole.markers;
    return ToNode(std::move(whole));
  }

 private:
  // The formula an Info requires: its own, or the OR of its strings, or nothing when one is too short.
  int ToNode(Info info) {
    if (!info.exact) return info.node;
    std::vector<std::string>& strings = info.strings;
    if (strings.empty()) return 0;
    for (const std::string& s : strings) {
      if (s.size() < static_cast<size_t>(filter_.min_atom_length_)) return 0;
    }
    // The matcher finds ASCII atoms only (literal_matcher.h): a string with other characters stands for
    // its longest ASCII run, which every text that contains it contains too ("démarche" -> "marche").
    for (std::string& s : strings) {
      if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) continue;
      size_t best = 0, best_length = 0;
      for (size_t i = 0; i < s.size();) {
        size_t j = i;
        while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
        if (j - i > best_length) best = i, best_length = j - i;
        i = j + 1;
      }
      s = s.substr(best, best_length);
      if (s.size() < static_cast<size_t>(filter_.min_atom_length_)) return 0;
    }
    // A string that contains another adds nothing to an OR: drop it.
    std::sort(strings.begin(), strings.end(),
              [](const std::string& a, const std::string& b) { return a.size() < b.size() || (a.size() == b.size() && a < b); });
    std::vector<int> atoms;
    std::vector<std::string> kept;
    for (const std::string& s : strings) {
      bool covered = false;
      for (const std::string& k : kept) covered = covered || s.find(k) != std::string::npos;
      if (covered) continue;
      kept.push_back(s);
      atoms.push_back(filter_.AtomNode(s));
    }
    return filter_.Combine(Kind::kOr, atoms);
  }

  Info Alternate(Info a, Info b) {
    const int markers = std::min(a.markers, b.markers);
    if (a.exact && b.exact && a.strings.size() + b.strings.size() <= kMaxExactStrings) {
      for (std::string& s : b.strings) AddUnique(&a.strings, std::move(s));
      a.markers = markers;
      return a;
    }
    return Formula(filter_.Combine(Kind::kOr, {ToNode(std::move(a)), ToNode(std::move(b))}), markers);
  }

  Info Alternation(int depth) {
    if (depth > kMaxDepth) throw Unreadable();
    Info result = Concatenation(depth);
    while (pos_ < p_.size() && p_[pos_] == '|') {
      ++pos_;
      result = Alternate(std::move(result), Concatenation(depth));
    }
    return result;
  }

  // A run of exact parts concatenates as a set (the cross product) while the set stays small; a larger
  // one, or a part with a formula, ends the run, and the run's formula joins the AND.
  Info Concatenation(int depth) {
    std::vector<int> required;
    bool any_formula = false;
    int markers = 0;  // of the whole concatenation: the sum of its parts'
    Info run = Exact("");
    // What every string of run ends with, not appended yet: a run of many strings (after an alternation)
    // takes the characters after it in one append each, not one a character.
    std::string tail;
    auto flush = [&] {
      if (tail.empty()) return;
      for (std::string& s : run.strings) s += tail;
      tail.clear();
    };
    while (SkipFlags(), pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      if (IsPlainCharacter(pos_) && !(pos_ + 1 < p_.size() && (IsQuantifier(p_[pos_ + 1]) || p_[pos_ + 1] == '('))) {
        const char c = LowerAscii(p_[pos_++]);  // the common case, without the general path's allocations
        tail += c;
        markers += c == kMarker;
        continue;
      }
      Info part = Repetition(Single(depth));
      markers = std::min(markers + part.markers, kMaxMarkers);
      if (part.exact && part.strings.size() == 1) {  // most often one literal character
        tail += part.strings[0];
        continue;
      }
      flush();
      if (part.exact && run.strings.size() * part.strings.size() <= kMaxExactStrings) {
        std::vector<std::string> product;
        for (const std::string& a : run.strings) {
          for (const std::string& b : part.strings) AddUnique(&product, a + b);
        }
        run.strings = std::move(product);
        continue;
      }
      any_formula = true;
      required.push_back(ToNode(std::move(run)));
      if (part.exact) {
        run = std::move(part);
      } else {
        required.push_back(part.node);
        run = Exact("");
      }
    }
    flush();
    if (!any_formula) {
      run.markers = markers;
      return run;
    }
    required.push_back(ToNode(std::move(run)));
    return Formula(filter_.Combine(Kind::kAnd, required), markers);
  }

  // Skips flags directives (regex_syntax.h): no element of their own. (Called between any two elements:
  // the test for "(" saves a call per character.)
  void SkipFlags() {
    if (pos_ < p_.size() && p_[pos_] == '(') pos_ = SkipRegexFlagsDirectives(p_, pos_);
  }

  // Whether the byte at i is an ASCII character that stands for itself.
  bool IsPlainCharacter(size_t i) const { return kPlainCharacter[static_cast<unsigned char>(p_[i])]; }
  static bool IsQuantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

  // Applies the quantifiers after a part: "x*", "x+", "x?", "x{n,m}", each perhaps lazy ("x*?").
  Info Repetition(Info x) {
    while (SkipFlags(), pos_ < p_.size()) {
      const char c = p_[pos_];
      size_t min = 0, max = 0;  // max 0: unbounded
      if (c == '*') {
        ++pos_;
      } else if (c == '+') {
        ++pos_;
        min = 1;
      } else if (c == '?') {
        ++pos_;
        max = 1;
      } else if (c == '{' && ReadCount(&min, &max)) {
      } else {
        break;
      }
      if (pos_ < p_.size() && p_[pos_] == '?') ++pos_;  // lazy
      if (min >= 1) {  // at least min copies of x
        const int markers = static_cast<int>(std::min<size_t>(static_cast<size_t>(x.markers) * min, kMaxMarkers));
        x = Formula(ToNode(std::move(x)), markers);
      } else if (max == 1 && x.exact && x.strings.size() < kMaxExactStrings) {
        AddUnique(&x.strings, "");
        x.markers = 0;
      } else {
        x = Formula(0);
      }
    }
    return x;
  }

  // "{n}", "{n,}" or "{n,m}" at pos_, read into *min and *max (0 when unbounded) and skipped; anything
  // else is a literal "{", as in RE2, and stays.
  bool ReadCount(size_t* min, size_t* max) {
    RegexCount count;
    const CountReading reading = ReadRegexCount(p_, pos_, &count);
    if (reading == CountReading::kTooLong) throw Unreadable();
    if (reading == CountReading::kNotACount) return false;
    pos_ = count.end;
    *min = count.min;
    *max = count.unbounded ? 0 : count.max;
    if (*max == 1 && *min == 0) return true;
    if (*min == 0) *max = 0;  // only "may match nothing" matters below
    return true;
  }

  // One element: a literal character, an escape, a class, ".", an anchor, or a group.
  Info Single(int depth) {
    const char c = p_[pos_];
    switch (c) {
      case '(':
        return Group(depth);
      case '[':
        return Class();
      case '\\':
        return Escape();
      case '.':
        ++pos_;
        return Formula(0);
      case '^':
      case '$':
        ++pos_;
        return Exact("");
      case '*':
      case '+':
      case '?':
        throw Unreadable();  // a quantifier with nothing to repeat: RE2 refuses it
      default:
        return Exact(Character());
    }
  }

  // The character at pos_ (one UTF-8 sequence), lower-cased if ASCII, and skipped.
  std::string Character() {
    const auto lead = static_cast<unsigned char>(p_[pos_]);
    if (lead < 0x80) return std::string(1, LowerAscii(p_[pos_++]));
    const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;  // packs are valid UTF-8 (json_file.h)
    if (pos_ + length > p_.size()) throw Unreadable();
    std::string bytes(p_.substr(pos_, length));
    pos_ += length;
    return bytes;
  }

  Info Group(int depth) {
    ++pos_;  // "("
    if (p_.substr(pos_).starts_with("?P<")) {
      const size_t close = p_.find('>', pos_);
      if (close == std::string_view::npos) throw Unreadable();
      pos_ = close + 1;
    } else if (pos_ < p_.size() && p_[pos_] == '?') {
      pos_ = AfterRegexFlagLetters(p_, pos_ + 1);
      if (pos_ >= p_.size() || p_[pos_] != ':') throw Unreadable();  // flags alone, "(?i)", were skipped before
      ++pos_;
    }
    Info inner = Alternation(depth + 1);
    if (pos_ >= p_.size() || p_[pos_] != ')') throw Unreadable();
    ++pos_;
    return inner;
  }

  // An escape outside a class: a character, an empty-width assertion, or a class of many characters.
  Info Escape() {
    if (pos_ + 1 >= p_.size()) throw Unreadable();
    const char c = p_[pos_ + 1];
    pos_ += 2;
    switch (c) {
      case 'b': case 'B': case 'A': case 'z':
        return Exact("");
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'C':
        return Formula(0);
      case 'p': case 'P':
        SkipUnicodeClassName();
        return Formula(0);
      case 'Q': {
        const size_t end = p_.find("\\E", pos_);
        const std::string_view quoted = p_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
        pos_ = end == std::string_view::npos ? p_.size() : end + 2;
        std::string s;
        for (char q : quoted) s += LowerAscii(q);
        return Exact(std::move(s));
      }
      default: {
        std::string s;
        if (!EscapedCharacter(c, &s)) throw Unreadable();
        return Exact(std::move(s));
      }
    }
  }

  // After "\p" or "\P": "{Greek}" or one letter.
  void SkipUnicodeClassName() {
    if (pos_ >= p_.size()) throw Unreadable();
    if (p_[pos_] == '{') {
      const size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) throw Unreadable();
      pos_ = close + 1;
    } else {
      ++pos_;
    }
  }

  // The character an escape "\c..." stands for, pos_ just after c (and after it, its hex digits), in *out.
  // False for an escape that is not one character (or one this reader does not know: octal, say).
  bool EscapedCharacter(char c, std::string* out) {
    switch (c) {
      case 'n': *out = "\n"; return true;
      case 't': *out = "\t"; return true;
      case 'r': *out = "\r"; return true;
      case 'f': *out = "\f"; return true;
      case 'v': *out = "\v"; return true;
      case 'a': *out = "\a"; return true;
      case 'x': {
        char32_t cp = 0;
        if (!ReadRegexHexEscape(p_, pos_, &cp, &pos_)) return false;
        out->clear();
        if (cp < 0x80) {
          out->push_back(LowerAscii(static_cast<char>(cp)));
        } else {
          AppendUtf8(cp, out);
        }
        return true;
      }
      default:
        if (!IsRegexEscapablePunctuation(c)) return false;
        *out = std::string(1, c);
        return true;
    }
  }

  // "[...]": the set of its characters when it is a short list of them ("[sd]"), else anything.
  Info Class() {
    ++pos_;  // "["
    bool broad = false;
    if (pos_ < p_.size() && p_[pos_] == '^') {
      broad = true;
      ++pos_;
    }
    std::vector<std::string> chars;
    bool first = true;
    while (true) {
      if (pos_ >= p_.size()) throw Unreadable();
      const char c = p_[pos_];
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (c == '[' && p_.substr(pos_).starts_with("[:")) {  // [:alpha:]
        const size_t close = p_.find(":]", pos_ + 2);
        if (close == std::string_view::npos) throw Unreadable();
        pos_ = close + 2;
        broad = true;
        continue;
      }
      std::string ch;
      if (!ClassCharacter(&ch)) {
        broad = true;  // \d, \p{L}, ...
        continue;
      }
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {  // a range
        ++pos_;
        std::string end;
        if (!ClassCharacter(&end)) throw Unreadable();
        broad = true;
        continue;
      }
      AddUnique(&chars, std::move(ch));
    }
    if (broad || chars.size() > kMaxClassChars) return Formula(0);
    const int markers = FewestMarkers(chars);
    return Info{true, std::move(chars), 0, markers};
  }

  // One character of a class at pos_, skipped, in *out; false (and skipped) for an escape that is a
  // class itself ("\d", "\pL").
  bool ClassCharacter(std::string* out) {
    if (p_[pos_] != '\\') {
      *out = Character();
      return true;
    }
    if (pos_ + 1 >= p_.size()) throw Unreadable();
    const char c = p_[pos_ + 1];
    pos_ += 2;
    if (std::string_view("dDsSwW").find(c) != std::string_view::npos) return false;
    if (c == 'p' || c == 'P') {
      SkipUnicodeClassName();
      return false;
    }
    if (!EscapedCharacter(c, out)) throw Unreadable();
    return true;
  }

  AtomFilter& filter_;
  std::string_view p_;
  size_t pos_ = 0;
};

void AtomFilter::Add(std::string_view pattern) {
  const size_t nodes = nodes_.size(), children = children_.size();
  int markers = 0;
  try {
    roots_.push_back(Reader(this, pattern).Read(&markers));
  } catch (const Unreadable&) {
    nodes_.resize(nodes);  // what the reader built is unreachable; its atoms stay, unused by any rule
    children_.resize(children);
    roots_.push_back(0);
    markers = 0;
  }
  markers_needed_.push_back(static_cast<uint8_t>(markers));
}

}  // namespace eg
