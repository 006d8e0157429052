#include "normalize/csp_parse.h"

#include <utility>

#include "normalize/csp_source.h"
#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check::csp {

using namespace lex;

const char* OriginName(Origin origin) {
  switch (origin) {
    case Origin::kHeader: return "header";
    case Origin::kReportOnly: return "report-only";
    case Origin::kMeta: return "meta";
  }
  return "header";
}

const Directive* Policy::Find(std::string_view name) const {
  for (const Directive& d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

std::string Policy::Label() const { return std::string(OriginName(origin)) + "#" + std::to_string(index); }

// ---------------------------------------------------------------------------------------------
// Parsing (CSP3 section 2.2.1)
// ---------------------------------------------------------------------------------------------

Finding MakeFinding(std::string_view directive, std::string_view issue, std::string_view value,
                    std::string_view severity, const std::string& policy) {
  return Finding{std::string(directive), std::string(issue), std::string(value),
                 std::string(severity), policy};
}

namespace {

bool IsDirectiveName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(IsAlpha(c) || IsDigit(c) || c == '-')) return false;
  return true;
}

// Syntax checks on one value of directive `name`: a directive name among the values (a missing
// semicolon), a keyword, nonce or hash written without its quotes, a quoted value that is no
// keyword of that directive and no well-formed nonce or hash (browsers ignore it).
void CheckSourceSyntax(std::string_view name, std::string_view raw, const std::string& label,
                       std::vector<Finding>& findings) {
  std::string lower = text::Lower(raw);
  if (IsKnownDirective(lower)) {
    findings.push_back(MakeFinding(name, "missing-semicolon", raw, "high", label));
    return;
  }
  if (Contains(kBareKeywords, lower) || StartsWith(lower, "nonce-") || StartsWith(lower, "sha256-") ||
      StartsWith(lower, "sha384-") || StartsWith(lower, "sha512-")) {
    findings.push_back(MakeFinding(name, "unquoted-keyword", raw, "high", label));
    return;
  }
  if (lower.empty() || lower.front() != '\'') return;
  bool known = false;
  if (name == "trusted-types") known = lower == "'none'" || lower == "'allow-duplicates'";
  else if (name == "require-trusted-types-for") known = lower == "'script'";
  else known = Contains(kQuotedKeywords, lower) || SourceBase64(raw).has_value();
  if (!known) findings.push_back(MakeFinding(name, "invalid-keyword", raw, "medium", label));
}

}  // namespace

Policy ParsePolicy(std::string_view text, Origin origin, int index, std::vector<Finding>& findings) {
  Policy policy;
  policy.origin = origin;
  policy.index = index;
  policy.text = std::string(TrimWith(text, IsCspSpace));
  const std::string label = policy.Label();
  for (std::string_view token : SplitKeep(policy.text, ';')) {
    token = TrimWith(token, IsCspSpace);
    if (token.empty()) continue;
    if (!IsAsciiText(token)) {
      findings.push_back(MakeFinding("", "non-ascii-directive", token, "medium", label));
      continue;
    }
    std::vector<std::string_view> parts = SplitSpace(token, IsCspSpace);
    std::string name = text::Lower(parts[0]);
    if (!IsDirectiveName(name)) {
      findings.push_back(MakeFinding("", "invalid-directive-name", parts[0], "high", label));
      continue;
    }
    if (policy.Find(name) != nullptr) {
      findings.push_back(MakeFinding(name, "duplicate-directive", token, "medium", label));
      continue;
    }
    if (origin == Origin::kMeta && Contains(kIgnoredInMeta, name)) {
      findings.push_back(MakeFinding(name, "ignored-in-meta", token, "low", label));
      ++policy.ignored_in_meta;
      continue;
    }
    if (!IsKnownDirective(name))
      findings.push_back(MakeFinding(name, "unknown-directive", parts[0], "medium", label));
    else if (Contains(kDeprecatedDirectives, name))
      findings.push_back(MakeFinding(name, "deprecated-directive", parts[0], "low", label));
    Directive d;
    d.name = name;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      CheckSourceSyntax(name, parts[i], label, findings);
      d.values.emplace_back(parts[i]);
    }
    policy.directives.push_back(std::move(d));
  }
  return policy;
}

Input CollectInput(const HeaderList& response_headers, const PageModel* page, const std::optional<Url>& url) {
  Input in;
  for (std::string_view v : response_headers.GetAll("Content-Security-Policy"))
    if (in.headers.size() < kMaxPoliciesPerKind) in.headers.emplace_back(v);
  for (std::string_view v : response_headers.GetAll("Content-Security-Policy-Report-Only"))
    if (in.report_only.size() < kMaxPoliciesPerKind) in.report_only.emplace_back(v);
  in.observatory_header = observatory::Header(response_headers, "Content-Security-Policy");
  in.observatory_report_only = observatory::Header(response_headers, "Content-Security-Policy-Report-Only");
  if (page != nullptr) {
    const bool observatory_html = observatory::ReadsAsHtml(response_headers);
    for (const HtmlElement& e : page->elements()) {
      if (e.tag != "meta" || e.in_template) continue;
      const std::string* equiv = e.Attr("http-equiv");
      const std::string* content = e.Attr("content");
      if (!equiv || !content || content->empty()) continue;
      if (text::EqualsIgnoreCase(*equiv, "content-security-policy") && in.meta.size() < kMaxPoliciesPerKind)
        in.meta.push_back(*content);
      if (observatory_html && text::EqualsIgnoreCase(observatory::JsTrim(*equiv), "content-security-policy") &&
          in.observatory_meta.size() < kMaxPoliciesPerKind)
        in.observatory_meta.push_back(*content);
    }
  }
  in.https = !url || url->IsHttps();
  return in;
}

std::vector<Policy> ParseAll(const Input& in, std::vector<Finding>& findings) {
  std::vector<Policy> out;
  int n = 0;
  for (const std::string& value : in.headers)
    for (std::string_view part : SplitKeep(value, ','))
      out.push_back(ParsePolicy(part, Origin::kHeader, n++, findings));
  n = 0;
  for (const std::string& value : in.report_only)
    for (std::string_view part : SplitKeep(value, ','))
      out.push_back(ParsePolicy(part, Origin::kReportOnly, n++, findings));
  n = 0;
  for (const std::string& value : in.meta) out.push_back(ParsePolicy(value, Origin::kMeta, n++, findings));
  return out;
}

}  // namespace portal_check::csp
