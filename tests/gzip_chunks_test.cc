// Tests for extract/gzip_chunks: the same bytes whether decompressed when asked for or ahead, the same
// error for a damaged file, and no hang when the reader stops early.
#include "extract/gzip_chunks.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "extract/input_error.h"
#include "tests/test_support.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

class GzipChunksTest : public eg_test::TempDirTest {
 protected:
  // text compressed as one gzip member, in memory.
  static std::string Compress(const std::string& text) {
    z_stream z{};
    EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&z, text.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  }
  std::string WriteBytes(const std::string& name, const std::string& bytes) {
    const std::string path = Path(name);
    std::FILE* out = std::fopen(path.c_str(), "wb");
    EXPECT_NE(out, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
    return path;
  }
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
  const std::string text = Lines(3000);  // ~150 chunks of 1000 bytes: several times kChunksAhead
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

TEST_F(GzipChunksTest, MembersOneAfterAnotherAreOneText) {
  // What `cat a.gz b.gz > ab.gz` makes, and what gzip -d reads as one file; a member boundary here falls
  // inside a chunk and inside a 64 KB read.
  const std::string first = Lines(2000), second = Lines(1500), third = "{\"id\": \"last\"}\n";
  const std::string path = WriteBytes("ab.jsonl.gz", Compress(first) + Compress(second) + Compress(third));
  for (bool ahead : {false, true}) {
    std::string error;
    EXPECT_EQ(ReadAll(path, ahead, &error), first + second + third) << ahead;
    EXPECT_EQ(error, "") << ahead;
  }
}

TEST_F(GzipChunksTest, AFileWithoutTheGzipMagicIsReadAsItIs) {
  // As gzread did: a .gz name on a file that was never compressed.
  const std::string text = Lines(500);
  const std::string path = WriteBytes("plain.jsonl.gz", text);
  for (bool ahead : {false, true}) {
    std::string error;
    EXPECT_EQ(ReadAll(path, ahead, &error), text) << ahead;
    EXPECT_EQ(error, "") << ahead;
  }
  std::string error;
  EXPECT_EQ(ReadAll(WriteBytes("empty.jsonl.gz", ""), false, &error), "");
  EXPECT_EQ(error, "");
}

TEST_F(GzipChunksTest, ZeroPaddingAfterTheLastMemberIsTheEnd) {
  const std::string text = Lines(300);
  const std::string path = WriteBytes("padded.jsonl.gz", Compress(text) + std::string(70000, '\0'));
  std::string error;
  EXPECT_EQ(ReadAll(path, false, &error), text);
  EXPECT_EQ(error, "");
}

TEST_F(GzipChunksTest, OtherBytesAfterTheLastMemberAreAnErrorAfterTheText) {
  const std::string text = Lines(300);
  const std::string compressed = Compress(text);
  const std::string path = WriteBytes("tail.jsonl.gz", compressed + "not gzip\n");
  for (bool ahead : {false, true}) {
    std::string error;
    EXPECT_EQ(ReadAll(path, ahead, &error), text) << ahead;
    EXPECT_EQ(error, path + ": bytes after the end of the gzip data (at byte " +
                         std::to_string(compressed.size()) + ") are not gzip data")
        << ahead;
  }
}

TEST_F(GzipChunksTest, DamagedDataEndsWithAnErrorNamingTheFile) {
  const std::string text = Lines(3000);
  const std::string compressed = Compress(text);
  // A wrong CRC-32 in the trailer: every byte decompresses, and the check at the end fails.
  std::string bad_check = compressed;
  bad_check[bad_check.size() - 8] ^= 0x55;
  // Bytes of the deflate data overwritten: the inflater fails somewhere inside.
  std::string bad_data = compressed;
  for (size_t i = bad_data.size() / 2; i < bad_data.size() / 2 + 64; ++i) bad_data[i] = static_cast<char>(0xff);
  // A header that names a method other than deflate.
  std::string bad_method = compressed;
  bad_method[2] = 7;
  const std::pair<std::string, std::string> kCases[] = {{"check.jsonl.gz", bad_check},
                                                        {"data.jsonl.gz", bad_data},
                                                        {"method.jsonl.gz", bad_method}};
  for (const auto& [name, bytes] : kCases) {
    const std::string path = WriteBytes(name, bytes);
    for (bool ahead : {false, true}) {
      std::string error;
      const std::string read = ReadAll(path, ahead, &error);
      EXPECT_EQ(error.rfind(path + ": ", 0), 0u) << name << " " << ahead << ": " << error;
      EXPECT_LT(read.size(), name == "check.jsonl.gz" ? text.size() + 1 : text.size()) << name;
      // Deflate has no check of its own before the trailer: damaged data can decompress to wrong bytes
      // before the inflater notices, as with zlib. The CRC-32 then stops them at the end.
      if (name != "data.jsonl.gz") {
        EXPECT_EQ(text.compare(0, read.size(), read), 0) << name;
      }
    }
  }
  std::string error;
  ReadAll(WriteBytes("check.jsonl.gz", bad_check), false, &error);
  EXPECT_NE(error.find("incorrect data check"), std::string::npos) << error;
  ReadAll(WriteBytes("method.jsonl.gz", bad_method), false, &error);
  EXPECT_NE(error.find("unknown compression method"), std::string::npos) << error;
}

TEST_F(GzipChunksTest, AReaderThatPausesGetsEveryChunkInOrder) {
  // The thread ahead fills its queue, sleeps, and is woken when the reader has taken the queue down to
  // kChunksLow. Pausing at every count the queue goes through catches a wake-up that never comes (the
  // reader would wait for ever) and a chunk taken twice or skipped. ~5 queues' worth of chunks of 1000
  // bytes (~20 lines each), so that the thread ahead fills the queue and sleeps several times.
  const std::string text = Lines(static_cast<int>(100 * GzipChunks::kChunksAhead));
  const std::string path = WriteGzip("pause.jsonl.gz", text);
  GzipChunks gz(path, 1000, /*ahead=*/true);
  std::string all, chunk, error;
  for (size_t taken = 0; gz.Next(&chunk, &error); ++taken) {
    all += chunk;
    if (taken % (GzipChunks::kChunksAhead + 1) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(error, "");
  EXPECT_EQ(all, text);
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
