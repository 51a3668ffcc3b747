// The bad-input table of README "Reliability", case by case: the eventgraph binary on broken inputs,
// packs and output paths. Each case checks the message (file, line, field), the exit code, that the rest
// of the input is processed under --on-error skip, and that no partial output is left behind.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace {
namespace fs = std::filesystem;

using eg_test::Read;
using eg_test::Result;

class BadInputTest : public eg_test::TempDirTest {
 protected:
  void TearDown() override {
    if (!mounted_.empty()) std::system(("umount " + mounted_ + " 2>/dev/null").c_str());
    TempDirTest::TearDown();
  }

  // Runs `eventgraph ARGS` (a shell fragment) after the shell commands in prefix, stdin from input.
  Result Run(const std::string& args, const std::string& prefix = "", const std::string& input = "/dev/null") const {
    return eg_test::RunEventgraph(args, Path("stdout.txt"), Path("stderr.txt"), input, prefix);
  }

  // Files in dir_ whose name marks them as an unfinished output.
  int TemporaryFiles(const fs::path& dir) const {
    int count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++count;
    }
    return count;
  }

  std::string mounted_;
};

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char kStory[] = "Kerry met Lavrov in Geneva on Tuesday.\n";

TEST_F(BadInputTest, InvalidUtf8FailsWithLineOrIsSkipped) {
  Write("in/a.txt", kStory);
  Write("in/b.txt", "First line.\nSecond line with Latin-1 caf\xe9.\n");
  Result r = Run("extract " + Path("in"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "b.txt:2: invalid UTF-8 at byte 40 of the text (a binary file, or text in another "
                              "encoding such as Latin-1?)"))
      << r.err;
  r = Run("extract --on-error skip " + Path("in"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "warning: " + Path("in/b.txt") + ":2: invalid UTF-8")) << r.err;
  EXPECT_TRUE(Contains(r.err, "1 documents")) << r.err;
  EXPECT_TRUE(Contains(r.err, "1 skipped")) << r.err;
  EXPECT_TRUE(Contains(r.out, "person:john_kerry")) << r.out;
}

TEST_F(BadInputTest, NulBytesMarkABinaryFileOrABadJsonText) {
  Write("nul.txt", std::string("Kerry met\0Lavrov.\n", 18));
  Result r = Run("extract " + Path("nul.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "nul.txt:1: NUL character at byte 9 of the text (a binary file, or UTF-16 text?)"))
      << r.err;
  Write("nul.jsonl", "{\"id\": \"a\", \"text\": \"Kerry met\\u0000Lavrov.\"}\n");
  r = Run("extract " + Path("nul.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "nul.jsonl:1: text: NUL character at byte 9")) << r.err;
}

TEST_F(BadInputTest, LoneSurrogateEscapesAreNotText) {
  // JSON can spell bytes that are not UTF-8: "\udc00" alone. Refused in documents and in packs.
  Write("lone.jsonl", "{\"id\": \"a\", \"text\": \"Kerry met Lavrov.\", \"title\": \"Talks \\udc00\"}\n");
  Result r = Run("build " + Path("lone.jsonl") + " -o " + Path("g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "lone.jsonl:1: title: invalid UTF-8 at byte 6 of the text")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Path("g.graphml")));
  Write("lone_pack.json", "{\"entities\": [\n{\"id\": \"person:x\", \"label\": \"X \\udc00\", \"type\": \"PERSON\"}]}\n");
  r = Run("extract --gazetteer " + Path("lone_pack.json") + " " + Path("lone.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "lone_pack.json:2: /entities/0/label: a \\u escape decodes to invalid UTF-8")) << r.err;
}

TEST_F(BadInputTest, BinaryFileIsNotText) {
  Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Result r = Run("build " + Path("image.txt") + " -o " + Path("g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "image.txt:1: invalid UTF-8 at byte 0")) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.graphml")));
  EXPECT_EQ(TemporaryFiles(dir_), 0);
}

TEST_F(BadInputTest, EmptyFilesAreEmptyDocuments) {
  Write("empty.txt", "");
  Write("empty.jsonl", "");
  Result r = Run("build " + Path("empty.txt") + " " + Path("empty.jsonl") + " -o " + Path("g.graphml") + " -o " +
                 Path("g.jsonld"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "1 documents, 0 sentences, 0 mentions, 0 events, 0 nodes, 0 edges")) << r.err;
  EXPECT_TRUE(Contains(Read(Path("g.graphml")), "</graphml>"));
  EXPECT_TRUE(Contains(Read(Path("g.jsonld")), "@context"));
}

TEST_F(BadInputTest, UnreadableEntriesOfADirectoryAreReportedNotOpened) {
  Write("in/a.txt", kStory);
  // A FIFO would block a reader for ever; a dangling link cannot be opened. Both are reported in their
  // turn (sorted order), and nothing hangs.
  ASSERT_EQ(::mkfifo(Path("in/b.txt").c_str(), 0600), 0);
  fs::create_symlink(Path("in/gone.txt"), Path("in/c.txt"));
  Write("in/d.txt", "Lavrov met Kerry in Moscow.\n");
  Result r = Run("extract " + Path("in"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "b.txt: not a regular file (a FIFO, socket or device): not read")) << r.err;
  r = Run("extract --on-error skip " + Path("in"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "c.txt: cannot open: a symbolic link to nothing")) << r.err;
  EXPECT_TRUE(Contains(r.err, "2 documents")) << r.err;
  EXPECT_TRUE(Contains(r.err, "2 skipped")) << r.err;
  if (::geteuid() != 0) {  // root reads everything: no permission case
    Write("in/e.txt", kStory);
    fs::permissions(Path("in/e.txt"), fs::perms::none);
    r = Run("extract --on-error skip " + Path("in"));
    EXPECT_TRUE(Contains(r.err, "e.txt: cannot open: Permission denied")) << r.err;
  }
}

TEST_F(BadInputTest, BadJsonLinesAreNamedByLineAndFieldAndCanBeSkipped) {
  Write("news.jsonl",
        "{\"id\": \"a\", \"text\": \"Kerry met Lavrov in Geneva.\"}\n"
        "{\"id\": \"b\", \"text\": \"unterminated}\n"
        "{\"id\": \"c\", \"title\": \"no text\"}\n"
        "{\"id\": \"a\", \"text\": \"Another story under the same id.\"}\n"
        "{\"id\": \"d\", \"text\": \"Putin met Kerry in Moscow.\"}\n");
  const std::string file = Path("news.jsonl");
  Result r = Run("build " + file + " -o " + Path("g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, file + ":2: not a JSON object: Missing a closing quotation mark in string.")) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.graphml")));

  r = Run("build --on-error skip " + file + " -o " + Path("g.graphml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, file + ":3: text: missing (skipped)")) << r.err;
  EXPECT_TRUE(Contains(r.err, file + ":4: id: document id \"a\" was already used by an earlier document (" + file +
                                  ":1) (skipped)"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "2 documents")) << r.err;
  EXPECT_TRUE(Contains(r.err, "3 skipped")) << r.err;
  const std::string graphml = Read(Path("g.graphml"));
  EXPECT_TRUE(Contains(graphml, "person:vladimir_putin"));  // the line after the bad ones was read
}

TEST_F(BadInputTest, TruncatedGzipIsReportedAndTheRestOfTheInputRead) {
  const std::string gz = Path("a/cut.jsonl.gz");
  fs::create_directories(Path("a"));
  gzFile out = gzopen(gz.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  for (int i = 0; i < 2000; ++i) {
    gzprintf(out, "{\"id\": \"story-%d\", \"text\": \"Kerry met Lavrov in Geneva.\"}\n", i);
  }
  gzclose(out);
  fs::resize_file(gz, fs::file_size(gz) / 2);
  Write("a/good.txt", "Putin met Kerry in Moscow.\n");
  // With two threads the file is decompressed ahead, on a thread of its own (gzip_chunks.h).
  for (const char* threads : {"--threads 1 ", "--threads 2 "}) {
    Result r = Run(std::string("extract ") + threads + Path("a"));
    EXPECT_EQ(r.exit_code, 1) << threads;
    EXPECT_TRUE(Contains(r.err, "cannot decompress: " + gz + ": unexpected end of file; the rest of the file is not read"))
        << threads << r.err;
    r = Run(std::string("extract --on-error skip ") + threads + Path("a"));
    EXPECT_EQ(r.exit_code, 0) << threads << r.err;
    EXPECT_TRUE(Contains(r.err, "1 skipped")) << threads << r.err;
    EXPECT_TRUE(Contains(r.out, "story-0\"")) << threads;                // the lines before the damage were read
    EXPECT_TRUE(Contains(r.out, "person:vladimir_putin")) << threads;  // and the file after it
  }
}

TEST_F(BadInputTest, BadRulesNameFileLineAndField) {
  struct Case {
    const char* pattern;
    const char* message;
  } cases[] = {
      {"{subject:ACTOR} (met", "invalid regular expression"},
      {"{subject:ACTOR} met {whom:ACTOR}", "whom"},
      {"{subject:ACTOR} met {object:SPACESHIP}", "SPACESHIP"},
  };
  for (const Case& c : cases) {
    Write("rules.json", std::string("{\n  \"rules\": [\n    {\"id\": \"bad\",\n     \"pattern\": \"") + c.pattern +
                            "\",\n     \"relation\": \"met\", \"cameo\": \"040\", \"goldstein\": 1.0}\n  ]\n}\n");
    Result r = Run("extract --rules " + Path("rules.json") + " " + Write("a.txt", kStory));
    EXPECT_EQ(r.exit_code, 1) << c.pattern;
    EXPECT_TRUE(Contains(r.err, Path("rules.json") + ":4: /rules/0/pattern: ")) << r.err;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
  }
}

TEST_F(BadInputTest, BadGazetteersNameFileLineAndField) {
  Write("dup.json",
        "{\"entities\": [\n"
        "  {\"id\": \"person:x\", \"label\": \"X One\", \"type\": \"PERSON\"},\n"
        "  {\"id\": \"person:x\", \"label\": \"X Two\", \"type\": \"PERSON\"}\n"
        "]}\n");
  Result r = Run("extract --gazetteer " + Path("dup.json") + " " + Write("a.txt", kStory));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, Path("dup.json") + ":3: /entities/1/id: ")) << r.err;
  Write("empty_alias.json",
        "{\"entities\": [\n"
        "  {\"id\": \"person:y\", \"label\": \"Y\", \"type\": \"PERSON\",\n"
        "   \"aliases\": [\"Why\", \"\"]}\n"
        "]}\n");
  r = Run("extract --gazetteer " + Path("empty_alias.json") + " " + Path("a.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, Path("empty_alias.json") + ":3: /entities/0/aliases/1: value is too short (empty?)"))
      << r.err;
}

TEST_F(BadInputTest, OutputInAMissingOrUnwritableDirectoryFailsBeforeTheWork) {
  Write("a.txt", kStory);
  Result r = Run("build " + Path("a.txt") + " -o " + Path("missing/g.graphml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "missing/g.graphml: cannot create output file in directory " + Path("missing") +
                                  ": No such file or directory"))
      << r.err;
  // Not writable even for root: sysfs.
  r = Run("extract " + Path("a.txt") + " -o /sys/eg_test_events.jsonl");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "/sys/eg_test_events.jsonl: cannot create output file in directory /sys: ")) << r.err;
}

// Many stories as JSON Lines, so that outputs are far larger than a few kilobytes.
std::string ManyStories(int count) {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += "{\"id\": \"story-" + std::to_string(i) +
             "\", \"date\": \"2016-09-09\", \"text\": \"Kerry met Lavrov in Geneva. Putin met Kerry in Moscow.\"}\n";
  }
  return lines;
}

TEST_F(BadInputTest, AFileSizeLimitLeavesNoPartialOutput) {
  // RLIMIT_FSIZE makes every write past 64 KB fail with EFBIG, as a full disk fails with ENOSPC.
  Write("news.jsonl", ManyStories(300));
  Write("old.jsonld", "the previous output\n");
  Result r = Run("build " + Path("news.jsonl") + " -o " + Path("old.jsonld"), "trap \"\" XFSZ; ulimit -f 128;");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "old.jsonld: cannot write output file: File too large")) << r.err;
  EXPECT_EQ(Read(Path("old.jsonld")), "the previous output\n");
  EXPECT_EQ(TemporaryFiles(dir_), 0);
}

TEST_F(BadInputTest, AFullDiskLeavesNoPartialOutput) {
  const std::string disk = Path("disk");
  fs::create_directories(disk);
  if (std::system(("mount -t tmpfs -o size=64k eg_full " + disk + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
  }
  mounted_ = disk;
  Write("news.jsonl", ManyStories(300));
  for (const char* name : {"g.jsonld", "g.nq", "g.events.jsonl"}) {
    Result r = Run("build " + Path("news.jsonl") + " -o " + disk + "/" + name);
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_TRUE(Contains(r.err, std::string(name) + ": cannot write output file: No space left on device")) << r.err;
    EXPECT_FALSE(fs::exists(disk + "/" + name));
    EXPECT_EQ(TemporaryFiles(disk), 0);
  }
  // The CSV directory too.
  Result r = Run("build " + Path("news.jsonl") + " -o " + disk + "/csv/");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(disk + "/csv"));
  EXPECT_TRUE(fs::is_empty(disk)) << "left behind in the full file system";
}

TEST_F(BadInputTest, OversizedDocumentsAreSkippedWithAWarning) {
  Write("in/big.txt", std::string(3000, 'x') + "\n");
  Write("in/news.jsonl", "{\"id\": \"long\", \"text\": \"" + std::string(3000, 'y') + "\"}\n" +
                             "{\"id\": \"short\", \"text\": \"Kerry met Lavrov in Geneva.\"}\n");
  Write("in/small.txt", kStory);
  Result r = Run("extract --max-document-bytes 1000 " + Path("in"));
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a resource limit, not an error: even with --on-error fail
  EXPECT_TRUE(Contains(r.err, "big.txt: larger than the maximum document size (1000 bytes, --max-document-bytes): "
                              "skipped"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "news.jsonl:1: larger than the maximum document size")) << r.err;
  EXPECT_TRUE(Contains(r.err, "2 documents")) << r.err;
  EXPECT_TRUE(Contains(r.err, "2 skipped")) << r.err;
}

TEST_F(BadInputTest, StandardInputIsCheckedLikeAFile) {
  Write("in.jsonl", "{\"id\": \"a\", \"text\": \"Kerry met Lavrov.\"}\n{\"id\": 5, \"text\": \"x\"}\n");
  Result r = Run("extract --on-error skip -", "", Path("in.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "<stdin>:2: id: must be a string (skipped)")) << r.err;
  EXPECT_TRUE(Contains(r.out, "person:sergei_lavrov"));
  Write("in.txt", kStory);
  r = Run("extract --max-document-bytes 10 -", "", Path("in.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "<stdin>: larger than the maximum document size (10 bytes")) << r.err;
}

// A document of 20 MB without a line break or a sentence end: sentences are cut at 400 tokens, so time and
// memory grow linearly. (`./dev stress` does 100 MB.)
TEST_F(BadInputTest, AHugeDocumentWithoutSentenceEndsStaysLinear) {
  std::string text;
  const std::string words = "Kerry and Lavrov met in Geneva and he said the talks with Russia went well and ";
  while (text.size() < (20u << 20)) text += words;
  Write("huge.txt", text);
  const auto start = std::chrono::steady_clock::now();
  Result r = Run("build -q " + Path("huge.txt") + " -o " + Path("g.graphml"));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds, 240.0);  // about 10 s in a release build; sanitizers are slower
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 3L << 20) << "KB";  // under 3 GB (about 1 GB in a release build)
  EXPECT_TRUE(Contains(Read(Path("g.graphml")), "person:john_kerry"));
}

// A role phrase that several people held ("the Russian Foreign Minister" in an undated document) is settled
// by the people the document names; they are collected once per document, so time stays linear (it was
// quadratic: 4 MB took 19 s).
TEST_F(BadInputTest, AHugeDocumentOfRolePhrasesStaysLinear) {
  std::string text;
  const std::string words = "Kerry and Lavrov and the Russian Foreign Minister met in Geneva and ";
  while (text.size() < (8u << 20)) text += words;
  Write("roles.txt", text);
  const auto start = std::chrono::steady_clock::now();
  Result r = Run("build -q " + Path("roles.txt") + " -o " + Path("g.graphml"));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds, 20.0);  // 8 MB of other text takes under 3 s
}

}  // namespace
