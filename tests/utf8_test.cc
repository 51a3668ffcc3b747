// Tests for extract/utf8: validation, decoding and encoding.
#include "extract/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace eg {
namespace {

constexpr size_t npos = std::string_view::npos;

TEST(Utf8Test, ValidTextHasNoInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8(""), npos);
  EXPECT_EQ(FindInvalidUtf8("Kerry met Lavrov in Geneva."), npos);
  EXPECT_EQ(FindInvalidUtf8("Çavuşoğlu, Лавров, 習近平, “quoted” — 😀"), npos);
  // Boundaries: U+007F, U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF, and U+E000 after the surrogates.
  EXPECT_EQ(FindInvalidUtf8("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"
                            "\xEE\x80\x80"),
            npos);
  // A NUL byte is valid UTF-8.
  EXPECT_EQ(FindInvalidUtf8(std::string_view("a\0b", 3)), npos);
}

TEST(Utf8Test, TruncatedSequences) {
  EXPECT_EQ(FindInvalidUtf8("Lavrov \xD0"), 7u);             // 2-byte lead at the end
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x80"), 2u);              // 3-byte sequence cut short
  EXPECT_EQ(FindInvalidUtf8("abc\xF0\x9F\x98"), 3u);         // 4-byte sequence cut short
  EXPECT_EQ(FindInvalidUtf8("a\xE2\x80 b"), 1u);             // cut short by an ASCII byte
  EXPECT_EQ(FindInvalidUtf8("a\xC3\xC3\xA7"), 1u);           // a lead byte where a continuation belongs
}

TEST(Utf8Test, OverlongEncodings) {
  EXPECT_EQ(FindInvalidUtf8("ok \xC0\x80"), 3u);          // U+0000 in two bytes
  EXPECT_EQ(FindInvalidUtf8("\xC1\xBF"), 0u);             // U+007F in two bytes
  EXPECT_EQ(FindInvalidUtf8("xy\xE0\x80\xAF"), 2u);       // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xE0\x9F\xBF"), 0u);         // U+07FF in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x8F\xBF\xBF"), 0u);     // U+FFFF in four bytes
}

TEST(Utf8Test, Surrogates) {
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);  // U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);    // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), npos);  // U+D7FF is fine
}

TEST(Utf8Test, AboveMaximumCodePoint) {
  EXPECT_EQ(FindInvalidUtf8("abcd\xF4\x90\x80\x80"), 4u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(Utf8Test, LoneContinuationBytes) {
  EXPECT_EQ(FindInvalidUtf8("Kerry\x80"), 5u);
  EXPECT_EQ(FindInvalidUtf8("\xBF"), 0u);
  // After a complete two-byte sequence, an extra continuation byte is the invalid one.
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA7\xA7"), 2u);
}

TEST(Utf8Test, ReportsTheFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("Çavuşoğlu \x80 and \xFF"), 13u);
}

// ASCII is skipped eight bytes at a time: a bad byte, or a valid sequence, at any offset from the
// start, before and after long runs of ASCII, must still be found or passed.
TEST(Utf8Test, FindsABadByteAtEveryOffsetOfLongAsciiText) {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xff';
    EXPECT_EQ(FindInvalidUtf8(text), at);
    std::string valid = std::string(at, 'a') + "\xc3\xa9" + std::string(40 - at, 'b');  // é
    EXPECT_EQ(FindInvalidUtf8(valid), std::string_view::npos) << at;
    std::string truncated = std::string(at, 'a') + "\xe2\x80";  // the end cuts a sequence short
    EXPECT_EQ(FindInvalidUtf8(truncated), at);
  }
}

TEST(Utf8Test, DecodeUtf8) {
  const std::string_view text = "AÇ€😀";
  size_t length = 0;
  EXPECT_EQ(DecodeUtf8(text, 0, &length), U'A');
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(DecodeUtf8(text, 1, &length), U'Ç');
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(DecodeUtf8(text, 3, &length), U'€');
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(DecodeUtf8(text, 6, &length), U'😀');
  EXPECT_EQ(length, 4u);
}

TEST(Utf8Test, AppendUtf8RoundTrips) {
  for (char32_t cp : {U'\0', U'A', U'\x7F', U'\x80', U'Ç', U'\x7FF', U'\x800', U'€', U'\xFFFF', U'\x10000',
                      U'😀', U'\x10FFFF'}) {
    std::string out;
    AppendUtf8(cp, &out);
    EXPECT_EQ(FindInvalidUtf8(out), npos) << static_cast<uint32_t>(cp);
    size_t length = 0;
    EXPECT_EQ(DecodeUtf8(out, 0, &length), cp);
    EXPECT_EQ(length, out.size());
  }
}

}  // namespace
}  // namespace eg
