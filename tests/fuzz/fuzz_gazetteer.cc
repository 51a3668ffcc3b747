// Fuzzes the gazetteer loader (extract/gazetteer.h): JSON, schema, ids, aliases, roles, references.
//
// Any bytes as a pack: AddPack and Finish either succeed or throw InputError with a message. A gazetteer
// that loads annotates a sentence made of its own labels, so that every alias is looked up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/gazetteer.h"
#include "extract/input_error.h"
#include "extract/tokenizer.h"
#include "extract/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  eg::Gazetteer gazetteer;
  try {
    gazetteer.AddPack(json, "fuzz.json");
    gazetteer.Finish();
  } catch (const eg::InputError& error) {
    if (error.message().empty()) std::abort();
    return 0;
  }
  eg::Document doc;
  doc.id = "fuzz";
  doc.date = "2016-09-09";
  for (const eg::Entity& entity : gazetteer.entities()) {
    doc.text += "The " + entity.label + " said " + entity.label + "'s people met. ";
    if (doc.text.size() > 100000) break;
  }
  if (eg::FindInvalidUtf8(doc.text) != std::string_view::npos) std::abort();  // labels are UTF-8
  eg::Tokenize(&doc);
  gazetteer.Annotate(&doc);
  for (const eg::Mention& mention : doc.mentions) {
    if (mention.entity == nullptr || mention.span.end > doc.text.size()) std::abort();
  }
  return 0;
}
