// The two halves of rule matching that meet in the middle: the text a rule sees (SentenceView) and the
// pattern it is written in (ExpandRulePattern).
//
// SentenceView renders one sentence with every mention replaced by a marker, "\x01" + the entity type's
// letter + the mention's index in Document::mentions + "\x02", and the text normalised (see
// rule_pack.h). A slot such as {object:ACTOR} expands to a capture of such a marker,
// "\x01(?P<object>[POGC][0-9]+)\x02", so the regex engine never sees a name, only its type.
#ifndef EVENTGRAPH_EXTRACT_RULE_PATTERN_H_
#define EVENTGRAPH_EXTRACT_RULE_PATTERN_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace eg {

using RuleMacros = std::map<std::string, std::string, std::less<>>;

// Expands slots and macros in pattern. On failure returns false and says why in *error.
bool ExpandRulePattern(std::string_view pattern, const RuleMacros& macros, std::string* expanded, std::string* error);

// The normalised, marker-substituted text of one sentence, with a map back to document offsets. Reused
// across sentences: Build() keeps its buffers' capacity.
class SentenceView {
 public:
  // Renders sentence s of doc; mentions [first_mention, end_mention) are the sentence's mentions.
  void Build(const Document& doc, uint32_t s, size_t first_mention, size_t end_mention);

  const std::string& text() const { return text_; }
  // text() with its ASCII capitals lower-cased, the type letters of mention markers too: what the rules
  // that ignore case match (lower_case_pattern.h). As long as text(), byte for byte.
  const std::string& lower_text() const { return lower_text_; }
  // The offsets in text() of the mention markers ('\x01'), ascending.
  const std::vector<uint32_t>& markers() const { return markers_; }

  // The document span of the view's bytes [begin, end), trimmed of surrounding spaces.
  Span Original(size_t begin, size_t end) const;

 private:
  // The document offset of byte at of text_ (at == text_.size(): the sentence's end).
  size_t DocumentOffset(size_t at) const;

  // The view's bytes map back to the document in segments: from begin on, byte begin + i of text_ is at
  // document offset document_begin + i, or at document_begin for all of them when constant (the bytes of
  // a marker). A new segment starts where that stops holding: at a marker, after one, after a run of
  // spaces read as one, after a character written as another ("’" as "'"). A last, empty one ends the
  // text at the sentence's end.
  struct Segment {
    uint32_t begin;
    uint32_t document_begin;
    bool constant;
  };

  std::string text_;
  std::string lower_text_;
  std::vector<Segment> segments_;
  std::vector<uint32_t> markers_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_RULE_PATTERN_H_
