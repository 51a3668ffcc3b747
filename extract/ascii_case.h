// ASCII lower-casing eight bytes at a time, for the word hash (token_trie.h) and the lowered text rules
// match (rule_pattern.h). Bytes other than 'A'-'Z', UTF-8 lead and continuation bytes among them, are
// kept, so the result is as long as the input and valid UTF-8 when it was.
#ifndef EVENTGRAPH_EXTRACT_ASCII_CASE_H_
#define EVENTGRAPH_EXTRACT_ASCII_CASE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eg {

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

// Lower-cases the ASCII capitals of text[0, size) in place.
inline void LowerAsciiInPlace(char* text, size_t size) {
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;  // byte order does not matter: each byte is lowered on its own
    std::memcpy(&word, text + i, 8);
    word = LowerAsciiWord(word);
    std::memcpy(text + i, &word, 8);
  }
  for (; i < size; ++i) {
    if (text[i] >= 'A' && text[i] <= 'Z') text[i] = static_cast<char>(text[i] + ('a' - 'A'));
  }
}

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_ASCII_CASE_H_
