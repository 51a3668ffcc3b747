#include "cli/commands.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include <unistd.h>

#include "export/export.h"
#include "extract/document_reader.h"
#include "extract/extract.h"
#include "extract/parallel.h"
#include "extract/rule_tests.h"
#include "graph/event_graph.h"

namespace eg {
namespace {

// Counts for the one-line summary on stderr.
struct RunStats {
  size_t documents = 0, sentences = 0, mentions = 0, events = 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  void Add(const Document& doc) {
    ++documents;
    sentences += doc.sentences.size();
    mentions += doc.mentions.size();
    events += doc.events.size();
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::string Line() const {
    return std::to_string(documents) + " documents, " + std::to_string(sentences) + " sentences, " +
           std::to_string(mentions) + " mentions, " + std::to_string(events) + " events";
  }
};

std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

unsigned ThreadCount(unsigned requested) { return requested == 0 ? DefaultThreadCount() : requested; }

// A progress line on stderr for long runs, rewritten in place about twice a second, only when stderr is a
// terminal: documents, megabytes of text, MB/s, and when the input's size is known (files, not standard
// input) how much of it is done and the time left at the rate so far.
class Progress {
 public:
  explicit Progress(const DocumentReader& reader) : reader_(reader), enabled_(isatty(2) == 1) {}
  void Update(size_t documents) {
    if (!enabled_ || (documents & 63) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double megabytes = static_cast<double>(reader_.bytes_read()) / 1e6;
    std::fprintf(stderr, "\reventgraph: %zu documents, %.1f MB, %.1f MB/s", documents, megabytes,
                 seconds > 0 ? megabytes / seconds : 0.0);
    const uint64_t size = reader_.input_size(), position = reader_.input_position();
    if (size > 0 && position > 0 && seconds > 0) {
      const double left = seconds * static_cast<double>(size - std::min(position, size)) / static_cast<double>(position);
      std::fprintf(stderr, ", %.0f%%, ETA %s", 100.0 * static_cast<double>(position) / static_cast<double>(size),
                   Duration(left).c_str());
    }
    std::fprintf(stderr, "\033[K");
    shown_ = true;
  }
  void Finish() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

  // "42s", "3m05s", "2h07m".
  static std::string Duration(double seconds) {
    const long s = std::lround(seconds);
    char buffer[32];
    if (s < 60) {
      std::snprintf(buffer, sizeof buffer, "%lds", s);
    } else if (s < 3600) {
      std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
    } else {
      std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, s / 60 % 60);
    }
    return buffer;
  }

 private:
  const DocumentReader& reader_;
  const bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

int ReportInputError(const InputError& error) {
  std::cerr << "eventgraph: " << error.what() << "\n";
  return 1;
}

}  // namespace

ExtractorOptions MakeExtractorOptions(const PackOptions& packs, unsigned threads) {
  ExtractorOptions options;
  options.threads = static_cast<int>(ThreadCount(threads));
  options.use_defaults = !packs.no_defaults;
  options.gazetteers = packs.gazetteers;
  options.rules = packs.rules;
  return options;
}

ReaderOptions MakeReaderOptions(const InputOptions& input, unsigned threads) {
  ReaderOptions options;
  options.decompress_ahead = threads > 1;
  options.default_date = input.date;
  options.include_sample = input.sample;
  options.skip_errors = input.on_error == "skip";
  options.max_document_bytes = input.max_document_bytes;
  options.warn = [](const InputError& error) {
    // On a terminal, the warning takes the place of the progress line (which the next update redraws).
    std::cerr << (isatty(2) == 1 ? "\r\033[K" : "") << "eventgraph: warning: " << error.what()
              << (error.message().ends_with("skipped") ? "" : " (skipped)") << "\n";
  };
  return options;
}

std::string SkippedNote(const DocumentReader& reader) {
  return reader.skipped() == 0 ? "" : ", " + std::to_string(reader.skipped()) + " skipped";
}

int RunExtract(const ExtractCommand& command) {
  try {
    RunStats stats;
    const Extractor& extractor = Kept<const Extractor>(MakeExtractorOptions(command.packs, command.threads));
    DocumentReader reader(command.input.paths, MakeReaderOptions(command.input, ThreadCount(command.threads)));
    std::optional<AtomicOutputFile> file;
    if (!command.output.empty()) file.emplace(command.output);
    std::ostream& out = file ? file->stream() : std::cout;
    EventJsonlWriter writer(out);
    Progress progress(reader);
    ProcessInOrder(extractor, &reader, ThreadCount(command.threads), [&](const Document& doc) {
      writer.Write(doc);
      stats.Add(doc);
      progress.Update(stats.documents);
    });
    progress.Finish();
    out.flush();
    if (file) file->Commit();
    if (!command.quiet) {
      std::cerr << "eventgraph: " << stats.Line() << SkippedNote(reader) << ", " << Seconds(stats.seconds()) << "\n";
    } else if (reader.skipped() > 0) {
      std::cerr << "eventgraph: " << reader.skipped() << " skipped\n";
    }
    return 0;
  } catch (const InputError& error) {
    return ReportInputError(error);
  }
}

int RunBuild(const BuildCommand& command) {
  std::vector<ExportFormat> formats;
  for (size_t i = 0; i < command.outputs.size(); ++i) {
    ExportFormat format;
    const std::string& path = command.outputs[i];
    if (!command.formats.empty()) {
      ParseExportFormat(command.formats.size() == 1 ? command.formats[0] : command.formats[i], &format);
    } else if (!ExportFormatFromPath(path, &format)) {
      std::cerr << "eventgraph: build: cannot tell the format of '" << path
                << "' from its extension (.graphml, .gexf, .jsonld, .nq, .jsonl, or DIR/ for CSV); use --format\n";
      return 2;
    }
    formats.push_back(format);
  }
  try {
    RunStats stats;
    const Extractor& extractor = Kept<const Extractor>(MakeExtractorOptions(command.packs, command.threads));
    DocumentReader reader(command.input.paths, MakeReaderOptions(command.input, ThreadCount(command.threads)));
    // Open every output first, so that a bad path fails before the work; each is renamed into place only
    // when complete.
    std::vector<std::unique_ptr<AtomicOutputFile>> files;
    std::vector<std::unique_ptr<EventJsonlWriter>> event_writers;  // streamed as documents go by
    for (size_t i = 0; i < command.outputs.size(); ++i) {
      // A CSV output is a directory, made when it is written (graph_commands.cc).
      files.push_back(formats[i] == ExportFormat::kCsv ? nullptr
                                                       : std::make_unique<AtomicOutputFile>(command.outputs[i]));
      if (formats[i] == ExportFormat::kEventsJsonl) {
        event_writers.push_back(std::make_unique<EventJsonlWriter>(files.back()->stream()));
      }
    }
    // Only the outputs that list events make the graph keep them: otherwise memory stays bounded by the
    // graph, whatever the size of the corpus.
    EventGraph& graph = Kept<EventGraph>(GraphOutputsNeedEvents(command, formats));
    Progress progress(reader);
    ProcessInOrder(extractor, &reader, ThreadCount(command.threads), [&](const Document& doc) {
      for (auto& writer : event_writers) writer->Write(doc);
      graph.Add(doc);
      stats.Add(doc);
      progress.Update(stats.documents);
    });
    progress.Finish();
    WriteGraphOutputs(graph, command, formats, files);
    for (auto& file : files) {
      if (file) file->Commit();
    }
    if (!command.quiet) {
      std::cerr << "eventgraph: " << stats.Line() << ", " << graph.node_count() << " nodes, "
                << graph.edge_count() << " edges" << SkippedNote(reader) << ", " << Seconds(stats.seconds()) << "\n";
    } else if (reader.skipped() > 0) {
      std::cerr << "eventgraph: " << reader.skipped() << " skipped\n";
    }
    return 0;
  } catch (const InputError& error) {
    return ReportInputError(error);
  }
}

int RunTestRules(const TestRulesCommand& command) {
  try {
    ExtractorOptions options = MakeExtractorOptions(command.packs);
    for (const std::string& pack : command.packs_to_test) options.rules.push_back(pack);
    const Extractor& extractor = Kept<const Extractor>(options);
    RuleTestReport report = RunRuleTests(extractor, command.packs_to_test);
    for (const RuleTestFailure& failure : report.failures) {
      std::cout << "FAIL " << failure.rule->file << ":" << failure.line << ": rule " << failure.rule->id
                << "\n  sentence: " << failure.test->text << "\n  expected:";
      if (failure.expected.empty()) std::cout << " (no event)";
      for (const std::string& e : failure.expected) std::cout << "\n    " << e;
      std::cout << "\n  produced:";
      if (failure.produced.empty()) std::cout << " (no event)";
      for (const std::string& e : failure.produced) std::cout << "\n    " << e;
      std::cout << "\n";
    }
    std::cout << report.passed << " passed, " << report.failures.size() << " failed\n";
    return report.failures.empty() ? 0 : 1;
  } catch (const InputError& error) {
    return ReportInputError(error);
  }
}

}  // namespace eg
