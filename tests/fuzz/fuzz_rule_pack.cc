// Fuzzes the rule-pack loader (extract/rule_pack.h): JSON, schema, macros, patterns, tests, RE2::Set.
//
// Any bytes as a pack after the embedded defaults' schema: AddPack and Compile either succeed or throw
// InputError with a message. A pack that compiles is applied to one annotated sentence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/gazetteer.h"
#include "extract/input_error.h"
#include "extract/rule_pack.h"
#include "extract/tokenizer.h"

namespace {

const eg::Gazetteer& SmallGazetteer() {
  static const eg::Gazetteer* gazetteer = [] {
    auto* g = new eg::Gazetteer();
    g->AddPack(R"({"name": "fuzz", "entities": [
        {"id": "person:john_kerry", "label": "John Kerry", "type": "PERSON", "aliases": ["Kerry"]},
        {"id": "person:sergei_lavrov", "label": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov"]},
        {"id": "city:geneva", "label": "Geneva", "type": "CITY"}]})",
               "fuzz-gazetteer.json");
    g->Finish();
    return g;
  }();
  return *gazetteer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  eg::RulePack pack;
  try {
    pack.AddPack(json, "fuzz.json");
    pack.Compile();
  } catch (const eg::InputError& error) {
    if (error.message().empty()) std::abort();
    return 0;
  }
  eg::Document doc;
  doc.id = "fuzz";
  doc.text = "Kerry met Lavrov in Geneva on Tuesday. Kerry did not meet Lavrov.";
  doc.date = "2016-09-09";
  eg::Tokenize(&doc);
  SmallGazetteer().Annotate(&doc);
  pack.Apply(&doc);
  return 0;
}
