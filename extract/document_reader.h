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
// Every problem is an InputError naming the file, the line and the field: an unreadable file (a dangling
// symbolic link, a FIFO or device found in a directory, a directory that cannot be listed), a file or
// line that is not UTF-8 text (invalid UTF-8, or a NUL byte: a binary or UTF-16 file), a line that is not
// JSON, a missing or non-string "id" or "text", a bad date, and a document id seen before in the same run
// (the message names where it was first seen; a repeated id is never renamed, so that a corpus that holds
// one article twice does not count its events twice).
//
// With ReaderOptions::skip_errors the reader reports such a problem to ReaderOptions::warn and goes on
// with the next document: the next line of a .jsonl file, the next file (a file that cannot be opened,
// read or decompressed is skipped from that point on). Without it, Next() throws the first one.
//
// A document larger than ReaderOptions::max_document_bytes (a .txt file, or the whole line of a .jsonl
// file) is always skipped with a warning, never read into memory whole, so one pathological document
// cannot stall a corpus run.
//
// Not thread-safe, except Decode(): one reader feeds one pipeline. A pipeline that decodes documents on
// several threads (parallel.h) calls the three steps of Next() itself: Read() in input order (file I/O
// and decompression, cheap), Decode() on any thread (JSON, UTF-8 checks, the date), and Accept() in
// input order (the repeated-id check); an InputError from any step, or a Record::skip, is handed to
// Skip() in input order when skip_errors() holds, and is fatal otherwise.
#ifndef EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_
#define EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/document.h"
#include "extract/input_error.h"

namespace eg {

// The default of ReaderOptions::max_document_bytes: 50 MB.
inline constexpr uint64_t kDefaultMaxDocumentBytes = 50u << 20;

struct ReaderOptions {
  std::string default_date;     // YYYY-MM-DD for documents that carry none, or empty
  bool include_sample = false;  // read the embedded sample text (data/sample.txt, id "sample") first
  // false: Next() throws the first InputError. true: it reports each one to warn and skips the bad
  // document, line or rest of a file.
  bool skip_errors = false;
  // Larger documents are skipped with a warning (whatever skip_errors says). 0 means the largest a
  // document can be: 4 GiB - 1 (byte offsets are 32-bit).
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  // Told of every skipped document (the error says where and why). May be empty.
  std::function<void(const InputError&)> warn = nullptr;
  // Decompress .gz input on a thread of its own, a few chunks ahead of Read() (gzip_chunks.h): for runs
  // that process documents on several threads, which read under a lock (parallel.h).
  bool decompress_ahead = false;
};

class DocumentReader {
 public:
  // Expands directories into their files. Throws InputError for an input that does not exist, unless
  // options.skip_errors (then Next() reports it in its turn).
  DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next document into *doc (replacing its contents). Returns false after the last one.
  bool Next(Document* doc);

  // One input unit between Read() and Decode(): a line of a .jsonl file, or a whole document.
  struct Record {
    std::string file;   // for messages
    size_t line = 0;    // in file, 1-based; 0 for a whole file
    std::string bytes;  // the line (undecoded), when line > 0
    Document doc;       // the document when line == 0 (text read, not yet checked)
    std::optional<InputError> skip;  // set: nothing to decode, report this and go on (too large)
  };
  // Reads the next record, in input order. Returns false after the last one. Throws InputError when a
  // file cannot be opened, read or decompressed.
  bool Read(Record* record);
  // Turns a record into a document (replacing *doc; may move out of record). Thread-safe: may run on
  // several threads at once, for different records. Throws InputError for a record that is not a document.
  void Decode(Record* record, Document* doc) const;
  // Takes a decoded document into the run, in input order: throws InputError when its id was used before.
  void Accept(const Document& doc, const Record& record);
  // Reports an InputError to ReaderOptions::warn and counts it as skipped.
  void Skip(const InputError& error);
  bool skip_errors() const { return options_.skip_errors; }

  // Bytes of document text read so far. May be read on another thread than the one calling Next().
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

  // For a progress line: the size of the input files (as stored: a .gz file's compressed size), 0 when
  // it cannot be known (standard input), and how far into them the reader is. May be read on another
  // thread than the one calling Next().
  uint64_t input_size() const { return input_size_; }
  uint64_t input_position() const { return input_position_.load(std::memory_order_relaxed); }

  // Documents, lines and files skipped so far (each one reported to ReaderOptions::warn).
  size_t skipped() const { return skipped_; }

 private:
  class LineSource;  // a .jsonl, .jsonl.gz or stdin being read line by line

  struct Input {
    std::string path;   // "-" for stdin
    std::string error;  // why it cannot be read, found while listing; empty when it can be
    uint64_t size = 0;  // bytes on disk, when known
  };

  bool ReadRecord(Record* record);  // Read() without the position update
  bool ReadLine(Record* record);
  bool ReadTextDocument(const std::string& path, Record* record);
  bool ReadStdin(Record* record);
  void DecodeLine(Record* record, Document* doc) const;
  void UpdatePosition();  // input_position_ after a Read()

  ReaderOptions options_;
  std::vector<Input> files_;
  size_t next_file_ = 0;
  std::unique_ptr<LineSource> lines_;
  Record next_record_;  // Next()'s
  // id -> where it was first read. Both strings and the map's nodes live in one arena: freed one by one,
  // Reuters 2013's 14k ids took ~5 ms at the end of a run.
  std::pmr::monotonic_buffer_resource ids_memory_;
  std::pmr::unordered_map<std::pmr::string, std::pmr::string> seen_ids_{&ids_memory_};
  std::atomic<uint64_t> bytes_read_{0};
  uint64_t input_size_ = 0;
  std::vector<uint64_t> size_before_;  // per file: the sizes of the files before it
  std::atomic<uint64_t> input_position_{0};
  size_t skipped_ = 0;
};

// True when date is a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_DOCUMENT_READER_H_
