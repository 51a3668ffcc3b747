#include "export/event_json.h"

#include <cmath>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace eg {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// RapidJSON refuses NaN and infinity (and would leave the object unfinished); write 0 instead.
void WriteNumber(double value, JsonWriter* writer) { writer->Double(std::isfinite(value) ? value : 0.0); }

void WriteSpan(Span span, JsonWriter* writer) {
  writer->StartArray();
  writer->Uint(span.begin);
  writer->Uint(span.end);
  writer->EndArray();
}

// {id, label, type, text, span} or null.
void WriteArgument(const EventRecord::Arg& arg, JsonWriter* writer) {
  if (!arg.entity) {
    writer->Null();
    return;
  }
  writer->StartObject();
  writer->Key("id");
  writer->String(arg.entity->id);
  writer->Key("label");
  writer->String(arg.entity->label);
  writer->Key("type");
  const std::string_view type = EntityTypeName(arg.entity->type);
  writer->String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
  writer->Key("text");
  writer->String(arg.text);
  writer->Key("span");
  WriteSpan(arg.span, writer);
  writer->EndObject();
}

}  // namespace

void AppendEventJson(const EventRecord& event, std::string* out) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  const Rule& rule = *event.rule;
  writer.StartObject();
  writer.Key("doc");
  writer.String(event.doc);
  writer.Key("sentence");
  writer.Uint(event.sentence);
  writer.Key("span");
  WriteSpan(event.sentence_span, &writer);
  writer.Key("evidence");
  writer.String(event.evidence);
  writer.Key("subject");
  WriteArgument(event.subject, &writer);
  writer.Key("object");
  WriteArgument(event.object, &writer);
  writer.Key("relation");
  writer.String(rule.relation);
  writer.Key("cameo");
  writer.String(rule.cameo);
  writer.Key("quad_class");
  writer.Int(rule.quad_class);
  writer.Key("goldstein");
  WriteNumber(rule.goldstein, &writer);
  writer.Key("symmetric");
  writer.Bool(rule.symmetric);
  writer.Key("location");
  WriteArgument(event.location, &writer);
  writer.Key("date");
  if (event.date.empty()) {
    writer.Null();
  } else {
    writer.String(event.date);
  }
  writer.Key("polarity");
  const std::string_view polarity = PolarityName(event.polarity);
  writer.String(polarity.data(), static_cast<rapidjson::SizeType>(polarity.size()));
  writer.Key("rule");
  writer.String(rule.id);
  writer.Key("confidence");
  WriteNumber(event.confidence, &writer);
  writer.EndObject();
  out->append(buffer.GetString(), buffer.GetSize());
  out->push_back('\n');
}

}  // namespace eg
