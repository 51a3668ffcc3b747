#include "export/xml_text.h"

#include "extract/utf8.h"

namespace eg {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsNmtokenByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == ':';
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  size_t invalid = FindInvalidUtf8(text);  // offset of the next ill-formed byte, or npos
  size_t pos = 0;
  while (pos < text.size()) {
    if (pos == invalid) {
      out->append(kReplacement);
      ++pos;
      const size_t next = FindInvalidUtf8(text.substr(pos));
      invalid = next == std::string_view::npos ? next : pos + next;
      continue;
    }
    size_t length = 0;
    const char32_t cp = DecodeUtf8(text, pos, &length);
    switch (cp) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      case '\t': out->append("&#9;"); break;
      case '\n': out->append("&#10;"); break;
      case '\r': out->append("&#13;"); break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
          out->append(kReplacement);
        } else {
          out->append(text.substr(pos, length));
        }
    }
    pos += length;
  }
}

std::string ToNmtoken(std::string_view text) {
  if (text.empty()) return "_";
  std::string token(text);
  for (char& c : token) {
    if (!IsNmtokenByte(c)) c = '_';
  }
  return token;
}

}  // namespace eg
