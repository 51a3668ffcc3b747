// PrefilterPatterns: the pattern RulePack's prefilter compiles for a rule, in place of the rule's own.
//
// The prefilter (FilteredRE2, rule_pack.h) reduces a pattern to literal atoms, one of which every match
// contains, and RE2 does that from the parsed pattern at every start of the program. Most of a rule's
// pattern adds no atom: optional words ("(?:the |a )?"), "any word but ...", lists of short words. The
// relaxed pattern reads such parts as "(?s:.*)". It matches every string the rule's pattern matches, so
// the prefilter still admits every rule that can match a sentence; its atoms are those of the rule's
// pattern, or nearly (a macro read as "(?s:.*)" no longer lengthens its neighbours' atoms); and it is a
// fraction of the size. What becomes "(?s:.*)":
//
//   - a group that may match nothing: "(...)?", "(...)*", "(...){0,n}" (WidenOptionalGroups);
//   - a macro whose own relaxed pattern has no atom of at least min_atom_length bytes, asked of RE2's
//     FilteredRE2 itself. Only macros a rule still needs once its optional groups are gone are asked.
//
// Macros are read this way only when the rule's text and every macro it uses are self-contained:
// balanced parentheses, every class and \Q...\E closed, no macro inside one. A macro such as "a)(b"
// could pair with the parentheses around it, and a class left open ("pok[s at") goes on over the text
// after the macro; for such a rule only the optional groups of its whole expansion are dropped.
//
// Usage, for one pack: PrefilterPatterns relax(macros, 3, &verdicts); relax.Relax(rule.pattern).
// Not thread-safe.
#ifndef EVENTGRAPH_EXTRACT_PREFILTER_PATTERN_H_
#define EVENTGRAPH_EXTRACT_PREFILTER_PATTERN_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/rule_pattern.h"

namespace eg {

class PrefilterPatterns {
 public:
  // macros must outlive this. verdicts remembers, by relaxed macro text, whether it has no atom: packs
  // share many macros, so one map may serve them all.
  PrefilterPatterns(const RuleMacros& macros, int min_atom_length, std::unordered_map<std::string, bool>* verdicts);

  // The relaxed pattern of a rule pattern that ExpandRulePattern expands without error (with macros).
  std::string Relax(std::string_view pattern);

 private:
  bool SelfContained(const std::string& name, int depth);
  // Whether text is self-contained and so is every macro it uses (depth: of text's own macro, or -1).
  bool TextAndMacrosSelfContained(std::string_view text, int depth);
  const std::string& RelaxedMacro(size_t index);

  const RuleMacros& macros_;
  const int min_atom_length_;
  std::unordered_map<std::string, bool>* verdicts_;
  std::map<std::string, size_t, std::less<>> index_;  // macro name -> index in the vectors below
  std::vector<const std::string*> names_;
  std::vector<int> self_contained_;  // -1 unknown, 0 no, 1 yes
  std::vector<std::optional<std::string>> relaxed_;  // what each macro becomes, once asked for
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_PREFILTER_PATTERN_H_
