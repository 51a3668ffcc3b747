// The files of data/ and schemas/, compiled into the binary by cmake/embed.cmake.
//
// Lets the command work with no data files beside it: the default gazetteer, the default rule pack, the
// sample text and the JSON Schemas the packs a user loads are validated against (the embedded packs are
// checked against them by tests/data_packs_test.cc).
#ifndef EVENTGRAPH_EXTRACT_EMBEDDED_DATA_H_
#define EVENTGRAPH_EXTRACT_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace eg {

struct EmbeddedFile {
  std::string_view path;     // relative to the source tree: "data/rules.json", "schemas/event.schema.json"
  std::string_view content;  // the file's bytes; valid for the life of the program
};

// Every embedded file, in build order.
const std::vector<EmbeddedFile>& EmbeddedFiles();

// The content of the embedded file at path, or an empty view when there is none.
std::string_view FindEmbeddedFile(std::string_view path);

// The embedded files whose path starts with prefix and ends with suffix ("data/gazetteer", ".json").
std::vector<EmbeddedFile> EmbeddedFilesMatching(std::string_view prefix, std::string_view suffix);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_EMBEDDED_DATA_H_
