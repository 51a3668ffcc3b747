// Running the test sentences that rule packs carry ("tests" in schemas/rules.schema.json).
//
// Each test is a sentence and the events its rule must produce from it: the sentence goes through the
// Extractor's tokenizer and gazetteers and then through that rule alone (so no other rule's event can
// hide or stand in for its own), and the events it produced must be exactly the expected ones, compared by subject, object and location ids, and by polarity where the test gives one.
// For a symmetric rule, subject and object may come in either order. A test with "events": [] passes
// when its rule produces nothing from the sentence. This is how a pack author checks a rule does what it
// should and nothing more, and how CI checks the default pack.
#ifndef EVENTGRAPH_EXTRACT_RULE_TESTS_H_
#define EVENTGRAPH_EXTRACT_RULE_TESTS_H_

#include <string>
#include <vector>

#include "extract/extract.h"

namespace eg {

struct RuleTestFailure {
  const Rule* rule;
  const RuleTest* test;
  size_t line;  // the test's line in rule->file
  std::vector<std::string> expected;  // readable events: "person:john_kerry -met-> person:sergei_lavrov @ city:geneva"
  std::vector<std::string> produced;
};

struct RuleTestReport {
  size_t passed = 0;
  std::vector<RuleTestFailure> failures;
};

// Runs the tests of every rule of extractor whose file is one of files (all rules when files is empty).
// First compiles every rule (RulePack::CompileEveryRule): throws std::runtime_error for one that does not.
RuleTestReport RunRuleTests(const Extractor& extractor, const std::vector<std::string>& files);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_RULE_TESTS_H_
