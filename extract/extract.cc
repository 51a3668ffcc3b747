#include "extract/extract.h"

#include "extract/embedded_data.h"
#include "extract/json_file.h"
#include "extract/tokenizer.h"

namespace eg {

Extractor::Extractor(const ExtractorOptions& options) {
  if (options.use_defaults) {
    for (const EmbeddedFile& file : EmbeddedFilesMatching("data/gazetteer", ".json")) {
      gazetteer_.AddPack(file.content, "(embedded) " + std::string(file.path));
    }
    for (const EmbeddedFile& file : EmbeddedFilesMatching("data/rules", ".json")) {
      rules_.AddPack(file.content, "(embedded) " + std::string(file.path));
    }
  }
  for (const std::string& path : options.gazetteers) gazetteer_.AddPack(ReadFileOrThrow(path), path);
  gazetteer_.Finish();
  if (options.discover) discovery_ = std::make_unique<Discovery>(gazetteer_);
  coreference_ = std::make_unique<Coreference>(gazetteer_);
  for (const std::string& path : options.rules) rules_.AddPack(ReadFileOrThrow(path), path);
  rules_.Compile();
}

void Extractor::Process(Document* doc, const Rule* only_rule) const {
  Tokenize(doc);
  gazetteer_.Annotate(doc);
  if (discovery_) discovery_->Discover(doc);
  coreference_->Resolve(doc);
  doc->events.clear();
  rules_.Apply(doc, only_rule);
}

void Extractor::ProcessStaged(Document* doc, Discovery::Stage* stage) const {
  Tokenize(doc);
  gazetteer_.Annotate(doc);
  if (discovery_) discovery_->Discover(doc, stage);
  coreference_->Resolve(doc);
  doc->events.clear();
  rules_.Apply(doc);
}

void Extractor::Commit(Document* doc, Discovery::Stage* stage) const {
  if (discovery_) discovery_->Commit(doc, stage);
}

}  // namespace eg
