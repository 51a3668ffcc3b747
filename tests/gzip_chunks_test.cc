// Tests for extract/gzip_chunks: the same bytes whether decompressed when asked for or ahead, the same
// error for a damaged file, and no hang when the reader stops early.
#include "extract/gzip_chunks.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <string>

#include "extract/input_error.h"
#include "tests/test_support.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

class GzipChunksTest : public eg_test::TempDirTest {
 protected:
  // Writes text compressed to name; returns the path.
  std::string WriteGzip(const std::string& name, const std::string& text) {
    const std::string path = Path(name);
    gzFile out = gzopen(path.c_str(), "wb");
    EXPECT_NE(out, nullptr);
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
    return path;
  }
  // Every chunk of path joined, and the error that ended them.
  static std::string ReadAll(const std::string& path, bool ahead, std::string* error, size_t* chunks = nullptr) {
    GzipChunks gz(path, 1000, ahead);
    std::string all, chunk;
    size_t count = 0;
    while (gz.Next(&chunk, error)) {
      EXPECT_LE(chunk.size(), 1000u);
      all += chunk;
      ++count;
    }
    EXPECT_TRUE(chunk.empty());
    EXPECT_FALSE(gz.Next(&chunk, error)) << "the end stays the end";
    if (chunks) *chunks = count;
    return all;
  }
  static std::string Lines(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) text += "{\"id\": \"story-" + std::to_string(i) + "\", \"text\": \"Kerry met Lavrov.\"}\n";
    return text;
  }
};

TEST_F(GzipChunksTest, AheadOrNotTheBytesAreTheFile) {
  const std::string text = Lines(3000);  // ~150 chunks of 1000 bytes: many times kChunksAhead
  const std::string path = WriteGzip("a.jsonl.gz", text);
  for (bool ahead : {false, true}) {
    std::string error;
    size_t chunks = 0;
    EXPECT_EQ(ReadAll(path, ahead, &error, &chunks), text) << ahead;
    EXPECT_EQ(error, "") << ahead;
    EXPECT_GT(chunks, 100u) << ahead;
  }
}

TEST_F(GzipChunksTest, ATruncatedFileEndsWithZlibsErrorAfterTheBytesBeforeIt) {
  const std::string text = Lines(3000);
  const std::string path = WriteGzip("cut.jsonl.gz", text);
  fs::resize_file(path, fs::file_size(path) / 2);
  for (bool ahead : {false, true}) {
    std::string error;
    const std::string read = ReadAll(path, ahead, &error);
    EXPECT_NE(error.find("unexpected end of file"), std::string::npos) << ahead << ": " << error;
    EXPECT_GT(read.size(), 1000u) << ahead;
    EXPECT_EQ(text.compare(0, read.size(), read), 0) << ahead;  // what came before the damage, unchanged
  }
}

TEST_F(GzipChunksTest, StoppingEarlyStopsTheThreadAhead) {
  const std::string path = WriteGzip("a.jsonl.gz", Lines(3000));
  GzipChunks gz(path, 1000, /*ahead=*/true);
  std::string chunk, error;
  ASSERT_TRUE(gz.Next(&chunk, &error));
  EXPECT_GT(gz.compressed_offset(), 0u);
  // The destructor joins a thread that is waiting for room: the test ends rather than hangs.
}

TEST_F(GzipChunksTest, AFileThatCannotBeOpenedIsAnInputError) {
  EXPECT_THROW(GzipChunks(Path("missing.jsonl.gz"), 1000, true), InputError);
}

}  // namespace
}  // namespace eg
