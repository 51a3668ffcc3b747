#include "extract/gzip_chunks.h"

#include <isa-l/igzip_lib.h>
#include <pthread.h>
#include <sched.h>

#include <cerrno>
#include <cstring>

#include "extract/input_error.h"

namespace eg {
namespace {

bool StartsWithGzipMagic(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

// What an isal_inflate() error means, in the words zlib used for the same damage.
std::string DescribeInflateError(int code) {
  switch (code) {
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate code";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check (CRC-32 or length)";
    case ISAL_NEED_DICT: return "needs a preset dictionary";
  }
  return "inflate error " + std::to_string(code);
}

}  // namespace

GzipChunks::GzipChunks(const std::string& path, size_t chunk_bytes, bool ahead)
    : chunk_bytes_(chunk_bytes), path_(path) {
  errno = 0;
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno ? errno : ENOMEM));
  if (ahead) ahead_ = std::thread([this] { RunAhead(); });
}

GzipChunks::~GzipChunks() {
  if (ahead_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    ahead_.join();
  }
  std::fclose(file_);
}

bool GzipChunks::FillInput() {
  if (at_eof_) return false;
  // Bytes not yet used stay, at the front: a gzip header may straddle two reads.
  consumed_ += in_pos_;
  in_.erase(0, in_pos_);
  in_pos_ = 0;
  const size_t kept = in_.size();
  in_.resize(kept + kInputBytes);
  errno = 0;
  const size_t n = std::fread(in_.data() + kept, 1, kInputBytes, file_);
  in_.resize(kept + n);
  if (n == 0) {
    at_eof_ = true;
    if (std::ferror(file_)) read_error_ = std::strerror(errno ? errno : EIO);
  }
  return n > 0;
}

int GzipChunks::Decompress(std::string* chunk, std::string* error) {
  if (!pending_error_.empty()) {
    *error = pending_error_;
    chunk->clear();
    return -1;
  }
  chunk->resize(chunk_bytes_);
  size_t filled = 0;
  // An error after some bytes of this chunk: the bytes first, the error at the next call (as gzread did).
  auto fail = [&](const std::string& what) {
    const std::string message = path_ + ": " + what;
    chunk->resize(filled);
    if (filled > 0) {
      pending_error_ = message;
      return 1;
    }
    *error = message;
    return -1;
  };
  // At least two unused bytes, unless the file ends first.
  auto look_ahead = [&] {
    while (in_.size() - in_pos_ < 2 && FillInput()) {
    }
  };
  if (!started_) {
    started_ = true;
    look_ahead();
    if (StartsWithGzipMagic(std::string_view(in_).substr(in_pos_))) {
      inflate_ = std::make_unique<inflate_state>();
      isal_inflate_init(inflate_.get());
      member_done_ = true;  // the first member starts as every later one does, below
    }
  }
  while (filled < chunk_bytes_) {
    if (!read_error_.empty()) return fail("cannot read: " + read_error_);
    if (!inflate_) {  // no gzip magic: the file as it is
      if (in_pos_ == in_.size() && !FillInput()) break;
      const size_t n = std::min(chunk_bytes_ - filled, in_.size() - in_pos_);
      std::memcpy(chunk->data() + filled, in_.data() + in_pos_, n);
      filled += n;
      in_pos_ += n;
      continue;
    }
    if (member_done_) {
      // After a member: another member, zero padding to the end, or the end.
      look_ahead();
      if (in_pos_ == in_.size()) break;
      if (StartsWithGzipMagic(std::string_view(in_).substr(in_pos_))) {
        isal_inflate_reset(inflate_.get());
        inflate_->crc_flag = ISAL_GZIP;
        member_done_ = false;
        continue;
      }
      while (in_pos_ < in_.size() && in_[in_pos_] == '\0') {
        if (++in_pos_ == in_.size()) FillInput();
      }
      if (in_pos_ == in_.size()) break;
      return fail("bytes after the end of the gzip data (at byte " + std::to_string(consumed_ + in_pos_) +
                  ") are not gzip data");
    }
    if (in_pos_ == in_.size()) FillInput();
    const size_t used_before = in_pos_;
    inflate_->next_in = reinterpret_cast<uint8_t*>(in_.data() + in_pos_);
    inflate_->avail_in = static_cast<uint32_t>(in_.size() - in_pos_);
    inflate_->next_out = reinterpret_cast<uint8_t*>(chunk->data() + filled);
    inflate_->avail_out = static_cast<uint32_t>(chunk_bytes_ - filled);
    const int code = isal_inflate(inflate_.get());
    in_pos_ = static_cast<size_t>(reinterpret_cast<char*>(inflate_->next_in) - in_.data());
    const size_t produced = chunk_bytes_ - filled - inflate_->avail_out;
    filled += produced;
    if (code != ISAL_DECOMP_OK) return fail(DescribeInflateError(code));
    if (inflate_->block_state == ISAL_BLOCK_FINISH) {
      member_done_ = true;
    } else if (produced == 0 && in_pos_ == used_before && (in_pos_ < in_.size() || at_eof_)) {
      // No progress: the input ends inside a member (or, never seen, the inflater is stuck).
      return fail(!read_error_.empty() ? "cannot read: " + read_error_
                  : at_eof_             ? "unexpected end of file"
                                        : "invalid deflate data (the inflater made no progress)");
    }
  }
  compressed_offset_.store(consumed_ + in_pos_, std::memory_order_relaxed);
  chunk->resize(filled);
  return filled > 0 ? 1 : 0;
}

void GzipChunks::RunAhead() {
  // SCHED_BATCH: woken, this thread waits for the scheduler's next turn instead of taking the core at
  // once (gzip_chunks.h says why). A hint: should the system refuse it, the thread runs as any other.
  sched_param param{};
  pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
  std::string chunk, error;
  for (;;) {
    {
      // Fills the queue, then sleeps until the reader has taken it down to kChunksLow (gzip_chunks.h).
      std::unique_lock<std::mutex> lock(mutex_);
      if (ready_.size() >= kChunksAhead) changed_.wait(lock, [&] { return stop_ || ready_.size() <= kChunksLow; });
      if (stop_) return;
      // A buffer the reader is done with, rather than a new 64 KB one for every chunk, freed on the
      // reader's thread.
      if (chunk.capacity() == 0 && !spare_.empty()) {
        chunk = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    const int got = Decompress(&chunk, &error);
    std::lock_guard<std::mutex> lock(mutex_);
    if (got > 0) {
      ready_.push_back(std::move(chunk));
      chunk = std::string();
    } else {
      ended_ = true;
      end_error_ = error;
    }
    if (reader_waiting_) changed_.notify_all();
    if (got <= 0) return;
  }
}

bool GzipChunks::Next(std::string* chunk, std::string* error) {
  chunk->clear();
  if (finished_) return false;
  if (!ahead_.joinable()) {
    finished_ = Decompress(chunk, error) <= 0;
    return !finished_;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  if (ready_.empty() && !ended_) {
    reader_waiting_ = true;
    changed_.wait(lock, [&] { return !ready_.empty() || ended_; });
    reader_waiting_ = false;
  }
  if (ready_.empty()) {
    *error = end_error_;
    finished_ = true;
    return false;
  }
  chunk->swap(ready_.front());
  if (spare_.size() < kChunksAhead && ready_.front().capacity() > 0) spare_.push_back(std::move(ready_.front()));
  ready_.pop_front();
  if (ready_.size() == kChunksLow) changed_.notify_all();
  return true;
}

}  // namespace eg
