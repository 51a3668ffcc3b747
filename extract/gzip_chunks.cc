#include "extract/gzip_chunks.h"

#include <cerrno>
#include <cstring>

#include "extract/input_error.h"

namespace eg {

GzipChunks::GzipChunks(const std::string& path, size_t chunk_bytes, bool ahead) : chunk_bytes_(chunk_bytes) {
  errno = 0;
  gz_ = gzopen(path.c_str(), "rb");
  if (!gz_) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno ? errno : ENOMEM));
  // zlib reads the file 8 KB at a time by default; with 64 KB Reuters 2013 inflates in ~155 ms, not ~200.
  gzbuffer(gz_, 1 << 16);
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
  gzclose(gz_);
}

int GzipChunks::Decompress(std::string* chunk, std::string* error) {
  chunk->resize(chunk_bytes_);
  const int n = gzread(gz_, chunk->data(), static_cast<unsigned>(chunk_bytes_));
  int code = Z_OK;
  if (n == 0) gzerror(gz_, &code);
  const z_off_t at = gzoffset(gz_);
  if (at > 0) compressed_offset_.store(static_cast<uint64_t>(at), std::memory_order_relaxed);
  if (n < 0 || code == Z_BUF_ERROR) {  // Z_BUF_ERROR at the end: a truncated stream
    *error = gzerror(gz_, &code);
    chunk->clear();
    return -1;
  }
  chunk->resize(static_cast<size_t>(n));
  return n > 0 ? 1 : 0;
}

void GzipChunks::RunAhead() {
  std::string chunk, error;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.size() < kChunksAhead; });
      if (stop_) return;
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
    changed_.notify_all();
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
  changed_.wait(lock, [&] { return !ready_.empty() || ended_; });
  if (ready_.empty()) {
    *error = end_error_;
    finished_ = true;
    return false;
  }
  chunk->swap(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return true;
}

}  // namespace eg
