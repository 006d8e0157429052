#include "report/secret_names.h"

#include <algorithm>

#include "ruleset/data_lists.h"
#include "normalize/form_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

// Built-in lists for a ruleset without "secret-parameters" (an older custom ruleset): the same
// members as rules/data/secret-parameters.json of this release.
const std::vector<std::string> kDefaultExact = {
    "token", "accesstoken", "idtoken", "refreshtoken", "code", "authcode", "state", "auth", "key", "apikey",
    "accesskey", "password", "pass", "pwd", "passwd", "otp", "signature", "sig", "secret", "clientsecret",
    "ticket", "nonce", "samlresponse", "samlrequest", "sid", "session", "sessionid", "jsessionid", "phpsessid"};
const std::vector<std::string> kDefaultContains = {"token",      "passw",   "secret",  "signature", "credential",
                                                   "apikey",     "matkhau", "session", "sessid"};
const std::vector<std::string> kDefaultTokenHeaders = {"token", "api-key", "apikey", "secret", "session"};
constexpr std::string_view kWebFormsState[] = {"__viewstate", "__eventvalidation"};

std::vector<std::string> Mapped(std::vector<std::string> list, std::string (*fn)(std::string_view)) {
  for (std::string& s : list) s = fn(s);
  list.erase(std::remove(list.begin(), list.end(), std::string()), list.end());
  return list;
}

std::vector<std::string> ListOr(const DataLists& ctx, std::string_view key, const std::vector<std::string>& fallback) {
  std::vector<std::string> list = ctx.DataStrings("secret-parameters", key);
  return list.empty() ? fallback : list;
}

bool ContainsAny(std::string_view s, const std::vector<std::string>& parts) {
  for (const std::string& p : parts)
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}

}  // namespace

SecretNames::SecretNames(const DataLists& ctx)
    : session_(BuildSessionParamNames(ctx)),
      exact_(Mapped(ListOr(ctx, "exact", kDefaultExact), FoldFieldName)),
      contains_(Mapped(ListOr(ctx, "contains", kDefaultContains), FoldFieldName)),
      token_headers_(Mapped(ListOr(ctx, "token_headers", kDefaultTokenHeaders), text::Lower)),
      csrf_exact_(Mapped(ctx.DataStrings("anti-csrf-tokens", "exact"), text::Lower)),
      csrf_prefixes_(Mapped(ctx.DataStrings("anti-csrf-tokens", "prefixes"), text::Lower)),
      csrf_contains_(Mapped(ctx.DataStrings("anti-csrf-tokens", "contains"), FoldFieldName)) {}

bool SecretNames::IsSecretName(std::string_view name) const {
  const std::string f = FoldFieldName(name);
  return std::find(exact_.begin(), exact_.end(), f) != exact_.end() || ContainsAny(f, contains_);
}

bool SecretNames::IsCsrfName(std::string_view name) const {
  const std::string n = text::Lower(name);
  if (std::find(csrf_exact_.begin(), csrf_exact_.end(), n) != csrf_exact_.end()) return true;
  for (const std::string& p : csrf_prefixes_)
    if (n.compare(0, p.size(), p) == 0) return true;
  for (std::string_view p : kWebFormsState)
    if (n.compare(0, p.size(), p) == 0) return true;
  return ContainsAny(FoldFieldName(n), csrf_contains_);
}

bool SecretNames::IsTokenHeader(std::string_view header_name) const {
  return ContainsAny(text::Lower(header_name), token_headers_);
}

bool SecretNames::IsSecret(const UrlSpan& span, std::string_view value) const {
  if (value.empty()) return false;
  switch (span.kind) {
    case UrlSpanKind::kUserinfoUser:
    case UrlSpanKind::kUserinfoPassword:
      return true;
    case UrlSpanKind::kCookieless:
      return span.name == "A" ? LooksLikeSessionId(value) : value.size() >= kMinSessionIdBytes;
    case UrlSpanKind::kPathParam:
    case UrlSpanKind::kQueryParam:
    case UrlSpanKind::kFragmentParam:
      break;
  }
  const std::string_view raw = text::Trim(span.name);
  // As written when it does not decode (as decodeURIComponent refuses it).
  const std::string decoded = text::FormDecode(raw, /*strict=*/true).value_or(std::string(raw));
  if (session_.Matches(raw) || session_.Matches(decoded))
    return span.kind == UrlSpanKind::kFragmentParam || LooksLikeSessionId(value);
  return IsSecretName(raw) || IsSecretName(decoded) || IsCsrfName(raw) || IsCsrfName(decoded);
}

}  // namespace portal_check
