// Tests for extract/gazetteer's input errors: every bad pack is an InputError naming the file, line and
// field, whatever is wrong with it (ids, references, fields, JSON, UTF-8).
#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/input_error.h"

namespace eg {
namespace {

// Runs AddPack (and Finish) on json and returns the InputError it throws.
InputError ErrorOf(const std::string& json, bool finish = false) {
  Gazetteer gazetteer;
  try {
    gazetteer.AddPack(json, "pack.json");
    if (finish) gazetteer.Finish();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for " << json;
  return InputError("", 0, "", "");
}

TEST(GazetteerErrorTest, IdsAndReferencesFollowTheIdPattern) {
  // The schema leaves this pattern to the loader ("x-pattern-checked-by-loader"): every field it covers.
  const std::string good = R"({"id": "country:x", "label": "Xland", "type": "COUNTRY"})";
  struct Case {
    std::string entity, field;
    size_t line = 2;
  };
  const std::vector<Case> cases = {
      {R"({"id": "9lives", "label": "Nine", "type": "PERSON"})", "/entities/1/id"},
      {R"({"id": "city:a", "label": "A", "type": "CITY", "country": "country x"})", "/entities/1/country"},
      {R"({"id": "lm:a", "label": "A", "type": "LANDMARK", "located_in": "city/a"})", "/entities/1/located_in"},
      {R"({"id": "lm:b", "label": "B", "type": "LANDMARK", "stands_for": ""})", "/entities/1/stands_for"},
      {R"({"id": "p:a", "label": "A", "type": "PERSON", "roles": [{"title": "Minister"},
          {"title": "Minister", "of": "country:x!"}]})", "/entities/1/roles/1/of", 3},
  };
  for (const Case& c : cases) {
    const InputError error = ErrorOf("{\"entities\": [" + good + ",\n" + c.entity + "]}");
    EXPECT_EQ(error.field(), c.field) << error.what();
    EXPECT_EQ(error.line(), c.line) << error.what();
    EXPECT_NE(error.message().find("does not match the pattern"), std::string::npos) << error.what();
  }
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "_a.b:c-9", "label": "Odd but valid", "type": "PERSON"}]})", "ok.json");
  EXPECT_NE(gazetteer.Find("_a.b:c-9"), nullptr);
}

TEST(GazetteerErrorTest, DuplicateIdInOnePack) {
  InputError error = ErrorOf(R"({
  "entities": [
    {"id": "person:kerry", "label": "John Kerry", "type": "PERSON"},
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "person:kerry", "label": "Kerry", "type": "PERSON"}
  ]
})");
  EXPECT_EQ(error.file(), "pack.json");
  EXPECT_EQ(error.line(), 5u);
  EXPECT_EQ(error.field(), "/entities/2/id");
  EXPECT_NE(error.message().find("duplicate"), std::string::npos) << error.what();
  EXPECT_NE(error.message().find("person:kerry"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, DuplicateIdInALaterPackThatExtendsAnEarlierOne) {
  // The first "person:kerry" of b.json extends a.json's entity; the second repeats it within b.json.
  Gazetteer gazetteer;
  gazetteer.AddPack(R"({"entities": [{"id": "person:kerry", "label": "John Kerry", "type": "PERSON"}]})", "a.json");
  try {
    gazetteer.AddPack(R"({"entities": [
  {"id": "person:kerry", "label": "John F. Kerry", "type": "PERSON"},
  {"id": "person:kerry", "label": "Kerry", "type": "PERSON"}
]})",
                      "b.json");
    ADD_FAILURE() << "a repeated id in b.json was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "b.json");
    EXPECT_EQ(error.line(), 3u);
    EXPECT_EQ(error.field(), "/entities/1/id");
  }
}

TEST(GazetteerErrorTest, UnknownReferenceFailsAtFinish) {
  const std::string json = R"({
  "entities": [
    {"id": "city:moscow", "label": "Moscow", "type": "CITY",
     "country": "country:russia"}
  ]
})";
  Gazetteer gazetteer;
  gazetteer.AddPack(json, "pack.json");  // not an error yet: a later pack may define it
  InputError error = ErrorOf(json, /*finish=*/true);
  EXPECT_EQ(error.line(), 4u);
  EXPECT_EQ(error.field(), "/entities/0/country");
  EXPECT_NE(error.message().find("country:russia"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).rfind("pack.json:4: /entities/0/country: ", 0), 0u) << error.what();
}

TEST(GazetteerErrorTest, UnknownLocatedIn) {
  InputError error = ErrorOf(R"({"entities": [
  {"id": "landmark:kremlin", "label": "Kremlin", "type": "LANDMARK", "located_in": "city:atlantis"}]})",
                             true);
  EXPECT_EQ(error.line(), 2u);
  EXPECT_EQ(error.field(), "/entities/0/located_in");
}

TEST(GazetteerErrorTest, UnknownField) {
  InputError error = ErrorOf(R"({
  "entities": [
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "city:moscow", "label": "Moscow", "type": "CITY",
     "aliasses": ["Moskva"]}
  ]
})");
  EXPECT_EQ(error.line(), 5u);
  EXPECT_EQ(error.field(), "/entities/1/aliasses");
  EXPECT_NE(error.message().find("unknown field"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, UnknownTopLevelField) {
  InputError error = ErrorOf("{\n  \"entities\": [],\n  \"title\": []\n}");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "/title");
  EXPECT_NE(error.message().find("unknown field"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, MissingRequiredField) {
  InputError error = ErrorOf(R"({
  "entities": [
    {"id": "city:geneva", "label": "Geneva", "type": "CITY"},
    {"id": "city:moscow", "label": "Moscow"}
  ]
})");
  EXPECT_EQ(error.line(), 4u);
  EXPECT_EQ(error.field(), "/entities/1");
  EXPECT_NE(error.message().find("missing required field \"type\""), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, MissingEntities) {
  InputError error = ErrorOf(R"({"titles": ["Mr"]})");
  EXPECT_NE(error.message().find("\"entities\""), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, UnknownType) {
  InputError error = ErrorOf("{\"entities\": [\n{\"id\": \"x\", \"label\": \"X\", \"type\": \"CITTY\"}]}");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_EQ(error.field(), "/entities/0/type");
}

TEST(GazetteerErrorTest, BadId) {
  InputError error = ErrorOf("{\"entities\": [\n{\"id\": \"john kerry\", \"label\": \"X\", \"type\": \"PERSON\"}]}");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_EQ(error.field(), "/entities/0/id");
}

TEST(GazetteerErrorTest, EmptyAlias) {
  InputError error = ErrorOf(R"({
  "entities": [
    {"id": "city:moscow", "label": "Moscow", "type": "CITY",
     "aliases": ["Moskva",
                 ""]}
  ]
})");
  EXPECT_EQ(error.line(), 5u);
  EXPECT_EQ(error.field(), "/entities/0/aliases/1");
  EXPECT_NE(error.message().find("empty"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, EmptyAliasText) {
  InputError error = ErrorOf(R"({"entities": [
    {"id": "city:moscow", "label": "Moscow", "type": "CITY", "aliases": [{"text": ""}]}]})");
  EXPECT_EQ(error.line(), 2u);
  EXPECT_EQ(error.field(), "/entities/0/aliases/0");
}

TEST(GazetteerErrorTest, UnknownFieldInAnAliasObject) {
  InputError error = ErrorOf(R"({"entities": [
    {"id": "country:usa", "label": "United States", "type": "COUNTRY",
     "aliases": [{"text": "US", "cse": "exact"}]}]})");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.field(), "/entities/0/aliases/0");
}

TEST(GazetteerErrorTest, BadCaseValue) {
  InputError error = ErrorOf(R"({"entities": [
    {"id": "country:usa", "label": "United States", "type": "COUNTRY",
     "aliases": [{"text": "US", "case": "upper"}]}]})");
  EXPECT_EQ(error.line(), 3u);
}

TEST(GazetteerErrorTest, EmptyTitle) {
  InputError error = ErrorOf("{\"titles\": [\"Mr\", \"\"],\n \"entities\": []}");
  EXPECT_EQ(error.line(), 1u);
  EXPECT_EQ(error.field(), "/titles/1");
}

TEST(GazetteerErrorTest, MalformedJson) {
  InputError error = ErrorOf("{\n  \"entities\": [\n    {\"id\": \"city:geneva\" \"label\": \"Geneva\"}\n  ]\n}");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_NE(error.message().find("malformed JSON"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, InvalidUtf8) {
  InputError error = ErrorOf("{\n  \"entities\": [\n    {\"id\": \"city:geneva\", \"label\": \"Gen\xE8va\", "
                             "\"type\": \"CITY\"}\n  ]\n}");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_NE(error.message().find("UTF-8"), std::string::npos) << error.what();
  EXPECT_NE(error.message().find("byte 57"), std::string::npos) << error.what();
}

TEST(GazetteerErrorTest, AddPackAfterFinishIsALogicError) {
  Gazetteer gazetteer;
  gazetteer.Finish();
  EXPECT_THROW(gazetteer.AddPack(R"({"entities": []})", "a.json"), std::logic_error);
}

}  // namespace
}  // namespace eg
