// Gazetteer scaling (issue 6): the load time and the extraction throughput of an Extractor with the
// default packs plus a synthetic gazetteer of 0, 100k and 1M extra aliases, in one process, so that
// neither start-up nor other processes blur the throughput. The packs load with every core, as
// `eventgraph build` does by default (the rules compile beside the gazetteer). Targets: throughput within
// 20% of the default (the /0 row), load at most 2 s.
//
//   cmake -B build-perf -DCMAKE_BUILD_TYPE=Release -DEG_BUILD_BENCH=ON && cmake --build build-perf
//   build-perf/bench/eg_gazetteer_scale_bench
//
// The packs are written once to build/bench/gazetteer_synthetic_<N>.json: people "<given name>
// <made-up surname>" with a second alias "<given name> <initial>. <surname>". The given names are common
// real ones (John, Sergei, ...), so that walks in the trie go past the first token as often as with a
// large real gazetteer; the made-up surnames seldom occur in text. Counters: load_s (building the
// Extractor), aliases (in the gazetteer); bytes/s are of the sample text (data/sample.txt) processed.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/extract.h"

namespace {

// Writes the pack of extra_aliases aliases (two per person) unless it exists; returns its path.
std::string SyntheticPack(int64_t extra_aliases) {
  const std::filesystem::path dir = EG_BENCH_DIR;
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / ("gazetteer_synthetic_" + std::to_string(extra_aliases) + ".json");
  if (std::filesystem::exists(path)) return path.string();
  const std::vector<std::string> given = {
      "John",   "Sergei", "Vladimir", "Barack", "Angela", "Recep",  "Mohammad", "Ban",    "Hassan", "Bashar",
      "Ali",    "Ahmed",  "Donald",   "Boris",  "Xi",     "Li",     "Wang",     "Shinzo", "Kim",    "Park",
      "Ivan",   "Olga",   "Maria",    "Anna",   "Peter",  "Paul",   "James",    "Robert", "David",  "George",
      "Fatima", "Omar",   "Yusuf",    "Khalid", "Dmitry", "Nikolai", "Mikhail", "Yuri",   "Igor",   "Thomas"};
  const std::vector<std::string> syllables = {"ka", "lo", "mi", "ra", "ven", "to", "shi", "bar", "dor", "qui",
                                              "zel", "mun", "tra", "pek", "os", "ul", "fen", "gar", "ith", "nob"};
  std::mt19937 random(6);
  const std::string tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp);
    out << "{\"name\":\"synthetic\",\"entities\":[\n";
    for (int64_t i = 0; i < extra_aliases / 2; ++i) {
      const std::string& first = given[random() % given.size()];
      std::string surname;
      for (int s = 0; s < 3; ++s) surname += syllables[random() % syllables.size()];
      surname[0] = static_cast<char>(surname[0] - 'a' + 'A');
      surname += std::to_string(i);
      out << (i ? "," : "") << "{\"id\":\"person:synthetic_" << i << "\",\"label\":\"" << first << " " << surname
          << "\",\"type\":\"PERSON\",\"aliases\":[\"" << first << " " << static_cast<char>('A' + i % 26) << ". "
          << surname << "\"]}\n";
    }
    out << "]}\n";
  }
  std::filesystem::rename(tmp, path);
  return path.string();
}

struct Loaded {
  std::unique_ptr<eg::Extractor> extractor;
  double seconds = 0;
};

const Loaded& ExtractorWith(int64_t extra_aliases) {
  static std::map<int64_t, Loaded> loaded;
  auto it = loaded.find(extra_aliases);
  if (it != loaded.end()) return it->second;
  loaded.clear();  // one large gazetteer in memory at a time
  eg::ExtractorOptions options;
  options.threads = 0;  // every core, as the command line loads (the rules compile beside the gazetteer)
  if (extra_aliases > 0) options.gazetteers.push_back(SyntheticPack(extra_aliases));
  const auto start = std::chrono::steady_clock::now();
  Loaded result;
  result.extractor = std::make_unique<eg::Extractor>(options);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return loaded.emplace(extra_aliases, std::move(result)).first->second;
}

void BM_ProcessWithExtraAliases(benchmark::State& state) {
  const Loaded& loaded = ExtractorWith(state.range(0));
  eg::Document doc;
  doc.id = "sample";
  doc.text = std::string(eg::FindEmbeddedFile("data/sample.txt"));
  doc.date = "2016-09-09";
  for (auto _ : state) {
    loaded.extractor->Process(&doc);
    benchmark::DoNotOptimize(doc.events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  state.counters["load_s"] = loaded.seconds;
  state.counters["aliases"] = static_cast<double>(loaded.extractor->gazetteer().alias_count());
}
BENCHMARK(BM_ProcessWithExtraAliases)->Arg(0)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
