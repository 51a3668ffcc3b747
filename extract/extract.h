// eventgraph's extraction library: news text in, events out. This is the header to include.
//
//   eg::Extractor extractor(eg::ExtractorOptions{});        // embedded default packs
//   eg::Document doc;
//   doc.id = "a1"; doc.text = "Kerry met Lavrov in Geneva."; doc.date = "2016-09-09";
//   extractor.Process(&doc);                                // tokens, sentences, mentions, events
//   for (const eg::Event& e : doc.events) ...
//
// Process() runs the stages in order (tokenizer.h, gazetteer.h, discovery.h, coreference.h,
// rule_pack.h); each adds to the Document (document.h). Documents come from files through document_reader.h.
//
// Ownership and threads: the Extractor owns the gazetteer and the rules, which the events of processed
// documents point into, so it must outlive them. Constructing it loads and compiles every pack, on
// options.threads threads, and throws InputError for a bad pack (a bad gazetteer before a bad rule pack). Process() is const and may run on many documents at once; a document
// costs time linear in its length, whatever the size of the gazetteer (token trie) and of the rule pack
// (rule_pack.h: a literal prefilter picks the few rules that run).
#ifndef EVENTGRAPH_EXTRACT_EXTRACT_H_
#define EVENTGRAPH_EXTRACT_EXTRACT_H_

#include <string>
#include <vector>

#include <memory>

#include "extract/coreference.h"
#include "extract/discovery.h"
#include "extract/document.h"
#include "extract/gazetteer.h"
#include "extract/input_error.h"
#include "extract/rule_pack.h"

namespace eg {

struct ExtractorOptions {
  bool use_defaults = true;              // load the embedded data/gazetteer*.json and data/rules*.json
  std::vector<std::string> gazetteers;   // extra gazetteer files, applied after the defaults
  std::vector<std::string> rules;        // extra rule files, applied after the defaults
  bool discover = true;                  // find people the gazetteer lacks (discovery.h)
  int threads = 1;                       // for loading the packs: the gazetteer and shards of the rules
                                         // load at once (0: every core); the result is the same
};

class Extractor {
 public:
  explicit Extractor(const ExtractorOptions& options);

  // Tokenizes doc->text and fills sentences, mentions and events. doc->text must be valid UTF-8 (the
  // readers guarantee it); events take doc->date as their date. With only_rule, just that rule looks for
  // events (see RulePack::Apply).
  void Process(Document* doc, const Rule* only_rule = nullptr) const;

  // Process() in two halves, for documents processed in parallel (parallel.h): ProcessStaged() runs on
  // any thread and keeps the people it discovers in *stage; Commit(), called for the documents in input
  // order, makes them shared entities (Discovery::Commit) so that the result does not depend on which
  // thread finished first. Without discovery, Commit() does nothing.
  void ProcessStaged(Document* doc, Discovery::Stage* stage) const;
  void Commit(Document* doc, Discovery::Stage* stage) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const RulePack& rules() const { return rules_; }
  // The people discovered in the documents processed so far; null when discovery is off.
  const Discovery* discovery() const { return discovery_.get(); }

 private:
  // Every stage on doc; discovered people go to stage, or straight to the shared registry when it is null.
  void Run(Document* doc, Discovery::Stage* stage, const Rule* only_rule) const;

  Gazetteer gazetteer_;
  std::unique_ptr<Discovery> discovery_;      // made once the gazetteer is finished, unless turned off
  std::unique_ptr<Coreference> coreference_;  // made once the gazetteer is finished
  RulePack rules_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_EXTRACT_H_
