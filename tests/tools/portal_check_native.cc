// Native front end of the core, for tests, parity and benchmarks (users run scripts/portal-check).
//   portal_check_native audit FILE.har [--format json|sarif] [--target URL] [--ruleset FILE] [--sarif-out FILE]
// Exit: 0 report written to stdout (and with --sarif-out, the SARIF to that file too); 2 input error
// (one line on stderr: "portal_check_native: <code>: <message>").
#include <cstdio>
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
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "audit") return Fail("usage: audit FILE.har [--format json|sarif] [--target URL] [--ruleset FILE]");
  std::string format = "json";
  std::string sarif_out;
  portal_check::AuditOptions options;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + a);
    if (a == "--format") format = argv[++i];
    else if (a == "--target") options.target = argv[++i];
    else if (a == "--sarif-out") sarif_out = argv[++i];
    else if (a == "--ruleset") {
      if (!ReadFile(argv[++i], options.ruleset_document)) return Fail("cannot read the ruleset file");
    } else return Fail("unknown option " + a);
  }
  std::ifstream har(argv[2], std::ios::binary);
  if (!har) return Fail(std::string("cannot read ") + argv[2]);
  auto auditor = portal_check::Auditor::Create(options);
  if (!auditor.ok()) return Fail(auditor.status().ToString());
  // Streamed in 1 MiB chunks: memory stays bounded by the largest entry.
  // An empty file is still fed (as an empty chunk), so that it is an empty document, as for the
  // wasm host, not an audit of no entries.
  std::string chunk(1 << 20, '\0');
  for (bool first = true; har || first; first = false) {
    har.read(&chunk[0], static_cast<std::streamsize>(chunk.size()));
    const std::size_t n = static_cast<std::size_t>(har.gcount());
    if (n == 0 && !first) break;
    if (auto s = auditor.value()->Feed(std::string_view(chunk.data(), n)); !s.ok()) return Fail(s.ToString());
  }
  if (auto s = auditor.value()->Finish(); !s.ok()) return Fail(s.ToString());
  if (!sarif_out.empty()) {
    std::ofstream out(sarif_out, std::ios::binary);
    out << auditor.value()->Sarif();
    if (!out) return Fail("cannot write " + sarif_out);
  }
  std::cout << (format == "sarif" ? auditor.value()->Sarif() : auditor.value()->ReportJson());
  return 0;
}
