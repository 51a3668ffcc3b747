// Helpers the tests share: a directory per test, reading a file whole and running the eventgraph binary
// (EG_BINARY) in a shell.
#ifndef EVENTGRAPH_TESTS_TEST_SUPPORT_H_
#define EVENTGRAPH_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
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

// A fixture with a directory of its own, empty when each test starts and removed after it:
// <temp>/eg_<suite>_<pid>_<test>.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / ("eg_" + std::string(test->test_suite_name()) + "_" +
                                                     std::to_string(::getpid()) + "_" + test->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Writes content (bytes as they are) to name in the directory, making its parent directories; returns
  // its path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(Path(name), std::ios::binary) << content;
    return Path(name);
  }

  std::filesystem::path dir_;
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
