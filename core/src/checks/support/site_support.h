// Helpers shared by the site.* checks: which exchanges are about the audited site and which
// site file an exchange is. Internal to checks/.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_SITE_SUPPORT_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_SITE_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "util/json.h"

namespace portal_check::site {

// True when `view`'s URL is on the audited site: the same registrable domain as the target
// (www.example.gov.vn and example.gov.vn are one site; IP literals and bare hosts compare
// exactly). True for every parsable URL when the audit has no target.
bool OnTargetSite(const ExchangeView& view, const AuditContext& ctx);

// True when the exchange is the site file `path` (e.g. "/robots.txt"): the capture marked it
// with `purpose`, or (HARs from other tools, which carry no purpose) its URL path equals `path`
// exactly on the audited site. Requires a parsed URL.
bool IsSiteFile(const ExchangeView& view, const AuditContext& ctx, std::string_view purpose, std::string_view path);

// True when the first KiB of the body is HTML markup (<!doctype html, <html, <head, <body): for a
// non-HTML file (robots.txt, security.txt, .env …) answered 2xx this is the site's normal or
// error page served instead of the file (a "soft 404"). The Content-Type is not consulted:
// a real file served with a wrong type is still the file.
bool HasHtmlMarkup(std::string_view body);

// At most `max_bytes` of `body`, for keeping a small site file past OnExchange (bodies are not
// retained by the engine).
std::string KeepPrefix(std::string_view body, std::size_t max_bytes);

// `values` as a JSON array of strings, in order (they must already be safe for details).
DetailList StringArray(const std::vector<std::string>& values);

}  // namespace portal_check::site

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_SITE_SUPPORT_H_
