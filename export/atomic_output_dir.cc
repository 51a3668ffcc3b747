#include "export/atomic_output_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "extract/input_error.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// "<parent>/.<name>.<tag>-<pid>-<n>": hidden, beside the target, unique within this process and among
// processes.
std::string SiblingPath(const std::string& path, const char* tag) {
  static std::atomic<unsigned> counter{0};
  const fs::path target(path);
  fs::path sibling = target.parent_path();
  sibling /= "." + target.filename().string() + "." + tag + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter.fetch_add(1));
  return sibling.string();
}

void Sync(const std::string& path, const std::string& target) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    throw InputError(target, 0, "", "cannot sync " + path + ": " + std::strerror(error));
  }
  ::close(fd);
}

}  // namespace

AtomicOutputDir::AtomicOutputDir(const std::string& path) : path_(StripTrailingSlashes(path)) {
  if (path_.empty() || path_ == "/" || fs::path(path_).filename().empty() || fs::path(path_).filename() == "." ||
      fs::path(path_).filename() == "..") {
    throw InputError(path, 0, "", "output path does not name a directory");
  }
  std::error_code error;
  if (fs::exists(path_, error) && !fs::is_directory(path_, error)) {
    throw InputError(path_, 0, "", "output exists and is not a directory");
  }
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string candidate = SiblingPath(path_, "tmp");
    if (::mkdir(candidate.c_str(), 0777) == 0) {
      temp_path_ = candidate;
      return;
    }
    if (errno != EEXIST) break;
  }
  const int saved = errno;
  throw InputError(path_, 0, "", "cannot create output directory beside it: " + std::string(std::strerror(saved)));
}

AtomicOutputDir::~AtomicOutputDir() {
  files_.clear();  // closes the streams
  if (temp_path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(temp_path_, ignored);
}

std::ostream& AtomicOutputDir::Create(const std::string& name) {
  if (temp_path_.empty()) throw InputError(path_, 0, "", "output directory already committed");
  auto file = std::make_unique<File>();
  file->path = (fs::path(temp_path_) / name).string();
  std::error_code error;
  fs::create_directories(fs::path(file->path).parent_path(), error);
  file->stream.open(file->path, std::ios::binary | std::ios::trunc);
  if (error || !file->stream) throw InputError(path_, 0, "", "cannot create " + name + " in the output directory");
  files_.push_back(std::move(file));
  return files_.back()->stream;
}

void AtomicOutputDir::Commit() {
  if (temp_path_.empty()) throw InputError(path_, 0, "", "output directory already committed or failed");
  for (const auto& file : files_) {
    errno = 0;
    file->stream.flush();
    const bool written = file->stream.good();
    file->stream.close();
    if (!written || file->stream.fail()) {
      const int error = errno ? errno : EIO;
      throw InputError(path_, 0, "", "cannot write " + file->path + ": " + std::strerror(error));
    }
    Sync(file->path, path_);
  }
  files_.clear();

  std::error_code error;
  std::string old_path;
  if (fs::exists(path_, error)) {
    if (!fs::is_directory(path_, error)) throw InputError(path_, 0, "", "output exists and is not a directory");
    if (!fs::is_empty(path_, error) && !fs::exists(fs::path(path_) / "entities.csv", error)) {
      throw InputError(path_, 0, "",
                       "output directory exists and was not written by eventgraph; not replacing it");
    }
    old_path = SiblingPath(path_, "old");
    if (std::rename(path_.c_str(), old_path.c_str()) != 0) {
      throw InputError(path_, 0, "",
                       std::string("cannot move the old output directory aside: ") + std::strerror(errno));
    }
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int saved = errno;
    if (!old_path.empty()) std::rename(old_path.c_str(), path_.c_str());  // put the old one back
    throw InputError(path_, 0, "",
                     std::string("cannot move output directory into place: ") + std::strerror(saved));
  }
  temp_path_.clear();
  if (!old_path.empty()) fs::remove_all(old_path, error);
}

}  // namespace eg
