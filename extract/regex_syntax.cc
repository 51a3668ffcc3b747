#include "extract/regex_syntax.h"

namespace eg {
namespace {

char32_t HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return static_cast<char32_t>(c - '0');
  return static_cast<char32_t>((c | 0x20) - 'a' + 10);
}

}  // namespace

bool IsRegexEscapablePunctuation(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && u > 0x20 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
}

bool ReadRegexHexEscape(std::string_view pattern, size_t pos, char32_t* value, size_t* end) {
  char32_t cp = 0;
  if (pos < pattern.size() && pattern[pos] == '{') {
    size_t i = pos + 1;
    for (; i < pattern.size() && IsRegexHexDigit(pattern[i]) && i - pos <= 8; ++i) cp = cp * 16 + HexDigitValue(pattern[i]);
    if (i >= pattern.size() || pattern[i] != '}' || i == pos + 1 || cp > 0x10FFFF) return false;
    *end = i + 1;
  } else {
    if (pos + 1 >= pattern.size() || !IsRegexHexDigit(pattern[pos]) || !IsRegexHexDigit(pattern[pos + 1])) return false;
    cp = HexDigitValue(pattern[pos]) * 16 + HexDigitValue(pattern[pos + 1]);
    *end = pos + 2;
  }
  *value = cp;
  return true;
}

size_t AfterRegexFlagLetters(std::string_view pattern, size_t i) {
  while (i < pattern.size() && std::string_view("imsU-").find(pattern[i]) != std::string_view::npos) ++i;
  return i;
}

size_t SkipRegexFlagsDirectives(std::string_view pattern, size_t pos) {
  while (pattern.substr(pos, 2) == "(?") {
    const size_t i = AfterRegexFlagLetters(pattern, pos + 2);
    if (i >= pattern.size() || pattern[i] != ')') break;
    pos = i + 1;
  }
  return pos;
}

CountReading ReadRegexCount(std::string_view pattern, size_t pos, RegexCount* count) {
  size_t i = pos + 1;
  bool too_long = false;
  auto number = [&](size_t* out) {
    const size_t start = i;
    *out = 0;
    while (i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9') {
      if (i - start >= 6) too_long = true;
      *out = *out * 10 + static_cast<size_t>(pattern[i++] - '0');
    }
    return i > start;
  };
  *count = RegexCount();
  if (!number(&count->min)) return CountReading::kNotACount;
  count->max = count->min;
  if (i < pattern.size() && pattern[i] == ',') {
    ++i;
    if (!number(&count->max)) count->unbounded = true;
  }
  if (too_long) return CountReading::kTooLong;
  if (i >= pattern.size() || pattern[i] != '}') return CountReading::kNotACount;
  count->end = i + 1;
  return CountReading::kCount;
}

}  // namespace eg
