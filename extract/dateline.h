// Finding a document's date in its own text: a date line near the top, as news pages print them.
//
// Recognised, alone on a line (possibly after or before a place name and a dash) within the first few
// lines: "Thursday, March 24, 2016", "March 24, 2016", "24 March 2016", "Mar. 24, 2016", "2016-03-24".
// Month names are English, full or abbreviated. Anything else is not a dateline: a date inside a sentence
// is an event's date, not the document's.
#ifndef EVENTGRAPH_EXTRACT_DATELINE_H_
#define EVENTGRAPH_EXTRACT_DATELINE_H_

#include <string>
#include <string_view>

namespace eg {

// The date of the first date line in the first lines of text, as YYYY-MM-DD, or empty.
std::string FindDateline(std::string_view text);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_DATELINE_H_
