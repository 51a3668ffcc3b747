#include "export/export.h"

#include <cctype>
#include <string>

namespace eg {
namespace {

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text.remove_prefix(text.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

bool ExportFormatFromPath(std::string_view path, ExportFormat* format) {
  if (EndsWithIgnoringCase(path, ".jsonl")) {
    *format = ExportFormat::kEventsJsonl;
  } else if (EndsWithIgnoringCase(path, ".graphml")) {
    *format = ExportFormat::kGraphML;
  } else if (EndsWithIgnoringCase(path, ".jsonld")) {
    *format = ExportFormat::kJsonLd;
  } else {
    return false;
  }
  return true;
}

bool ParseExportFormat(std::string_view name, ExportFormat* format) {
  for (ExportFormat candidate : {ExportFormat::kEventsJsonl, ExportFormat::kGraphML, ExportFormat::kJsonLd}) {
    if (name == ExportFormatName(candidate)) {
      *format = candidate;
      return true;
    }
  }
  return false;
}

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kEventsJsonl:
      return "jsonl";
    case ExportFormat::kGraphML:
      return "graphml";
    case ExportFormat::kJsonLd:
      return "jsonld";
  }
  return "jsonl";
}

}  // namespace eg
