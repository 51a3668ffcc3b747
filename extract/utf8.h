// UTF-8 decoding for the tokenizer and the readers.
//
// The tokenizer walks text one code point at a time; these helpers decode without allocating and never
// read past the end. Readers call FindInvalidUtf8 once per document so that everything later may assume
// valid UTF-8.
#ifndef EVENTGRAPH_EXTRACT_UTF8_H_
#define EVENTGRAPH_EXTRACT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eg {

// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point that starts at text[pos] and stores its length in *length. Text must be valid
// UTF-8 (see FindInvalidUtf8); pos must be < text.size().
inline char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  unsigned char c = s[0];
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  if (c < 0xE0) {
    *length = 2;
    return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  }
  if (c < 0xF0) {
    *length = 3;
    return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  }
  *length = 4;
  return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

// Appends the UTF-8 encoding of code point cp to out.
template <typename String>
void AppendUtf8(char32_t cp, String* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_UTF8_H_
