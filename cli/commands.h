// The eventgraph subcommands, behind the argument parsing in main.cc.
//
// Each Run* function does one job end to end and returns the process exit code: 0 on success, 1 on an
// input error (after printing the InputError to stderr). Usage errors (exit 2) are caught by main.cc
// before these run.
#ifndef EVENTGRAPH_CLI_COMMANDS_H_
#define EVENTGRAPH_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace eg {

// Options every command that extracts shares.
struct PackOptions {
  std::vector<std::string> gazetteers;
  std::vector<std::string> rules;
  bool no_defaults = false;
};

struct ExtractCommand {
  PackOptions packs;
  std::vector<std::string> inputs;  // files, directories, "-"
  bool sample = false;              // add the embedded sample text as an input
  std::string date;                 // default document date, YYYY-MM-DD or empty
  std::string output;               // events JSON Lines; empty for stdout
  bool quiet = false;
};

struct BuildCommand {
  PackOptions packs;
  std::vector<std::string> inputs;
  bool sample = false;
  std::string date;
  std::vector<std::string> outputs;
  std::vector<std::string> formats;  // none, one for all outputs, or one per output
  bool quiet = false;
};

struct TestRulesCommand {
  PackOptions packs;
  std::vector<std::string> packs_to_test;  // rule files whose tests run; empty: every loaded rule
  bool verbose = false;
};

int RunExtract(const ExtractCommand& command);
int RunBuild(const BuildCommand& command);
int RunTestRules(const TestRulesCommand& command);

}  // namespace eg

#endif  // EVENTGRAPH_CLI_COMMANDS_H_
