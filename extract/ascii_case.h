// ASCII lower-casing, a byte or eight bytes at a time, for the word hash (token_trie.h), the lowered text
// rules match (rule_pattern.h) and the readers of rule patterns; and the tests for non-ASCII bytes, and
// for letters and digits (the tokenizer's words), in a word of eight. Bytes other than 'A'-'Z', UTF-8 lead and continuation bytes among them, are kept, so
// the result is as long as the input and valid UTF-8 when it was.
#ifndef EVENTGRAPH_EXTRACT_ASCII_CASE_H_
#define EVENTGRAPH_EXTRACT_ASCII_CASE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eg {

// c lower-cased if it is 'A'-'Z', else c.
inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// Whether any of the eight bytes of word is 0x80 or above (in either byte order).
inline bool HasNonAsciiByte(uint64_t word) { return (word & 0x8080808080808080u) != 0; }

// Word with its bytes 'A'-'Z' lower-cased, whatever its other bytes.
inline uint64_t LowerAsciiWord(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = kOnes * 0x80;
  const uint64_t low7 = word & ~kHigh;                        // no byte carries into the next below
  const uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');    // high bit set where the byte's low 7 >= 'A'
  const uint64_t above_z = low7 + kOnes * (0x80 - 'Z' - 1);   // ... > 'Z'
  const uint64_t capitals = at_least_a & ~above_z & ~word & kHigh;  // and the byte is below 0x80
  return word | (capitals >> 2);  // 0x80 >> 2 is 0x20, 'a' - 'A'
}

// The bytes of word that are ASCII letters or digits, as their high bit (0x80) set, the others 0.
inline uint64_t LetterOrDigitBytes(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = kOnes * 0x80;
  const uint64_t low7 = word & ~kHigh;  // no byte carries into the next below
  // High bit set where low (the low 7 bits of each byte) lies in [first, last].
  auto within = [&](uint64_t low, unsigned first, unsigned last) {
    return (low + kOnes * (0x80 - first)) & ~(low + kOnes * (0x80 - last - 1)) & kHigh;
  };
  // A letter of either case is 'a'-'z' with the 0x20 bit set.
  return (within(low7 | (kOnes * 0x20), 'a', 'z') | within(low7, '0', '9')) & ~word;
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
