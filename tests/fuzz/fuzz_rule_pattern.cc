// Fuzzes the rule compiler: slot and macro expansion (extract/rule_pattern.h), then RE2 on the result,
// and the rule prefilter's reading of it (extract/atom_filter.h).
//
// Input: zero or more macro lines "NAME=body" then, after the first line without '=', the pattern (the
// rest of the input). An expansion either fails with a message or yields a pattern that RE2 compiles or
// rejects; nothing may crash or loop. The prefilter must admit the rule for every text RE2 matches it in:
// a sample sentence with mention markers, and the input itself.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <vector>
#include <string>
#include <string_view>

#include "extract/atom_filter.h"
#include "extract/rule_pattern.h"
#include "extract/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view whole_input = input;
  std::map<std::string, std::string, std::less<>> macros;
  for (;;) {
    const size_t newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    const size_t equals = line.find('=');
    if (newline == std::string_view::npos || equals == std::string_view::npos) break;
    macros[std::string(line.substr(0, equals))] = std::string(line.substr(equals + 1));
    input.remove_prefix(newline + 1);
  }
  std::string expanded, error;
  if (!eg::ExpandRulePattern(input, macros, &expanded, &error)) {
    if (error.empty()) std::abort();  // a failure must say why
    return 0;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  RE2 regex(expanded, options);
  if (!regex.ok()) return 0;

  eg::AtomFilter filter;
  filter.Add(expanded);
  filter.Compile();
  std::vector<int> admitted;
  for (std::string_view text : {std::string_view("Kerry met \x01P0\x02 in \x01T1\x02 on Tuesday."), whole_input}) {
    // Sentences are valid UTF-8 by the time rules see them (document_reader.h).
    if (eg::FindInvalidUtf8(text) != std::string_view::npos || !RE2::PartialMatch(text, regex)) continue;
    filter.Candidates(text, &admitted);
    if (admitted != std::vector<int>{0}) std::abort();
  }
  return 0;
}
