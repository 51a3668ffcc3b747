// AtomicOutputDir: an output directory of several files that appears complete or not at all, as far as
// a POSIX file system allows.
//
// The constructor creates a hidden temporary directory beside the target (same parent, so renames stay
// on one file system); Create() opens files inside it. Commit() flushes and syncs every file and renames
// the temporary directory to the target. A target that already exists must be a directory that is
// empty or was written by eventgraph (holds entities.csv); it is first renamed aside and removed after
// the new one is in place, so there is a short moment with no target but never a half-written one. If
// Commit() is never called or fails, the destructor removes the temporary directory and the target is
// left as it was.
//
// Errors are InputError(path, 0, "", message). Not thread-safe; one object per output directory.
#ifndef EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_DIR_H_
#define EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_DIR_H_

#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace eg {

class AtomicOutputDir {
 public:
  // path may end in '/'. Its parent directory must exist. Throws InputError.
  explicit AtomicOutputDir(const std::string& path);
  ~AtomicOutputDir();
  AtomicOutputDir(const AtomicOutputDir&) = delete;
  AtomicOutputDir& operator=(const AtomicOutputDir&) = delete;

  // Creates the file name (a relative path; subdirectories are made) in the temporary directory. The
  // stream stays valid until Commit() or destruction. Throws InputError.
  std::ostream& Create(const std::string& name);

  const std::string& path() const { return path_; }

  // Moves the finished directory into place. Throws InputError; call at most once.
  void Commit();

 private:
  struct File {
    std::string path;
    std::ofstream stream;
  };

  std::string path_;       // the target, without a trailing '/'
  std::string temp_path_;  // empty once committed
  std::vector<std::unique_ptr<File>> files_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_DIR_H_
