#include "extract/extract.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "extract/embedded_data.h"
#include "extract/json_file.h"
#include "extract/tokenizer.h"

namespace eg {

Extractor::Extractor(const ExtractorOptions& options) {
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  // The embedded packs are checked against their schemas, and their rules compiled in full, by tests
  // (data_packs_test), not at every start.
  auto load_rules = [&] {
    if (options.use_defaults) {
      for (const EmbeddedFile& file : EmbeddedFilesMatching("data/rules", ".json")) {
        rules_.AddPack(file.content, "(embedded) " + std::string(file.path), /*embedded=*/true);
      }
    }
    for (const std::string& path : options.rules) rules_.AddPack(ReadFileOrThrow(path), path);
    rules_.Compile(threads);
  };
  // The rules load on a thread of their own while this one loads the gazetteer; they do not depend on
  // each other. A bad gazetteer is reported first, as if they had loaded one after the other.
  std::exception_ptr rules_error;
  std::thread rules_thread;
  if (threads > 1) {
    rules_thread = std::thread([&] {
      try {
        load_rules();
      } catch (...) {
        rules_error = std::current_exception();
      }
    });
  }
  try {
    if (options.use_defaults) {
      for (const EmbeddedFile& file : EmbeddedFilesMatching("data/gazetteer", ".json")) {
        gazetteer_.AddPack(file.content, "(embedded) " + std::string(file.path), /*schema_checked=*/true);
      }
    }
    for (const std::string& path : options.gazetteers) gazetteer_.AddPack(ReadFileOrThrow(path), path);
    gazetteer_.Finish();
  } catch (...) {
    if (rules_thread.joinable()) rules_thread.join();
    throw;
  }
  if (rules_thread.joinable()) {
    rules_thread.join();
    if (rules_error) std::rethrow_exception(rules_error);
  } else {
    load_rules();
  }
  if (options.discover) discovery_ = std::make_unique<Discovery>(gazetteer_);
  coreference_ = std::make_unique<Coreference>(gazetteer_);
}

void Extractor::Process(Document* doc, const Rule* only_rule) const { Run(doc, nullptr, only_rule); }

void Extractor::ProcessStaged(Document* doc, Discovery::Stage* stage) const { Run(doc, stage, nullptr); }

void Extractor::Run(Document* doc, Discovery::Stage* stage, const Rule* only_rule) const {
  Tokenize(doc);
  thread_local FoldedTokens folded;  // per thread, reused: the gazetteer, discovery and coreference read it
  folded.Assign(doc->text, doc->tokens);
  gazetteer_.Annotate(doc, folded);
  if (discovery_) discovery_->Discover(doc, stage, folded);
  coreference_->Resolve(doc, folded);
  doc->events.clear();
  rules_.Apply(doc, only_rule);
}

void Extractor::Commit(Document* doc, Discovery::Stage* stage) const {
  if (discovery_) discovery_->Commit(doc, stage);
}

}  // namespace eg
