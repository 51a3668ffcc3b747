// The date of an event, from the words of its sentence and the document's date.
//
//   "… in Moscow on Thursday …"    the Thursday on or before the document's date (news reports the past),
//                                   or after it when the sentence speaks of the future ("will", "next")
//   "yesterday", "today"           the day before, the day of the document
//   "last week"                    seven days before the document's date
//   "March 24", "24 March", "Sept. 9"   that day in the document's year, or the year before when that would
//                                   fall more than a month after the document
//   "March 24, 2016", "2016-03-24" that day
//
// The expression nearest the event's match wins (inside it first). Without one, or without a document date
// for the relative ones, the event has the document's date. Thread safety: a pure function.
#ifndef EVENTGRAPH_EXTRACT_EVENT_DATE_H_
#define EVENTGRAPH_EXTRACT_EVENT_DATE_H_

#include <string>
#include <string_view>
#include <vector>

namespace eg {

// sentence: the event's sentence; match_begin/match_end: the matched bytes within it; document_date:
// YYYY-MM-DD or empty. Returns YYYY-MM-DD or empty.
std::string ResolveEventDate(std::string_view sentence, size_t match_begin, size_t match_end,
                             const std::string& document_date);

// The date expressions of one sentence, read once for all the events in it: DateOf(b, e) after Read(s, d)
// is ResolveEventDate(s, b, e, d). Read() keeps the object's capacity. Not thread-safe: one per thread.
class SentenceDates {
 public:
  void Read(std::string_view sentence, const std::string& document_date);
  std::string DateOf(size_t match_begin, size_t match_end) const;

 private:
  struct Found {
    size_t begin, end;  // the expression's bytes in the sentence
    std::string date;
  };
  std::vector<Found> found_;  // in the order read, which breaks ties in distance
  std::string fallback_;      // the document's date, when valid
};

// Days since 1970-01-01 of a valid YYYY-MM-DD date, and back.
long DaysFromIsoDate(std::string_view date);
std::string IsoDateFromDays(long days);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_EVENT_DATE_H_
