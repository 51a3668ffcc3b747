// ASCII lower-casing, a byte or eight bytes at a time, for the word hash (token_trie.h), the lowered text
// rules match (rule_pattern.h) and the readers of rule patterns; the tests for non-ASCII bytes, and for
// letters and digits (the tokenizer's words), in a word of eight; and the load of such a word. Bytes
// other than 'A'-'Z', UTF-8 lead and continuation bytes among them, are kept, so the result is as long as
// the input and valid UTF-8 when it was.
#ifndef EVENTGRAPH_EXTRACT_ASCII_CASE_H_
#define EVENTGRAPH_EXTRACT_ASCII_CASE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eg {

// c lower-cased if it is 'A'-'Z', else c.
inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// Eight bytes at p as a little-endian word: byte k is bits 8k..8k+7, whatever the machine's order.
inline uint64_t LoadLittleEndian(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  return word;
}

// Whether any of the eight bytes of word is 0x80 or above (in either byte order).
inline bool HasNonAsciiByte(uint64_t word) { return (word & 0x8080808080808080u) != 0; }

// For a word whose bytes are all below 0x80: the high bit (0x80) of each byte set where the byte lies in
// [first, last] (1 <= first <= last < 0x80, so that no byte carries into the next), the other bits 0.
inline uint64_t BytesWithin(uint64_t low7, unsigned first, unsigned last) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  return (low7 + kOnes * (0x80 - first)) & ~(low7 + kOnes * (0x80 - last - 1)) & (kOnes * 0x80);
}

// Word with its bytes 'A'-'Z' lower-cased, whatever its other bytes.
inline uint64_t LowerAsciiWord(uint64_t word) {
  constexpr uint64_t kHigh = 0x8080808080808080u;
  // Tested on the low 7 bits of each byte, then kept where the byte itself is below 0x80.
  const uint64_t capitals = BytesWithin(word & ~kHigh, 'A', 'Z') & ~word;
  return word | (capitals >> 2);  // 0x80 >> 2 is 0x20, 'a' - 'A'
}

// The bytes of word that are ASCII letters or digits, as their high bit (0x80) set, the others 0.
inline uint64_t LetterOrDigitBytes(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  const uint64_t low7 = word & ~(kOnes * 0x80);
  // A letter of either case is 'a'-'z' with the 0x20 bit set.
  return (BytesWithin(low7 | (kOnes * 0x20), 'a', 'z') | BytesWithin(low7, '0', '9')) & ~word;
}

// Lower-cases the ASCII capitals of text[0, size) in place.
inline void LowerAsciiInPlace(char* text, size_t size) {
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;  // byte order does not matter: each byte is lowered on its own
    std::memcpy(&word, text + i, 8);
    word = LowerAsciiWord(word);
    std::memcpy(text + i, &word, 8);
  }
  for (; i < size; ++i) text[i] = LowerAscii(text[i]);
}

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_ASCII_CASE_H_
