// Replays every input the fuzzers kept (tests/fuzz-regressions/<target>/, see scripts/fuzz and
// BENCHMARKS.md "ROBUSTNESS") through the code its fuzz target drives. Each input once crashed or
// hit undefined behaviour; under the ASan+UBSan build of this suite a regression fails here, and in
// every build the replay must be deterministic (the same input gives the same report bytes).
// Specific expectations for a finding live next to the code it concerns (e.g.
// BadInput.CertificateTimesOutOfRangeAreIgnored); the JavaScript target's inputs
// (tests/fuzz-regressions/bundle-verify/) are replayed by `node fuzz/bundle-verify.mjs --replay`.
#include <dirent.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence/har_reader.h"
#include "evidence/har_stream.h"
#include "portal_check/auditor.h"
#include "test_support.h"

namespace portal_check {
namespace {

std::string RegressionDir(const std::string& target) {
  return testing::SourceDir() + "/tests/fuzz-regressions/" + target;
}

// The kept inputs of one target (every file but dot files, whatever its name), as bytes.
std::vector<std::pair<std::string, std::string>> Inputs(const std::string& target) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : testing::ListFiles(RegressionDir(target), "")) {
    if (name[0] == '.') continue;
    out.emplace_back(name, testing::ReadFileOrEmpty(RegressionDir(target) + "/" + name));
  }
  return out;
}

// What fuzz/fuzz_har_reader.cc does with an input: byte 0 picks the chunk size (1..64), the rest
// is read whole by ReadHarEntry and split by HarStream, each entry read by ReadHarEntry. Returns
// the number of entries read and the stream's final status text, for a determinism check.
std::string ReplayHarReader(std::string_view input) {
  if (input.empty()) return "";
  const std::size_t chunk = static_cast<std::size_t>(static_cast<unsigned char>(input[0]) % 64) + 1;
  const std::string_view doc = input.substr(1);
  Notices whole_notices;
  (void)ReadHarEntry(doc, 0, whole_notices);
  (void)ParseIsoDateTime(doc);
  HarStream stream;
  std::size_t entries = 0, read_ok = 0;
  auto sink = [&](std::string_view entry) -> Status {
    Notices notices;
    auto ex = ReadHarEntry(entry, entries++, notices);
    if (ex.ok()) ++read_ok;
    return ex.ok() ? Status() : ex.status();
  };
  Status status;
  for (std::size_t i = 0; i < doc.size() && status.ok(); i += chunk) status = stream.Feed(doc.substr(i, chunk), sink);
  if (status.ok()) status = stream.End();
  return std::to_string(entries) + "/" + std::to_string(read_ok) + " " + status.ToString();
}

// What fuzz/fuzz_auditor.cc does: byte 0 picks the Feed chunk size (1..256), the rest is the HAR.
// Returns the report (or the error) as text.
std::string ReplayAuditor(std::string_view input) {
  if (input.empty()) return "";
  const std::size_t chunk = static_cast<std::size_t>(static_cast<unsigned char>(input[0])) + 1;
  const std::string_view doc = input.substr(1);
  auto created = Auditor::Create(AuditOptions());
  if (!created.ok()) return "create: " + created.status().ToString();
  auto& auditor = created.value();
  for (std::size_t i = 0; i < doc.size(); i += chunk) {
    Status s = auditor->Feed(doc.substr(i, chunk));
    if (!s.ok()) return "feed: " + s.ToString();
  }
  Status s = auditor->Finish();
  if (!s.ok()) return "finish: " + s.ToString();
  return auditor->ReportJson() + auditor->Sarif();
}

TEST(FuzzRegressions, EveryTargetWithKeptInputsIsReplayedHere) {
  const std::set<std::string> replayed = {"har_reader", "auditor", "bundle-verify"};
  if (DIR* d = opendir((testing::SourceDir() + "/tests/fuzz-regressions").c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      EXPECT_TRUE(replayed.count(name)) << "tests/fuzz-regressions/" << name << " has inputs no test replays";
    }
    closedir(d);
  }
}

TEST(FuzzRegressions, HarReaderInputsAreReadDeterministically) {
  const auto inputs = Inputs("har_reader");
  ASSERT_GE(inputs.size(), 2u);  // the fuzzer's crash input and its hand-minimized form
  for (const auto& [name, bytes] : inputs) {
    ASSERT_FALSE(bytes.empty()) << name;
    const std::string first = ReplayHarReader(bytes);
    EXPECT_EQ(ReplayHarReader(bytes), first) << name;
    // The same bytes through the whole engine, as Auditor::Feed reaches ReadHarEntry.
    const std::string audit = ReplayAuditor(bytes);
    EXPECT_EQ(ReplayAuditor(bytes), audit) << name;
  }
}

TEST(FuzzRegressions, AuditorInputsAreAuditedDeterministically) {
  for (const auto& [name, bytes] : Inputs("auditor")) {
    const std::string first = ReplayAuditor(bytes);
    EXPECT_EQ(ReplayAuditor(bytes), first) << name;
  }
}

}  // namespace
}  // namespace portal_check
