// DocumentReader and FindDateline on files written here.
#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "extract/dateline.h"
#include "extract/document_reader.h"
#include "extract/input_error.h"
#include "tests/test_support.h"

namespace {
namespace fs = std::filesystem;

class DocumentReaderTest : public eg_test::TempDirTest {
 protected:
  std::vector<eg::Document> ReadAll(const std::vector<std::string>& inputs, eg::ReaderOptions options = {}) {
    eg::DocumentReader reader(inputs, options);
    std::vector<eg::Document> docs;
    eg::Document doc;
    while (reader.Next(&doc)) docs.push_back(doc);
    return docs;
  }

  // The InputError reading inputs throws, or a failure.
  eg::InputError ErrorOf(const std::vector<std::string>& inputs) {
    try {
      ReadAll(inputs);
    } catch (const eg::InputError& e) {
      return e;
    }
    ADD_FAILURE() << "no InputError";
    return eg::InputError("", 0, "", "");
  }
};

TEST_F(DocumentReaderTest, TextFileIsOneDocumentNamedAfterTheFile) {
  auto docs = ReadAll({Write("kerry-moscow.txt", "Kerry met Putin.\n")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "kerry-moscow");
  EXPECT_EQ(docs[0].text, "Kerry met Putin.\n");
  EXPECT_EQ(docs[0].date, "");
}

TEST_F(DocumentReaderTest, JsonLinesCarryIdDateTitleAndIgnoreOtherFields) {
  auto docs = ReadAll({Write("n.jsonl",
                             "{\"id\":\"a\",\"text\":\"one\",\"date\":\"2016-03-24T10:00:00Z\",\"title\":\"T\","
                             "\"url\":\"http://x\",\"publisher\":\"p\"}\r\n"
                             "\n"
                             "{\"id\":\"b\",\"text\":\"two\",\"date\":\"2016-09\"}\n"
                             "{\"id\":\"c\",\"text\":\"three\",\"date\":null}")});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[0].date, "2016-03-24");
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].url, "http://x");
  EXPECT_EQ(docs[1].date, "") << "a year-month alone is not a day";
  // Each line is read into the same Document: nothing of the line before stays.
  EXPECT_EQ(docs[1].title, "");
  EXPECT_EQ(docs[1].url, "");
  EXPECT_EQ(docs[1].source, docs[0].source.substr(0, docs[0].source.size() - 1) + "3");
  EXPECT_EQ(docs[2].text, "three") << "last line without a newline";
}

TEST_F(DocumentReaderTest, GzippedJsonLines) {
  std::string path = (dir_ / "n.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  std::string content;
  for (int i = 0; i < 3000; ++i) content += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Kerry met Lavrov.\"}\n";
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3000u) << "lines across 64 KiB chunk boundaries are whole";
  EXPECT_EQ(docs[2999].id, "d2999");
  EXPECT_EQ(docs[1234].text, "Kerry met Lavrov.");
}

// The progress line's figures: the input's size on disk and how far into it the reader is.
TEST_F(DocumentReaderTest, InputSizeAndPositionFollowTheFiles) {
  std::string lines;
  for (int i = 0; i < 5000; ++i) lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Kerry met Lavrov.\"}\n";
  const std::string jsonl = Write("a.jsonl", lines);
  const std::string txt = Write("b.txt", "Kerry met Putin.\n");
  std::string gz_path = (dir_ / "c.jsonl.gz").string();
  std::string gz_lines = lines;
  for (size_t at = gz_lines.find("\"d"); at != std::string::npos; at = gz_lines.find("\"d", at + 2)) gz_lines[at + 1] = 'g';
  gzFile gz = gzopen(gz_path.c_str(), "wb");
  gzwrite(gz, gz_lines.data(), static_cast<unsigned>(gz_lines.size()));
  gzclose(gz);
  const uint64_t gz_size = fs::file_size(gz_path);
  eg::ReaderOptions options;
  eg::DocumentReader reader({jsonl, txt, gz_path}, options);
  EXPECT_EQ(reader.input_size(), lines.size() + 17 + gz_size);
  EXPECT_EQ(reader.input_position(), 0u);
  eg::Document doc;
  std::vector<uint64_t> positions;
  while (reader.Next(&doc)) positions.push_back(reader.input_position());
  ASSERT_EQ(positions.size(), 10001u);
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));
  EXPECT_GT(positions[10], 0u);
  EXPECT_LT(positions[2500], lines.size()) << "part way into the first file";
  EXPECT_EQ(positions[5000], lines.size() + 17) << "after the .txt file";
  EXPECT_EQ(reader.input_position(), reader.input_size()) << "at the end";
  EXPECT_EQ(eg::DocumentReader({"-"}, options).input_size(), 0u) << "standard input: unknown";
}

TEST_F(DocumentReaderTest, DirectoriesAreRecursiveSortedAndSkipOtherFiles) {
  Write("c/z.txt", "z");
  Write("c/a/y.txt", "y");
  Write("c/b.jsonl", "{\"id\":\"x\",\"text\":\"x\"}\n");
  Write("c/readme.md", "not an input");
  auto docs = ReadAll({(dir_ / "c").string()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "y");  // c/a/y.txt
  EXPECT_EQ(docs[1].id, "x");  // c/b.jsonl
  EXPECT_EQ(docs[2].id, "z");  // c/z.txt
}

TEST_F(DocumentReaderTest, DateComesFromFieldThenDatelineThenDefault) {
  auto docs = ReadAll({Write("a.jsonl", "{\"id\":\"a\",\"text\":\"Thursday, March 24, 2016\\n\\nKerry spoke.\","
                                        "\"date\":\"2016-01-02\"}\n"
                                        "{\"id\":\"b\",\"text\":\"Thursday, March 24, 2016\\n\\nKerry spoke.\"}\n"
                                        "{\"id\":\"c\",\"text\":\"Kerry spoke.\"}\n")},
                      {"2020-05-05", false});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, "2016-01-02");
  EXPECT_EQ(docs[1].date, "2016-03-24");
  EXPECT_EQ(docs[2].date, "2020-05-05");
}

TEST_F(DocumentReaderTest, ErrorsNameFileLineAndField) {
  eg::InputError e = ErrorOf({Write("a.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n[1, 2]\n")});
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(e.message().find("not a JSON object"), std::string::npos);

  e = ErrorOf({Write("b.jsonl", "{\"id\":\"a\",\"text\":7}\n")});
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.field(), "text");

  e = ErrorOf({Write("c.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"date\":\"24/03/2016\"}\n")});
  EXPECT_EQ(e.field(), "date");

  e = ErrorOf({Write("d.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n")});
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.field(), "id");
  EXPECT_NE(e.message().find("already used"), std::string::npos);

  e = ErrorOf({(dir_ / "absent.txt").string()});
  EXPECT_NE(e.file().find("absent.txt"), std::string::npos);

  e = ErrorOf({Write("bad.txt", "line one\nline \xff two\n")});
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(e.message().find("invalid UTF-8"), std::string::npos);

  e = ErrorOf({Write("bad.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"\xc3\x28\"}\n")});
  EXPECT_EQ(e.line(), 2u);

  // A lone surrogate escape decodes to bytes that are not UTF-8, in any field that reaches the output.
  for (const char* field : {"text", "title", "url"}) {
    const std::string other = std::string(field) == "text" ? "" : "\"text\":\"ok\",";
    const std::string line = "{\"id\":\"a\"," + other + "\"" + field + "\":\"x\\udc00y\"}\n";
    e = ErrorOf({Write(std::string("lone_") + field + ".jsonl", "{\"id\":\"z\",\"text\":\"\\ud83d\\ude00\"}\n" + line)});
    EXPECT_EQ(e.line(), 2u) << field;
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(e.message().find("invalid UTF-8"), std::string::npos) << e.what();
  }
}

TEST_F(DocumentReaderTest, SameFileNameInTwoDirectoriesIsADuplicateId) {
  Write("c/a/story.txt", "one");
  Write("c/b/story.txt", "two");
  eg::InputError e = ErrorOf({(dir_ / "c").string()});
  EXPECT_NE(e.message().find("\"story\""), std::string::npos) << e.what();
}

TEST(IsIsoDateTest, ChecksTheCalendar) {
  EXPECT_TRUE(eg::IsIsoDate("2016-03-24"));
  EXPECT_TRUE(eg::IsIsoDate("2016-02-29"));
  EXPECT_FALSE(eg::IsIsoDate("2015-02-29"));
  EXPECT_FALSE(eg::IsIsoDate("2016-13-01"));
  EXPECT_FALSE(eg::IsIsoDate("2016-3-24"));
  EXPECT_FALSE(eg::IsIsoDate("24-03-2016"));
}

TEST(FindDatelineTest, RecognisesCommonDatelines) {
  EXPECT_EQ(eg::FindDateline("Thursday, March 24, 2016\n\nU.S. and Russia meet"), "2016-03-24");
  EXPECT_EQ(eg::FindDateline("Headline here\nMarch 24, 2016\nText."), "2016-03-24");
  EXPECT_EQ(eg::FindDateline("24 March 2016\nText."), "2016-03-24");
  EXPECT_EQ(eg::FindDateline("Sept. 9, 2016\nText."), "2016-09-09");
  EXPECT_EQ(eg::FindDateline("GENEVA - September 9, 2016\nText."), "2016-09-09");
  EXPECT_EQ(eg::FindDateline("2016-09-09\nText."), "2016-09-09");
  // A full stop after the year, white space around the line.
  EXPECT_EQ(eg::FindDateline("  March 24, 2016. \t\r\nText."), "2016-03-24");
  EXPECT_EQ(eg::FindDateline("24 March 2016.\nText."), "2016-03-24");
  EXPECT_EQ(eg::FindDateline("Headline.\n.\n2016-09-09 \nText."), "2016-09-09");
}

TEST(FindDatelineTest, IgnoresDatesInsideSentencesAndImpossibleDates) {
  EXPECT_EQ(eg::FindDateline("Kerry met Lavrov on March 24, 2016 in Moscow.\n"), "");
  EXPECT_EQ(eg::FindDateline("February 30, 2016\nText."), "");
  EXPECT_EQ(eg::FindDateline("a\nb\nc\nd\ne\nf\nMarch 24, 2016\n"), "") << "only the first lines count";
  EXPECT_EQ(eg::FindDateline(""), "");
}

}  // namespace
