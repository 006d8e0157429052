// Which URL parts and request headers carry secrets, for the redaction of every output
// (report/secret_redaction.h). The same decisions as web/host/bundle/redact-names.mjs and
// redact-url.mjs make for bundles, from the same ruleset data lists: "session-cookies" (session
// parameters, as cookie.session-in-url reads them), "anti-csrf-tokens" (form.csrf-token's token
// names) and "secret-parameters" (credential and token names, token headers).
#ifndef PORTAL_CHECK_REPORT_SECRET_NAMES_H_
#define PORTAL_CHECK_REPORT_SECRET_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "normalize/url_spans.h"

namespace portal_check {

class DataLists;

class SecretNames {
 public:
  explicit SecretNames(const DataLists& ctx);

  // True when the value of `span` (url[span.begin, span.end)) is a secret:
  //   - userinfo user and password: when not empty;
  //   - a parameter (path, query, fragment) with a non-empty value whose name, trimmed, as written
  //     or percent-decoded ('+' as space), is
  //       * a session parameter: when the value looks like a session id (LooksLikeSessionId), or
  //         always in the fragment (which cookie.session-in-url never reads), so "?sid=12" stays
  //         and the check's outcome on redacted evidence is the same;
  //       * else a secret or anti-CSRF token name (IsSecretName, IsCsrfName): always;
  //   - a cookieless segment: "S"/"F" of kMinSessionIdBytes or more, "A" when it looks like an id.
  bool IsSecret(const UrlSpan& span, std::string_view value) const;

  // Folded name equal to a "secret-parameters" "exact" entry or containing a "contains" entry.
  bool IsSecretName(std::string_view name) const;
  // form.csrf-token's names ("anti-csrf-tokens" exact, prefixes, folded contains) and the ASP.NET
  // WebForms state fields (__VIEWSTATE*, __EVENTVALIDATION*).
  bool IsCsrfName(std::string_view name) const;
  // A request header whose whole value is a secret: its lower-cased name contains a
  // "secret-parameters" "token_headers" entry.
  bool IsTokenHeader(std::string_view header_name) const;

 private:
  SessionParamNames session_;
  std::vector<std::string> exact_, contains_, token_headers_;                  // folded / lower-case
  std::vector<std::string> csrf_exact_, csrf_prefixes_, csrf_contains_;       // lower / lower / folded
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_SECRET_NAMES_H_
