#include "export/atomic_output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

#include "extract/input_error.h"

namespace eg {
namespace {

std::string DirectoryOf(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// "<dir>/.<name>.tmp-<pid>-<n>": hidden, beside the target, unique within this process and (with the
// pid) among processes; O_EXCL settles any remaining race.
std::string TempPathFor(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  std::filesystem::path temp = target.parent_path();
  temp /= "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
          std::to_string(counter.fetch_add(1));
  return temp.string();
}

}  // namespace

// A stream buffer over a file descriptor. Unlike std::filebuf it keeps the errno of the first failed
// write, so that a full disk is reported as one.
class AtomicOutputFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), data_(1 << 16) { setp(data_.data(), data_.data() + data_.size()); }

  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  // Writes the buffered bytes. Returns -1 once a write has failed.
  int sync() override {
    const char* p = pbase();
    while (error_ == 0 && p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        break;
      }
      p += n;
    }
    setp(data_.data(), data_.data() + data_.size());
    return error_ == 0 ? 0 : -1;
  }

 private:
  int fd_;
  int error_ = 0;
  std::vector<char> data_;
};

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {
  if (path_.empty() || std::filesystem::path(path_).filename().empty()) {
    throw InputError(path_, 0, "", "output path does not name a file");
  }
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp_path_ = TempPathFor(path_);
    fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    const int error = errno;
    temp_path_.clear();
    throw InputError(path_, 0, "",
                     "cannot create output file in directory " + DirectoryOf(path_) + ": " +
                         std::strerror(error));
  }
  fd_ = fd;
  buffer_ = std::make_unique<Buffer>(fd_);
  stream_.rdbuf(buffer_.get());
}

AtomicOutputFile::~AtomicOutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_path_.empty()) std::remove(temp_path_.c_str());
}

void AtomicOutputFile::Commit() {
  if (temp_path_.empty()) throw InputError(path_, 0, "", "output file already committed or failed");
  stream_.flush();
  if (!stream_.good() || buffer_->error() != 0) {
    const int error = buffer_->error() ? buffer_->error() : EIO;
    throw InputError(path_, 0, "", std::string("cannot write output file: ") + std::strerror(error));
  }
  if (::fsync(fd_) != 0) {
    throw InputError(path_, 0, "", std::string("cannot sync output file: ") + std::strerror(errno));
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    throw InputError(path_, 0, "", std::string("cannot write output file: ") + std::strerror(errno));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw InputError(path_, 0, "", std::string("cannot move output file into place: ") + std::strerror(errno));
  }
  temp_path_.clear();
}

}  // namespace eg
