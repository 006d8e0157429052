// Bundle replay, C++ side: what `verify` hands the engine from a hostile bundle — its ruleset
// document, declarations, profile ids, target and HAR — through Auditor::Create + Feed + Finish +
// ReportJson/Sarif. The signature and digest checks are JavaScript (fuzz/bundle-verify.mjs).
//
// Input: byte 0 picks the Feed chunk size (1..256), then up to five parts separated by NUL bytes:
//   ruleset \0 declarations \0 profile ids (one a line) \0 target \0 HAR
//   ruleset: empty → the embedded ruleset; a JSON object → merged onto the embedded document (each
//     top-level member replaces the embedded one, or for two objects replaces it member by member,
//     so {"profiles": {"x": {...}}} adds a hostile profile to an otherwise real ruleset); anything
//     else → given as the ruleset document as it is.
// Oracle beyond sanitizers: a replay must be byte-identical, so when the audit succeeds it is run
// again on the same options with the HAR fed whole, and the two reports (JSON and SARIF) must be
// equal — the engine's determinism and chunk-independence that bundle replay relies on.
#include <string>
#include <vector>

#include "ruleset/ruleset.h"
#include "evidence/limits.h"
#include "fuzz_util.h"
#include "portal_check/auditor.h"
#include "util/json.h"
#include "util/json_scan.h"

using namespace portal_check;

namespace {
std::vector<std::string_view> SplitNul(std::string_view s, std::size_t max_parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < max_parts) {
    std::size_t nul = s.find('\0');
    if (nul == std::string_view::npos) break;
    out.push_back(s.substr(0, nul));
    s.remove_prefix(nul + 1);
  }
  out.push_back(s);
  out.resize(max_parts);
  return out;
}

std::string RulesetDocument(std::string_view patch) {
  if (patch.empty()) return "";
  json::Value p;
  if (!json::ParseBounded(patch, limits::kMaxJsonDepth, p).ok() || !p.is<json::Object>()) return std::string(patch);
  static const json::Value kEmbedded = [] {
    json::Value v;
    if (!json::ParseBounded(Ruleset::EmbeddedDocument(), limits::kMaxJsonDepth, v).ok()) __builtin_trap();
    return v;
  }();
  json::Value doc = kEmbedded;
  json::Object& base = doc.get<json::Object>();
  for (const auto& [key, value] : p.get<json::Object>()) {
    auto it = base.find(key);
    if (it != base.end() && it->second.is<json::Object>() && value.is<json::Object>()) {
      for (const auto& [k, v] : value.get<json::Object>()) it->second.get<json::Object>()[k] = v;
    } else {
      base[key] = value;
    }
  }
  return json::Serialize(doc);
}

struct Outcome {
  bool ok = false;
  std::string report, sarif;
};

Outcome Audit(const AuditOptions& options, std::string_view har, std::size_t chunk) {
  Outcome o;
  auto created = Auditor::Create(options);
  if (!created.ok()) return o;
  auto& auditor = created.value();
  for (std::size_t i = 0; i < har.size(); i += chunk)
    if (!auditor->Feed(har.substr(i, chunk)).ok()) return o;
  if (!auditor->Finish().ok()) return o;
  o.ok = true;
  o.report = auditor->ReportJson();
  o.sarif = auditor->Sarif();
  return o;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = static_cast<std::size_t>(data[0]) + 1;
  const std::vector<std::string_view> parts = SplitNul(fuzz::AsView(data + 1, size - 1), 5);
  AuditOptions options;
  options.ruleset_document = RulesetDocument(parts[0]);
  options.declarations_json = std::string(parts[1]);
  if (!parts[2].empty())
    for (std::string_view id : fuzz::Lines(parts[2])) options.profiles.emplace_back(id);
  options.target = std::string(parts[3]);
  const Outcome first = Audit(options, parts[4], chunk);
  if (!first.ok) return 0;
  const Outcome again = Audit(options, parts[4], parts[4].size() + 1);
  if (!again.ok || again.report != first.report || again.sarif != first.sarif) __builtin_trap();
  return 0;
}
