// Fuzzes the document readers (extract/document_reader.h) on .txt, .jsonl and .jsonl.gz files.
//
// The first input byte picks the file and the options, the rest is the file's content:
//   bits 0-1  0: story.txt; 1: news.jsonl; 2: news.jsonl.gz, the content gzip-compressed (the reader
//             sees a valid gzip stream); 3: news.jsonl.gz, the content as it is (a broken gzip stream)
//   bit 2     skip_errors
//   bit 3     max_document_bytes 64 (else the default)
// Reading must end with documents or an InputError that names the file; with skip_errors it must never
// throw. Every document read must be valid UTF-8 without NUL, with a non-empty id.
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/document_reader.h"
#include "extract/input_error.h"
#include "extract/utf8.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// A directory of this process for the files, on a RAM file system when there is one.
const std::string& Directory() {
  static const std::string dir = [] {
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string path = base + "/eg_fuzz_reader_" + std::to_string(getpid());
    mkdir(path.c_str(), 0700);
    return path;
  }();
  return dir;
}

void WriteFile(const std::string& path, std::string_view content, bool gzip) {
  if (gzip) {
    gzFile out = gzopen(path.c_str(), "wb1");
    Check(out != nullptr);
    if (!content.empty()) Check(gzwrite(out, content.data(), static_cast<unsigned>(content.size())) > 0);
    gzclose(out);
    return;
  }
  std::FILE* out = std::fopen(path.c_str(), "wb");
  Check(out != nullptr);
  if (!content.empty()) Check(std::fwrite(content.data(), 1, content.size(), out) == content.size());
  std::fclose(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  static const char* const kNames[] = {"story.txt", "news.jsonl", "news.jsonl.gz", "news.jsonl.gz"};
  const std::string path = Directory() + "/" + kNames[mode & 3];
  WriteFile(path, content, (mode & 3) == 2);

  eg::ReaderOptions options;
  options.skip_errors = (mode & 4) != 0;
  if (mode & 8) options.max_document_bytes = 64;
  size_t warnings = 0;
  options.warn = [&](const eg::InputError& error) {
    Check(error.file() == path && !error.message().empty());
    ++warnings;
  };
  try {
    eg::DocumentReader reader({path}, options);
    eg::Document doc;
    while (reader.Next(&doc)) {
      Check(!doc.id.empty());
      Check(eg::FindInvalidUtf8(doc.text) == std::string_view::npos);
      Check(doc.text.find('\0') == std::string::npos);
      Check(doc.date.empty() || eg::IsIsoDate(doc.date));
      if (mode & 8) Check(doc.text.size() <= 64);
    }
    Check(reader.skipped() == warnings);
  } catch (const eg::InputError& error) {
    Check(!options.skip_errors);
    Check(error.file() == path && !error.message().empty());
  }
  std::remove(path.c_str());
  return 0;
}
