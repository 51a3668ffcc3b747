// The graph side of the command line: writing the graph formats of `build` and `stats INPUT...`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "export/export.h"
#include "extract/document_reader.h"
#include "extract/extract.h"
#include "graph/event_graph.h"
#include "graph/network_measures.h"

namespace eg {
namespace {

// The twenty CAMEO root codes (event classes), by their two digits.
const char* CameoRootName(std::string_view root) {
  static const std::map<std::string_view, const char*> kNames = {
      {"01", "make public statement"}, {"02", "appeal"},
      {"03", "express intent to cooperate"}, {"04", "consult"},
      {"05", "engage in diplomatic cooperation"}, {"06", "engage in material cooperation"},
      {"07", "provide aid"}, {"08", "yield"},
      {"09", "investigate"}, {"10", "demand"},
      {"11", "disapprove"}, {"12", "reject"},
      {"13", "threaten"}, {"14", "protest"},
      {"15", "exhibit force posture"}, {"16", "reduce relations"},
      {"17", "coerce"}, {"18", "assault"},
      {"19", "fight"}, {"20", "use unconventional mass violence"}};
  auto it = kNames.find(root);
  return it == kNames.end() ? "unknown" : it->second;
}

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Node indices ordered by key, descending; ties by node order, so the listing is stable.
template <typename Key>
std::vector<size_t> RankNodes(size_t count, Key key) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
  return order;
}

void PrintGraphStats(const EventGraph& graph, size_t top) {
  const NetworkMeasures measures = ComputeNetworkMeasures(graph);
  const size_t n = graph.node_count();
  std::cout << "graph: " << graph.document_count() << " documents, " << graph.event_count() << " events, " << n
            << " nodes, " << graph.edge_count() << " edges, " << measures.component_sizes.size()
            << " connected components\n";

  auto label = [&](size_t i) { return graph.node(i).entity->label + " (" + graph.node(i).entity->id + ")"; };
  std::cout << "\ntop actors by degree (edges; weighted by events)\n";
  const auto by_degree = RankNodes(n, [&](size_t i) { return measures.nodes[i].degree; });
  for (size_t k = 0; k < std::min(top, n); ++k) {
    const size_t i = by_degree[k];
    std::cout << "  " << k + 1 << ". " << label(i) << "  " << measures.nodes[i].degree << "; "
              << Fixed(measures.nodes[i].weighted_degree, 0) << "\n";
  }
  std::cout << "\ntop actors by betweenness (normalized)\n";
  const auto by_betweenness = RankNodes(n, [&](size_t i) { return measures.nodes[i].betweenness; });
  for (size_t k = 0; k < std::min(top, n); ++k) {
    const size_t i = by_betweenness[k];
    std::cout << "  " << k + 1 << ". " << label(i) << "  " << Fixed(measures.nodes[i].betweenness, 4) << "\n";
  }

  std::cout << "\nconnected components (largest first)\n";
  std::vector<size_t> components(measures.component_sizes.size());
  for (size_t c = 0; c < components.size(); ++c) components[c] = c;
  std::stable_sort(components.begin(), components.end(),
                   [&](size_t a, size_t b) { return measures.component_sizes[a] > measures.component_sizes[b]; });
  for (size_t k = 0; k < std::min(top, components.size()); ++k) {
    const size_t c = components[k];
    std::string members;
    size_t listed = 0;
    for (size_t i = 0; i < n && listed < 5; ++i) {
      if (measures.nodes[i].component != c) continue;
      members += (listed++ ? ", " : "") + graph.node(i).entity->label;
    }
    if (measures.component_sizes[c] > listed) members += ", ...";
    std::cout << "  " << measures.component_sizes[c] << (measures.component_sizes[c] == 1 ? " node: " : " nodes: ")
              << members << "\n";
  }
  if (components.size() > top) std::cout << "  ... " << components.size() - top << " more\n";

  std::map<std::string, size_t> by_root, by_month;
  for (const EventRecord& event : graph.events()) {
    const std::string& cameo = event.rule->cameo;
    ++by_root[cameo.size() >= 2 ? cameo.substr(0, 2) : "??"];
    ++by_month[event.date.empty() ? "undated" : event.date.substr(0, 7)];
  }
  std::cout << "\nevents per CAMEO root\n";
  for (const auto& [root, count] : by_root) {
    std::cout << "  " << root << " " << CameoRootName(root) << ": " << count << "\n";
  }
  std::cout << "\nevents per month\n";
  for (const auto& [month, count] : by_month) std::cout << "  " << month << ": " << count << "\n";
}

}  // namespace

int RunGraphStats(const GraphStatsCommand& command) {
  try {
    const Extractor& extractor = Kept<const Extractor>(MakeExtractorOptions(command.packs));
    DocumentReader reader(command.input.paths, MakeReaderOptions(command.input));
    EventGraph& graph = Kept<EventGraph>();
    Document doc;
    while (reader.Next(&doc)) {
      extractor.Process(&doc);
      graph.Add(doc);
    }
    PrintGraphStats(graph, command.top);
    if (reader.skipped() > 0) std::cerr << "eventgraph: " << reader.skipped() << " skipped\n";
    return 0;
  } catch (const InputError& error) {
    std::cerr << "eventgraph: " << error.what() << "\n";
    return 1;
  }
}

bool GraphOutputsNeedEvents(const BuildCommand& command, const std::vector<ExportFormat>& formats) {
  for (ExportFormat format : formats) {
    if (format == ExportFormat::kGraphML && command.edges == "events") return true;
    if (format != ExportFormat::kGraphML && format != ExportFormat::kEventsJsonl) return true;
  }
  return false;
}

void WriteGraphOutputs(const EventGraph& graph, const BuildCommand& command,
                       const std::vector<ExportFormat>& formats,
                       const std::vector<std::unique_ptr<AtomicOutputFile>>& files) {
  ExportOptions options;
  ParseEdgeMode(command.edges, &options.edges);  // main.cc checked the name
  std::optional<ExportView> view;
  for (size_t i = 0; i < formats.size(); ++i) {
    if (formats[i] == ExportFormat::kEventsJsonl) continue;
    if (!view) view.emplace(graph, options);
    switch (formats[i]) {
      case ExportFormat::kGraphML: WriteGraphML(*view, files[i]->stream()); break;
      case ExportFormat::kGexf: WriteGexf(*view, files[i]->stream()); break;
      case ExportFormat::kJsonLd: WriteJsonLd(*view, files[i]->stream()); break;
      case ExportFormat::kNQuads: WriteNQuads(*view, files[i]->stream()); break;
      case ExportFormat::kCsv: WriteCsvDirectory(*view, command.outputs[i]); break;
      case ExportFormat::kEventsJsonl: break;
    }
  }
}

}  // namespace eg
