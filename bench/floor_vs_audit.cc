// The parse floor versus the full native audit, on the same HAR, in one process, interleaved.
//   pc_bench_floor FILE.har [--reps N]       (default 7)
//   pc_bench_floor FILE.har --audit-once     (one audit; prints its milliseconds; used by bench/wasm-audit.mjs)
// Floor: every text/html response body of the HAR parsed by libxml2 alone (htmlReadMemory with the
// engine's options, HTML_PARSE_NONET|NOERROR|NOWARNING|RECOVER|NOBLANKS, encoding "UTF-8" as the engine
// passes for text bodies, then xmlFreeDoc: libxml2's parse with its tree; the engine's own parse
// builds no tree, its page model is made from the same parse's SAX events: normalize/html_events.h).
// Audit: Auditor::Create + Feed in 1 MiB chunks + Finish + ReportJson() and Sarif() (each
// output is rendered on its first request): both outputs, as
// before the SARIF became lazy, so that figures stay comparable. Each repetition runs floor then audit; medians are
// reported per MB of HTML and per MB of HAR. Output: one JSON object on stdout.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <picojson.h>

#include "portal_check/auditor.h"

namespace {
using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double Floor(const std::vector<std::string>& pages) {
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS;
  auto t0 = Clock::now();
  for (const std::string& p : pages) {
    xmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);
  }
  return Ms(t0, Clock::now());
}

double Audit(const std::string& har, std::size_t* report_bytes) {
  auto t0 = Clock::now();
  auto a = portal_check::Auditor::Create({});
  if (!a.ok()) { std::cerr << a.status().ToString() << "\n"; std::exit(2); }
  const std::size_t chunk = 1 << 20;
  for (std::size_t at = 0; at < har.size(); at += chunk) {
    auto s = a.value()->Feed(std::string_view(har).substr(at, chunk));
    if (!s.ok()) { std::cerr << s.ToString() << "\n"; std::exit(2); }
  }
  if (auto s = a.value()->Finish(); !s.ok()) { std::cerr << s.ToString() << "\n"; std::exit(2); }
  const std::size_t bytes = a.value()->ReportJson().size();
  (void)a.value()->Sarif();
  double ms = Ms(t0, Clock::now());
  if (report_bytes) *report_bytes = bytes;
  return ms;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) { std::cerr << "usage: pc_bench_floor FILE.har [--reps N | --audit-once]\n"; return 2; }
  int reps = 7;
  bool once = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--audit-once") once = true;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) { std::cerr << "cannot read " << argv[1] << "\n"; return 2; }
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string har = ss.str();
  xmlInitParser();
  if (once) {
    std::printf("%.3f\n", Audit(har, nullptr));
    return 0;
  }
  // The pages: outside the timed region.
  std::vector<std::string> pages;
  {
    picojson::value v;
    std::string err = picojson::parse(v, har);
    if (!err.empty()) { std::cerr << err << "\n"; return 2; }
    for (const auto& e : v.get("log").get("entries").get<picojson::array>()) {
      const auto& content = e.get("response").get("content");
      if (content.get("mimeType").to_str().rfind("text/html", 0) == 0 && content.get("text").is<std::string>())
        pages.push_back(content.get("text").get<std::string>());
    }
  }
  std::size_t html_bytes = 0;
  for (const auto& p : pages) html_bytes += p.size();
  std::vector<double> floor_ms, audit_ms, ratio;
  std::size_t report_bytes = 0;
  Floor(pages);  // warm-up
  Audit(har, &report_bytes);
  for (int r = 0; r < reps; ++r) {
    double f = Floor(pages), a = Audit(har, nullptr);
    floor_ms.push_back(f);
    audit_ms.push_back(a);
    ratio.push_back(a / f);
  }
  const double html_mb = html_bytes / 1e6, har_mb = har.size() / 1e6;
  const double f = Median(floor_ms), a = Median(audit_ms);
  std::printf("{\"har\":\"%s\",\"pages\":%zu,\"htmlMB\":%.3f,\"harMB\":%.3f,\"reps\":%d,\"reportBytes\":%zu,"
              "\"floorMs\":%.2f,\"auditMs\":%.2f,\"floorMsPerHtmlMB\":%.3f,\"auditMsPerHtmlMB\":%.3f,\"auditMsPerHarMB\":%.3f,"
              "\"ratioOfMedians\":%.3f,\"medianOfRatios\":%.3f,\"floorMsAll\":[",
              argv[1], pages.size(), html_mb, har_mb, reps, report_bytes, f, a, f / html_mb, a / html_mb, a / har_mb, a / f, Median(ratio));
  for (int r = 0; r < reps; ++r) std::printf("%s%.1f", r ? "," : "", floor_ms[r]);
  std::printf("],\"auditMsAll\":[");
  for (int r = 0; r < reps; ++r) std::printf("%s%.1f", r ? "," : "", audit_ms[r]);
  std::printf("]}\n");
  return 0;
}
