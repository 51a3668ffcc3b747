// AtomicOutputFile: the target appears complete on Commit() and never half-written.
#include "export/atomic_output_file.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "extract/input_error.h"
#include "tests/test_support.h"

namespace eg {
namespace {

namespace fs = std::filesystem;

class AtomicOutputFileTest : public eg_test::TempDirTest {
 protected:
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);  // a test takes write permission
    eg_test::TempDirTest::TearDown();
  }

  static std::string Read(const fs::path& path) { return eg_test::Read(path.string()); }
  size_t FileCount() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
};

TEST_F(AtomicOutputFileTest, CommitMovesTheFileIntoPlace) {
  const fs::path target = dir_ / "out.graphml";
  {
    AtomicOutputFile out(target.string());
    EXPECT_EQ(fs::path(out.temp_path()).parent_path(), dir_);  // beside the target
    out.stream() << "<graphml/>\n";
    EXPECT_FALSE(fs::exists(target));  // nothing visible before Commit()
    out.Commit();
  }
  EXPECT_EQ(Read(target), "<graphml/>\n");
  EXPECT_EQ(FileCount(), 1u);  // no temporary file left
}

TEST_F(AtomicOutputFileTest, WithoutCommitTheTargetIsUntouched) {
  const fs::path target = dir_ / "events.jsonl";
  std::ofstream(target) << "old\n";
  {
    AtomicOutputFile out(target.string());
    out.stream() << "half of a new fi";
  }
  EXPECT_EQ(Read(target), "old\n");
  EXPECT_EQ(FileCount(), 1u);
}

TEST_F(AtomicOutputFileTest, CommitReplacesAnExistingFile) {
  const fs::path target = dir_ / "graph.jsonld";
  std::ofstream(target) << "old\n";
  AtomicOutputFile out(target.string());
  out.stream() << "new\n";
  out.Commit();
  EXPECT_EQ(Read(target), "new\n");
}

TEST_F(AtomicOutputFileTest, TwoOutputsForOneTargetUseDifferentTemporaryFiles) {
  const fs::path target = dir_ / "out.jsonl";
  AtomicOutputFile first(target.string());
  AtomicOutputFile second(target.string());
  EXPECT_NE(first.temp_path(), second.temp_path());
}

TEST_F(AtomicOutputFileTest, MissingDirectoryIsAnInputError) {
  const fs::path target = dir_ / "no" / "such" / "dir" / "out.graphml";
  try {
    AtomicOutputFile out(target.string());
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), target.string());
    EXPECT_NE(error.message().find("No such file or directory"), std::string::npos) << error.what();
    EXPECT_NE(error.message().find((dir_ / "no" / "such" / "dir").string()), std::string::npos)
        << error.what();
  }
}

TEST_F(AtomicOutputFileTest, UnwritableDirectoryIsAnInputError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can write anywhere";
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(AtomicOutputFile((dir_ / "out.graphml").string()), InputError);
}

TEST_F(AtomicOutputFileTest, TargetThatIsADirectoryFailsAtCommit) {
  const fs::path target = dir_ / "taken";
  fs::create_directory(target);
  fs::create_directory(target / "child");  // a non-empty directory cannot be replaced by rename()
  AtomicOutputFile out(target.string());
  out.stream() << "data\n";
  EXPECT_THROW(out.Commit(), InputError);
  EXPECT_TRUE(fs::is_directory(target));
}

TEST_F(AtomicOutputFileTest, EmptyPathIsAnInputError) {
  EXPECT_THROW(AtomicOutputFile(""), InputError);
  EXPECT_THROW(AtomicOutputFile((dir_ / "").string()), InputError);
}

TEST_F(AtomicOutputFileTest, FailedWriteIsReportedAtCommit) {
  const fs::path target = dir_ / "out.jsonl";
  AtomicOutputFile out(target.string());
  out.stream() << "partial";
  out.stream().setstate(std::ios::badbit);  // as a full disk would leave it
  EXPECT_THROW(out.Commit(), InputError);
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(AtomicOutputFileTest, CommitTwiceIsAnError) {
  AtomicOutputFile out((dir_ / "x.jsonl").string());
  out.Commit();
  EXPECT_THROW(out.Commit(), InputError);
}

}  // namespace
}  // namespace eg
