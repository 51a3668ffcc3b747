// Fuzzes the rule compiler: slot and macro expansion (extract/rule_pattern.h), then RE2 on the result,
// the rule prefilter's reading of it (extract/atom_filter.h) and its slot probes (extract/slot_probes.h).
//
// Input: zero or more macro lines "NAME=body" then, after the first line without '=', the pattern (the
// rest of the input). An expansion either fails with a message or yields a pattern that RE2 compiles or
// rejects; nothing may crash or loop. The prefilter must admit the rule for every text RE2 matches it in:
// a sample sentence with mention markers, and the input itself. Wherever RE2 matches at a marker, the slot
// probes, when they answer, must put in each slot the marker RE2's captures do. Where the pattern can be
// rewritten to match lower-cased text (extract/lower_case_pattern.h), the rewritten pattern must compile
// and match the lowered text where the pattern matches the text, with the same bounds.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <array>
#include <map>
#include <memory>
#include <vector>
#include <string>
#include <string_view>

#include "extract/ascii_case.h"
#include "extract/atom_filter.h"
#include "extract/lower_case_pattern.h"
#include "extract/rule_pattern.h"
#include "extract/slot_probes.h"
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

  const std::unique_ptr<eg::SlotProbes> probes = eg::SlotProbes::Make(expanded, options);
  std::vector<re2::StringPiece> groups(static_cast<size_t>(regex.NumberOfCapturingGroups()) + 1);
  auto check_probes = [&](std::string_view text) {
    std::vector<uint32_t> markers;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\x01') markers.push_back(static_cast<uint32_t>(i));
    }
    for (uint32_t at : markers) {
      if (!regex.Match(text, at, text.size(), RE2::ANCHOR_START, groups.data(), static_cast<int>(groups.size()))) {
        continue;
      }
      const size_t end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      std::array<uint32_t, eg::kSlotCount> filled;
      if (!probes->Fill(text, at, end, markers, &filled)) continue;
      for (size_t slot = 0; slot < eg::kSlotCount; ++slot) {
        uint32_t captured = eg::SlotProbes::kEmpty;
        for (const auto& [index, name] : regex.CapturingGroupNames()) {
          const re2::StringPiece& piece = groups[static_cast<size_t>(index)];
          if (name == eg::kSlotNames[slot] && piece.data() != nullptr && captured == eg::SlotProbes::kEmpty) {
            captured = static_cast<uint32_t>(piece.data() - text.data() - 1);
          }
        }
        if (filled[slot] != captured) std::abort();
      }
    }
  };

  std::string rewritten;
  std::unique_ptr<RE2> lowered;
  if (eg::LowerCasePattern(expanded, &rewritten)) {
    RE2::Options lowered_options = options;
    lowered_options.set_case_sensitive(true);
    lowered = std::make_unique<RE2>(rewritten, lowered_options);
    if (!lowered->ok() && lowered->error_code() != RE2::ErrorPatternTooLarge) std::abort();
    if (!lowered->ok()) lowered.reset();
  }
  auto check_lowered = [&](std::string_view text) {
    // "(?i)" matches s and k to U+017F and U+212A as well; the rewritten pattern does not (documented).
    if (text.find("\xC5\xBF") != std::string_view::npos || text.find("\xE2\x84\xAA") != std::string_view::npos) return;
    std::string lower(text);
    eg::LowerAsciiInPlace(lower.data(), lower.size());
    re2::StringPiece a, b;
    const bool found = regex.Match(text, 0, text.size(), RE2::UNANCHORED, &a, 1);
    if (found != lowered->Match(lower, 0, lower.size(), RE2::UNANCHORED, &b, 1)) std::abort();
    if (found && (a.data() - text.data() != b.data() - lower.data() || a.size() != b.size())) std::abort();
  };

  eg::AtomFilter filter;
  filter.Add(expanded);
  filter.Compile();
  std::vector<int> admitted;
  for (std::string_view text : {std::string_view("Kerry met \x01P0\x02 in \x01T1\x02 on Tuesday."),
                                std::string_view("\x01P0\x02 met \x01O1\x02, \x01P2\x02 and \x01G3\x02 in \x01" "C4\x02 at \x01L5\x02."),
                                whole_input}) {
    // Sentences are valid UTF-8 by the time rules see them (document_reader.h).
    if (eg::FindInvalidUtf8(text) != std::string_view::npos) continue;
    if (lowered) check_lowered(text);
    if (!RE2::PartialMatch(text, regex)) continue;
    if (probes) check_probes(text);
    filter.Candidates(text, &admitted);
    if (admitted != std::vector<int>{0}) std::abort();
  }
  return 0;
}
