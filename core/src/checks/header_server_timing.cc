// header.server-timing: Server-Timing fields that tell anyone who loads the page how long the
// back end spent on it and on what (db;dur=53, cache;desc="miss"). Durations that vary with the
// request leak what the server did (a cache hit, a user that exists), and metric descriptions
// name its parts. Read from the page's own response; a metric is "name[;dur=D][;desc=T]", and a
// field is a comma-separated list of them (commas inside a quoted desc do not split).
// Outcomes: none (no Server-Timing), names-only (metrics without duration or description, as a
// CDN's bare markers), timings (at least one duration or description). details.metrics lists up
// to kMaxListedMetrics metrics; details.timing_allow_origin holds Timing-Allow-Origin when sent
// (with "*" any site's scripts may read the metrics of a resource they load).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListedMetrics = 20;
constexpr std::size_t kMaxValueBytes = 200;

// The comma-separated items of `field`, ignoring commas inside quoted strings (with \-escapes).
std::vector<std::string_view> SplitOutsideQuotes(std::string_view field, char sep) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == sep) {
      parts.push_back(text::Trim(field.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(text::Trim(field.substr(start)));
  return parts;
}

// A quoted-string's content without its quotes and escapes; a token as it is.
std::string Unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out.push_back(v[i]);
  }
  return out;
}

struct Metric {
  std::string_view name;
  std::string duration;     // empty when absent
  std::string description;  // empty when absent
  bool Discloses() const { return !duration.empty() || !description.empty(); }
};

// One metric: its name, then ";param=value" pairs (the first dur and desc count, as browsers read them).
Metric ParseMetric(std::string_view item) {
  const std::vector<std::string_view> parts = SplitOutsideQuotes(item, ';');
  Metric m{parts.front(), {}, {}};
  bool seen_dur = false, seen_desc = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::size_t eq = parts[i].find('=');
    const std::string param = text::Lower(text::Trim(parts[i].substr(0, eq)));
    const std::string value = eq == std::string_view::npos ? std::string() : Unquote(text::Trim(parts[i].substr(eq + 1)));
    if (param == "dur" && !seen_dur) {
      seen_dur = true;
      m.duration = value;
    } else if (param == "desc" && !seen_desc) {
      seen_desc = true;
      m.description = value;
    }
  }
  return m;
}

class ServerTimingCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const HeaderList& headers = view.exchange.response_headers;
    DetailList listed;
    std::size_t count = 0;
    bool discloses = false;
    for (std::string_view field : headers.GetAll("Server-Timing"))
      for (std::string_view item : SplitOutsideQuotes(field, ',')) {
        const Metric m = ParseMetric(item);
        if (m.name.empty()) continue;  // not a metric (a stray separator, ";dur=1")
        discloses = discloses || m.Discloses();
        if (count++ >= kMaxListedMetrics) continue;
        Details o;
        o.Str("name", m.name, kMaxValueBytes);
        if (!m.duration.empty()) o.Str("duration", m.duration, kMaxValueBytes);
        if (!m.description.empty()) o.Str("description", m.description, kMaxValueBytes);
        listed.Add(o);
      }
    CheckResult r = PageResult(view);
    r.outcome = count == 0 ? "none" : discloses ? "timings" : "names-only";
    r.details.Set("metrics", listed);
    if (count > kMaxListedMetrics) r.details.Int("metrics_count", static_cast<std::int64_t>(count));
    if (const auto tao = headers.Get("Timing-Allow-Origin"))
      r.details.Str("timing_allow_origin", *tao, kMaxValueBytes);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderServerTimingCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderServerTimingCheck{"header.server-timing", CheckInput::kPages, &MakeCheck<ServerTimingCheck>};

}  // namespace portal_check
