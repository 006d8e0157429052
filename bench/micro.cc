// Google Benchmark micro-benchmarks of the parsers (built only with -DPC_BENCH=ON).
//   build/bench/bench/pc_micro [--benchmark_filter=...]
// Page inputs come from the corpus (PC_BENCH_CORPUS, default out/bench/corpus-10.har): run
// `node bench/make-corpus.mjs` first (scripts/bench does).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <picojson.h>

#include "evidence/har_reader.h"
#include "evidence/har_stream.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/csp_parse.h"
#include "normalize/csp_source.h"
#include "normalize/error_signatures.h"
#include "normalize/page_model.h"
#include "normalize/set_cookie.h"
#include "ruleset/ruleset.h"

namespace {
using namespace portal_check;

const std::string& CorpusHar() {
  static const std::string har = [] {
    const char* path = std::getenv("PC_BENCH_CORPUS");
    std::ifstream in(path ? path : "out/bench/corpus-10.har", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return har;
}
const std::vector<std::string>& CorpusPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    picojson::value v;
    if (!picojson::parse(v, CorpusHar()).empty()) return out;
    for (const auto& e : v.get("log").get("entries").get<picojson::array>()) {
      const auto& c = e.get("response").get("content");
      if (c.get("mimeType").to_str().rfind("text/html", 0) == 0) out.push_back(c.get("text").to_str());
    }
    return out;
  }();
  return pages;
}

const char* kPolicies[] = {
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://www.google-analytics.com; object-src 'none'",
    "default-src 'none'; script-src 'nonce-r4nd0mN0nceValue12345' 'strict-dynamic' https: 'unsafe-inline'; style-src 'self' "
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data: https://*.example.gov.vn; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; report-uri /csp; upgrade-insecure-requests",
    "script-src * 'unsafe-inline'; default-src http:; frame-ancestors *; plugin-types application/x-shockwave-flash; "
    "block-all-mixed-content; script-src 'self'; sandbox allow-forms allow-scripts",
};

void BM_CspParsePolicy(benchmark::State& state) {
  const std::string text = kPolicies[state.range(0)];
  for (auto _ : state) {
    std::vector<csp::Finding> findings;
    auto p = csp::ParsePolicy(text, csp::Origin::kHeader, 0, findings);
    benchmark::DoNotOptimize(p);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_CspParsePolicy)->DenseRange(0, 2);

void BM_CspParseAndEvaluate(benchmark::State& state) {
  csp::Input in;
  in.headers = {kPolicies[0], kPolicies[1]};
  in.report_only = {kPolicies[2]};
  for (auto _ : state) {
    std::vector<csp::Finding> findings;
    auto e = csp::Evaluate(in, csp::BypassHosts{});
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_CspParseAndEvaluate);

const char* kCookies[] = {
    "ASP.NET_SessionId=s0abc; path=/; HttpOnly",
    "__Host-session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc; Path=/; Secure; HttpOnly; SameSite=Lax; "
    "Max-Age=3600; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Partitioned",
    "  weird name =\"quoted;value\";; Domain=.Example.GOV.vn.; expires=Sun, 06-Nov-94 08:49:37 GMT; secure; samesite=None; "
    "priority=High; x-unknown=1",
};
void BM_ParseSetCookie(benchmark::State& state) {
  const std::string text = kCookies[state.range(0)];
  for (auto _ : state) benchmark::DoNotOptimize(ParseSetCookie(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_ParseSetCookie)->DenseRange(0, 2);

void BM_HarStream(benchmark::State& state) {
  const std::string& har = CorpusHar();
  const std::size_t chunk = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    HarStream s;
    std::size_t entries = 0;
    HarStream::EntrySink sink = [&](std::string_view) { ++entries; return Status(); };
    for (std::size_t at = 0; at < har.size(); at += chunk) {
      if (!s.Feed(std::string_view(har).substr(at, chunk), sink).ok()) state.SkipWithError("feed failed");
    }
    if (!s.End().ok()) state.SkipWithError("end failed");
    benchmark::DoNotOptimize(entries);
  }
  state.SetBytesProcessed(state.iterations() * har.size());
}
BENCHMARK(BM_HarStream)->Arg(4096)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// The whole HAR reader: the splitter (1 MiB chunks) and ReadHarEntry on every entry, as Feed does.
void BM_HarReadEntries(benchmark::State& state) {
  const std::string& har = CorpusHar();
  constexpr std::size_t kChunk = 1 << 20;
  for (auto _ : state) {
    HarStream s;
    Notices notices;
    std::size_t index = 0, bodies = 0;
    HarStream::EntrySink sink = [&](std::string_view entry) {
      StatusOr<Exchange> ex = ReadHarEntry(entry, index++, notices);
      if (!ex.ok()) return ex.status();
      bodies += ex.value().body.size();
      return Status();
    };
    for (std::size_t at = 0; at < har.size(); at += kChunk)
      if (!s.Feed(std::string_view(har).substr(at, kChunk), sink).ok()) state.SkipWithError("feed failed");
    if (!s.End().ok()) state.SkipWithError("end failed");
    benchmark::DoNotOptimize(bodies);
  }
  state.SetBytesProcessed(state.iterations() * har.size());
}
BENCHMARK(BM_HarReadEntries)->Unit(benchmark::kMillisecond);

void BM_PageModelBuild(benchmark::State& state) {
  const auto& pages = CorpusPages();
  if (pages.empty()) { state.SkipWithError("no corpus pages (run bench/make-corpus.mjs)"); return; }
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto m = PageModel::Build(p, "utf-8", true);
      benchmark::DoNotOptimize(m);
      bytes += p.size();
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_PageModelBuild)->Unit(benchmark::kMillisecond);

// The error-signature scan (normalize/error_signatures.h) over every corpus page, as the checks
// page.error-disclosure and site.error-page run it on each HTML body.
void BM_ErrorSignatures(benchmark::State& state) {
  const auto& pages = CorpusPages();
  if (pages.empty()) { state.SkipWithError("no corpus pages (run bench/make-corpus.mjs)"); return; }
  const std::shared_ptr<const Ruleset> ruleset = Ruleset::Embedded();
  const ErrorSignatureMatcher matcher(ruleset->data().get("error-signatures"));
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto hits = matcher.Find(p);
      benchmark::DoNotOptimize(hits);
      bytes += p.size();
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ErrorSignatures)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();
