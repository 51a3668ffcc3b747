// The eventgraph subcommands, behind the argument parsing in main.cc.
//
// Each Run* function does one job end to end and returns the process exit code: 0 on success, 1 on an
// input error (after printing the InputError to stderr). Usage errors (exit 2) are caught by main.cc
// before these run.
#ifndef EVENTGRAPH_CLI_COMMANDS_H_
#define EVENTGRAPH_CLI_COMMANDS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extract.h"

namespace eg {

class AtomicOutputFile;     // export/atomic_output_file.h
class EventGraph;           // graph/event_graph.h
enum class ExportFormat;    // export/export.h

// Options every command that extracts shares.
struct PackOptions {
  std::vector<std::string> gazetteers;
  std::vector<std::string> rules;
  bool no_defaults = false;
};

// What a command that reads INPUT reads (INPUT, --sample, --date) and how it treats bad input
// (--on-error, --max-document-bytes; README "Reliability").
struct InputOptions {
  std::vector<std::string> paths;  // files, directories, "-"
  bool sample = false;             // add the embedded sample text as an input
  std::string date;                // default document date, YYYY-MM-DD or empty
  // "fail": the first bad document, line or file stops the run (exit 1). "skip": each one is reported on
  // stderr (file:line: field: what) and skipped; the run goes on, exits 0 and its summary says how many
  // were skipped.
  std::string on_error = "fail";
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;  // larger documents are skipped with a warning

  bool empty() const { return paths.empty() && !sample; }
};

// The reader of a command's input. Warnings go to stderr.
// threads: how many will process the documents (more than one: .gz input is decompressed ahead).
ReaderOptions MakeReaderOptions(const InputOptions& input, unsigned threads = 1);

// ", N skipped" when the reader skipped anything, else "": the end of a summary line.
std::string SkippedNote(const DocumentReader& reader);

struct ExtractCommand {
  PackOptions packs;
  InputOptions input;
  std::string output;               // events JSON Lines; empty for stdout
  bool quiet = false;
  unsigned threads = 0;              // documents processed at once; 0: every core (extract/parallel.h)
};

struct BuildCommand {
  PackOptions packs;
  InputOptions input;
  std::vector<std::string> outputs;
  std::vector<std::string> formats;  // none, one for all outputs, or one per output
  std::string edges = "aggregate";   // "aggregate" or "events": one edge per event (GraphML, GEXF, CSV)
  bool quiet = false;
  unsigned threads = 0;              // documents processed at once; 0: every core (extract/parallel.h)
};

struct TestRulesCommand {
  PackOptions packs;
  std::vector<std::string> packs_to_test;  // rule files whose tests run; empty: every loaded rule
  bool verbose = false;
};

// The extractor options a command's pack options ask for; the packs load on `threads` threads (0: every
// core; --threads of the commands that have it).
ExtractorOptions MakeExtractorOptions(const PackOptions& packs, unsigned threads = 0);

// An object of a command that lives until the process exits and is never destroyed: freeing what it
// holds costs time at exit, for nothing. The Extractor (the tries and compiled rules of the packs: ~5 ms
// for the default packs, ~0.2 s for a 1M-alias gazetteer) and the EventGraph (its entities and
// documents: ~3 ms for Reuters 2013's 14k documents). It stays reachable from a global, so leak checkers
// do not report it. Each call keeps another object. Not for an object with threads of its own (a
// DocumentReader's decompression): those must stop before the process exits.
template <typename T, typename... Args>
T& Kept(Args&&... args) {
  static auto* kept = new std::vector<std::unique_ptr<T>>;
  kept->push_back(std::make_unique<T>(std::forward<Args>(args)...));
  return *kept->back();
}

int RunExtract(const ExtractCommand& command);
int RunBuild(const BuildCommand& command);
int RunTestRules(const TestRulesCommand& command);
struct SuggestCommand {
  PackOptions packs;
  InputOptions input;
  size_t min_mentions = 1;
};

// Prints the discovered people of INPUT as a gazetteer pack (JSON) on stdout.
int RunSuggest(const SuggestCommand& command);

// Prints what the loaded packs hold: entities by type, roles, agents, rules per CAMEO root.
int RunPackStats(const PackOptions& packs);

// graph_commands.cc: the graph formats of `build` and the network summary of `stats INPUT...`.

// A graph summary: sizes, top actors by degree and by betweenness, connected components, events per CAMEO
// root and per month.
struct GraphStatsCommand {
  PackOptions packs;
  InputOptions input;
  size_t top = 10;  // actors listed per ranking
};

int RunGraphStats(const GraphStatsCommand& command);

// True when an output of the build lists every event (GEXF, JSON-LD, N-Quads, CSV, or GraphML with
// --edges events), so that its EventGraph must keep them.
bool GraphOutputsNeedEvents(const BuildCommand& command, const std::vector<ExportFormat>& formats);

// Writes the graph formats among a build's outputs (everything but events JSONL, which streams): the
// file formats into files[i], which the caller commits; CSV directories (files[i] null) are written and
// committed here. Throws InputError.
void WriteGraphOutputs(const EventGraph& graph, const BuildCommand& command,
                       const std::vector<ExportFormat>& formats,
                       const std::vector<std::unique_ptr<AtomicOutputFile>>& files);

}  // namespace eg

#endif  // EVENTGRAPH_CLI_COMMANDS_H_
