#include <string>

#include "export/event_json.h"
#include "export/export.h"

namespace eg {

void WriteEventsJsonl(const EventGraph& graph, std::ostream& out) {
  std::string line;
  for (const EventRecord& event : graph.events()) {
    line.clear();
    AppendEventJson(event, &line);
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

void EventJsonlWriter::Write(const Document& doc) {
  std::string line;
  for (const Event& event : doc.events) {
    line.clear();
    AppendEventJson(MakeEventRecord(doc, event), &line);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

}  // namespace eg
