// GzipChunks: the decompressed bytes of a .gz file, one chunk at a time, decompressed either when asked
// for or, with ahead, on a thread of its own a few chunks before they are asked for.
//
// Why ahead: with several processing threads, documents are read in input order under a lock
// (parallel.h). Decompressing under that lock made the other thread wait for the whole of each chunk:
// on Reuters 2013 (.jsonl.gz) two threads ran at 1.78x one thread, and at 2.0x on the same file
// uncompressed. With ahead the decompression runs beside the processing, and a chunk is ready when the
// reader gets to it. At most kChunksAhead chunks wait, so memory stays bounded. The thread fills the
// queue, then sleeps until the reader has taken it down to kChunksLow: woken at every chunk taken, it
// made ~2,900 context switches on Reuters 2013 with two threads, against ~900, each taking a core from a
// processing thread.
//
// Why 16 chunks of headroom (1 MB, ~10 ms of two threads' reading): the woken thread gets a core only when
// the scheduler takes one from a processing thread, which can take milliseconds. With 2 of 8, the queue
// ran dry 8-13 times on Reuters 2013 with two threads, and the reader waited 2-5 ms in all holding the
// read lock, so that the other thread waited too; with 16 of 32, it waits once, for the first chunk.
//
// Why the thread ahead runs as SCHED_BATCH: the reader wakes it while holding the read lock, and a
// woken thread of the normal policy may take the reader's core at once, so that the other processing
// thread, wanting the lock, sleeps until the reader runs again. Perf sched on Reuters 2013 with two
// threads: the helper thread slept 485 times (99 ms in all) against 181 (15 ms) on the same file
// uncompressed; with SCHED_BATCH, which waits for the scheduler's next turn, 196 (23 ms). Two-thread
// runs took 0.495 s against 0.512 (medians of nine, alternating). The headroom covers the wait.
//
// The inflater is ISA-L's (igzip), which decompresses Reuters 2013 in ~65 ms where zlib's gzread took
// ~160 ms: on two cores the thread ahead shares a core with a processing thread, so that time counts.
// As gzread did, it reads a file of several gzip members to its end, and a file that does not start
// with the gzip magic bytes as it is. Unlike gzread it refuses bytes after the last member that are
// neither a member nor zero padding, rather than drop them unseen.
//
// Thread safety: Next() and compressed_offset() are for one caller at a time (the reader, under its
// lock); the thread ahead is this object's own.
#ifndef EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_
#define EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct inflate_state;  // ISA-L's, from <isa-l/igzip_lib.h>

namespace eg {

class GzipChunks {
 public:
  static constexpr size_t kChunksAhead = 32;  // the most chunks decompressed and not yet taken
  static constexpr size_t kChunksLow = 16;    // the thread ahead sleeps until the queue is down to this

  // Opens path; throws InputError when it cannot. chunk_bytes: decompressed bytes per chunk.
  GzipChunks(const std::string& path, size_t chunk_bytes, bool ahead);
  ~GzipChunks();  // stops the thread ahead, if any, and closes the file
  GzipChunks(const GzipChunks&) = delete;
  GzipChunks& operator=(const GzipChunks&) = delete;

  // Replaces *chunk with the next decompressed bytes and returns true; returns false with *chunk empty at
  // the end of the stream, and false with *error set ("PATH: unexpected end of file", "PATH: invalid
  // deflate block", "PATH: cannot read: ...", ...) when the stream is damaged or truncated. After false,
  // returns false again.
  bool Next(std::string* chunk, std::string* error);

  // Compressed bytes decompressed so far (ahead of Next() with ahead), for progress.
  uint64_t compressed_offset() const { return compressed_offset_.load(std::memory_order_relaxed); }

 private:
  // One chunk: 1 with bytes, 0 at the end, -1 on an error (in *error).
  int Decompress(std::string* chunk, std::string* error);
  void RunAhead();
  // Reads more of the file into in_, after its unused bytes (moved to its front). False at the end of the
  // file and on a read error (read_error_ says which).
  bool FillInput();

  static constexpr size_t kInputBytes = 1 << 16;

  const size_t chunk_bytes_;
  const std::string path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<inflate_state> inflate_;  // null while the file is read as it is (no gzip magic)
  bool started_ = false;                    // the first bytes were looked at
  bool member_done_ = false;                // between members: the next bytes are a member or the end
  bool at_eof_ = false;
  std::string read_error_;
  std::string in_;                          // compressed bytes; those not yet used start at in_pos_
  size_t in_pos_ = 0;
  uint64_t consumed_ = 0;                   // bytes of the file before in_
  std::string pending_error_;               // found after the bytes of a chunk; returned after them
  std::atomic<uint64_t> compressed_offset_{0};
  bool finished_ = false;  // Next() has returned false

  // With ahead: the chunks decompressed and not yet taken, and how the stream ended (once it has).
  std::thread ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> ready_;
  std::vector<std::string> spare_;  // buffers of chunks the reader has done with, for the thread to reuse
  bool ended_ = false, stop_ = false, reader_waiting_ = false;
  std::string end_error_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_GZIP_CHUNKS_H_
