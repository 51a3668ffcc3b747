#include <cctype>
#include <string>

#include "export/export.h"

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

constexpr ExportFormat kFormats[] = {ExportFormat::kEventsJsonl, ExportFormat::kGraphML, ExportFormat::kJsonLd,
                                     ExportFormat::kGexf,        ExportFormat::kNQuads,  ExportFormat::kCsv};

}  // namespace

bool ExportFormatFromPath(std::string_view path, ExportFormat* format) {
  if (EndsWithIgnoringCase(path, ".jsonl")) {
    *format = ExportFormat::kEventsJsonl;
  } else if (EndsWithIgnoringCase(path, ".graphml")) {
    *format = ExportFormat::kGraphML;
  } else if (EndsWithIgnoringCase(path, ".jsonld")) {
    *format = ExportFormat::kJsonLd;
  } else if (EndsWithIgnoringCase(path, ".gexf")) {
    *format = ExportFormat::kGexf;
  } else if (EndsWithIgnoringCase(path, ".nq")) {
    *format = ExportFormat::kNQuads;
  } else if (!path.empty() && path.back() == '/') {
    *format = ExportFormat::kCsv;
  } else {
    return false;
  }
  return true;
}

bool ParseExportFormat(std::string_view name, ExportFormat* format) {
  for (ExportFormat candidate : kFormats) {
    if (name == ExportFormatName(candidate)) {
      *format = candidate;
      return true;
    }
  }
  return false;
}

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kEventsJsonl: return "jsonl";
    case ExportFormat::kGraphML: return "graphml";
    case ExportFormat::kJsonLd: return "jsonld";
    case ExportFormat::kGexf: return "gexf";
    case ExportFormat::kNQuads: return "nquads";
    case ExportFormat::kCsv: return "csv";
  }
  return "jsonl";
}

const std::vector<std::string>& ExportFormatNames() {
  static const std::vector<std::string>* names = [] {
    auto* list = new std::vector<std::string>;
    for (ExportFormat format : kFormats) list->emplace_back(ExportFormatName(format));
    return list;
  }();
  return *names;
}

void WriteGraphML(const EventGraph& graph, std::ostream& out) { WriteGraphML(ExportView(graph), out); }
void WriteGexf(const EventGraph& graph, std::ostream& out) { WriteGexf(ExportView(graph), out); }
void WriteJsonLd(const EventGraph& graph, std::ostream& out) { WriteJsonLd(ExportView(graph), out); }
void WriteNQuads(const EventGraph& graph, std::ostream& out) { WriteNQuads(ExportView(graph), out); }

}  // namespace eg
