// Native front end of the core, for tests, parity and benchmarks (users run scripts/portal-check).
//   portal_check_native audit FILE.har [--format json|sarif] [--target URL] [--ruleset FILE] [--sarif-out FILE]
//                                      [--repeat N]
// Exit: 0 report written to stdout (and with --sarif-out, the SARIF to that file too); 2 input error
// (one line on stderr: "portal_check_native: <code>: <message>").
// --repeat N (benchmarks): the file is audited N times in this process (each audit from its own
// Auditor), the last one's outputs are written; under callgrind, (cost at N+k − cost at N) ÷ k is
// what one more audit costs a long-lived engine (the once-per-process work, such as parsing the
// embedded ruleset, drops out).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "portal_check/auditor.h"

namespace {
int Fail(const std::string& why) {
  std::cerr << "portal_check_native: " << why << "\n";
  return 2;
}

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}
// Feeds the whole file, streamed in 1 MiB chunks (memory stays bounded by the largest entry), then
// finishes the audit. → 0, or Fail's exit code. An empty file is still fed (as an empty chunk), so
// that it is an empty document, as for the wasm host, not an audit of no entries.
int FeedAndFinish(std::ifstream& har, portal_check::Auditor& auditor) {
  static std::string chunk(1 << 20, '\0');  // (once: a repeated audit does not pay for it)
  for (bool first = true; har || first; first = false) {
    har.read(&chunk[0], static_cast<std::streamsize>(chunk.size()));
    const std::size_t n = static_cast<std::size_t>(har.gcount());
    if (n == 0 && !first) break;
    if (auto s = auditor.Feed(std::string_view(chunk.data(), n)); !s.ok()) return Fail(s.ToString());
  }
  if (auto s = auditor.Finish(); !s.ok()) return Fail(s.ToString());
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "audit") return Fail("usage: audit FILE.har [--format json|sarif] [--target URL] [--ruleset FILE]");
  std::string format = "json";
  std::string sarif_out;
  long repeat = 1;
  portal_check::AuditOptions options;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + a);
    if (a == "--format") format = argv[++i];
    else if (a == "--target") options.target = argv[++i];
    else if (a == "--sarif-out") sarif_out = argv[++i];
    else if (a == "--repeat") {
      repeat = std::strtol(argv[++i], nullptr, 10);
      if (repeat < 1) return Fail("--repeat needs a count of at least 1");
    }
    else if (a == "--ruleset") {
      if (!ReadFile(argv[++i], options.ruleset_document)) return Fail("cannot read the ruleset file");
    } else return Fail("unknown option " + a);
  }
  for (long run = 1; run < repeat; ++run) {
    std::ifstream har(argv[2], std::ios::binary);
    if (!har) return Fail(std::string("cannot read ") + argv[2]);
    auto auditor = portal_check::Auditor::Create(options);
    if (!auditor.ok()) return Fail(auditor.status().ToString());
    if (int code = FeedAndFinish(har, *auditor.value()); code != 0) return code;
    // The outputs this run would write, rendered (each is rendered on its first request).
    if (format != "sarif") (void)auditor.value()->ReportJson();
    if (format == "sarif" || !sarif_out.empty()) (void)auditor.value()->Sarif();
  }
  std::ifstream har(argv[2], std::ios::binary);
  if (!har) return Fail(std::string("cannot read ") + argv[2]);
  auto auditor = portal_check::Auditor::Create(options);
  if (!auditor.ok()) return Fail(auditor.status().ToString());
  if (int code = FeedAndFinish(har, *auditor.value()); code != 0) return code;
  if (!sarif_out.empty()) {
    std::ofstream out(sarif_out, std::ios::binary);
    out << auditor.value()->Sarif();
    if (!out) return Fail("cannot write " + sarif_out);
  }
  std::cout << (format == "sarif" ? auditor.value()->Sarif() : auditor.value()->ReportJson());
  return 0;
}
