// XML 1.0 text helpers for the GraphML writer. Internal to export/.
#ifndef EVENTGRAPH_EXPORT_XML_TEXT_H_
#define EVENTGRAPH_EXPORT_XML_TEXT_H_

#include <string>
#include <string_view>

namespace eg {

// Appends text escaped for element content and attribute values alike: & < > " ' become entity
// references; tab, newline and carriage return become character references (so attribute-value
// normalization cannot turn them into spaces); characters XML 1.0 forbids (other C0 controls, U+FFFE,
// U+FFFF) and bytes that are not well-formed UTF-8 become U+FFFD.
void AppendXmlEscaped(std::string_view text, std::string* out);

// text with every byte that may not appear in an XML NMTOKEN (ASCII letters, digits, . - _ :) replaced
// by '_'; "_" when text is empty. Non-ASCII name characters are replaced too, to stay on the safe side.
std::string ToNmtoken(std::string_view text);

}  // namespace eg

#endif  // EVENTGRAPH_EXPORT_XML_TEXT_H_
