#include "extract/rule_pattern.h"

#include <algorithm>
#include <array>

#include "extract/ascii_case.h"
#include "extract/utf8.h"

namespace eg {
namespace {

constexpr int kMaxMacroDepth = 16;

bool IsUpperName(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsLowerName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

// The type letters a slot type admits, or empty for an unknown type.
std::string LettersOf(std::string_view type) {
  // K is a place that stands for an actor (a capital, the Kremlin): it is both.
  if (type == "ACTOR") return "POGCK";
  if (type == "PLACE") return "TRLXCK";
  if (type == "ANY") return "POGCTRLXK";
  EntityType entity_type;
  if (!ParseEntityType(type, &entity_type)) return {};
  std::string letters(1, EntityTypeLetter(entity_type));
  if (entity_type == EntityType::kCity || entity_type == EntityType::kLandmark) letters += 'K';
  return letters;
}

bool Expand(std::string_view pattern, const RuleMacros& macros, int depth, std::string* out, std::string* error) {
  if (depth > kMaxMacroDepth) {
    *error = "macros nest too deeply (a macro that uses itself?)";
    return false;
  }
  // Whether pattern[i] is inside a character class, as RE2 parses one: "[" opens it, a "]" that is not
  // its first member ("[]a]", "[^]a]") closes it, and "[:alpha:]" inside it is one member. Or inside
  // \Q...\E, literal text (this ends it at a "\E" no earlier than RE2 does).
  bool in_class = false, in_quote = false;
  size_t class_members_from = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (in_quote) {
      if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'E') in_quote = false;
    } else if (!in_class && c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') {
      in_quote = true;
    } else if (!in_class && c == '[') {
      in_class = true;
      class_members_from = i + 1 + (i + 1 < pattern.size() && pattern[i + 1] == '^');
    } else if (in_class && c == ']' && i > class_members_from) {
      in_class = false;
    } else if (in_class && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      const size_t close = pattern.find(":]", i + 2);
      if (close != std::string_view::npos) {
        out->append(pattern.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      out->push_back(c);
      out->push_back(pattern[++i]);
      // \p{L}, \P{Lu}, \x{A0}: RE2's braces, not a macro, even when they hold an upper-case name.
      const char escaped = pattern[i];
      if ((escaped == 'p' || escaped == 'P' || escaped == 'x') && i + 1 < pattern.size() &&
          pattern[i + 1] == '{') {
        size_t close = pattern.find('}', i + 1);
        if (close == std::string_view::npos) close = pattern.size() - 1;
        out->append(pattern.substr(i + 1, close - i));
        i = close;
      }
      continue;
    }
    if (c != '{') {
      out->push_back(c);
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) {
      out->push_back(c);
      continue;
    }
    std::string_view inside = pattern.substr(i + 1, close - i - 1);
    size_t colon = inside.find(':');
    if (colon != std::string_view::npos && IsLowerName(inside.substr(0, colon))) {
      std::string_view slot = inside.substr(0, colon);
      std::string_view type = inside.substr(colon + 1);
      if (slot != "subject" && slot != "object" && slot != "location") {
        *error = "unknown slot \"" + std::string(slot) + "\" (slots: subject, object, location)";
        return false;
      }
      std::string letters = LettersOf(type);
      if (letters.empty()) {
        *error = "unknown slot type \"" + std::string(type) +
                 "\" (types: ACTOR, PLACE, ANY, PERSON, ORGANIZATION, GROUP, COUNTRY, CITY, REGION, "
                 "LANDMARK)";
        return false;
      }
      *out += "\\x01(?P<" + std::string(slot) + ">[" + letters + "][0-9]+)\\x02";
    } else if (inside == "ENTITY") {
      *out += "\\x01[A-Z][0-9]+\\x02";
    } else if (IsUpperName(inside)) {
      auto macro = macros.find(inside);
      if (macro == macros.end()) {
        *error = "unknown macro {" + std::string(inside) + "}";
        return false;
      }
      *out += "(?:";
      if (!Expand(macro->second, macros, depth + 1, out, error)) return false;
      *out += ")";
    } else {
      out->push_back(c);  // a repetition such as {2,3}: RE2's business
      continue;
    }
    i = close;
  }
  return true;
}

}  // namespace

bool ExpandRulePattern(std::string_view pattern, const RuleMacros& macros, std::string* expanded, std::string* error) {
  expanded->clear();
  return Expand(pattern, macros, 0, expanded, error);
}

namespace {

// What SentenceView::Build does with an ASCII byte of the sentence: copies it, or reads it as a space (so
// that the text cannot forge a mention marker, "\x01" and "\x02" are spaces too). kOther: a byte of a
// longer UTF-8 sequence, decoded.
enum ViewByte : uint8_t { kCopy, kSpace, kOther };
constexpr std::array<ViewByte, 256> kViewBytes = [] {
  std::array<ViewByte, 256> kinds{};
  for (char c : {' ', '\t', '\n', '\r', '\x01', '\x02'}) kinds[static_cast<unsigned char>(c)] = kSpace;
  for (size_t byte = 0x80; byte < 256; ++byte) kinds[byte] = kOther;
  return kinds;
}();

}  // namespace

void SentenceView::Build(const Document& doc, uint32_t s, size_t first_mention, size_t end_mention) {
  const Span span = doc.sentences[s].span;
  const std::string_view full = doc.text;
  // Room for the worst case (every byte kept, every mention a marker of up to 24 bytes), written through
  // a pointer and cut to size at the end: no capacity check per byte.
  const size_t room = span.end - span.begin + (end_mention - first_mention) * 24;
  if (text_.size() < room) text_.resize(room);
  markers_.clear();
  segments_.clear();
  char* out = text_.data();
  size_t n = 0;
  // The document offset the next byte has if it continues the last segment; none after a marker.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t continues_at = kNone;
  auto put = [&](char c, size_t at) {
    if (at != continues_at) segments_.push_back({static_cast<uint32_t>(n), static_cast<uint32_t>(at), false});
    continues_at = at + 1;
    out[n++] = c;
  };
  auto last_is_space = [&] { return n > 0 && out[n - 1] == ' '; };
  size_t mention = first_mention;
  size_t next_mention_at = mention < end_mention ? doc.mentions[mention].span.begin : span.end;
  size_t pos = span.begin;
  while (pos < span.end) {
    if (pos == next_mention_at) {
      const Mention& m = doc.mentions[mention];
      markers_.push_back(static_cast<uint32_t>(n));
      segments_.push_back({static_cast<uint32_t>(n), static_cast<uint32_t>(pos), true});
      out[n++] = '\x01';
      out[n++] = m.entity->stands_for ? 'K' : EntityTypeLetter(m.entity->type);
      char digits[20];
      int count = 0;
      for (size_t i = mention; count == 0 || i > 0; i /= 10) digits[count++] = static_cast<char>('0' + i % 10);
      while (count > 0) out[n++] = digits[--count];
      out[n++] = '\x02';
      continues_at = kNone;
      pos = m.span.end;
      ++mention;
      next_mention_at = mention < end_mention ? doc.mentions[mention].span.begin : span.end;
      continue;
    }
    // Most bytes: copied up to the next mention or the next byte that is not.
    if (kViewBytes[static_cast<unsigned char>(full[pos])] == kCopy) {
      if (pos != continues_at) segments_.push_back({static_cast<uint32_t>(n), static_cast<uint32_t>(pos), false});
      do {
        out[n++] = full[pos++];
      } while (pos < next_mention_at && kViewBytes[static_cast<unsigned char>(full[pos])] == kCopy);
      continues_at = pos;
      continue;
    }
    if (kViewBytes[static_cast<unsigned char>(full[pos])] == kSpace) {
      if (!last_is_space()) put(' ', pos);
      ++pos;
      continue;
    }
    size_t len;
    const char32_t cp = DecodeUtf8(full, pos, &len);
    const bool space = cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
    if (space) {
      if (!last_is_space()) put(' ', pos);
    } else if (cp == 0x2018 || cp == 0x2019) {
      put('\'', pos);
    } else if (cp == 0x201C || cp == 0x201D) {
      put('"', pos);
    } else if (cp == 0x2013 || cp == 0x2014) {
      put('-', pos);
    } else {
      for (size_t k = 0; k < len; ++k) put(full[pos + k], pos + k);
    }
    pos += len;
  }
  segments_.push_back({static_cast<uint32_t>(n), span.end, true});
  text_.resize(n);
  lower_text_.assign(text_);
  LowerAsciiInPlace(lower_text_.data(), lower_text_.size());
}

size_t SentenceView::DocumentOffset(size_t at) const {
  // The last segment that starts at or before at (the first starts at 0).
  const auto after = std::upper_bound(segments_.begin(), segments_.end(), at,
                                      [](size_t offset, const Segment& segment) { return offset < segment.begin; });
  const Segment& segment = *(after - 1);
  return segment.constant ? segment.document_begin : segment.document_begin + (at - segment.begin);
}

Span SentenceView::Original(size_t begin, size_t end) const {
  while (begin < end && text_[begin] == ' ') ++begin;
  while (end > begin && text_[end - 1] == ' ') --end;
  // The view covers the sentence contiguously (only runs of spaces collapse, and those were trimmed), so
  // the offset of the byte after the match is where the match ends in the document.
  return {static_cast<uint32_t>(DocumentOffset(begin)), static_cast<uint32_t>(DocumentOffset(end))};
}

}  // namespace eg
