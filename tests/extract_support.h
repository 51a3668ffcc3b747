// Helpers for tests that run extraction on sentences they write: the extractor with the default packs,
// the default packs plus a rule pack of the test's own, and a document processed by either.
//
// The extractors are made on first use and never freed (building one compiles every rule), so a test
// binary pays for each once.
#ifndef EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_
#define EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "graph/event_graph.h"

namespace eg_test {

// The embedded default packs.
inline const eg::Extractor& DefaultExtractor() {
  static const eg::Extractor* extractor = new eg::Extractor(eg::ExtractorOptions{});
  return *extractor;
}

// The default packs plus the rule pack rules_json, which is written to <temp>/<name>_<pid>.json (one file
// per process: ctest runs a binary's tests in parallel processes). One extractor per name.
inline const eg::Extractor& ExtractorWithRules(const std::string& name, const char* rules_json) {
  static auto* extractors = new std::map<std::string, const eg::Extractor*>;
  const eg::Extractor*& extractor = (*extractors)[name];
  if (extractor == nullptr) {
    const std::string path = testing::TempDir() + "/" + name + "_" + std::to_string(::getpid()) + ".json";
    std::ofstream(path) << rules_json;
    eg::ExtractorOptions options;
    options.rules.push_back(path);
    extractor = new eg::Extractor(options);
  }
  return *extractor;
}

// A document with these fields, processed by extractor.
inline eg::Document Process(const eg::Extractor& extractor, const std::string& id, const std::string& text,
                            const std::string& date, const std::string& title = "") {
  eg::Document doc;
  doc.id = id;
  doc.text = text;
  doc.date = date;
  doc.title = title;
  extractor.Process(&doc);
  return doc;
}

// Adds a processed document to graph; the document goes out of scope right away, as when streaming.
inline void AddDocument(eg::EventGraph* graph, const std::string& id, const std::string& text,
                        const std::string& date, const eg::Extractor& extractor = DefaultExtractor(),
                        const std::string& title = "") {
  graph->Add(Process(extractor, id, text, date, title));
}

// The events of text (one document dated 2016-03-24), one string each: "rule subject object", with "-"
// for no object.
inline std::vector<std::string> EventsOf(const eg::Extractor& extractor, const std::string& text) {
  const eg::Document doc = Process(extractor, "d", text, "2016-03-24");
  std::vector<std::string> out;
  for (const eg::Event& e : doc.events) {
    out.push_back(e.rule->id + " " + e.subject.entity->id + " " + (e.object ? e.object.entity->id : "-"));
  }
  return out;
}

}  // namespace eg_test

#endif  // EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_
