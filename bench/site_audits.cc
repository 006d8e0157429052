// One small HAR audited again and again in one process: the per-site cost of the native engine,
// for callgrind (instructions per audit: the whole run's count minus a --reps 0 run's, divided by
// N) and for quick timings.
//   pc_bench_site FILE.har [--reps N] [--sarif]   (default 1,000 audits; prints µs per audit)
// An audit: Auditor::Create + Feed (one chunk) + Finish + ReportJson(), and Sarif() with --sarif:
// what bench/observatory-bench.mjs times through the wasm module for each site.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "portal_check/auditor.h"

int main(int argc, char** argv) {
  if (argc < 2) { std::cerr << "usage: pc_bench_site FILE.har [--reps N] [--sarif]\n"; return 2; }
  long reps = 1000;
  bool sarif = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(0L, std::atol(argv[++i]));
    else if (a == "--sarif") sarif = true;
    else { std::cerr << "unknown option " << a << "\n"; return 2; }
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) { std::cerr << "cannot read " << argv[1] << "\n"; return 2; }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string har = ss.str();
  std::size_t report_bytes = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (long r = 0; r < reps; ++r) {
    auto a = portal_check::Auditor::Create({});
    if (!a.ok()) { std::cerr << a.status().ToString() << "\n"; return 2; }
    if (auto s = a.value()->Feed(har); !s.ok()) { std::cerr << s.ToString() << "\n"; return 2; }
    if (auto s = a.value()->Finish(); !s.ok()) { std::cerr << s.ToString() << "\n"; return 2; }
    report_bytes = a.value()->ReportJson().size();
    if (sarif) (void)a.value()->Sarif();
  }
  const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
  std::printf("{\"file\":\"%s\",\"reps\":%ld,\"us_per_audit\":%.2f,\"report_bytes\":%zu}\n", argv[1], reps,
              reps ? us / reps : 0.0, report_bytes);
  return 0;
}
