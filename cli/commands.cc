#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "export/export.h"
#include "extract/document_reader.h"
#include "extract/extract.h"
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

ExtractorOptions MakeExtractorOptions(const PackOptions& packs) {
  ExtractorOptions options;
  options.use_defaults = !packs.no_defaults;
  options.gazetteers = packs.gazetteers;
  options.rules = packs.rules;
  return options;
}

std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

int ReportInputError(const InputError& error) {
  std::cerr << "eventgraph: " << error.what() << "\n";
  return 1;
}

}  // namespace

int RunExtract(const ExtractCommand& command) {
  try {
    RunStats stats;
    const Extractor extractor(MakeExtractorOptions(command.packs));
    DocumentReader reader(command.inputs, {command.date, command.sample});
    std::optional<AtomicOutputFile> file;
    if (!command.output.empty()) file.emplace(command.output);
    std::ostream& out = file ? file->stream() : std::cout;
    EventJsonlWriter writer(out);
    Document doc;
    while (reader.Next(&doc)) {
      extractor.Process(&doc);
      writer.Write(doc);
      stats.Add(doc);
    }
    out.flush();
    if (file) file->Commit();
    if (!command.quiet) std::cerr << "eventgraph: " << stats.Line() << ", " << Seconds(stats.seconds()) << "\n";
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
    const Extractor extractor(MakeExtractorOptions(command.packs));
    DocumentReader reader(command.inputs, {command.date, command.sample});
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
    EventGraph graph;
    Document doc;
    while (reader.Next(&doc)) {
      extractor.Process(&doc);
      for (auto& writer : event_writers) writer->Write(doc);
      graph.Add(doc);
      stats.Add(doc);
    }
    WriteGraphOutputs(graph, command, formats, files);
    for (auto& file : files) {
      if (file) file->Commit();
    }
    if (!command.quiet) {
      std::cerr << "eventgraph: " << stats.Line() << ", " << graph.node_count() << " nodes, "
                << graph.edge_count() << " edges, " << Seconds(stats.seconds()) << "\n";
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
    const Extractor extractor(options);
    RuleTestReport report = RunRuleTests(extractor, command.packs_to_test);
    for (const RuleTestFailure& failure : report.failures) {
      std::cout << "FAIL " << failure.rule->file << ":" << failure.test->line << ": rule " << failure.rule->id
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
