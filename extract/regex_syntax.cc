#include "extract/regex_syntax.h"

namespace eg {

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
