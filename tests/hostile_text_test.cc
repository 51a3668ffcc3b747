// Hostile strings (every C0 control character, quotes, ampersands, markup, U+FFFE/U+FFFF, line and
// paragraph separators) in an entity label, a document id, title and text, through every writer of
// `eventgraph build`: each output must be well-formed and carry the label as README "Reliability" says
// (tests/tools/hostile_roundtrip.py reads them back), and, when EG_VALIDATORS_DIR names a prepared copy
// of the client validators, every client must accept it.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
namespace fs = std::filesystem;

// Every C0 control character, DEL, NEL, and the rest of the usual suspects.
std::string HostileLabel() {
  std::string label = "Evil \"Corp\" & <Sons> 'n' ]]> \\back\\slash, a;b";
  for (int c = 1; c < 0x20; ++c) label += static_cast<char>(c);
  label += "\x7f \xc2\x85 \xe2\x80\xa8 \xe2\x80\xa9 \xef\xbf\xbe\xef\xbf\xbf end";
  return label;
}

std::string JsonString(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return buffer.GetString();
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int RunShell(const std::string& command, std::string* output) {
  const std::string log = (fs::temp_directory_path() / ("eg_hostile_" + std::to_string(::getpid()) + ".log")).string();
  const int status = std::system((command + " >" + log + " 2>&1").c_str());
  *output = Read(log);
  fs::remove(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class HostileTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eg_hostile_text_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(Path("pack.json")) << "{\"entities\": [{\"id\": \"org:evil\", \"type\": \"ORGANIZATION\", \"label\": "
                                     << JsonString(HostileLabel()) << ", \"aliases\": [\"Evilcorp\"]}]}\n";
    const std::string text = "Evilcorp met Kerry in Geneva on \"Tuesday\" & <b>talked</b> ]]> \x01\x07\x1b[31m " +
                             std::string("\x7f\xc2\x85 \xef\xbf\xbe.\n\nEvilcorp's chief said \x0b\x0c it went well.");
    std::ofstream(Path("news.jsonl")) << "{\"id\": " << JsonString("doc \"1\" & <x> \x01 é/#?%") << ", \"title\": "
                                      << JsonString(HostileLabel()) << ", \"date\": \"2016-09-09\", \"text\": "
                                      << JsonString(text) << "}\n";
    std::string log;
    ASSERT_EQ(RunShell(std::string(EG_BINARY) + " build -q --gazetteer " + Path("pack.json") + " " + Path("news.jsonl") +
                      " -o " + Path("g.graphml") + " -o " + Path("g.gexf") + " -o " + Path("g.jsonld") + " -o " +
                      Path("g.nq") + " -o " + Path("g.events.jsonl") + " -o " + Path("csv/"),
                  &log),
              0)
        << log;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(HostileTextTest, XmlOutputsHoldNoCharacterXmlForbids) {
  for (const char* name : {"g.graphml", "g.gexf"}) {
    const std::string xml = Read(Path(name));
    ASSERT_NE(xml.find("org:evil"), std::string::npos) << name;
    for (unsigned char c : xml) {
      ASSERT_FALSE(c < 0x20 && c != '\t' && c != '\n' && c != '\r') << name << " holds control character " << int(c);
    }
    EXPECT_EQ(xml.find("\xef\xbf\xbe"), std::string::npos) << name << " holds U+FFFE";
    EXPECT_NE(xml.find("Evil &quot;Corp&quot; &amp; &lt;Sons&gt;"), std::string::npos) << name;
  }
}

TEST_F(HostileTextTest, JsonOutputsCarryTheLabelExactly) {
  // The event stream: one JSON object per line, each parsing on its own.
  std::istringstream lines(Read(Path("g.events.jsonl")));
  std::string line;
  int events = 0;
  while (std::getline(lines, line)) {
    rapidjson::Document event;
    event.Parse(line.c_str());
    ASSERT_FALSE(event.HasParseError()) << line;
    ++events;
  }
  EXPECT_GE(events, 1);
  rapidjson::Document jsonld;
  jsonld.Parse(Read(Path("g.jsonld")).c_str());
  ASSERT_FALSE(jsonld.HasParseError());
  EXPECT_NE(Read(Path("g.jsonld")).find(JsonString(HostileLabel())), std::string::npos);
}

TEST_F(HostileTextTest, EveryFormatReadsBackAsDocumented) {
  if (std::system("/usr/bin/python3 -c 'import xml.etree.ElementTree' 2>/dev/null") != 0) {
    GTEST_SKIP() << "no /usr/bin/python3";
  }
  std::string log;
  EXPECT_EQ(RunShell("/usr/bin/python3 " + std::string(EG_SOURCE_DIR) + "/tests/tools/hostile_roundtrip.py " +
                    dir_.string() + " org:evil " + ShellQuote(JsonString(HostileLabel())),
                &log),
            0)
      << log;
}

TEST_F(HostileTextTest, EveryClientValidatorAccepts) {
  const char* validators = std::getenv("EG_VALIDATORS_DIR");
  if (!validators || !*validators) GTEST_SKIP() << "set EG_VALIDATORS_DIR to a prepared copy of the validators";
  const std::string dir = validators;
  std::string log;
  EXPECT_EQ(RunShell(dir + "/validate_graphml " + Path("g.graphml"), &log), 0) << log;
  EXPECT_EQ(log.find("SEVERE"), std::string::npos) << log;
  EXPECT_EQ(RunShell(dir + "/validate_gexf " + Path("g.gexf"), &log), 0) << log;
  EXPECT_EQ(RunShell(dir + "/validate_jsonld " + Path("g.jsonld"), &log), 0) << log;
  EXPECT_EQ(RunShell("NODE_PATH=" + dir + "/node_modules node " + std::string(EG_SOURCE_DIR) +
                    "/tests/tools/sparql_nquads.js " + Path("g.nq") +
                    " 'SELECT ?n WHERE { ?e <https://schema.org/name> ?n }'",
                &log),
            0)
      << log;
}

}  // namespace
