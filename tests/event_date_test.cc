// Event dates from the words of a sentence, against the document's date.
#include "extract/event_date.h"

#include <gtest/gtest.h>

#include <string>

namespace eg {
namespace {

// The date of an event whose match is the whole sentence.
std::string DateOf(const std::string& sentence, const std::string& document_date) {
  return ResolveEventDate(sentence, 0, sentence.size(), document_date);
}

TEST(EventDateTest, WeekdaysResolveToThePastOneUnlessTheFutureIsSpokenOf) {
  // 2016-03-24 was a Thursday.
  EXPECT_EQ(DateOf("Kerry said in Moscow on Thursday that the truce held.", "2016-03-24"), "2016-03-24");
  EXPECT_EQ(DateOf("Kerry arrived in Moscow on Tuesday.", "2016-03-24"), "2016-03-22");
  EXPECT_EQ(DateOf("Kerry will meet Lavrov on Friday.", "2016-03-24"), "2016-03-25");
  EXPECT_EQ(DateOf("They met last Thursday.", "2016-03-24"), "2016-03-17");
  EXPECT_EQ(DateOf("They meet again next Thursday.", "2016-03-24"), "2016-03-31");
}

TEST(EventDateTest, RelativeWords) {
  EXPECT_EQ(DateOf("Lavrov spoke to Kerry yesterday.", "2016-03-01"), "2016-02-29");
  EXPECT_EQ(DateOf("Lavrov spoke to Kerry today.", "2016-03-01"), "2016-03-01");
  EXPECT_EQ(DateOf("A meeting last week in Riyadh agreed a list.", "2015-12-15"), "2015-12-08");
}

TEST(EventDateTest, CalendarDates) {
  EXPECT_EQ(DateOf("Kerry met Putin at the Kremlin on March 24.", "2016-09-09"), "2016-03-24");
  EXPECT_EQ(DateOf("They met on 26 August in Geneva.", "2016-09-09"), "2016-08-26");
  EXPECT_EQ(DateOf("They met on Dec. 28 in Vienna.", "2016-01-03"), "2015-12-28") << "last year's December";
  EXPECT_EQ(DateOf("They met on Sept. 9, 2016 in Geneva.", ""), "2016-09-09") << "a full date needs no context";
  EXPECT_EQ(DateOf("They met on 2016-09-09.", "2020-01-01"), "2016-09-09");
  EXPECT_EQ(DateOf("They met on February 30.", "2016-03-01"), "2016-03-01") << "no such day: the document's";
}

TEST(EventDateTest, NearestExpressionToTheMatchWins) {
  const std::string sentence = "On Monday Lavrov spoke, and on Tuesday Kerry met Putin.";
  const size_t begin = sentence.find("Kerry"), end = sentence.size() - 1;
  EXPECT_EQ(ResolveEventDate(sentence, begin, end, "2016-03-24"), "2016-03-22");
  const size_t lavrov = sentence.find("Lavrov");
  EXPECT_EQ(ResolveEventDate(sentence, lavrov, lavrov + 13, "2016-03-24"), "2016-03-21");
}

TEST(EventDateTest, SentenceDatesReadOnceAnswerForEveryEvent) {
  const std::string sentence = "On Monday Lavrov spoke, on Tuesday Kerry met Putin, and on March 2 they met.";
  SentenceDates dates;
  dates.Read(sentence, "2016-03-24");
  for (const char* word : {"Lavrov", "Kerry", "they", "spoke", "and"}) {
    const size_t begin = sentence.find(word), end = begin + std::string(word).size();
    EXPECT_EQ(dates.DateOf(begin, end), ResolveEventDate(sentence, begin, end, "2016-03-24")) << word;
  }
  EXPECT_EQ(dates.DateOf(sentence.find("Lavrov"), sentence.find("Lavrov") + 6), "2016-03-21");
  EXPECT_EQ(dates.DateOf(sentence.find("they"), sentence.size()), "2016-03-02");
  // A second sentence forgets the first one's expressions, and a second document its date.
  dates.Read("Kerry met Putin.", "2016-03-24");
  EXPECT_EQ(dates.DateOf(0, 5), "2016-03-24");
  dates.Read("Kerry met Putin.", "");
  EXPECT_EQ(dates.DateOf(0, 5), "");
}

TEST(EventDateTest, MonthNamesAreDatesOnlyBesideADay) {
  // "may", "marked" and "decided" begin like months; with a day the same words are dates.
  EXPECT_EQ(DateOf("Kerry may meet Lavrov, who marked the decision.", "2016-03-24"), "2016-03-24");
  EXPECT_EQ(DateOf("Kerry may meet Lavrov in March.", "2016-03-24"), "2016-03-24");
  EXPECT_EQ(DateOf("Kerry met Lavrov on May 3.", "2016-03-24"), "2015-05-03");
  EXPECT_EQ(DateOf("Kerry met Lavrov on 3 may.", "2016-06-24"), "2016-05-03");
  EXPECT_EQ(DateOf("Kerry met Lavrov on Dec 3.", "2016-12-24"), "2016-12-03");
}

TEST(EventDateTest, WithoutExpressionOrDocumentDate) {
  EXPECT_EQ(DateOf("Kerry met Lavrov.", "2016-03-24"), "2016-03-24");
  EXPECT_EQ(DateOf("Kerry met Lavrov on Thursday.", ""), "") << "a weekday needs the document's date";
  EXPECT_EQ(DateOf("Kerry met Lavrov.", ""), "");
}

TEST(EventDateTest, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromIsoDate("1970-01-01"), 0);
  EXPECT_EQ(DaysFromIsoDate("1970-01-02"), 1);
  EXPECT_EQ(DaysFromIsoDate("1969-12-31"), -1);
  for (const char* date : {"2000-02-29", "2016-03-24", "1999-12-31", "2024-12-31", "1900-03-01"}) {
    EXPECT_EQ(IsoDateFromDays(DaysFromIsoDate(date)), date);
  }
  EXPECT_EQ(DaysFromIsoDate("2016-03-01") - DaysFromIsoDate("2016-02-28"), 2);
}

}  // namespace
}  // namespace eg
