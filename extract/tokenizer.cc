#include "extract/tokenizer.h"

#include <unicode/uchar.h>

#include <array>
#include <bit>

#include "extract/ascii_case.h"
#include "extract/utf8.h"

namespace eg {
namespace {

// A "sentence" longer than this (a table, a list, text without punctuation) is cut into pieces of this
// many tokens, so that no single one makes rule matching slow. News sentences are far shorter.
constexpr uint32_t kMaxSentenceTokens = 400;

constexpr char32_t kRightSingleQuote = 0x2019;
constexpr char32_t kLeftSingleQuote = 0x2018;

bool IsSpace(char32_t cp) {
  if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') return true;
  if (cp < 0x80) return cp == '\f' || cp == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ALPHABETIC)) return true;
  int8_t category = u_charType(static_cast<UChar32>(cp));
  return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
         category == U_ENCLOSING_MARK;
}

bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == kRightSingleQuote; }

// What an ASCII byte is, as IsSpace(), IsLetter() and IsDigit() would say, by table: the tokenizer's
// inner loops look each byte up once. Bytes from 0x80 on are kOther here and get decoded.
enum AsciiClass : uint8_t { kOther, kSpace, kLetter, kDigit };
constexpr std::array<AsciiClass, 256> kAsciiClass = [] {
  std::array<AsciiClass, 256> classes{};
  for (char c : {' ', '\n', '\t', '\r', '\f', '\v'}) classes[static_cast<unsigned char>(c)] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<size_t>(c)] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<size_t>(c)] = kLetter;
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<size_t>(c)] = kDigit;
  return classes;
}();

AsciiClass ClassOf(char c) { return kAsciiClass[static_cast<unsigned char>(c)]; }

// What IsLetter() || IsDigit() say of an ASCII byte, and false for any other.
bool IsAsciiLetterOrDigit(char c) { return ClassOf(c) >= kLetter; }

// The end of the run of ASCII letters and digits that starts at pos: eight bytes at a time where eight
// can be read, so that a word costs one branch on where it ends rather than one per byte.
size_t EndOfAsciiLettersAndDigits(std::string_view text, size_t pos) {
  for (; pos + 8 <= text.size(); pos += 8) {
    const uint64_t others = ~LetterOrDigitBytes(LoadLittleEndian(text.data() + pos)) & 0x8080808080808080u;
    if (others != 0) return pos + static_cast<size_t>(std::countr_zero(others) / 8);
  }
  while (pos < text.size() && IsAsciiLetterOrDigit(text[pos])) ++pos;
  return pos;
}

// Code point at pos, or 0 at the end of the text.
char32_t At(std::string_view text, size_t pos, size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  return DecodeUtf8(text, pos, length);
}

char32_t At(std::string_view text, size_t pos) {
  size_t length;
  return At(text, pos, &length);
}

// Scans a word starting at pos (a letter); returns its end.
size_t ScanWord(std::string_view text, size_t pos) {
  size_t len;
  char32_t first = At(text, pos, &len);
  size_t end = pos + len;
  // Dotted initialism: a single letter, then ("." letter)+ and a final ".": "U.S.", "U.N.", "D.C.".
  if (IsLetter(first) && At(text, end) == '.') {
    size_t p = end;
    int pairs = 0;
    for (;;) {
      size_t l1, l2;
      if (At(text, p, &l1) != '.') break;
      char32_t letter = At(text, p + l1, &l2);
      if (!IsLetter(letter) || IsLetter(At(text, p + l1 + l2))) break;
      p += l1 + l2;
      ++pairs;
    }
    if (pairs > 0 && At(text, p) == '.') return p + 1;
  }
  for (;;) {
    // ASCII letters and digits, most of every word, without decoding.
    end = EndOfAsciiLettersAndDigits(text, end);
    char32_t cp = At(text, end, &len);
    if (len == 0) break;
    if (IsLetter(cp) || IsDigit(cp)) {
      end += len;
      continue;
    }
    if (IsApostrophe(cp)) {
      size_t next_len;
      char32_t next = At(text, end + len, &next_len);
      if (!IsLetter(next)) break;
      // "'s" at the end of a word is a possessive, split off by the caller.
      if ((next == 's' || next == 'S') && !IsLetter(At(text, end + len + next_len)) &&
          !IsDigit(At(text, end + len + next_len))) {
        break;
      }
      end += len;
      continue;
    }
    break;
  }
  return end;
}

size_t ScanNumber(std::string_view text, size_t pos) {
  size_t end = pos;
  size_t len;
  for (;;) {
    char32_t cp = At(text, end, &len);
    if (len == 0) break;
    if (IsDigit(cp) || IsLetter(cp)) {
      end += len;
      continue;
    }
    if (cp == ',' || cp == '.' || cp == ':') {
      size_t next_len;
      if (IsDigit(At(text, end + len, &next_len))) {
        end += len;
        continue;
      }
    }
    break;
  }
  return end;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// Words after which a "." does not end a sentence.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 44> kAbbreviations = {
      "mr",  "mrs",  "ms",  "dr",   "st",  "gen",  "sen",  "rep",  "gov",  "lt",   "col",
      "maj", "capt", "sgt", "cmdr", "adm", "jan",  "feb",  "mar",  "apr",  "jun",  "jul",
      "aug", "sep",  "sept", "oct", "nov", "dec",  "no",   "jr",   "sr",   "prof", "rev",
      "mt",  "ft",   "vs",  "etc",  "inc", "corp", "co",   "ltd",  "approx", "dept", "est"};
  for (std::string_view abbreviation : kAbbreviations) {
    if (EqualsIgnoreAsciiCase(word, abbreviation)) return true;
  }
  // A single capital letter is an initial ("John F. Kennedy").
  size_t len;
  char32_t cp = At(word, 0, &len);
  if (len == word.size() && u_isupper(static_cast<UChar32>(cp))) return true;
  // A dotted initialism ("U.S.") already carries its dot.
  return word.size() > 1 && word.back() == '.';
}

bool IsOpeningPunctuation(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201C || cp == kLeftSingleQuote || cp == '(' || cp == '[' ||
         cp == 0x00AB;
}

bool IsClosingPunctuation(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201D || cp == kRightSingleQuote || cp == ')' || cp == ']' ||
         cp == 0x00BB;
}

bool IsTerminator(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

int NewlinesBetween(std::string_view text, size_t begin, size_t end) {
  int count = 0;
  for (size_t i = begin; i < end; ++i) count += text[i] == '\n';
  return count;
}

bool StartsLower(std::string_view token) {
  size_t len;
  return u_islower(static_cast<UChar32>(At(token, 0, &len)));
}

// Could the token begin a sentence after a terminator on the same line?
bool CanStartSentence(std::string_view token) {
  size_t len;
  char32_t cp = At(token, 0, &len);
  if (IsDigit(cp) || IsOpeningPunctuation(cp)) return true;
  return IsLetter(cp) && !u_islower(static_cast<UChar32>(cp));
}

void SplitSentences(Document* doc) {
  const std::string_view text = doc->text;
  const auto& tokens = doc->tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  auto emit = [&](uint32_t last) {  // sentence = tokens [start, last]
    Sentence sentence;
    sentence.first_token = start;
    sentence.token_count = last - start + 1;
    sentence.span = {tokens[start].span.begin, tokens[last].span.end};
    doc->sentences.push_back(sentence);
    start = last + 1;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (i + 1 == n) {
      emit(i);
      break;
    }
    // Most tokens: a word or a number, then no gap or one byte that is not a line break. Only the length
    // limit can end the sentence there.
    const uint32_t gap_begin = tokens[i].span.end, gap_end = tokens[i + 1].span.begin;
    const bool plain_gap = gap_end == gap_begin || (gap_end == gap_begin + 1 && text[gap_begin] != '\n');
    if (plain_gap && tokens[i].kind != TokenKind::kPunctuation) {
      if (i + 1 - start >= kMaxSentenceTokens) emit(i);
      continue;
    }
    const std::string_view token = doc->Text(tokens[i].span);
    const std::string_view next = doc->Text(tokens[i + 1].span);
    const int newlines = plain_gap ? 0 : NewlinesBetween(text, gap_begin, gap_end);
    if (newlines >= 2 || (newlines == 1 && !StartsLower(next)) || i + 1 - start >= kMaxSentenceTokens) {
      emit(i);
      continue;
    }
    size_t len;
    char32_t cp = At(token, 0, &len);
    if (tokens[i].kind != TokenKind::kPunctuation || !IsTerminator(cp)) continue;
    if (cp == '.' && i > start && tokens[i - 1].span.end == tokens[i].span.begin &&
        tokens[i - 1].kind == TokenKind::kWord && IsAbbreviation(doc->Text(tokens[i - 1].span)) &&
        // "No." abbreviates a number ("No. 10") and is otherwise the word: "Russia said no."
        (!EqualsIgnoreAsciiCase(doc->Text(tokens[i - 1].span), "no") ||
         tokens[i + 1].kind == TokenKind::kNumber)) {
      continue;
    }
    // Absorb further terminators and closing quotes/brackets: `...`, `?!`, `.”`, `.)`.
    uint32_t last = i;
    while (last + 1 < n && last + 1 - start < kMaxSentenceTokens) {
      const Token& t = tokens[last + 1];
      if (t.span.begin != tokens[last].span.end) break;
      char32_t c = At(doc->Text(t.span), 0, &len);
      if (!(IsTerminator(c) || IsClosingPunctuation(c))) break;
      ++last;
    }
    if (last + 1 == n) {
      emit(last);
      break;
    }
    const std::string_view after = doc->Text(tokens[last + 1].span);
    const int gap_lines = NewlinesBetween(text, tokens[last].span.end, tokens[last + 1].span.begin);
    if (gap_lines > 0 || CanStartSentence(after) || last + 1 - start >= kMaxSentenceTokens) {
      emit(last);
    }
    i = last;
  }
}

}  // namespace

void TokenizeText(std::string_view text, std::vector<Token>* tokens) {
  size_t pos = 0;
  size_t len;
  while (pos < text.size()) {
    const AsciiClass ascii = ClassOf(text[pos]);
    if (ascii == kSpace) {
      ++pos;
      continue;
    }
    if (ascii == kLetter && !(pos + 1 < text.size() && text[pos + 1] == '.')) {
      // A word of ASCII letters and digits ends at an ASCII byte other than an apostrophe, as ScanWord
      // would end it; at anything else ScanWord reads on. (A letter and a "." may open "U.S.".)
      const size_t end = EndOfAsciiLettersAndDigits(text, pos + 1);
      if (end == text.size() || (static_cast<unsigned char>(text[end]) < 0x80 && text[end] != '\'')) {
        tokens->push_back(Token{{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}, TokenKind::kWord});
        pos = end;
        continue;
      }
    }
    char32_t cp = At(text, pos, &len);
    if (IsSpace(cp)) {
      pos += len;
      continue;
    }
    Token token;
    size_t end;
    if (IsLetter(cp)) {
      end = ScanWord(text, pos);
      token.kind = TokenKind::kWord;
    } else if (IsDigit(cp)) {
      end = ScanNumber(text, pos);
      token.kind = TokenKind::kNumber;
    } else if (IsApostrophe(cp) && !tokens->empty() && tokens->back().span.end == pos &&
               tokens->back().kind == TokenKind::kWord) {
      // "’s" after a word, or a lone "’" after a plural ("Martyrs’").
      size_t next_len;
      char32_t next = At(text, pos + len, &next_len);
      if ((next == 's' || next == 'S') && !IsLetter(At(text, pos + len + next_len))) {
        end = pos + len + next_len;
        token.kind = TokenKind::kPossessive;
      } else if (!IsLetter(next) && (text[pos - 1] == 's' || text[pos - 1] == 'S')) {
        end = pos + len;
        token.kind = TokenKind::kPossessive;
      } else {
        end = pos + len;
        token.kind = TokenKind::kPunctuation;
      }
    } else {
      end = pos + len;
      token.kind = TokenKind::kPunctuation;
    }
    token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
    tokens->push_back(token);
    pos = end;
  }
}

void Tokenize(Document* doc) {
  doc->tokens.clear();
  doc->sentences.clear();
  TokenizeText(doc->text, &doc->tokens);
  SplitSentences(doc);
}

void AppendFolded(std::string_view token, std::string* out) {
  // Most tokens are ASCII: appended whole, then lower-cased in place up to the first other byte.
  const size_t old_size = out->size();
  out->append(token);
  size_t pos = 0;
  for (char* folded = out->data() + old_size; pos < token.size(); ++pos) {
    const unsigned char c = static_cast<unsigned char>(folded[pos]);
    if (c >= 0x80) break;
    folded[pos] = LowerAscii(static_cast<char>(c));
  }
  if (pos == token.size()) return;
  out->resize(old_size + pos);
  size_t len;
  while (pos < token.size()) {
    char32_t cp = DecodeUtf8(token, pos, &len);
    pos += len;
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      continue;
    }
    if (cp == kRightSingleQuote || cp == kLeftSingleQuote) {
      out->push_back('\'');
      continue;
    }
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)), out);
  }
}

bool StartsUpper(std::string_view token) {
  if (token.empty()) return false;
  size_t len;
  char32_t cp = DecodeUtf8(token, 0, &len);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

}  // namespace eg
