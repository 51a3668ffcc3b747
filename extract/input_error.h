// InputError: what every stage throws when its input is wrong.
//
// It carries where the problem is (file, 1-based line or 0 when unknown, the field as a JSON pointer or a
// name, or empty) and what is wrong. what() formats them the way compilers do, so editors can jump there:
//
//   rules.json:14: /rules/3/pattern: missing ): (?:met with
//
// The command line catches InputError, prints what() and exits 1. Nothing that throws InputError leaves a
// half-written output behind: outputs are written to a temporary file and renamed when complete.
#ifndef EVENTGRAPH_EXTRACT_INPUT_ERROR_H_
#define EVENTGRAPH_EXTRACT_INPUT_ERROR_H_

#include <stdexcept>
#include <string>

namespace eg {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, size_t line, std::string field, const std::string& message);

  const std::string& file() const { return file_; }
  size_t line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  size_t line_;
  std::string field_;
  std::string message_;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_INPUT_ERROR_H_
