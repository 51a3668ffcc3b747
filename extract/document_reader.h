// DocumentReader: turns the command line's INPUT arguments into Documents, one at a time.
//
// An input is
//   - a .txt file (any other extension too, when named explicitly): one document, id = file name without
//     its extension;
//   - a .jsonl file: one document per line, {"id", "text", "date"?, "title"?, "url"?}; other fields are
//     ignored (corpora carry all sorts of metadata); blank lines are skipped;
//   - a .jsonl.gz file: the same, gzip-compressed;
//   - a directory: every .txt, .jsonl and .jsonl.gz file below it, recursively, in byte order of their
//     paths (so runs are reproducible); files with other extensions are skipped;
//   - "-": standard input, read as JSON Lines when its first non-blank byte is "{", else as one text
//     document with id "stdin".
//
// A document's date comes from its "date" field (YYYY-MM-DD, or an ISO date-time whose first ten
// characters are one; a year or year-month alone leaves the date unknown), else from a date line near the
// top of the text ("Thursday, March 24, 2016", see dateline.h), else from ReaderOptions::default_date.
//
// Every problem is an InputError naming the file, the line and the field: an unreadable file, invalid
// UTF-8, a line that is not JSON, a missing or non-string "id" or "text", a bad date, and a document id
// seen before in the same run.
//
// Not thread-safe: one reader feeds one pipeline.
#ifndef EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_
#define EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/document.h"

namespace eg {

struct ReaderOptions {
  std::string default_date;     // YYYY-MM-DD for documents that carry none, or empty
  bool include_sample = false;  // read the embedded sample text (data/sample.txt, id "sample") first
};

class DocumentReader {
 public:
  // Expands directories into their files. Throws InputError for an input that does not exist.
  DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next document into *doc (replacing its contents). Returns false after the last one.
  bool Next(Document* doc);

  // Bytes of document text read so far.
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  class LineSource;  // a .jsonl, .jsonl.gz or stdin being read line by line

  bool NextFromLines(Document* doc);
  void ReadTextDocument(const std::string& path, Document* doc);
  void Finish(Document* doc, size_t line);

  ReaderOptions options_;
  std::vector<std::string> files_;  // "-" for stdin
  size_t next_file_ = 0;
  std::unique_ptr<LineSource> lines_;
  std::unordered_set<std::string> seen_ids_;
  uint64_t bytes_read_ = 0;
};

// True when date is a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_
