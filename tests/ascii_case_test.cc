// Tests for extract/ascii_case.h: its eight-bytes-at-a-time functions agree with their one-byte
// definitions for every byte value at every position of a word.
#include "extract/ascii_case.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace eg {
namespace {

// Word of eight copies of filler with byte value at position (memory order does not matter here: each
// byte is taken on its own).
uint64_t WordWith(uint8_t filler, unsigned position, uint8_t value) {
  uint64_t word = 0x0101010101010101u * filler;
  word &= ~(uint64_t{0xFF} << (8 * position));
  return word | (uint64_t{value} << (8 * position));
}

uint8_t ByteAt(uint64_t word, unsigned position) { return static_cast<uint8_t>(word >> (8 * position)); }

TEST(AsciiCaseTest, LetterOrDigitBytesTellsEveryByteAtEveryPosition) {
  // Fillers of each kind around the byte under test: a letter, a digit, a space, a byte above ASCII.
  for (uint8_t filler : {uint8_t{'q'}, uint8_t{'7'}, uint8_t{' '}, uint8_t{0xC3}}) {
    const bool filler_counts = (filler >= 'a' && filler <= 'z') || (filler >= '0' && filler <= '9');
    for (unsigned position = 0; position < 8; ++position) {
      for (unsigned value = 0; value < 256; ++value) {
        const uint64_t mask = LetterOrDigitBytes(WordWith(filler, position, static_cast<uint8_t>(value)));
        const bool expected = (value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z') ||
                              (value >= '0' && value <= '9');
        ASSERT_EQ(ByteAt(mask, position), expected ? 0x80 : 0x00) << "byte " << value << " at " << position;
        for (unsigned other = 0; other < 8; ++other) {
          if (other == position) continue;
          ASSERT_EQ(ByteAt(mask, other), filler_counts ? 0x80 : 0x00) << "byte " << value << " at " << position;
        }
      }
    }
  }
}

TEST(AsciiCaseTest, LowerAsciiWordLowersCapitalsOnly) {
  for (unsigned position = 0; position < 8; ++position) {
    for (unsigned value = 0; value < 256; ++value) {
      const uint64_t lowered = LowerAsciiWord(WordWith('Q', position, static_cast<uint8_t>(value)));
      ASSERT_EQ(ByteAt(lowered, position), static_cast<uint8_t>(LowerAscii(static_cast<char>(value))))
          << "byte " << value << " at " << position;
      ASSERT_EQ(ByteAt(lowered, (position + 1) % 8), 'q');
    }
  }
}

}  // namespace
}  // namespace eg
