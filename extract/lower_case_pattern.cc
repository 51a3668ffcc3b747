#include "extract/lower_case_pattern.h"

#include <algorithm>
#include <cstdio>

#include "extract/ascii_case.h"
#include "extract/regex_syntax.h"

namespace eg {
namespace {

// Thrown for what the rewriter will not rewrite; LowerCasePattern returns false.
struct CannotRewrite {};

bool IsCapital(char32_t c) { return c >= 'A' && c <= 'Z'; }

std::string HexEscape(char32_t c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
  return buffer;
}

class Rewriter {
 public:
  Rewriter(std::string_view pattern, std::string* out) : p_(pattern), out_(*out) {}

  void Run() {
    int depth = 0;
    while (pos_ < p_.size()) {
      const char c = p_[pos_];
      if (c == '\\') {
        Escape();
      } else if (c == '[') {
        Class();
      } else if (c == '(') {
        depth += GroupOpening();
      } else if (c == ')') {
        if (--depth < 0) throw CannotRewrite();
        out_ += c;
        ++pos_;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        NonAsciiLiteral();
      } else {
        out_ += LowerAscii(c);
        ++pos_;
      }
    }
    if (depth != 0) throw CannotRewrite();
  }

 private:
  // "\x.." outside a class.
  void Escape() {
    if (pos_ + 1 >= p_.size()) throw CannotRewrite();
    const size_t start = pos_;
    const char c = p_[pos_ + 1];
    if (c == 'x') {
      const char32_t value = HexValue();
      const std::string_view written = p_.substr(start, pos_ - start);
      if (value >= 0x80) {
        out_ += "(?i:";
        out_ += written;
        out_ += ')';
      } else if (IsCapital(value)) {
        out_ += HexEscape(value + ('a' - 'A'));
      } else {
        out_ += written;
      }
      return;
    }
    pos_ += 2;
    if (c == 'Q') {
      const size_t end = p_.find("\\E", pos_);
      const std::string_view quoted = p_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
      out_ += "\\Q";
      for (char q : quoted) {
        if (static_cast<unsigned char>(q) >= 0x80) throw CannotRewrite();
        out_ += LowerAscii(q);
      }
      pos_ += quoted.size();
      if (end != std::string_view::npos) {
        out_ += "\\E";
        pos_ += 2;
      }
      return;
    }
    // Classes of their own ("\d"), assertions ("\b"), control characters ("\n"), punctuation ("\."):
    // none has a case.
    if (std::string_view("dDsSwWbBAzCntrfva").find(c) != std::string_view::npos || IsRegexEscapablePunctuation(c)) {
      out_ += p_.substr(start, 2);
      return;
    }
    throw CannotRewrite();  // "\pL", octal, or an escape RE2 refuses
  }

  // At "\x": "\xHH" or "\x{H...}", skipped; its value.
  char32_t HexValue() {
    char32_t value = 0;
    if (!ReadRegexHexEscape(p_, pos_ + 2, &value, &pos_)) throw CannotRewrite();
    return value;
  }

  // "[...]": written as it is, plus the lower case of its capitals before the "]".
  void Class() {
    const size_t start = pos_++;
    if (pos_ < p_.size() && p_[pos_] == '^') ++pos_;
    std::string lower;  // the lower case of the capitals, as escapes
    size_t final_dash = std::string_view::npos;  // a "-" that ends the class: they go before it
    for (bool first = true;; first = false) {
      if (pos_ >= p_.size()) throw CannotRewrite();
      if (p_[pos_] == ']' && !first) break;
      if (p_.substr(pos_, 2) == "[:") throw CannotRewrite();
      if (!first && p_.substr(pos_, 2) == "-]") final_dash = pos_;
      char32_t low = 0;
      if (!ClassMember(&low)) continue;  // "\d" and the like
      char32_t high = low;
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (!ClassMember(&high) || high < low) throw CannotRewrite();
      }
      const char32_t from = std::max<char32_t>(low, 'A'), to = std::min<char32_t>(high, 'Z');
      if (from > to) continue;
      lower += HexEscape(from + ('a' - 'A'));
      if (to > from) lower += "-" + HexEscape(to + ('a' - 'A'));
    }
    const size_t insert_at = final_dash != std::string_view::npos ? final_dash : pos_;
    out_ += p_.substr(start, insert_at - start);
    out_ += lower;
    out_ += p_.substr(insert_at, pos_ + 1 - insert_at);
    ++pos_;
  }

  // One member of a class at pos_, skipped: its character in *c, or false for a class escape ("\w").
  bool ClassMember(char32_t* c) {
    const char first = p_[pos_];
    if (static_cast<unsigned char>(first) >= 0x80) throw CannotRewrite();
    if (first != '\\') {
      *c = static_cast<unsigned char>(first);
      ++pos_;
      return true;
    }
    if (pos_ + 1 >= p_.size()) throw CannotRewrite();
    const char e = p_[pos_ + 1];
    if (e == 'x') {
      *c = HexValue();
      if (*c >= 0x80) throw CannotRewrite();
      return true;
    }
    pos_ += 2;
    if (std::string_view("dDsSwW").find(e) != std::string_view::npos) return false;
    if (std::string_view("ntrfva").find(e) != std::string_view::npos) {
      *c = 0x07;  // some control character: below 'A', which is all that matters here
      return true;
    }
    if (!IsRegexEscapablePunctuation(e)) throw CannotRewrite();
    *c = static_cast<unsigned char>(e);
    return true;
  }

  // "(", "(?:", "(?P<name>", "(?flags:" or a flags directive "(?flags)", copied; how much deeper it goes.
  int GroupOpening() {
    const size_t start = pos_++;
    int deeper = 1;
    if (pos_ < p_.size() && p_[pos_] == '?') {
      if (p_.substr(pos_).starts_with("?P<")) {
        const size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) throw CannotRewrite();
        pos_ = close + 1;
      } else {
        const size_t end = AfterRegexFlagLetters(p_, pos_ + 1);
        const std::string_view flags = p_.substr(pos_ + 1, end - pos_ - 1);
        const size_t minus = flags.find('-');
        if (minus != std::string_view::npos && flags.find('i', minus) != std::string_view::npos) throw CannotRewrite();
        if (end >= p_.size() || (p_[end] != ':' && p_[end] != ')')) throw CannotRewrite();
        if (p_[end] == ')') deeper = 0;
        pos_ = end + 1;
      }
    }
    out_ += p_.substr(start, pos_ - start);
    return deeper;
  }

  // A character other than ASCII keeps its case folding: "(?i:é)".
  void NonAsciiLiteral() {
    const auto lead = static_cast<unsigned char>(p_[pos_]);
    const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || pos_ + length > p_.size()) throw CannotRewrite();
    out_ += "(?i:";
    out_ += p_.substr(pos_, length);
    out_ += ')';
    pos_ += length;
  }

  std::string_view p_;
  std::string& out_;
  size_t pos_ = 0;
};

}  // namespace

bool LowerCasePattern(std::string_view pattern, std::string* lowered) {
  lowered->clear();
  try {
    Rewriter(pattern, lowered).Run();
    return true;
  } catch (const CannotRewrite&) {
    lowered->clear();
    return false;
  }
}

}  // namespace eg
