#include "graph/event_record.h"

namespace eg {
namespace {

EventRecord::Arg CopyArgument(const Document& doc, const Argument& argument) {
  EventRecord::Arg arg;
  if (!argument) return arg;
  arg.entity = argument.entity;
  arg.span = argument.span;
  arg.text = std::string(doc.Text(argument.span));
  return arg;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsFullDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(date[i])) return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string_view PolarityName(Polarity polarity) {
  return polarity == Polarity::kNegative ? "negative" : "positive";
}

EventRecord MakeEventRecord(const Document& doc, const Event& event) {
  EventRecord record;
  record.doc = doc.id;
  record.sentence = event.sentence;
  if (event.sentence < doc.sentences.size()) {
    record.sentence_span = doc.sentences[event.sentence].span;
    record.evidence = std::string(doc.Text(record.sentence_span));
  }
  record.subject = CopyArgument(doc, event.subject);
  record.object = CopyArgument(doc, event.object);
  record.location = CopyArgument(doc, event.location);
  record.rule = event.rule;
  if (IsFullDate(event.date)) record.date = event.date;
  record.polarity = event.polarity;
  record.confidence = event.confidence;
  return record;
}

}  // namespace eg
