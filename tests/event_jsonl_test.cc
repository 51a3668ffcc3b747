// The events JSONL output: one line per event, valid against schemas/event.schema.json, the same bytes
// whether written from a graph or streamed document by document.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/export.h"
#include "extract/embedded_data.h"
#include "extract/extract.h"
#include "tests/extract_support.h"

namespace eg {
namespace {

Document Process(const std::string& id, const std::string& text, const std::string& date) {
  return eg_test::Process(eg_test::DefaultExtractor(), id, text, date);
}

std::vector<Document> SampleDocuments() {
  std::vector<Document> docs;
  docs.push_back(Process("geneva-1", "Kerry met Lavrov in Geneva. Nothing else happened.", "2016-09-09"));
  docs.push_back(Process("moscow \"2\"\n", "Talks resumed. Lavrov met Kerry in Moscow.", ""));
  return docs;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const rapidjson::SchemaDocument& EventSchema() {
  static const rapidjson::SchemaDocument* schema = [] {
    const std::string_view text = FindEmbeddedFile("schemas/event.schema.json");
    rapidjson::Document json;
    json.Parse(text.data(), text.size());
    EXPECT_FALSE(json.HasParseError());
    return new rapidjson::SchemaDocument(json);
  }();
  return *schema;
}

// Empty when line is valid, else what is wrong.
std::string SchemaProblem(const std::string& line) {
  rapidjson::Document doc;
  doc.Parse(line.c_str());
  if (doc.HasParseError()) return "not JSON";
  rapidjson::SchemaValidator validator(EventSchema());
  if (doc.Accept(validator)) return "";
  rapidjson::StringBuffer where;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
  return std::string(validator.GetInvalidSchemaKeyword()) + " at " + where.GetString();
}

std::string GraphJsonl(const std::vector<Document>& docs) {
  EventGraph graph;
  for (const Document& doc : docs) graph.Add(doc);
  std::ostringstream out;
  WriteEventsJsonl(graph, out);
  return out.str();
}

TEST(EventJsonlTest, SchemaIsEmbedded) { EXPECT_FALSE(FindEmbeddedFile("schemas/event.schema.json").empty()); }

TEST(EventJsonlTest, EveryLineIsValidAgainstTheSchema) {
  const std::vector<std::string> lines = Lines(GraphJsonl(SampleDocuments()));
  ASSERT_EQ(lines.size(), 2u);
  for (const std::string& line : lines) EXPECT_EQ(SchemaProblem(line), "") << line;
}

TEST(EventJsonlTest, LineCarriesTheEventAndItsProvenance) {
  const std::vector<std::string> lines = Lines(GraphJsonl(SampleDocuments()));
  ASSERT_EQ(lines.size(), 2u);
  rapidjson::Document first;
  first.Parse(lines[0].c_str());
  ASSERT_TRUE(first.IsObject());
  EXPECT_STREQ(first["doc"].GetString(), "geneva-1");
  EXPECT_EQ(first["sentence"].GetUint(), 0u);
  EXPECT_EQ(first["span"][0].GetUint(), 0u);
  EXPECT_EQ(first["span"][1].GetUint(), 27u);
  EXPECT_STREQ(first["evidence"].GetString(), "Kerry met Lavrov in Geneva.");
  EXPECT_STREQ(first["subject"]["id"].GetString(), "person:john_kerry");
  EXPECT_STREQ(first["subject"]["label"].GetString(), "John Kerry");
  EXPECT_STREQ(first["subject"]["type"].GetString(), "PERSON");
  EXPECT_STREQ(first["subject"]["text"].GetString(), "Kerry");
  EXPECT_EQ(first["subject"]["span"][1].GetUint(), 5u);
  EXPECT_STREQ(first["object"]["id"].GetString(), "person:sergei_lavrov");
  EXPECT_STREQ(first["location"]["id"].GetString(), "city:geneva");
  EXPECT_STREQ(first["location"]["type"].GetString(), "CITY");
  EXPECT_STREQ(first["relation"].GetString(), "met");
  EXPECT_STREQ(first["cameo"].GetString(), "040");
  EXPECT_EQ(first["quad_class"].GetInt(), 1);
  EXPECT_TRUE(first["symmetric"].GetBool());
  EXPECT_STREQ(first["date"].GetString(), "2016-09-09");
  EXPECT_STREQ(first["polarity"].GetString(), "positive");
  EXPECT_TRUE(first["rule"].IsString());
  EXPECT_GT(first["confidence"].GetDouble(), 0.0);

  rapidjson::Document second;
  second.Parse(lines[1].c_str());
  ASSERT_TRUE(second.IsObject());
  EXPECT_STREQ(second["doc"].GetString(), "moscow \"2\"\n");  // escaped on the way out, intact on the way in
  EXPECT_EQ(second["sentence"].GetUint(), 1u);
  EXPECT_TRUE(second["date"].IsNull());
  EXPECT_STREQ(second["location"]["id"].GetString(), "city:moscow");
  EXPECT_STREQ(second["location"]["text"].GetString(), "Moscow");
}

TEST(EventJsonlTest, StreamingWriterMatchesTheGraphWriter) {
  const std::vector<Document> docs = SampleDocuments();
  std::ostringstream streamed;
  EventJsonlWriter writer(streamed);
  for (const Document& doc : docs) writer.Write(doc);
  EXPECT_EQ(streamed.str(), GraphJsonl(docs));
}

TEST(EventJsonlTest, OutputIsDeterministic) {
  EXPECT_EQ(GraphJsonl(SampleDocuments()), GraphJsonl(SampleDocuments()));
}

TEST(EventJsonlTest, SchemaRejectsWhatTheWriterNeverWrites) {
  const std::string line = Lines(GraphJsonl(SampleDocuments()))[0];
  rapidjson::Document doc;
  doc.Parse(line.c_str());
  auto serialize = [](const rapidjson::Document& json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    json.Accept(writer);
    return std::string(buffer.GetString());
  };

  rapidjson::Document extra;
  extra.CopyFrom(doc, extra.GetAllocator());
  extra.AddMember("unexpected", 1, extra.GetAllocator());
  EXPECT_NE(SchemaProblem(serialize(extra)), "");

  rapidjson::Document bad_date;
  bad_date.CopyFrom(doc, bad_date.GetAllocator());
  bad_date["date"].SetString("09/09/2016");
  EXPECT_NE(SchemaProblem(serialize(bad_date)), "");

  rapidjson::Document bad_polarity;
  bad_polarity.CopyFrom(doc, bad_polarity.GetAllocator());
  bad_polarity["polarity"].SetString("neutral");
  EXPECT_NE(SchemaProblem(serialize(bad_polarity)), "");
}

TEST(EventJsonlTest, DocumentWithoutEventsWritesNothing) {
  std::ostringstream out;
  EventJsonlWriter writer(out);
  writer.Write(Process("quiet", "Nobody met anybody.", "2016-01-01"));
  EXPECT_EQ(out.str(), "");
}


TEST(ExportFormatTest, FromPathAndName) {
  ExportFormat format = ExportFormat::kJsonLd;
  EXPECT_TRUE(ExportFormatFromPath("out/events.jsonl", &format));
  EXPECT_EQ(format, ExportFormat::kEventsJsonl);
  EXPECT_TRUE(ExportFormatFromPath("actors.GraphML", &format));
  EXPECT_EQ(format, ExportFormat::kGraphML);
  EXPECT_TRUE(ExportFormatFromPath("kg.jsonld", &format));
  EXPECT_EQ(format, ExportFormat::kJsonLd);
  EXPECT_FALSE(ExportFormatFromPath("graph.json", &format));
  EXPECT_FALSE(ExportFormatFromPath("graphml", &format));
  EXPECT_FALSE(ExportFormatFromPath("events.jsonl.gz", &format));

  EXPECT_TRUE(ParseExportFormat("jsonl", &format));
  EXPECT_EQ(format, ExportFormat::kEventsJsonl);
  EXPECT_TRUE(ParseExportFormat("graphml", &format));
  EXPECT_EQ(format, ExportFormat::kGraphML);
  EXPECT_TRUE(ParseExportFormat("jsonld", &format));
  EXPECT_EQ(format, ExportFormat::kJsonLd);
  EXPECT_TRUE(ExportFormatFromPath("actors.gexf", &format));
  EXPECT_EQ(format, ExportFormat::kGexf);
  EXPECT_TRUE(ExportFormatFromPath("kg.NQ", &format));
  EXPECT_EQ(format, ExportFormat::kNQuads);
  EXPECT_TRUE(ExportFormatFromPath("out/csv/", &format));
  EXPECT_EQ(format, ExportFormat::kCsv);
  EXPECT_FALSE(ExportFormatFromPath("out/csv", &format));
  for (const std::string& name : ExportFormatNames()) {
    EXPECT_TRUE(ParseExportFormat(name, &format)) << name;
    EXPECT_EQ(ExportFormatName(format), name);
  }
  EXPECT_EQ(ExportFormatNames().size(), 6u);
  EXPECT_FALSE(ParseExportFormat("nq", &format));
  EXPECT_FALSE(ParseExportFormat("", &format));
}

}  // namespace
}  // namespace eg
