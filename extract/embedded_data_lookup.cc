#include "extract/embedded_data.h"

namespace eg {

std::string_view FindEmbeddedFile(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return file.content;
  }
  return {};
}

std::vector<EmbeddedFile> EmbeddedFilesMatching(std::string_view prefix, std::string_view suffix) {
  std::vector<EmbeddedFile> out;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path.starts_with(prefix) && file.path.ends_with(suffix)) out.push_back(file);
  }
  return out;
}

}  // namespace eg
