// The one serialization of an event as a line of the events JSONL format (schemas/event.schema.json).
//
// Internal to export/: both WriteEventsJsonl and EventJsonlWriter go through AppendEventJson, so the two
// paths cannot drift apart.
#ifndef EVENTGRAPH_EXPORT_EVENT_JSON_H_
#define EVENTGRAPH_EXPORT_EVENT_JSON_H_

#include <string>

#include "graph/event_record.h"

namespace eg {

// Appends event as one JSON object followed by '\n'.
void AppendEventJson(const EventRecord& event, std::string* out);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_EVENT_JSON_H_
