// GzipChunks: the decompressed bytes of a .gz file, one chunk at a time, decompressed either when asked
// for or, with ahead, on a thread of its own a few chunks before they are asked for.
//
// Why ahead: with several processing threads, documents are read in input order under a lock
// (parallel.h). Decompressing under that lock made the other thread wait for the whole of each chunk:
// on Reuters 2013 (.jsonl.gz) two threads ran at 1.78x one thread, and at 2.0x on the same file
// uncompressed. With ahead the decompression runs beside the processing, and a chunk is ready when the
// reader gets to it. At most kChunksAhead chunks wait, so memory stays bounded.
//
// Thread safety: Next() and compressed_offset() are for one caller at a time (the reader, under its
// lock); the thread ahead is this object's own.
#ifndef EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_
#define EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_

#include <zlib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace eg {

class GzipChunks {
 public:
  static constexpr size_t kChunksAhead = 4;

  // Opens path; throws InputError when it cannot. chunk_bytes: decompressed bytes per chunk.
  GzipChunks(const std::string& path, size_t chunk_bytes, bool ahead);
  ~GzipChunks();  // stops the thread ahead, if any, and closes the file
  GzipChunks(const GzipChunks&) = delete;
  GzipChunks& operator=(const GzipChunks&) = delete;

  // Replaces *chunk with the next decompressed bytes and returns true; returns false with *chunk empty at
  // the end of the stream, and false with *error set (zlib's words, e.g. "unexpected end of file") when
  // the stream is damaged or truncated. After false, returns false again.
  bool Next(std::string* chunk, std::string* error);

  // Compressed bytes decompressed so far (ahead of Next() with ahead), for progress.
  uint64_t compressed_offset() const { return compressed_offset_.load(std::memory_order_relaxed); }

 private:
  // One chunk: 1 with bytes, 0 at the end, -1 on an error (in *error).
  int Decompress(std::string* chunk, std::string* error);
  void RunAhead();

  gzFile gz_ = nullptr;
  const size_t chunk_bytes_;
  std::atomic<uint64_t> compressed_offset_{0};
  bool finished_ = false;  // Next() has returned false

  // With ahead: the chunks decompressed and not yet taken, and how the stream ended (once it has).
  std::thread ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> ready_;
  bool ended_ = false, stop_ = false;
  std::string end_error_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_
