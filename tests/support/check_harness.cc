#include "check_harness.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "checks/registry.h"
#include "checks/audit_context.h"
#include "ruleset/ruleset.h"
#include "normalize/page_model.h"
#include "normalize/url.h"

namespace portal_check::testing {

const CheckDescriptor* FindCheck(std::string_view id) {
  for (const CheckDescriptor& d : AllChecks())
    if (d.id == id) return &d;
  return nullptr;
}

const CheckDescriptor* FindCheck(CheckFactory make) {
  for (const CheckDescriptor& d : AllChecks())
    if (d.make == make) return &d;
  return nullptr;
}

CheckFactory FactoryOf(std::string_view id) {
  const CheckDescriptor* d = FindCheck(id);
  EXPECT_NE(d, nullptr) << "no registered check " << id;
  return d ? d->make : nullptr;
}

const Ruleset* EmbeddedRuleset() {
  static const std::shared_ptr<const Ruleset> ruleset = Ruleset::Embedded();
  return ruleset.get();
}

void CollectingSink::Emit(CheckResult r) {
  if (check_ != nullptr) {
    r.id = std::string(check_->id);
    const bool engine_wide = r.outcome == "not-applicable" || r.outcome == "not-captured" || r.outcome == "error";
    const bool declared = EmbeddedRuleset() && EmbeddedRuleset()->Outcome(check_->id, r.outcome) != nullptr;
    EXPECT_TRUE(engine_wide || declared) << check_->id << " emitted the outcome '" << r.outcome
                                         << "', which rules/" << check_->id << ".json does not declare";
  }
  results.push_back(std::move(r));
}

const json::Value& RulesetData() {
  static const json::Value kNone;
  const Ruleset* ruleset = EmbeddedRuleset();
  return ruleset ? ruleset->data() : kNone;
}

Exchange MakeGet(std::string url, int status, std::string mime_type, std::string body) {
  Exchange e;
  e.method = "GET";
  e.url = std::move(url);
  e.status = status;
  e.mime_type = std::move(mime_type);
  e.body = std::move(body);
  return e;
}

Exchange MakeHtmlPage(std::string url, std::string html) {
  Exchange e = MakeGet(std::move(url), 200, "text/html", std::move(html));
  e.response_headers.Add("Content-Type", "text/html; charset=utf-8");
  return e;
}

Exchange MakeRedirect(std::string url, std::string location, int status) {
  Exchange e = MakeGet(std::move(url), status, "");
  e.redirect_url = std::move(location);
  e.response_headers.Add("Location", e.redirect_url);
  return e;
}

void AddResponseHeaders(Exchange& e, const std::vector<std::pair<std::string, std::string>>& headers) {
  for (const auto& [name, value] : headers) e.response_headers.Add(name, value);
}

Exchange MakeMinimalPageWith(std::string url, const std::vector<std::pair<std::string, std::string>>& headers) {
  Exchange e = MakeHtmlPage(std::move(url), "<!doctype html><html><head><title>x</title></head><body>x</body></html>");
  AddResponseHeaders(e, headers);
  return e;
}

namespace {

std::vector<CheckResult> Run(std::unique_ptr<Check> check, const CheckDescriptor* descriptor,
                             std::vector<Exchange> exchanges, const RunOptions& options) {
  CollectingSink sink(descriptor);
  if (!check) return sink.results;
  std::optional<Url> target;
  if (options.target) target = Url::Parse(*options.target);
  else if (!exchanges.empty()) target = Url::Parse(exchanges.front().url);
  AuditContext ctx(target, options.data, options.ruleset);
  bool primary_seen = false;
  for (std::size_t i = 0; i < exchanges.size(); ++i) {
    Exchange& ex = exchanges[i];
    ex.index = i;
    const std::optional<Url> url = Url::Parse(ex.url);
    std::optional<PageModel> page;
    bool primary = false;
    if (ex.IsHtmlDocument()) page = PageModel::Build(ex.body, "", ex.body_is_text);
    if (ex.IsPage()) {
      primary = !primary_seen && url && target && url->host() == target->host();
      primary_seen = primary_seen || primary;
    }
    const PageModel* document = page ? &*page : nullptr;
    ExchangeView view{ex, url, ex.IsPage() ? document : nullptr, primary, document};
    if (descriptor == nullptr || Reads(descriptor->input, view)) check->OnExchange(view, ctx, sink);
  }
  check->OnFinish(ctx, sink);
  if (sink.results.empty() && descriptor != nullptr && options.ruleset != nullptr)
    if (std::optional<AbsentEvidence> absent = options.ruleset->Absent(descriptor->id))
      sink.Emit(SiteResult(absent->outcome, absent->reason));
  return sink.results;
}

}  // namespace

std::vector<CheckResult> RunCheck(CheckFactory make, std::vector<Exchange> exchanges, const RunOptions& options) {
  return Run(make(), FindCheck(make), std::move(exchanges), options);
}

std::vector<CheckResult> RunCheck(std::string_view id, std::vector<Exchange> exchanges, const RunOptions& options) {
  const CheckDescriptor* d = FindCheck(id);
  if (d == nullptr) ADD_FAILURE() << id << " is not registered";
  return Run(d ? d->make() : nullptr, d, std::move(exchanges), options);
}

CheckResult OnlyResult(const std::vector<CheckResult>& results) {
  EXPECT_EQ(results.size(), 1u);
  return results.empty() ? CheckResult{} : results.front();
}

CheckResult RunOne(CheckFactory make, std::vector<Exchange> exchanges, const RunOptions& options) {
  return OnlyResult(RunCheck(make, std::move(exchanges), options));
}

CheckResult RunOne(std::string_view id, std::vector<Exchange> exchanges, const RunOptions& options) {
  return OnlyResult(RunCheck(id, std::move(exchanges), options));
}

const json::Value* FindDetail(const CheckResult& r, const std::string& key) {
  // The details parsed once per distinct text, kept for the whole test run: the pointers handed
  // out stay valid (std::map never moves its values).
  static std::map<std::string, json::Value>* const parsed = new std::map<std::string, json::Value>();
  std::string text = r.details.Text();
  auto it = parsed->find(text);
  if (it == parsed->end()) it = parsed->emplace(text, r.details.ToValue()).first;
  return json::Find(it->second, key);
}

const json::Value& DetailOrNull(const CheckResult& r, const std::string& key) {
  static const json::Value kNull;
  const json::Value* v = FindDetail(r, key);
  return v ? *v : kNull;
}

std::vector<std::string> StringsOf(const json::Value& v) {
  std::vector<std::string> out;
  if (v.is<json::Array>())
    for (const json::Value& s : v.get<json::Array>()) out.push_back(s.is<std::string>() ? s.get<std::string>() : "?");
  return out;
}

}  // namespace portal_check::testing
