#include "extract/event_date.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdio>
#include <cstdlib>

#include "extract/document_reader.h"

namespace eg {
namespace {

constexpr long kFutureSlackDays = 31;

int MonthOf(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  char prefix[3] = {static_cast<char>(word[0] | 0x20), static_cast<char>(word[1] | 0x20),
                    static_cast<char>(word[2] | 0x20)};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (std::string_view(prefix, 3) == kMonths[i]) return static_cast<int>(i + 1);
  }
  return 0;
}

int WeekdayOf(std::string_view word) {  // 0 = Monday
  static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  char prefix[3] = {static_cast<char>(word[0] | 0x20), static_cast<char>(word[1] | 0x20),
                    static_cast<char>(word[2] | 0x20)};
  for (size_t i = 0; i < kDays.size(); ++i) {
    if (std::string_view(prefix, 3) == kDays[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string Format(int year, int month, int day) {
  char buffer[48];  // room for any int, so that no output is truncated
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return IsIsoDate(buffer) ? std::string(buffer) : std::string();
}

// Distance from a date expression [begin, end) to the match: 0 inside it.
size_t Distance(size_t begin, size_t end, size_t match_begin, size_t match_end) {
  if (end <= match_begin) return match_begin - end;
  if (begin >= match_end) return begin - match_end;
  return 0;
}

}  // namespace

long DaysFromIsoDate(std::string_view date) {
  // Howard Hinnant's days_from_civil.
  long y = std::strtol(std::string(date.substr(0, 4)).c_str(), nullptr, 10);
  const unsigned m = static_cast<unsigned>(std::strtol(std::string(date.substr(5, 2)).c_str(), nullptr, 10));
  const unsigned d = static_cast<unsigned>(std::strtol(std::string(date.substr(8, 2)).c_str(), nullptr, 10));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string IsoDateFromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return Format(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

void SentenceDates::Read(std::string_view sentence, const std::string& document_date) {
  found_.clear();
  const bool known = IsIsoDate(document_date);
  fallback_ = known ? document_date : std::string();
  static const RE2 kFull(R"((?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ([0-9]{1,2}),? ([0-9]{4})\b)");
  static const RE2 kIso(R"(\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b)");
  static const RE2 kMonthDay(R"((?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ([0-9]{1,2})\b)");
  static const RE2 kDayMonth(R"((?i)\b([0-9]{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)");
  static const RE2 kWeekday(R"((?i)\b(?:(last|next|this) )?(mon|tues|wednes|thurs|fri|satur|sun)day\b)");
  static const RE2 kRelative(R"((?i)\b(yesterday|today|tonight|last week|last month)\b)");
  static const RE2 kFuture(R"((?i)\b(?:will|shall|to be held|is due to|are due to|next)\b)");
  // Which of the expressions above but kFuture the sentence holds, told by one DFA pass: most sentences
  // hold none and are done, and the others are scanned with the ones they hold only.
  enum { kHasFull, kHasIso, kHasMonthDay, kHasDayMonth, kHasWeekday, kHasRelative };  // kExpressions[i]
  static const std::array<const RE2*, 6> kExpressions = {&kFull,     &kIso,     &kMonthDay,
                                                         &kDayMonth, &kWeekday, &kRelative};
  static const RE2::Set* const kWhich = [] {
    auto* set = new RE2::Set(RE2::Options(), RE2::UNANCHORED);
    for (const RE2* regex : kExpressions) set->Add(regex->pattern(), nullptr);
    set->Compile();
    return set;
  }();
  thread_local std::vector<int> matched;
  if (!kWhich->Match(re2::StringPiece(sentence.data(), sentence.size()), &matched)) return;
  std::array<bool, kExpressions.size()> holds{};
  for (int i : matched) holds[static_cast<size_t>(i)] = true;

  const long today = known ? DaysFromIsoDate(document_date) : 0;
  int doc_year = known ? std::atoi(document_date.substr(0, 4).c_str()) : 0;
  auto consider = [&](size_t begin, size_t end, std::string date) {
    if (!date.empty()) found_.push_back({begin, end, std::move(date)});
  };
  auto scan = [&](size_t expression, auto&& to_date) {
    if (!holds[expression]) return;
    const RE2& regex = *kExpressions[expression];
    re2::StringPiece input(sentence.data(), sentence.size());
    re2::StringPiece groups[4];
    size_t pos = 0;
    while (pos < sentence.size() &&
           regex.Match(input, pos, sentence.size(), RE2::UNANCHORED, groups, regex.NumberOfCapturingGroups() + 1)) {
      const size_t begin = static_cast<size_t>(groups[0].data() - sentence.data());
      const size_t end = begin + groups[0].size();
      consider(begin, end, to_date(groups));
      pos = end > begin ? end : begin + 1;
    }
  };
  auto text = [](const re2::StringPiece& piece) { return std::string(piece.data(), piece.size()); };

  scan(kHasFull, [&](re2::StringPiece* g) {
    return Format(std::atoi(text(g[3]).c_str()), MonthOf(text(g[1])), std::atoi(text(g[2]).c_str()));
  });
  scan(kHasIso, [&](re2::StringPiece* g) {
    return Format(std::atoi(text(g[1]).c_str()), std::atoi(text(g[2]).c_str()), std::atoi(text(g[3]).c_str()));
  });
  if (known) {
    auto in_doc_year = [&](int month, int day) {
      std::string date = Format(doc_year, month, day);
      if (date.empty()) return date;
      // "Dec. 28" in a document of January 3 is last year's.
      if (DaysFromIsoDate(date) > today + kFutureSlackDays) date = Format(doc_year - 1, month, day);
      return date;
    };
    scan(kHasMonthDay, [&](re2::StringPiece* g) {
      return in_doc_year(MonthOf(text(g[1])), std::atoi(text(g[2]).c_str()));
    });
    scan(kHasDayMonth, [&](re2::StringPiece* g) {
      return in_doc_year(MonthOf(text(g[2])), std::atoi(text(g[1]).c_str()));
    });
    const bool future =
        holds[kHasWeekday] && RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kFuture);
    const int doc_weekday = static_cast<int>(((today % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    scan(kHasWeekday, [&](re2::StringPiece* g) {
      const std::string which = text(g[1]);
      const int weekday = WeekdayOf(text(g[2]));
      long delta;
      if ((future && which != "last") || which == "next") {
        delta = (weekday - doc_weekday + 7) % 7;  // the coming one (today counts)
        if (which == "next" && delta == 0) delta = 7;
      } else {
        delta = -((doc_weekday - weekday + 7) % 7);  // the past one (today counts)
        if (which == "last" && delta == 0) delta = -7;
      }
      return IsoDateFromDays(today + delta);
    });
    scan(kHasRelative, [&](re2::StringPiece* g) {
      std::string word = text(g[1]);
      for (char& c : word) c = static_cast<char>(c | 0x20);
      if (word == "yesterday") return IsoDateFromDays(today - 1);
      if (word == "last week") return IsoDateFromDays(today - 7);
      if (word == "last month") return IsoDateFromDays(today - 30);
      return document_date;
    });
  }
}

std::string SentenceDates::DateOf(size_t match_begin, size_t match_end) const {
  // The nearest expression; of two as near, the one read first.
  const Found* best = nullptr;
  size_t best_distance = std::string_view::npos;
  for (const Found& f : found_) {
    const size_t distance = Distance(f.begin, f.end, match_begin, match_end);
    if (distance < best_distance) {
      best_distance = distance;
      best = &f;
    }
  }
  return best ? best->date : fallback_;
}

std::string ResolveEventDate(std::string_view sentence, size_t match_begin, size_t match_end,
                             const std::string& document_date) {
  SentenceDates dates;
  dates.Read(sentence, document_date);
  return dates.DateOf(match_begin, match_end);
}

}  // namespace eg
