#include "export/atomic_output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

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
  ::close(fd);
  stream_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    std::remove(temp_path_.c_str());
    temp_path_.clear();
    throw InputError(path_, 0, "", "cannot open temporary output file");
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (temp_path_.empty()) return;
  stream_.close();
  std::remove(temp_path_.c_str());
}

void AtomicOutputFile::Commit() {
  if (temp_path_.empty()) throw InputError(path_, 0, "", "output file already committed or failed");
  errno = 0;
  stream_.flush();
  const bool written = stream_.good();
  stream_.close();
  if (!written || stream_.fail()) {
    const int error = errno ? errno : EIO;  // iostreams do not promise errno; report I/O error if unset
    throw InputError(path_, 0, "", std::string("cannot write output file: ") + std::strerror(error));
  }
  const int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    throw InputError(path_, 0, "", std::string("cannot sync output file: ") + std::strerror(error));
  }
  ::close(fd);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw InputError(path_, 0, "", std::string("cannot move output file into place: ") + std::strerror(errno));
  }
  temp_path_.clear();
}

}  // namespace eg
