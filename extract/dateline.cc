#include "extract/dateline.h"

#include <re2/re2.h>

#include <array>
#include <cstdio>

#include "extract/document_reader.h"

namespace eg {
namespace {

constexpr int kLinesToSearch = 5;

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  char prefix[3];
  for (int i = 0; i < 3; ++i) prefix[i] = static_cast<char>(name[static_cast<size_t>(i)] | 0x20);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (std::string_view(prefix, 3) == kMonths[i]) return static_cast<int>(i + 1);
  }
  return 0;
}

std::string Format(int year, int month, int day) {
  char buffer[48];  // room for any int, so that no output is truncated
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  std::string date = buffer;
  return IsIsoDate(date) ? date : std::string();
}

}  // namespace

std::string FindDateline(std::string_view text) {
  static const RE2 kMonthFirst(
      R"((?i)^(?:[a-z][a-z .'-]*(?:-|—|–|,|:) *)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? +)?)"
      R"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? +([0-9]{1,2}),? +([0-9]{4})\.?$)");
  static const RE2 kDayFirst(
      R"((?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? +)?([0-9]{1,2}) +)"
      R"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? +([0-9]{4})\.?$)");
  static const RE2 kIso(R"(^([0-9]{4})-([0-9]{2})-([0-9]{2})$)");
  size_t pos = 0;
  for (int line_number = 0; line_number < kLinesToSearch && pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    ++line_number;
    if (line.size() > 80) continue;
    // Each form ends in a digit, perhaps followed by a full stop: most lines (headlines, text) are ruled
    // out here, before three regexps.
    const size_t last = line.back() == '.' && line.size() > 1 ? line.size() - 2 : line.size() - 1;
    if (line[last] < '0' || line[last] > '9') continue;
    re2::StringPiece piece(line.data(), line.size());
    std::string month, day, year;
    if (RE2::FullMatch(piece, kMonthFirst, &month, &day, &year)) {
      return Format(std::stoi(year), MonthNumber(month), std::stoi(day));
    }
    if (RE2::FullMatch(piece, kDayFirst, &day, &month, &year)) {
      return Format(std::stoi(year), MonthNumber(month), std::stoi(day));
    }
    if (RE2::FullMatch(piece, kIso, &year, &month, &day)) {
      return Format(std::stoi(year), std::stoi(month), std::stoi(day));
    }
  }
  return {};
}

}  // namespace eg
