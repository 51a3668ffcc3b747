// Tests for extract/json_line: which members of a JSON Lines object are read, and why a line is not one.
#include "extract/json_line.h"

#include <gtest/gtest.h>

#include <string>

namespace eg {
namespace {

using Found = JsonStringField::Found;

// Reads line (padded as ReadJsonStringFields needs) for the members "id", "text" and "date".
struct Read {
  explicit Read(std::string line) {
    line.append(16, '\0');
    error = ReadJsonStringFields(line.c_str(), fields, 3);
  }
  std::string id, text, date, error;
  JsonStringField fields[3] = {{"id", &id}, {"text", &text}, {"date", &date}};
};

TEST(JsonLineTest, ReadsTheWantedStringsAndIgnoresTheRest) {
  Read read(R"({"publisher": "x", "id": "a1", "tags": ["id", {"text": "inner"}], "text": "Kerry met Lavrov."})");
  EXPECT_EQ(read.error, "");
  EXPECT_EQ(read.fields[0].found, Found::kString);
  EXPECT_EQ(read.id, "a1");
  EXPECT_EQ(read.fields[1].found, Found::kString);
  EXPECT_EQ(read.text, "Kerry met Lavrov.") << "a nested \"text\" is not the document's";
  EXPECT_EQ(read.fields[2].found, Found::kAbsent);
  EXPECT_EQ(read.date, "");
}

TEST(JsonLineTest, EscapesAreDecoded) {
  Read read(R"({"id": "q\"1\"", "text": "caf\u00e9\nline two\t\\"})");
  EXPECT_EQ(read.error, "");
  EXPECT_EQ(read.id, "q\"1\"");
  EXPECT_EQ(read.text, "caf\xc3\xa9\nline two\t\\");
}

TEST(JsonLineTest, NullAndOtherKindsOfValueAreToldApart) {
  Read read(R"({"id": null, "text": 7, "date": {"year": 2016}})");
  EXPECT_EQ(read.error, "");
  EXPECT_EQ(read.fields[0].found, Found::kNull);
  EXPECT_EQ(read.fields[1].found, Found::kOther);
  EXPECT_EQ(read.fields[2].found, Found::kOther);
  EXPECT_EQ(read.text, "") << "a value that is not a string is not written";

  for (const char* value : {"true", "false", "-1.5e3", "[]", "[\"a\"]", "{}"}) {
    Read other(std::string(R"({"id": )") + value + "}");
    EXPECT_EQ(other.error, "") << value;
    EXPECT_EQ(other.fields[0].found, Found::kOther) << value;
  }
}

TEST(JsonLineTest, TheFirstOfTwoMembersWithOneNameCounts) {
  Read read(R"({"id": "first", "text": null, "id": "second", "text": "late"})");
  EXPECT_EQ(read.id, "first");
  EXPECT_EQ(read.fields[1].found, Found::kNull) << "as rapidjson's FindMember finds the first";
  EXPECT_EQ(read.text, "");
}

TEST(JsonLineTest, ALineThatIsNotOneObjectSaysWhy) {
  EXPECT_EQ(Read("[1, 2]").error, "not a JSON object");
  EXPECT_EQ(Read(R"("id")").error, "not a JSON object");
  EXPECT_EQ(Read(R"([{"id": "a"}])").error, "not a JSON object");
  EXPECT_EQ(Read("{\"id\": \"a\", \"text\": \"b\"").error,
            "not a JSON object: Missing a comma or '}' after an object member. at column 24");
  EXPECT_EQ(Read(R"({"id": "a"} {"id": "b"})").error,
            "not a JSON object: The document root must not be followed by other values. at column 13");
  EXPECT_EQ(Read("").error, "not a JSON object: The document is empty. at column 1");
}

TEST(JsonLineTest, LongLinesOneAfterAnother) {
  // Past 1 MB the thread's parser is made anew after the line; the next line reads as well.
  const std::string big(3'000'000, 'x');
  for (int i = 0; i < 2; ++i) {
    Read read(R"({"id": "big", "text": ")" + big + "\"}");
    EXPECT_EQ(read.error, "");
    EXPECT_EQ(read.text.size(), big.size());
  }
  Read small(R"({"id": "s", "text": "short"})");
  EXPECT_EQ(small.text, "short");
}

}  // namespace
}  // namespace eg
