#include "extract/input_error.h"

namespace eg {
namespace {

std::string Format(const std::string& file, size_t line, const std::string& field,
                   const std::string& message) {
  std::string out = file.empty() ? "<input>" : file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

}  // namespace

InputError::InputError(std::string file, size_t line, std::string field, const std::string& message)
    : std::runtime_error(Format(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      message_(message) {}

}  // namespace eg
