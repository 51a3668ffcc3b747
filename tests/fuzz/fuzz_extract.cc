// Fuzzes extraction on arbitrary text with the embedded default packs (extract/extract.h), and the
// writers on what it finds (export/export.h).
//
// Input that is valid UTF-8 becomes one document (dated 2016-09-09) that goes through every stage; its
// events make a graph that every writer writes to memory. Checks: every event points into its text, and
// the XML outputs hold no character XML 1.0 forbids (a control character other than tab, line feed and
// carriage return).
//
// Discovered people are shared by every document an Extractor sees and never forgotten, so the target
// starts a fresh Extractor every 20000 inputs to keep memory flat over long runs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "export/export.h"
#include "extract/extract.h"
#include "extract/utf8.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

bool HasXmlForbiddenControl(const std::string& xml) {
  for (unsigned char c : xml) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<eg::Extractor> extractor;
  static size_t runs = 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (eg::FindInvalidUtf8(text) != std::string_view::npos) return 0;
  if (!extractor || ++runs % 20000 == 0) {
    extractor.reset();
    extractor = std::make_unique<eg::Extractor>(eg::ExtractorOptions{});
  }
  eg::Document doc;
  doc.id = "fuzz";
  doc.text.assign(text);
  doc.date = "2016-09-09";
  extractor->Process(&doc);
  for (const eg::Event& event : doc.events) {
    Check(event.rule != nullptr && event.subject.entity != nullptr);
    Check(event.sentence < doc.sentences.size() && event.match.end <= doc.text.size());
  }
  eg::EventGraph graph;
  graph.Add(doc);
  const eg::ExportView view(graph);
  std::ostringstream graphml, gexf, jsonld, nquads, events;
  eg::WriteGraphML(view, graphml);
  eg::WriteGexf(view, gexf);
  eg::WriteJsonLd(view, jsonld);
  eg::WriteNQuads(view, nquads);
  eg::EventJsonlWriter(events).Write(doc);
  Check(!HasXmlForbiddenControl(graphml.str()));
  Check(!HasXmlForbiddenControl(gexf.str()));
  return 0;
}
