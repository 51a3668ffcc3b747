#include "extract/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "extract/dateline.h"
#include "extract/embedded_data.h"
#include "extract/gzip_chunks.h"
#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/json_line.h"
#include "extract/utf8.h"

namespace eg {
namespace fs = std::filesystem;

namespace {

// Stands for the embedded sample in files_; not a name a path can have.
const std::string kSampleInput(1, '\0');
// The embedded sample's Document::source.
constexpr char kSampleSource[] = "(embedded) data/sample.txt";

constexpr size_t kChunk = 1 << 16;

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool IsJsonl(std::string_view path) { return EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.gz"); }

bool IsKnownInput(std::string_view path) { return IsJsonl(path) || EndsWith(path, ".txt"); }

std::string Stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Checks that text is UTF-8 text: well-formed and free of NUL, which no text file holds (a NUL byte means
// a binary file, or UTF-16). line 0: text is a whole file, and the message gives the line in it.
// utf8: false skips the UTF-8 check, for text decoded from JSON already checked (the NUL check stays:
// "\u0000" decodes to one).
void CheckText(std::string_view text, const std::string& file, size_t line, std::string_view field,
               bool utf8 = true) {
  const bool whole_file = line == 0;
  size_t bad = utf8 ? FindInvalidUtf8(text) : std::string_view::npos;
  if (bad != std::string_view::npos) {
    throw InputError(file, whole_file ? LineOfOffset(text, bad) : line, std::string(field),
                     "invalid UTF-8 at byte " + std::to_string(bad) + " of the text" +
                         (whole_file ? " (a binary file, or text in another encoding such as Latin-1?)" : ""));
  }
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    throw InputError(file, whole_file ? LineOfOffset(text, nul) : line, std::string(field),
                     "NUL character at byte " + std::to_string(nul) + " of the text" +
                         (whole_file ? " (a binary file, or UTF-16 text?)" : ""));
  }
}

std::string TooLargeMessage(uint64_t limit) {
  return "larger than the maximum document size (" + std::to_string(limit) +
         " bytes, --max-document-bytes): skipped";
}

// Appends up to limit + 1 bytes of file to *text (limit 0: everything). Returns false when it holds more
// than limit bytes. Throws InputError on a read error.
bool ReadBounded(std::FILE* file, const std::string& path, uint64_t limit, std::string* text) {
  for (;;) {
    const size_t old = text->size();
    if (limit > 0 && old > limit) return false;
    text->resize(old + kChunk);
    const size_t n = std::fread(text->data() + old, 1, kChunk, file);
    text->resize(old + n);
    if (n == 0) {
      if (std::ferror(file)) throw InputError(path, 0, "", std::string("cannot read: ") + std::strerror(errno));
      return limit == 0 || text->size() <= limit;
    }
  }
}

// Lists the inputs below dir into *found, recursively: the files readers know by their extension, and
// the entries among them that cannot be read (with the reason), so that they are reported in their turn
// instead of vanishing. Symbolic links to directories are not followed.
template <typename Input>
void ListDirectory(const fs::path& dir, std::vector<Input>* found) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    found->push_back({dir.string(), "cannot list directory: " + error.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) {
      found->push_back({dir.string(), "cannot list directory: " + error.message()});
      return;
    }
    const fs::path& path = it->path();
    std::error_code status_error;
    const fs::file_status link = it->symlink_status(status_error);
    if (fs::is_directory(link)) {
      ListDirectory(path, found);
      continue;
    }
    if (!IsKnownInput(path.string())) continue;
    const fs::file_status status = fs::status(path, status_error);
    if (fs::is_regular_file(status)) {
      found->push_back({path.string(), ""});
    } else if (!fs::exists(status)) {
      found->push_back({path.string(), "cannot open: a symbolic link to nothing (" +
                                           (status_error ? status_error.message() : "no such file") + ")"});
    } else if (!fs::is_directory(status)) {
      found->push_back({path.string(), "not a regular file (a FIFO, socket or device): not read"});
    }
  }
}

}  // namespace

bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  int year = std::stoi(std::string(date.substr(0, 4)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  int day = std::stoi(std::string(date.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = month == 2 && !leap ? 28 : kDays[month - 1];
  return day <= days;
}

// Lines of a .jsonl file, a .jsonl.gz file or standard input.
class DocumentReader::LineSource {
 public:
  // decompress_ahead: see ReaderOptions.
  static std::unique_ptr<LineSource> Open(const std::string& path, bool decompress_ahead) {
    auto source = std::unique_ptr<LineSource>(new LineSource(path));
    errno = 0;
    if (EndsWith(path, ".gz")) {
      source->gz_ = std::make_unique<GzipChunks>(path, kChunk, decompress_ahead);
    } else {
      source->file_ = std::fopen(path.c_str(), "rb");
      if (!source->file_) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno));
    }
    return source;
  }
  // Standard input, of which start has been read already. Does not close it.
  static std::unique_ptr<LineSource> FromStdin(std::string start) {
    auto source = std::unique_ptr<LineSource>(new LineSource("<stdin>"));
    source->chunk_ = std::move(start);
    source->stdin_ = stdin;
    return source;
  }
  ~LineSource() {
    if (file_) std::fclose(file_);
  }

  // Reads the next line without its newline (NUL bytes included). Returns false at the end, and after a
  // read error (which it throws once). A line longer than limit bytes (limit 0: no limit) is read to
  // its end but not kept: *too_long is set and *line holds at most limit bytes of it.
  bool Next(std::string* line, uint64_t limit, bool* too_long) {
    line->clear();
    *too_long = false;
    ++line_number_;
    bool any = false;
    for (;;) {
      if (pos_ < chunk_.size()) {
        any = true;
        const char* start = chunk_.data() + pos_;
        const void* newline = std::memchr(start, '\n', chunk_.size() - pos_);
        const size_t length = newline ? static_cast<const char*>(newline) - start : chunk_.size() - pos_;
        if (!*too_long && (limit == 0 || line->size() + length <= limit)) {
          line->append(start, length);
        } else {
          *too_long = true;
        }
        pos_ += newline ? length + 1 : length;
        if (newline) break;
      }
      if (!Refill()) break;
    }
    if (!line->empty() && line->back() == '\r' && !*too_long) line->pop_back();
    return any;
  }

  const std::string& path() const { return path_; }
  size_t line_number() const { return line_number_; }
  // Bytes of the file read so far, as stored (compressed, for a .gz file).
  uint64_t offset() const {
    return gz_ ? gz_->compressed_offset() : stored_bytes_read_;
  }

 private:
  explicit LineSource(std::string path) : path_(std::move(path)) {}

  // Reads the next chunk of the file into chunk_. Returns false at the end and after an error.
  bool Refill() {
    chunk_.resize(kChunk);
    pos_ = 0;
    long n = 0;
    if (failed_) {
      n = 0;
    } else if (gz_) {
      std::string error;
      if (!gz_->Next(&chunk_, &error) && !error.empty()) {
        failed_ = true;
        chunk_.clear();
        throw InputError(path_, line_number_, "",
                         "cannot decompress: " + error + "; the rest of the file is not read");
      }
      n = static_cast<long>(chunk_.size());
    } else if (std::FILE* file = file_ ? file_ : stdin_) {
      n = static_cast<long>(std::fread(chunk_.data(), 1, kChunk, file));
      stored_bytes_read_ += static_cast<uint64_t>(n);
      if (n == 0 && std::ferror(file)) {
        failed_ = true;
        chunk_.clear();
        throw InputError(path_, line_number_, "", std::string("cannot read: ") + std::strerror(errno));
      }
    }
    chunk_.resize(static_cast<size_t>(n));
    return n > 0;
  }

  std::string path_;
  std::FILE* file_ = nullptr;   // owned
  std::FILE* stdin_ = nullptr;  // not owned
  std::unique_ptr<GzipChunks> gz_;
  bool failed_ = false;
  uint64_t stored_bytes_read_ = 0;  // of file_ or stdin_
  std::string chunk_;  // the part of the file read but not yet returned starts at pos_
  size_t pos_ = 0;
  size_t line_number_ = 0;
};

DocumentReader::DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options)
    : options_(std::move(options)) {
  // Byte offsets into a document are 32-bit (Span): no document may reach 4 GiB.
  constexpr uint64_t kMaxOffset = UINT32_MAX;
  if (options_.max_document_bytes == 0 || options_.max_document_bytes > kMaxOffset) {
    options_.max_document_bytes = kMaxOffset;
  }
  if (options_.include_sample) files_.push_back({kSampleInput, ""});
  for (const std::string& input : inputs) {
    if (input == "-") {
      files_.push_back({input, ""});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      if (!options_.skip_errors) throw InputError(input, 0, "", "no such file or directory");
      files_.push_back({input, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files_.push_back({input, ""});
      continue;
    }
    std::vector<Input> found;
    ListDirectory(input, &found);
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    files_.insert(files_.end(), found.begin(), found.end());
  }
  // Sizes, for the progress line only: unknown (0) when one input is standard input.
  size_before_.push_back(0);
  bool known = true;
  for (Input& input : files_) {
    std::error_code error;
    if (input.path == "-") known = false;
    if (input.path != "-" && input.path != kSampleInput && input.error.empty()) {
      const uintmax_t size = fs::file_size(input.path, error);
      input.size = error ? 0 : static_cast<uint64_t>(size);
    }
    size_before_.push_back(size_before_.back() + input.size);
  }
  input_size_ = known ? size_before_.back() : 0;
}

void DocumentReader::UpdatePosition() {
  uint64_t position = size_before_[next_file_];
  if (lines_ && next_file_ > 0) {
    position = size_before_[next_file_ - 1] + std::min(lines_->offset(), files_[next_file_ - 1].size);
  }
  input_position_.store(position, std::memory_order_relaxed);
}

DocumentReader::~DocumentReader() = default;

void DocumentReader::Skip(const InputError& error) {
  ++skipped_;
  if (options_.warn) options_.warn(error);
}

bool DocumentReader::ReadTextDocument(const std::string& path, Record* record) {
  Document& doc = record->doc;
  doc = Document();
  const uint64_t limit = options_.max_document_bytes;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, std::fclose);
  std::error_code error;
  const auto size = fs::file_size(path, error);  // regular files: too large before reading a byte
  if ((limit > 0 && !error && size > limit) || !ReadBounded(file, path, limit, &doc.text)) {
    doc.text.clear();
    record->skip = InputError(path, 0, "", TooLargeMessage(limit));
    return true;
  }
  doc.id = Stem(path);
  doc.source = path;
  return true;
}

bool DocumentReader::ReadStdin(Record* record) {
  // JSON Lines when the first byte that is not white space is '{': read up to it to decide.
  std::string start;
  size_t first = std::string::npos;
  while (first == std::string::npos) {
    const size_t old = start.size();
    start.resize(old + kChunk);
    const size_t n = std::fread(start.data() + old, 1, kChunk, stdin);
    start.resize(old + n);
    if (n == 0) {
      if (std::ferror(stdin)) throw InputError("<stdin>", 0, "", std::string("cannot read: ") + std::strerror(errno));
      break;
    }
    first = start.find_first_not_of(" \t\r\n", old);
  }
  if (first != std::string::npos && start[first] == '{') {
    lines_ = LineSource::FromStdin(std::move(start));
    return false;
  }
  Document& doc = record->doc;
  doc = Document();
  doc.text = std::move(start);
  const uint64_t limit = options_.max_document_bytes;
  if (!ReadBounded(stdin, "<stdin>", limit, &doc.text) || (limit > 0 && doc.text.size() > limit)) {
    doc.text.clear();
    // The rest of standard input is left unread: nothing else reads it.
    record->skip = InputError("<stdin>", 0, "", TooLargeMessage(limit));
    return true;
  }
  doc.id = "stdin";
  doc.source = "<stdin>";
  return true;
}

bool DocumentReader::ReadLine(Record* record) {
  bool too_long = false;
  while (lines_->Next(&record->bytes, options_.max_document_bytes, &too_long)) {
    record->file = lines_->path();
    record->line = lines_->line_number();
    if (too_long) {
      record->skip = InputError(record->file, record->line, "", TooLargeMessage(options_.max_document_bytes));
      return true;
    }
    if (record->bytes.find_first_not_of(" \t\r") == std::string::npos) continue;
    return true;
  }
  lines_.reset();
  return false;
}

void DocumentReader::DecodeLine(Record* record, Document* doc) const {
  const std::string& path = record->file;
  const size_t number = record->line;
  std::string& line = record->bytes;
  CheckText(line, path, number, "");
  // The line is valid UTF-8, so a decoded string can only be invalid through a \u escape of a lone
  // surrogate; without one, the decoded id and text need no second UTF-8 pass.
  const bool recheck = MayHoldSurrogateEscape(line);
  // The line is NUL-terminated and holds no other NUL (CheckText). The SSE2 scan reads 16 aligned bytes
  // at a time, up to 15 past the NUL: they must be the buffer's own (AddressSanitizer) and set (memcheck).
  line.append(16, '\0');
  doc->Clear();
  thread_local std::string date;  // per thread, so that a date with its time ("...T10:00:00Z") allocates once
  date.clear();
  using Found = JsonStringField::Found;
  JsonStringField fields[] = {{"id", &doc->id},
                              {"text", &doc->text},
                              {"title", &doc->title},
                              {"url", &doc->url},
                              {"date", &date}};
  const std::string error = ReadJsonStringFields(line.c_str(), fields, std::size(fields));
  if (!error.empty()) throw InputError(path, number, "", error);
  // In the order of fields: the first field at fault is the one reported.
  for (const JsonStringField& field : fields) {
    const bool required = field.value == &doc->id || field.value == &doc->text;
    if (field.found == Found::kOther) throw InputError(path, number, std::string(field.name), "must be a string");
    if (field.found != Found::kString) {
      if (required) throw InputError(path, number, std::string(field.name), "missing");
      continue;  // left empty
    }
    if (field.value == &doc->id && doc->id.empty()) throw InputError(path, number, "id", "must not be empty");
    if (field.value != &date) CheckText(*field.value, path, number, field.name, recheck);
  }
  if (date.size() >= 10 && IsIsoDate(std::string_view(date).substr(0, 10))) {
    doc->date.assign(date, 0, 10);
  } else if (!date.empty() && !(date.size() == 4 || date.size() == 7)) {
    throw InputError(path, number, "date", "\"" + date + "\" is not a date (YYYY-MM-DD)");
  }
  doc->source.assign(path).append(":").append(std::to_string(number));
}

void DocumentReader::Decode(Record* record, Document* doc) const {
  if (record->line > 0) {
    DecodeLine(record, doc);
  } else {
    *doc = std::move(record->doc);
    if (FindInvalidUtf8(doc->id) != std::string_view::npos) {
      throw InputError(record->file, 0, "", "the file name is not valid UTF-8, so it cannot be a document id");
    }
    CheckText(doc->text, record->file, 0, "");
  }
  if (doc->date.empty()) doc->date = FindDateline(doc->text);
  if (doc->date.empty()) doc->date = options_.default_date;
}

void DocumentReader::Accept(const Document& doc, const Record& record) {
  auto [it, added] = seen_ids_.emplace(std::string_view(doc.id), std::string_view(doc.source));
  if (!added) {
    throw InputError(record.file, record.line, record.line > 0 ? "id" : "",
                     "document id \"" + doc.id + "\" was already used by an earlier document (" +
                         std::string(it->second) + ")");
  }
  bytes_read_ += doc.text.size();
}

bool DocumentReader::Next(Document* doc) {
  Record& record = next_record_;  // its buffers are reused from line to line
  for (;;) {
    try {
      if (!Read(&record)) return false;
      if (record.skip) {
        Skip(*record.skip);
        continue;
      }
      Decode(&record, doc);
      Accept(*doc, record);
      return true;
    } catch (const InputError& error) {
      if (!options_.skip_errors) throw;
      Skip(error);
    }
  }
}

bool DocumentReader::Read(Record* record) {
  record->skip.reset();
  record->line = 0;
  record->bytes.clear();
  const bool more = ReadRecord(record);
  UpdatePosition();
  return more;
}

bool DocumentReader::ReadRecord(Record* record) {
  for (;;) {
    if (lines_) {
      if (ReadLine(record)) return true;
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const Input input = files_[next_file_++];
    const std::string& path = input.path;
    record->file = path == kSampleInput ? kSampleSource : path;
    if (!input.error.empty()) throw InputError(path, 0, "", input.error);
    if (path == kSampleInput) {
      record->doc = Document();
      record->doc.id = "sample";
      record->doc.source = kSampleSource;
      record->doc.text = std::string(FindEmbeddedFile("data/sample.txt"));
      return true;
    }
    if (path == "-") {
      record->file = "<stdin>";
      if (ReadStdin(record)) return true;
      continue;
    }
    if (IsJsonl(path)) {
      lines_ = LineSource::Open(path, options_.decompress_ahead);
      continue;
    }
    return ReadTextDocument(path, record);
  }
}

}  // namespace eg
