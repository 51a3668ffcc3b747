#include "extract/document_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "extract/dateline.h"
#include "extract/embedded_data.h"
#include "extract/input_error.h"
#include "extract/json_file.h"
#include "extract/utf8.h"

namespace eg {
namespace fs = std::filesystem;

namespace {

// Stands for the embedded sample in files_; not a name a path can have.
const std::string kSampleInput(1, '\0');

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool IsJsonl(std::string_view path) { return EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.gz"); }

bool IsKnownInput(std::string_view path) { return IsJsonl(path) || EndsWith(path, ".txt"); }

std::string Stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

void CheckUtf8(std::string_view text, const std::string& file, size_t line, const std::string& field) {
  size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return;
  size_t at_line = line > 0 ? line : LineOfOffset(text, bad);
  throw InputError(file, at_line, field, "invalid UTF-8 at byte " + std::to_string(bad) + " of the text");
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

// Lines of a .jsonl file, a .jsonl.gz file or of text already in memory (stdin).
class DocumentReader::LineSource {
 public:
  static std::unique_ptr<LineSource> Open(const std::string& path) {
    auto source = std::unique_ptr<LineSource>(new LineSource(path));
    errno = 0;
    if (EndsWith(path, ".gz")) {
      source->gz_ = gzopen(path.c_str(), "rb");
      if (!source->gz_) {
        throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno ? errno : ENOMEM));
      }
    } else {
      source->file_ = std::fopen(path.c_str(), "rb");
      if (!source->file_) throw InputError(path, 0, "", std::string("cannot open: ") + std::strerror(errno));
    }
    return source;
  }
  static std::unique_ptr<LineSource> FromMemory(std::string name, std::string text) {
    auto source = std::unique_ptr<LineSource>(new LineSource(std::move(name)));
    source->chunk_ = std::move(text);
    return source;
  }
  ~LineSource() {
    if (file_) std::fclose(file_);
    if (gz_) gzclose(gz_);
  }

  // Reads the next line without its newline (NUL bytes included). Returns false at the end.
  bool Next(std::string* line) {
    line->clear();
    ++line_number_;
    bool any = false;
    for (;;) {
      if (pos_ < chunk_.size()) {
        any = true;
        const char* start = chunk_.data() + pos_;
        const void* newline = std::memchr(start, '\n', chunk_.size() - pos_);
        if (newline) {
          size_t length = static_cast<const char*>(newline) - start;
          line->append(start, length);
          pos_ += length + 1;
          break;
        }
        line->append(start, chunk_.size() - pos_);
        pos_ = chunk_.size();
      }
      if (!Refill()) break;
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return any;
  }

  const std::string& path() const { return path_; }
  size_t line_number() const { return line_number_; }

 private:
  explicit LineSource(std::string path) : path_(std::move(path)) {}

  // Reads the next chunk of the file into chunk_. Returns false at the end (and for text in memory).
  bool Refill() {
    constexpr size_t kChunk = 1 << 16;
    chunk_.resize(kChunk);
    pos_ = 0;
    long n = 0;
    if (gz_) {
      n = gzread(gz_, chunk_.data(), kChunk);
      if (n < 0) {
        int code;
        throw InputError(path_, line_number_, "", std::string("cannot decompress: ") + gzerror(gz_, &code));
      }
    } else if (file_) {
      n = static_cast<long>(std::fread(chunk_.data(), 1, kChunk, file_));
      if (n == 0 && std::ferror(file_)) {
        throw InputError(path_, line_number_, "", std::string("cannot read: ") + std::strerror(errno));
      }
    }
    chunk_.resize(static_cast<size_t>(n));
    return n > 0;
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  gzFile gz_ = nullptr;
  std::string chunk_;  // the part of the file read but not yet returned starts at pos_
  size_t pos_ = 0;
  size_t line_number_ = 0;
};

DocumentReader::DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options)
    : options_(std::move(options)) {
  if (options_.include_sample) files_.push_back(kSampleInput);
  for (const std::string& input : inputs) {
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      throw InputError(input, 0, "", "no such file or directory");
    }
    if (!fs::is_directory(status)) {
      files_.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, error);
    if (error) throw InputError(input, 0, "", "cannot list directory: " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) throw InputError(it->path().string(), 0, "", "cannot list directory: " + error.message());
      if (it->is_regular_file(error) && IsKnownInput(it->path().string())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files_.insert(files_.end(), found.begin(), found.end());
  }
}

DocumentReader::~DocumentReader() = default;

void DocumentReader::Finish(Document* doc, size_t line) {
  if (!seen_ids_.insert(doc->id).second) {
    throw InputError(lines_ ? lines_->path() : doc->source, line, line > 0 ? "id" : "",
                     "document id \"" + doc->id + "\" was already used by an earlier document");
  }
  if (doc->date.empty()) doc->date = FindDateline(doc->text);
  if (doc->date.empty()) doc->date = options_.default_date;
  bytes_read_ += doc->text.size();
}

void DocumentReader::ReadTextDocument(const std::string& path, Document* doc) {
  *doc = Document();
  doc->text = ReadFileOrThrow(path);
  doc->id = Stem(path);
  doc->source = path;
  if (FindInvalidUtf8(doc->id) != std::string_view::npos) {
    throw InputError(path, 0, "", "the file name is not valid UTF-8, so it cannot be a document id");
  }
  CheckUtf8(doc->text, path, 0, "");
  Finish(doc, 0);
}

bool DocumentReader::NextFromLines(Document* doc) {
  std::string line;
  while (lines_->Next(&line)) {
    const std::string& path = lines_->path();
    const size_t number = lines_->line_number();
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    CheckUtf8(line, path, number, "");
    rapidjson::Document json;
    json.Parse(line.data(), line.size());
    if (json.HasParseError()) {
      throw InputError(path, number, "",
                       std::string("not a JSON object: ") + rapidjson::GetParseError_En(json.GetParseError()) +
                           " at column " + std::to_string(json.GetErrorOffset() + 1));
    }
    if (!json.IsObject()) throw InputError(path, number, "", "not a JSON object");
    auto string_field = [&](const char* name, bool required, std::string* out) {
      auto it = json.FindMember(name);
      if (it == json.MemberEnd() || it->value.IsNull()) {
        if (required) throw InputError(path, number, name, "missing");
        return;
      }
      if (!it->value.IsString()) throw InputError(path, number, name, "must be a string");
      out->assign(it->value.GetString(), it->value.GetStringLength());
    };
    *doc = Document();
    string_field("id", true, &doc->id);
    if (doc->id.empty()) throw InputError(path, number, "id", "must not be empty");
    string_field("text", true, &doc->text);
    string_field("title", false, &doc->title);
    string_field("url", false, &doc->url);
    std::string date;
    string_field("date", false, &date);
    if (date.size() >= 10 && IsIsoDate(std::string_view(date).substr(0, 10))) {
      doc->date = date.substr(0, 10);
    } else if (!date.empty() && !(date.size() == 4 || date.size() == 7)) {
      throw InputError(path, number, "date", "\"" + date + "\" is not a date (YYYY-MM-DD)");
    }
    doc->source = path + ":" + std::to_string(number);
    Finish(doc, number);
    return true;
  }
  lines_.reset();
  return false;
}

bool DocumentReader::Next(Document* doc) {
  for (;;) {
    if (lines_) {
      if (NextFromLines(doc)) return true;
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const std::string path = files_[next_file_++];
    if (path == kSampleInput) {
      *doc = Document();
      doc->id = "sample";
      doc->source = "(embedded) data/sample.txt";
      doc->text = std::string(FindEmbeddedFile("data/sample.txt"));
      Finish(doc, 0);
      return true;
    }
    if (path == "-") {
      std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      size_t first = input.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && input[first] == '{') {
        lines_ = LineSource::FromMemory("<stdin>", std::move(input));
        continue;
      }
      *doc = Document();
      doc->id = "stdin";
      doc->source = "<stdin>";
      doc->text = std::move(input);
      CheckUtf8(doc->text, "<stdin>", 0, "");
      Finish(doc, 0);
      return true;
    }
    if (IsJsonl(path)) {
      lines_ = LineSource::Open(path);
      continue;
    }
    ReadTextDocument(path, doc);
    return true;
  }
}

}  // namespace eg
