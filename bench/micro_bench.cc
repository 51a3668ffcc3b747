// Micro-benchmarks of the extraction stages on the embedded sample text (data/sample.txt) with the default
// packs: tokenizer, gazetteer lookup, the rule prefilter, rule matching, graph merge. Bytes/s are of
// document text (of sentence views for the prefilter).
//
//   cmake -B build-perf -DCMAKE_BUILD_TYPE=Release -DEG_BUILD_BENCH=ON && cmake --build build-perf
//   build-perf/bench/eg_micro_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/extract.h"
#include "extract/rule_pattern.h"
#include "extract/tokenizer.h"
#include "graph/event_graph.h"

namespace {

const eg::Extractor& SharedExtractor() {
  static const eg::Extractor extractor{eg::ExtractorOptions{}};
  return extractor;
}

eg::Document SampleDocument() {
  eg::Document doc;
  doc.id = "sample";
  doc.text = std::string(eg::FindEmbeddedFile("data/sample.txt"));
  doc.date = "2016-09-09";
  return doc;
}

void BM_Tokenize(benchmark::State& state) {
  eg::Document doc = SampleDocument();
  for (auto _ : state) {
    eg::Tokenize(&doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_GazetteerAnnotate(benchmark::State& state) {
  const eg::Extractor& extractor = SharedExtractor();
  eg::Document doc = SampleDocument();
  eg::Tokenize(&doc);
  for (auto _ : state) {
    extractor.gazetteer().Annotate(&doc);
    benchmark::DoNotOptimize(doc.mentions.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_GazetteerAnnotate);

void BM_RuleApply(benchmark::State& state) {
  const eg::Extractor& extractor = SharedExtractor();
  eg::Document doc = SampleDocument();
  extractor.Process(&doc);
  for (auto _ : state) {
    doc.events.clear();
    extractor.rules().Apply(&doc);
    benchmark::DoNotOptimize(doc.events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_RuleApply);

// The prefilter alone (atom_filter.h): the rules each sentence view of the sample may match, as
// RulePack::Apply asks before it runs any regexp.
void BM_Prefilter(benchmark::State& state) {
  const eg::Extractor& extractor = SharedExtractor();
  eg::Document doc = SampleDocument();
  extractor.Process(&doc);
  std::vector<std::string> views;
  eg::SentenceView view;
  size_t first = 0;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    size_t end = first;
    while (end < doc.mentions.size() && doc.mentions[end].sentence == s) ++end;
    if (end > first) {
      view.Build(doc, s, first, end);
      views.push_back(view.text());
    }
    first = end;
  }
  std::vector<int> candidates;
  int64_t bytes = 0;
  for (const std::string& text : views) bytes += static_cast<int64_t>(text.size());
  for (auto _ : state) {
    for (const std::string& text : views) {
      extractor.rules().prefilter().Candidates(text, &candidates);
      benchmark::DoNotOptimize(candidates.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);  // of the views, markers included
}
BENCHMARK(BM_Prefilter);

void BM_Process(benchmark::State& state) {
  const eg::Extractor& extractor = SharedExtractor();
  eg::Document doc = SampleDocument();
  for (auto _ : state) {
    extractor.Process(&doc);
    benchmark::DoNotOptimize(doc.events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_Process);

void BM_GraphMerge(benchmark::State& state) {
  const eg::Extractor& extractor = SharedExtractor();
  eg::Document doc = SampleDocument();
  extractor.Process(&doc);
  for (auto _ : state) {
    eg::EventGraph graph;
    for (int i = 0; i < 100; ++i) graph.Add(doc);
    benchmark::DoNotOptimize(graph.edge_count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 100 * doc.events.size()));
}
BENCHMARK(BM_GraphMerge);

}  // namespace

BENCHMARK_MAIN();
