// Helpers for tests that run extraction on sentences they write: the extractor with the default packs,
// the default packs plus a rule pack of the test's own, and a document processed by either.
//
// The extractors are made on first use and never freed (building one compiles every rule), so a test
// binary pays for each once.
#ifndef EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_
#define EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

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

// Every event of doc, one line each: rule, the three arguments with their spans, the matched span.
inline std::string EventLines(const eg::Document& doc) {
  std::ostringstream out;
  auto argument = [&](const eg::Argument& a) {
    return a ? a.entity->id + "@" + std::to_string(a.span.begin) : std::string("-");
  };
  for (const eg::Event& event : doc.events) {
    out << event.rule->id << " " << argument(event.subject) << " " << argument(event.object) << " "
        << argument(event.location) << " " << event.match.begin << "-" << event.match.end << "\n";
  }
  return out.str();
}

// Real text to run the default packs on: data/sample.txt, then the seed articles of ../shared/corpus/seeds
// and, with diplomacy, the texts of ../shared/corpus/diplomacy/diplomacy.jsonl, where ../shared is present.
inline std::vector<std::string> SampleAndSeedTexts(bool diplomacy = false) {
  std::vector<std::string> texts;
  auto read = [](const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  };
  texts.push_back(read(std::string(EG_SOURCE_DIR) + "/data/sample.txt"));
  const std::filesystem::path corpus = std::string(EG_SHARED_DIR) + "/corpus";
  if (std::filesystem::is_directory(corpus / "seeds")) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(corpus / "seeds")) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) texts.push_back(read(path));
  }
  if (diplomacy && std::filesystem::exists(corpus / "diplomacy/diplomacy.jsonl")) {
    std::ifstream lines(corpus / "diplomacy/diplomacy.jsonl");
    for (std::string line; std::getline(lines, line);) {
      rapidjson::Document article;
      article.Parse(line.data(), line.size());
      if (!article.HasParseError() && article.IsObject() && article.HasMember("text") && article["text"].IsString()) {
        texts.emplace_back(article["text"].GetString(), article["text"].GetStringLength());
      }
    }
  }
  return texts;
}

}  // namespace eg_test

#endif  // EVENTGRAPH_TESTS_EXTRACT_SUPPORT_H_
