// Tests for extract/parallel: documents come back in input order, with the same events for any number
// of threads, and errors reach the caller.
#include "extract/parallel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/rule_pack.h"

namespace eg {
namespace {

// Short news items, each with a different event; several name people the gazetteer lacks, so that
// discovery (whose ids follow input order) takes part.
const std::vector<std::string> kTexts = {
    "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Friday.",
    "Turkish President Recep Tayyip Erdogan condemned the air strikes on Aleppo.",
    "Foreign Minister Ivo Brankovic met his Serbian counterpart in Belgrade on Monday.",
    "Iran's Foreign Minister Mohammad Javad Zarif held talks with Lavrov in Moscow.",
    "The weather in Geneva was mild, and no talks were planned.",
    "Russia accused the United States of supporting terrorists in Syria.",
    "Ambassador Petra Lindqvist met Kerry at the State Department.",
    "China and Japan signed a trade agreement in Beijing.",
    "Lavrov said Russia would not meet the rebels in Aleppo.",
    "President Vladimir Putin visited Turkey, where he met Erdogan in Ankara.",
    "German Chancellor Angela Merkel called on Russia to end the bombing of Aleppo.",
    "Minister Ivo Brankovic later met Zarif in Tehran.",
};

class ParallelTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(testing::TempDir()) /
           ("parallel_test_" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A JSON Lines file of the texts, each repeated copies times (distinct ids), plus extra raw lines
  // inserted before line bad_at (0-based; none when bad_at is -1).
  std::string WriteCorpus(int copies, int bad_at = -1, const std::string& bad_line = "") {
    const std::string path = (dir_ / "corpus.jsonl").string();
    std::ofstream out(path);
    int line = 0;
    for (int c = 0; c < copies; ++c) {
      for (size_t i = 0; i < kTexts.size(); ++i, ++line) {
        if (line == bad_at) out << bad_line << "\n";
        out << "{\"id\":\"d" << c << "_" << i << "\",\"date\":\"2016-09-0" << (1 + i % 9) << "\",\"text\":\""
            << kTexts[i] << "\"}\n";
      }
    }
    return path;
  }

  // One line per document: its id, then each event (rule, subject, object, location, match).
  static std::vector<std::string> Run(const std::string& path, unsigned threads) {
    Extractor extractor{ExtractorOptions{}};
    DocumentReader reader({path}, ReaderOptions{});
    std::vector<std::string> lines;
    ProcessInOrder(extractor, &reader, threads, [&](const Document& doc) { lines.push_back(Describe(doc)); });
    return lines;
  }

  static std::string Describe(const Document& doc) {
    std::string line = doc.id + ":";
    auto id = [](const Argument& argument) { return argument ? argument.entity->id : std::string("-"); };
    for (const Event& event : doc.events) {
      line += " [" + event.rule->id + " " + id(event.subject) + " " + id(event.object) + " " + id(event.location) +
              " " + std::to_string(event.match.begin) + "-" + std::to_string(event.match.end) + "]";
    }
    return line;
  }

  std::filesystem::path dir_;
};

TEST_F(ParallelTest, OutputFollowsInputOrderForAnyThreadCount) {
  const std::string path = WriteCorpus(/*copies=*/20);  // 240 documents: more than the read-ahead window
  const std::vector<std::string> one = Run(path, 1);
  ASSERT_EQ(one.size(), 20 * kTexts.size());
  for (size_t i = 0; i < one.size(); ++i) {
    const std::string id = "d" + std::to_string(i / kTexts.size()) + "_" + std::to_string(i % kTexts.size());
    EXPECT_EQ(one[i].substr(0, one[i].find(':')), id);
  }
  // The corpus has events, and people discovered in it.
  EXPECT_NE(one[0].find("[meet"), std::string::npos) << one[0];
  size_t events = 0, discovered = 0;
  for (const std::string& line : one) {
    for (size_t at = line.find('['); at != std::string::npos; at = line.find('[', at + 1)) ++events;
    if (line.find("brankovic") != std::string::npos || line.find("lindqvist") != std::string::npos) ++discovered;
  }
  EXPECT_GE(events, 100u);
  EXPECT_GT(discovered, 0u);
  EXPECT_EQ(Run(path, 2), one);
  EXPECT_EQ(Run(path, 4), one);
}

TEST_F(ParallelTest, EmptyInputConsumesNothing) {
  const std::string path = (dir_ / "empty.jsonl").string();
  std::ofstream(path).close();
  for (unsigned threads : {1u, 2u, 4u}) EXPECT_TRUE(Run(path, threads).empty()) << threads;
}

TEST_F(ParallelTest, AReaderErrorComesAfterTheDocumentsBeforeIt) {
  const std::string path = WriteCorpus(/*copies=*/10, /*bad_at=*/50, "{\"id\": \"broken\", \"text\": ");
  for (unsigned threads : {1u, 2u, 4u}) {
    Extractor extractor{ExtractorOptions{}};
    DocumentReader reader({path}, ReaderOptions{});
    size_t consumed = 0;
    EXPECT_THROW(ProcessInOrder(extractor, &reader, threads, [&](const Document&) { ++consumed; }), InputError)
        << threads;
    EXPECT_EQ(consumed, 50u) << threads;
  }
}

TEST_F(ParallelTest, SkippedErrorsAreReportedInInputOrderForAnyThreadCount) {
  // Problems of every kind the reader finds, spread over a corpus larger than the read-ahead window:
  // a line that is not JSON, one without "text", invalid UTF-8, a repeated id, a line over the size limit.
  const std::string path = (dir_ / "mixed.jsonl").string();
  {
    std::ofstream out(path);
    for (int i = 0; i < 200; ++i) {
      out << "{\"id\":\"d" << i << "\",\"text\":\"" << kTexts[i % kTexts.size()] << "\"}\n";
      if (i % 37 == 5) out << "{\"id\": \"broken" << i << "\", \"text\": \n";
      if (i % 41 == 7) out << "{\"id\": \"notext" << i << "\"}\n";
      if (i % 43 == 9) out << "{\"id\": \"bad" << i << "\", \"text\": \"caf\xC3\x28\"}\n";
      if (i % 47 == 11) out << "{\"id\":\"d" << i << "\",\"text\":\"A repeat.\"}\n";
      if (i % 53 == 13) out << "{\"id\": \"long" << i << "\", \"text\": \"" << std::string(3000, 'x') << "\"}\n";
    }
  }
  auto run = [&](unsigned threads) {
    Extractor extractor{ExtractorOptions{}};
    std::vector<std::string> log;  // documents and warnings, interleaved as they came
    ReaderOptions options;
    options.skip_errors = true;
    options.max_document_bytes = 2000;
    options.warn = [&](const InputError& error) { log.push_back(std::string("warning ") + error.what()); };
    DocumentReader reader({path}, options);
    ProcessInOrder(extractor, &reader, threads, [&](const Document& doc) { log.push_back(Describe(doc)); });
    EXPECT_EQ(reader.skipped(), 6u + 5u + 5u + 5u + 4u) << threads;
    return log;
  };
  const std::vector<std::string> one = run(1);
  ASSERT_EQ(one.size(), 200u + 25u);
  EXPECT_NE(std::find_if(one.begin(), one.end(),
                         [](const std::string& line) { return line.find("already used") != std::string::npos; }),
            one.end());
  EXPECT_EQ(run(2), one);
  EXPECT_EQ(run(4), one);
}

TEST_F(ParallelTest, AnErrorFromConsumeStopsTheRun) {
  const std::string path = WriteCorpus(/*copies=*/10);
  for (unsigned threads : {1u, 2u, 4u}) {
    Extractor extractor{ExtractorOptions{}};
    DocumentReader reader({path}, ReaderOptions{});
    size_t consumed = 0;
    auto consume = [&](const Document& doc) {
      if (++consumed == 7) throw std::runtime_error("disk full while writing " + doc.id);
    };
    try {
      ProcessInOrder(extractor, &reader, threads, consume);
      ADD_FAILURE() << "no exception with " << threads << " threads";
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "disk full while writing d0_6");
    }
    EXPECT_EQ(consumed, 7u) << threads;
  }
}

}  // namespace
}  // namespace eg
