#include "extract/coordination.h"

#include <algorithm>

namespace eg {
namespace {

enum class Separator { kNone, kComma, kConjunction };

Separator SeparatorAt(const Document& doc, uint32_t token) {
  const std::string_view text = doc.Text(doc.tokens[token].span);
  if (text == ",") return Separator::kComma;
  if (text == "and" || text == "or") return Separator::kConjunction;
  return Separator::kNone;
}

// The separator between two mentions, by the tokens between them: ",", "and", "or", ", and", ", or".
// kNone for anything else.
Separator Between(const Document& doc, const Mention& left, const Mention& right) {
  const uint32_t first = left.first_token + left.token_count;
  const uint32_t count = right.first_token - first;
  if (count == 1) return SeparatorAt(doc, first);
  if (count == 2 && SeparatorAt(doc, first) == Separator::kComma &&
      SeparatorAt(doc, first + 1) == Separator::kConjunction) {
    return Separator::kConjunction;
  }
  return Separator::kNone;
}

bool SameKind(const Mention& a, const Mention& b) {
  return a.entity->type == b.entity->type && a.entity != b.entity && a.sentence == b.sentence;
}

}  // namespace

void CoordinatedMentions(const Document& doc, size_t m, std::vector<size_t>* members) {
  members->assign(1, m);
  const Mention& self = doc.mentions[m];
  // Walk left over ", X" and walk right over ", X" up to a closing "and X".
  size_t first = m;
  bool conjunction = false;
  while (first > 0 && SameKind(doc.mentions[first - 1], self)) {
    Separator separator = Between(doc, doc.mentions[first - 1], doc.mentions[first]);
    if (separator == Separator::kNone) break;
    // Left of the mention, a conjunction may only be the one right before it ("A, B and [C]").
    if (separator == Separator::kConjunction && first != m) break;
    conjunction = conjunction || separator == Separator::kConjunction;
    --first;
  }
  size_t last = m;
  while (!conjunction) {
    if (last + 1 >= doc.mentions.size() || !SameKind(doc.mentions[last + 1], self)) break;
    Separator separator = Between(doc, doc.mentions[last], doc.mentions[last + 1]);
    if (separator == Separator::kNone) break;
    ++last;
    if (separator == Separator::kConjunction) {
      conjunction = true;
      break;
    }
  }
  const size_t size = last - first + 1;
  if (size < 2 || (!conjunction && size < 3)) return;
  members->clear();
  for (size_t i = first; i <= last; ++i) {
    // A list names each member once.
    const Entity* entity = doc.mentions[i].entity;
    bool repeated = std::any_of(members->begin(), members->end(),
                                [&](size_t k) { return doc.mentions[k].entity == entity; });
    if (!repeated) members->push_back(i);
  }
}

}  // namespace eg
