// Helpers the tests share: reading a file whole and running the eventgraph binary (EG_BINARY) in a shell.
#ifndef EVENTGRAPH_TESTS_TEST_SUPPORT_H_
#define EVENTGRAPH_TESTS_TEST_SUPPORT_H_

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace eg_test {

// What a run of the binary did.
struct Result {
  int exit_code;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

inline std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `prefix EG_BINARY args <input` with std::system (so through sh: args and prefix are shell
// fragments), its stdout and stderr going through the files out_path and err_path.
inline Result RunEventgraph(const std::string& args, const std::string& out_path, const std::string& err_path,
                            const std::string& input = "/dev/null", const std::string& prefix = "") {
  const std::string command =
      prefix + " " + std::string(EG_BINARY) + " " + args + " <" + input + " >" + out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Read(out_path), Read(err_path)};
}

}  // namespace eg_test

#endif  // EVENTGRAPH_TESTS_TEST_SUPPORT_H_
