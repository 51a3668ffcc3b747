#include "extract/prefilter_pattern.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

namespace eg {
namespace {

constexpr char kWildcard[] = "(?s:.*)";
// A macro waiting to be relaxed, in a pattern between expansion and WidenOptionalGroups: "(?:\xFF" +
// its index + "\xFE)". The bytes cannot occur in a pack, which is valid UTF-8.
constexpr char kPlaceholderOpen = '\xFF', kPlaceholderClose = '\xFE';

// Whether text, read as RE2 reads it, has balanced parentheses, closes every class and \Q...\E it opens,
// does not end in a lone backslash, and has no "{" (a macro, which would expand as written whatever it
// holds) inside a class or a quote.
bool IsSelfContainedText(std::string_view text) {
  int depth = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 1 >= n) return false;
      if (text[i + 1] == 'Q') {
        const size_t end = text.find("\\E", i + 2);
        if (end == std::string_view::npos || text.substr(i + 2, end - i - 2).find('{') != std::string_view::npos) {
          return false;
        }
        i = end + 2;
      } else {
        i += 2;
      }
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < n && text[j] == '^') ++j;
      if (j < n && text[j] == ']') ++j;
      while (j < n && text[j] != ']') {
        if (text[j] == '\\' && j + 2 < n && (text[j + 1] == 'p' || text[j + 1] == 'P' || text[j + 1] == 'x') &&
            text[j + 2] == '{') {
          const size_t close = text.find('}', j + 2);  // \p{Greek}, \x{A0}
          if (close == std::string_view::npos) return false;
          j = close + 1;
        } else if (text[j] == '\\') {
          j += 2;
        } else if (text[j] == '[' && j + 1 < n && text[j + 1] == ':' && text.find(":]", j + 2) != std::string_view::npos) {
          j = text.find(":]", j + 2) + 2;
        } else if (text[j] == '{') {
          return false;
        } else {
          ++j;
        }
      }
      if (j >= n) return false;
      i = j + 1;
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) return false;
      ++i;
    }
  }
  return depth == 0;
}

}  // namespace

PrefilterPatterns::PrefilterPatterns(const RuleMacros& macros, int min_atom_length,
                                     std::unordered_map<std::string, bool>* verdicts)
    : macros_(macros), min_atom_length_(min_atom_length), verdicts_(verdicts) {
  for (const auto& [name, body] : macros_) {
    index_.emplace(name, names_.size());
    names_.push_back(&name);
  }
  self_contained_.assign(names_.size(), -1);
  relaxed_.resize(names_.size());
}

bool PrefilterPatterns::SelfContained(const std::string& name, int depth) {
  const size_t index = index_.find(name)->second;
  if (self_contained_[index] >= 0) return self_contained_[index] == 1;
  if (depth > 16) return false;  // a macro that uses itself: no rule that expands can use it
  const bool ok = TextAndMacrosSelfContained(macros_.find(name)->second, depth);
  self_contained_[index] = ok ? 1 : 0;
  return ok;
}

bool PrefilterPatterns::TextAndMacrosSelfContained(std::string_view text, int depth) {
  if (!IsSelfContainedText(text)) return false;
  // And so must be every macro it uses ("{NAME}"; an escaped "\{NAME}" too, which costs nothing).
  for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    auto used = index_.find(text.substr(open + 1, close - open - 1));
    if (used != index_.end() && !SelfContained(used->first, depth + 1)) return false;
  }
  return true;
}

std::string PrefilterPatterns::Relax(std::string_view pattern) {
  // Placeholders need the pattern and every macro it uses to be self-contained: a class left open by one
  // ("pok[s at") would go on over the text after it, where a placeholder would then stand inside the
  // class. Otherwise only the optional groups of the whole expansion are dropped, which WidenOptionalGroups
  // reads as RE2 does.
  const bool self_contained = TextAndMacrosSelfContained(pattern, -1);
  if (!self_contained) {
    std::string expanded, error;
    ExpandRulePattern(pattern, macros_, &expanded, &error);
    return WidenOptionalGroups(expanded);
  }
  // Expanded with each macro as a placeholder group, the optional groups are dropped before any macro in
  // them is looked at; the macros left are then relaxed in turn.
  const MacroSubstitute placeholder = [this](std::string_view name, std::string* out) {
    auto it = index_.find(name);
    if (it == index_.end()) return false;
    *out += "(?:";
    *out += kPlaceholderOpen;
    *out += std::to_string(it->second);
    *out += kPlaceholderClose;
    *out += ")";
    return true;
  };
  std::string shallow, error;
  if (!ExpandRulePattern(pattern, macros_, &shallow, &error, &placeholder)) {
    ExpandRulePattern(pattern, macros_, &shallow, &error);  // the same error; the caller reports it
    return shallow;
  }
  const std::string widened = WidenOptionalGroups(shallow);
  std::string relaxed;
  relaxed.reserve(widened.size());
  for (size_t i = 0; i < widened.size(); ++i) {
    if (widened[i] != kPlaceholderOpen) {
      relaxed.push_back(widened[i]);
      continue;
    }
    size_t index = 0;
    for (++i; i < widened.size() && widened[i] != kPlaceholderClose; ++i) index = index * 10 + (widened[i] - '0');
    relaxed += RelaxedMacro(index);
  }
  return relaxed;
}

const std::string& PrefilterPatterns::RelaxedMacro(size_t index) {
  if (relaxed_[index]) return *relaxed_[index];
  relaxed_[index] = kWildcard;  // while it is relaxed: only a macro that uses itself would see this
  std::string relaxed = Relax(macros_.find(*names_[index])->second);
  auto [verdict, is_new] = verdicts_->try_emplace(relaxed, false);
  if (is_new) {
    RE2::Options options;
    options.set_max_mem(int64_t{64} << 20);
    options.set_log_errors(false);
    re2::FilteredRE2 prefilter(min_atom_length_);
    int id = -1;
    if (prefilter.Add(verdict->first, options, &id) == RE2::NoError) {
      std::vector<std::string> atoms;
      prefilter.Compile(&atoms);
      verdict->second = atoms.empty();
    }
  }
  relaxed_[index] = verdict->second ? std::string(kWildcard) : std::move(relaxed);
  return *relaxed_[index];
}

}  // namespace eg
