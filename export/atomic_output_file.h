// AtomicOutputFile: an output file that appears complete or not at all.
//
// The constructor creates a temporary file beside the target (same directory, so the final rename stays
// on one file system) with a unique name; callers write to stream(). Commit() flushes, checks that every
// write succeeded, syncs the data to disk and renames the temporary file over the target. If Commit() is
// never called or fails, the destructor removes the temporary file and the target is left untouched, so
// a reader never sees a half-written output.
//
// Errors are InputError(path, 0, "", message): a missing or unwritable directory in the constructor, a
// failed write, sync or rename in Commit(). A write that fails (a full disk: "No space left on device", a
// file size limit) puts stream() in the bad state, so later writes do nothing, and Commit() reports the
// system's reason for the first failure.
//
// Not thread-safe; one object per output. Neither copyable nor movable (stream() hands out a reference).
#ifndef EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_FILE_H_
#define EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <string>

namespace eg {

class AtomicOutputFile {
 public:
  // Creates the temporary file for path. Throws InputError.
  explicit AtomicOutputFile(std::string path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

  // Moves the finished file into place. Throws InputError; call at most once.
  void Commit();

 private:
  class Buffer;  // writes to the temporary file's descriptor and keeps the first error

  std::string path_;
  std::string temp_path_;  // empty once committed
  int fd_ = -1;            // the temporary file, open until Commit() or destruction
  std::unique_ptr<Buffer> buffer_;
  std::ostream stream_{nullptr};
};

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_ATOMIC_OUTPUT_FILE_H_
