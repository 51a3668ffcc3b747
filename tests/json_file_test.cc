// Tests for extract/json_file: line lookup by JSON pointer, parsing and schema errors.
#include "extract/json_file.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/input_error.h"

namespace eg {
namespace {

constexpr char kNested[] = R"({
  "a": [
    [1, 2],
    [3,
     4],
    {"b": {"c": [true,
                 null]}}
  ],
  "x/y": {"t~u": "v",
          "~1": 5},
  "": "empty key",
  "last": {
    "deep": "value"
  }
})";

TEST(LineOfPointerTest, RootAndTopLevelMembers) {
  EXPECT_EQ(LineOfPointer(kNested, ""), 1u);
  EXPECT_EQ(LineOfPointer(kNested, "/a"), 2u);
  EXPECT_EQ(LineOfPointer(kNested, "/last"), 12u);
  EXPECT_EQ(LineOfPointer(kNested, "/last/deep"), 13u);
}

TEST(LineOfPointerTest, NestedArraysAndObjects) {
  EXPECT_EQ(LineOfPointer(kNested, "/a/0"), 3u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/0/1"), 3u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/1"), 4u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/1/0"), 4u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/1/1"), 5u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/2"), 6u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/2/b/c/0"), 6u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/2/b/c/1"), 7u);
}

TEST(LineOfPointerTest, KeysWithSlashAndTilde) {
  EXPECT_EQ(LineOfPointer(kNested, "/x~1y"), 9u);
  EXPECT_EQ(LineOfPointer(kNested, "/x~1y/t~0u"), 9u);
  EXPECT_EQ(LineOfPointer(kNested, "/x~1y/~01"), 10u);
  EXPECT_EQ(LineOfPointer(kNested, "/"), 11u);  // the empty key
}

TEST(LineOfPointerTest, MissingPointersAreZero) {
  EXPECT_EQ(LineOfPointer(kNested, "/a/3"), 0u);
  EXPECT_EQ(LineOfPointer(kNested, "/x/y"), 0u);
  EXPECT_EQ(LineOfPointer(kNested, "/nope"), 0u);
  EXPECT_EQ(LineOfPointer(kNested, "/a/0/1/2"), 0u);
  EXPECT_EQ(LineOfPointer("{", "/a"), 0u);
  EXPECT_EQ(LineOfPointer("", ""), 0u);
}

TEST(LineOfPointerTest, ValueOnTheLineAfterItsKey) {
  EXPECT_EQ(LineOfPointer("{\"rules\":\n\n  [\"a\"]}", "/rules"), 3u);
  EXPECT_EQ(LineOfPointer("{\"n\":\n  12345\n}", "/n"), 2u);
  EXPECT_EQ(LineOfPointer("{\"s\": \"a\\\"b\\nc\"}", "/s"), 1u);
}

TEST(LineOfOffsetTest, CountsNewlines) {
  const std::string text = "ab\ncd\n\nef";
  EXPECT_EQ(LineOfOffset(text, 0), 1u);
  EXPECT_EQ(LineOfOffset(text, 2), 1u);
  EXPECT_EQ(LineOfOffset(text, 3), 2u);
  EXPECT_EQ(LineOfOffset(text, 7), 4u);
  EXPECT_EQ(LineOfOffset(text, 1000), 4u);
}

constexpr char kRuleSchema[] = "schemas/rules.schema.json";

InputError ParseError(const std::string& text) {
  try {
    ParseJsonFile(text, "f.json", kRuleSchema);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for " << text;
  return InputError("", 0, "", "");
}

// As ParseError, without a schema: the checks that come before the schema.
InputError ParseJsonFileError(const std::string& text) {
  try {
    ParseJsonFile(text, "f.json", "");
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for " << text;
  return InputError("", 0, "", "");
}

TEST(ParseJsonFileTest, ValidFileParses) {
  rapidjson::Document doc = ParseJsonFile(
      R"({"rules": [{"id": "r", "relation": "met", "cameo": "040", "goldstein": 1, "pattern": "x"}]})", "f.json",
      kRuleSchema);
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(doc["rules"].Size(), 1u);
}

TEST(ParseJsonFileTest, MalformedJsonNamesTheLine) {
  InputError error = ParseError("{\n  \"rules\": [\n  ,]\n}");
  EXPECT_EQ(error.file(), "f.json");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "");
  EXPECT_NE(error.message().find("malformed JSON"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).rfind("f.json:3: malformed JSON", 0), 0u) << error.what();
}

TEST(ParseJsonFileTest, EmptyFileIsMalformed) {
  InputError error = ParseError("");
  EXPECT_NE(error.message().find("malformed JSON"), std::string::npos) << error.what();
}

TEST(ParseJsonFileTest, InvalidUtf8NamesLineAndByte) {
  InputError error = ParseError("{\n\"name\": \"caf\xC3\x28\",\n\"rules\": []}");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_NE(error.message().find("invalid UTF-8 at byte 14"), std::string::npos) << error.what();
}

TEST(ParseJsonFileTest, LoneLowSurrogateEscapeNamesTheField) {
  // RapidJSON decodes "\udeee" alone into bytes no UTF-8 reader accepts; the loader must say so.
  InputError error = ParseJsonFileError("{\n\"a\": [\"ok\",\n \"x\\udeee\"]}");
  EXPECT_EQ(error.line(), 3u) << error.what();
  EXPECT_EQ(error.field(), "/a/1") << error.what();
  EXPECT_NE(error.message().find("invalid UTF-8"), std::string::npos) << error.what();
}

TEST(ParseJsonFileTest, LoneSurrogateInAMemberName) {
  InputError error = ParseJsonFileError("{\"o\": {\"\\udc00\": 1}}");
  EXPECT_EQ(error.field(), "/o") << error.what();
}

TEST(ParseJsonFileTest, SurrogatePairEscapesAreValid) {
  rapidjson::Document doc = ParseJsonFile("{\"a\": \"\\ud83d\\ude00\"}", "f.json", "");
  EXPECT_EQ(std::string(doc["a"].GetString()), "\xF0\x9F\x98\x80");
}

TEST(ParseJsonFileTest, SchemaTypeErrors) {
  InputError error = ParseError("{\"rules\": [\n{\"id\": \"r\", \"relation\": \"met\", \"cameo\": \"040\",\n"
                                "\"goldstein\": \"one\", \"pattern\": \"x\"}]}");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "/rules/0/goldstein");
  EXPECT_NE(error.message().find("wrong type"), std::string::npos) << error.what();

  InputError root = ParseError("[]");
  EXPECT_EQ(root.field(), "/");
  EXPECT_EQ(root.line(), 1u);
}

TEST(ParseJsonFileTest, UnknownFieldWithSpecialCharactersInItsName) {
  InputError error = ParseError("{\"rules\": [],\n \"a/b~c\": 1}");
  EXPECT_EQ(error.field(), "/a~1b~0c");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_NE(error.message().find("unknown field"), std::string::npos) << error.what();
}

TEST(ParseJsonFileTest, UnknownFieldWhoseValueIsAnObject) {
  InputError error = ParseError("{\"rules\": [],\n \"extra\": {\"a\": 1}}");
  EXPECT_EQ(error.field(), "/extra");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_NE(error.message().find("unknown field"), std::string::npos) << error.what();
  EXPECT_NE(error.message().find("known fields: "), std::string::npos) << error.what();
}

TEST(ParseJsonFileTest, MacrosMatchingTheirNamePatternAreValid) {
  rapidjson::Document doc = ParseJsonFile(R"({"macros": {"MEET": "met", "TALK_2": "talked"}, "rules": []})",
                                          "f.json", kRuleSchema);
  EXPECT_TRUE(doc["macros"].HasMember("TALK_2"));
}

TEST(ParseJsonFileTest, NumberOutOfRange) {
  InputError error = ParseError("{\"rules\": [\n{\"id\": \"r\", \"relation\": \"met\", \"cameo\": \"040\",\n"
                                "\"goldstein\": 11, \"pattern\": \"x\"}]}");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "/rules/0/goldstein");
}

TEST(ReadFileOrThrowTest, MissingFile) {
  try {
    ReadFileOrThrow("/nonexistent/eventgraph/rules.json");
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "/nonexistent/eventgraph/rules.json");
    EXPECT_NE(error.message().find("cannot open"), std::string::npos) << error.what();
  }
}

TEST(ReadFileOrThrowTest, ReadsTheSchemaFile) {
  const std::string text = ReadFileOrThrow(std::string(EG_SOURCE_DIR) + "/schemas/rules.schema.json");
  EXPECT_NE(text.find("\"rules\""), std::string::npos);
}

}  // namespace
}  // namespace eg
