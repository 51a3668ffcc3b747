// EventRecord: one extracted event, copied out of its Document so the Document can be discarded.
//
// An Event (extract/document.h) refers into its Document by byte offsets; the graph and the writers need
// the event after the Document is gone (documents are streamed), so MakeEventRecord copies the text it
// needs: the sentence, the words that named each argument and the document id. Entities and rules are
// still pointers: they belong to the Extractor's packs, which outlive every graph built from them.
//
// An EventRecord is a plain value; copy and share it freely.
#ifndef EVENTGRAPH_GRAPH_EVENT_RECORD_H_
#define EVENTGRAPH_GRAPH_EVENT_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/rule_pack.h"

namespace eg {

struct EventRecord {
  // One argument of the event. entity is null when the event has no such argument.
  struct Arg {
    const Entity* entity = nullptr;
    std::string text;  // the words in the document that named the entity ("Kerry", "the Kremlin")
    Span span;         // their byte offsets in the document text
  };

  std::string doc;        // Document::id
  uint32_t sentence = 0;  // index of the sentence in the document
  Span sentence_span;     // byte offsets of the sentence in the document text
  std::string evidence;   // the sentence text
  Arg subject;            // always set
  Arg object;             // empty for a rule without an object
  Arg location;           // may be empty
  const Rule* rule = nullptr;  // never null: relation, cameo, quad_class, goldstein, symmetric, id
  std::string date;       // a full date YYYY-MM-DD, or empty (anything else the document said is dropped)
  Polarity polarity = Polarity::kPositive;
  double confidence = 0.0;
};

// Copies event, found in doc, into a record. event must be one of doc.events.
EventRecord MakeEventRecord(const Document& doc, const Event& event);

// True for a calendar date written YYYY-MM-DD with month 01-12 and day 01-31.
bool IsFullDate(std::string_view date);

// "positive" or "negative".
std::string_view PolarityName(Polarity polarity);

}  // namespace eg

#endif  // EVENTGRAPH_GRAPH_EVENT_RECORD_H_
