// Output is byte-identical across runs, across the order in which a directory's files were created (the
// reader sorts them), and across thread counts once `build` has a --threads option.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;

const char* const kStories[][2] = {
    {"a/one.txt", "Tuesday, December 15, 2015\n\nKerry met Lavrov in Moscow on Tuesday. Putin met Kerry at the "
                  "Kremlin.\n"},
    {"b/two.txt", "Saturday, September 10, 2016\n\nRussian Foreign Minister Sergei Lavrov met U.S. Secretary of "
                  "State John Kerry in Geneva.\n"},
    {"c.jsonl", "{\"id\": \"three\", \"date\": \"2016-03-24\", \"text\": \"Kerry met Putin in Moscow.\"}\n"
                "{\"id\": \"four\", \"date\": \"2016-03-25\", \"text\": \"Lavrov met Kerry in Geneva.\"}\n"},
    {"d.txt", "Turkish Foreign Minister Mevlut Cavusoglu met Lavrov in Ankara on Friday.\n"},
};

class DeterminismTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eg_determinism_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes the stories into dir_/in, in the given order of creation.
  void WriteInput(bool reverse) {
    fs::remove_all(dir_ / "in");
    const size_t n = std::size(kStories);
    for (size_t k = 0; k < n; ++k) {
      const auto& story = kStories[reverse ? n - 1 - k : k];
      fs::create_directories((dir_ / "in" / story[0]).parent_path());
      std::ofstream(dir_ / "in" / story[0], std::ios::binary) << story[1];
    }
  }

  // Runs build with every format into dir_/<name>; returns every output file's bytes by file name.
  std::map<std::string, std::string> Build(const std::string& name, const std::string& extra = "") {
    const fs::path out = dir_ / name;
    fs::create_directories(out);
    const std::string command = std::string(EG_BINARY) + " build -q " + extra + " " + (dir_ / "in").string() +
                                " -o " + (out / "g.graphml").string() + " -o " + (out / "g.gexf").string() +
                                " -o " + (out / "g.jsonld").string() + " -o " + (out / "g.nq").string() + " -o " +
                                (out / "g.events.jsonl").string() + " -o " + (out / "csv").string() + "/";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      files[fs::relative(entry.path(), out).string()] = bytes.str();
    }
    return files;
  }

  static void ExpectSame(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b,
                         const std::string& what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (const auto& [name, bytes] : a) {
      auto it = b.find(name);
      ASSERT_NE(it, b.end()) << what << ": " << name;
      EXPECT_TRUE(it->second == bytes) << what << ": " << name << " differs";
    }
  }

  fs::path dir_;
};

TEST_F(DeterminismTest, SameBytesAcrossRunsAndFileCreationOrder) {
  WriteInput(false);
  const auto first = Build("first");
  ASSERT_GE(first.size(), 10u);  // 5 files and the CSV directory's
  EXPECT_NE(first.at("g.graphml").find("person:john_kerry"), std::string::npos);
  ExpectSame(first, Build("second"), "a second run");
  WriteInput(true);
  ExpectSame(first, Build("reversed"), "files created in reverse order");
}

TEST_F(DeterminismTest, SameBytesAcrossThreadCounts) {
  const std::string help = (dir_ / "help.txt").string();
  fs::create_directories(dir_);
  ASSERT_EQ(std::system((std::string(EG_BINARY) + " build --help >" + help).c_str()), 0);
  std::ifstream in(help);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().find("--threads") == std::string::npos) GTEST_SKIP() << "build has no --threads option yet";
  WriteInput(false);
  const auto one = Build("one", "--threads 1");
  ExpectSame(one, Build("two", "--threads 2"), "--threads 2");
  ExpectSame(one, Build("four", "--threads 4"), "--threads 4");
}

}  // namespace
