#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iostream>

#include "cli/commands.h"
#include "extract/document_reader.h"
#include "extract/extract.h"

namespace eg {

// Extracts INPUT and prints what discovery found as a valid gazetteer pack: each entry carries the id the
// run used (so graphs keep their nodes once it is pasted), the surname as an alias, the country and the
// title as a role without dates (to be filled in), and a note with the count and an example sentence.
int RunSuggest(const SuggestCommand& command) {
  try {
    const Extractor& extractor = Kept<const Extractor>(MakeExtractorOptions(command.packs));
    DocumentReader reader(command.input.paths, MakeReaderOptions(command.input));
    Document doc;
    size_t documents = 0;
    while (reader.Next(&doc)) {
      extractor.Process(&doc);
      ++documents;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartObject();
    writer.Key("name");
    writer.String("eventgraph suggest: people found in " + std::to_string(documents) +
                  " documents that no gazetteer names");
    writer.Key("entities");
    writer.StartArray();
    size_t listed = 0;
    for (const Discovered& found : extractor.discovery()->Report()) {
      if (found.mentions < command.min_mentions) continue;
      ++listed;
      const Entity& entity = *found.entity;
      writer.StartObject();
      writer.Key("id");
      writer.String(entity.id);
      writer.Key("label");
      writer.String(entity.label);
      writer.Key("type");
      writer.String("PERSON");
      const size_t space = entity.label.rfind(' ');
      if (space != std::string::npos) {
        writer.Key("aliases");
        writer.StartArray();
        writer.String(entity.label.substr(space + 1));
        writer.EndArray();
      }
      if (!entity.country.empty()) {
        writer.Key("country");
        writer.String(entity.country);
      }
      writer.Key("roles");
      writer.StartArray();
      writer.StartObject();
      writer.Key("title");
      writer.String(found.title);
      if (!entity.country.empty()) {
        writer.Key("of");
        writer.String(entity.country);
      }
      writer.EndObject();
      writer.EndArray();
      writer.Key("note");
      writer.String(std::to_string(found.mentions) + " mention" + (found.mentions == 1 ? "" : "s") +
                    "; e.g. \"" + (found.examples.empty() ? "" : found.examples[0]) + "\"");
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    std::cout << buffer.GetString() << "\n";
    std::cerr << "eventgraph: " << listed << " people to suggest from " << documents << " documents"
              << SkippedNote(reader) << "\n";
    return 0;
  } catch (const InputError& error) {
    std::cerr << "eventgraph: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace eg
