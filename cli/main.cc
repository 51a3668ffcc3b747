// eventgraph: news text in, an actor-event graph out. See README.md and `eventgraph --help`.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <new>

#include "cli/commands.h"
#include "export/export.h"
#include "extract/document_reader.h"

namespace {

constexpr int kUsageError = 2;

void AddPackOptions(CLI::App* command, eg::PackOptions* packs) {
  // allow_extra_args(false): a repeatable option takes one value per occurrence, so in
  // `--gazetteer g.json news/` the directory stays an INPUT.
  command->add_option("--gazetteer", packs->gazetteers, "add a gazetteer pack (JSON; repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command->add_option("--rules", packs->rules, "add a rule pack (JSON; repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command->add_flag("--no-defaults", packs->no_defaults, "do not load the embedded default packs");
}

CLI::Validator IsoDate() {
  return CLI::Validator(
      [](std::string& value) {
        return eg::IsIsoDate(value) ? std::string() : "'" + value + "' is not a date YYYY-MM-DD";
      },
      "YYYY-MM-DD");
}

// INPUT and how to read it (eg::InputOptions).
void AddInputOptions(CLI::App* command, eg::InputOptions* input) {
  command->add_option("INPUT", input->paths,
                      "INPUT: .txt file (one document), .jsonl or .jsonl.gz (one {\"id\",\"text\",\"date\"?} per "
                      "line), directory (recursive), or - for stdin");
  command->add_flag("--sample", input->sample, "also read the embedded sample text (data/sample.txt)");
  command->add_option("--date", input->date, "date of documents that carry none")->check(IsoDate());
  command->add_option("--on-error", input->on_error,
                      "fail: stop at the first bad document, line or file (exit 1; default); skip: report each "
                      "on stderr, skip it and go on (exit 0, the summary counts them)")
      ->check(CLI::IsMember({"fail", "skip"}));
  command->add_option("--max-document-bytes", input->max_document_bytes,
                      "skip larger documents (a .txt file, a .jsonl line) with a warning; 0: up to 4 GiB "
                      "(default 52428800, 50 MB)");
}

// How a long run behaves: its summary line and its threads (extract and build).
void AddRunOptions(CLI::App* command, bool* quiet, unsigned* threads) {
  command->add_flag("-q,--quiet", *quiet, "no summary line on stderr");
  command->add_option("--threads", *threads,
                      "documents processed at once (default: every core); the output is the same for any number")
      ->check(CLI::Range(1u, 1024u));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"eventgraph: builds an actor-event graph from news text.\n"
               "Gazetteers find who is mentioned; RE2 rules find who did what to whom, where and when."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "eventgraph 0.1.0");

  eg::ExtractCommand extract;
  CLI::App* extract_app = app.add_subcommand("extract", "extract events as JSON Lines (one event per line)");
  extract_app->add_option("-o,--output", extract.output, "write events here instead of stdout");
  AddRunOptions(extract_app, &extract.quiet, &extract.threads);
  AddInputOptions(extract_app, &extract.input);
  AddPackOptions(extract_app, &extract.packs);

  eg::BuildCommand build;
  CLI::App* build_app = app.add_subcommand(
      "build", "extract, merge into a graph and export (.graphml and .gexf for Gephi, .jsonld and .nq for RDF "
               "stores, DIR/ for Neo4j and Kuzu CSV, .jsonl for the event stream)");
  build_app->add_option("-o,--output", build.outputs,
                        "output file (or DIR/ for CSV); repeatable; format from the extension")
      ->required()
      ->allow_extra_args(false);
  build_app->add_option("--format", build.formats,
                        "graphml, gexf, jsonld, nquads, csv or jsonl: once for every output, or once per -o "
                        "in order")
      ->check(CLI::IsMember(eg::ExportFormatNames()))
      ->allow_extra_args(false);
  build_app->add_option("--edges", build.edges,
                        "aggregate: one edge per (subject, relation, object) (default); events: one edge per "
                        "event (GraphML, GEXF, CSV)")
      ->check(CLI::IsMember({"aggregate", "events"}));
  AddRunOptions(build_app, &build.quiet, &build.threads);
  AddInputOptions(build_app, &build.input);
  AddPackOptions(build_app, &build.packs);

  eg::GraphStatsCommand graph_stats;
  CLI::App* stats_app = app.add_subcommand(
      "stats", "summarize the actor network of INPUT: top actors by degree and betweenness, connected "
               "components, events per CAMEO root and per month");
  stats_app->add_option("--top", graph_stats.top, "actors and components listed per ranking (default 10)");
  bool pack_stats = false;
  stats_app->add_flag("--packs", pack_stats,
                      "instead: what the loaded packs hold (entities by type, roles, agents, rules per CAMEO root, "
                      "rules the prefilter cannot narrow)");
  AddInputOptions(stats_app, &graph_stats.input);
  AddPackOptions(stats_app, &graph_stats.packs);

  eg::SuggestCommand suggest;
  CLI::App* suggest_app = app.add_subcommand(
      "suggest", "list the people INPUT mentions that the gazetteers lack, as a gazetteer pack to paste "
                 "(most mentioned first, with counts and example sentences)");
  suggest_app->add_option("--min-mentions", suggest.min_mentions, "leave out names seen fewer times (default 1)");
  AddInputOptions(suggest_app, &suggest.input);
  AddPackOptions(suggest_app, &suggest.packs);

  eg::TestRulesCommand test_rules;
  CLI::App* test_app = app.add_subcommand(
      "test-rules", "run the test sentences of rule packs; prints 'N passed, N failed'");
  test_app->add_option("PACK", test_rules.packs_to_test,
                       "rule packs to test (loaded after the defaults); none: test every loaded rule")
      ->check(CLI::ExistingFile);
  test_app->add_flag("-v,--verbose", test_rules.verbose, "list passing rules too");
  AddPackOptions(test_app, &test_rules.packs);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsageError;
  }

  auto usage = [](const std::string& message) {
    std::cerr << "eventgraph: " << message << "\nRun with --help for more information.\n";
    return kUsageError;
  };
  // Input errors are reported by the commands themselves (exit 1). What else can escape — memory
  // exhausted, a file system error — is reported here, never as a crash; outputs stay as they were.
  try {
    if (*extract_app) {
      if (extract.input.empty()) return usage("extract: give at least one INPUT (or --sample)");
      return eg::RunExtract(extract);
    }
    if (*build_app) {
      if (build.input.empty()) return usage("build: give at least one INPUT (or --sample)");
      if (build.formats.size() > 1 && build.formats.size() != build.outputs.size()) {
        return usage("build: give --format once, or once per -o");
      }
      return eg::RunBuild(build);
    }
    if (*stats_app && pack_stats) return eg::RunPackStats(graph_stats.packs);
    if (*suggest_app) {
      if (suggest.input.empty()) return usage("suggest: give at least one INPUT (or --sample)");
      return eg::RunSuggest(suggest);
    }
    if (*stats_app) {
      if (graph_stats.input.empty()) return usage("stats: give at least one INPUT (or --sample)");
      return eg::RunGraphStats(graph_stats);
    }
    return eg::RunTestRules(test_rules);
  } catch (const std::bad_alloc&) {
    std::cerr << "eventgraph: out of memory\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "eventgraph: " << error.what() << "\n";
    return 1;
  }
}
