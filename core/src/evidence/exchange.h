// One HTTP request/response pair read from a HAR entry, normalised for the checks.
#ifndef PORTAL_CHECK_EVIDENCE_EXCHANGE_H_
#define PORTAL_CHECK_EVIDENCE_EXCHANGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "evidence/headers.h"

namespace portal_check {

// TLS facts as Playwright and Chrome DevTools record them in `_securityDetails`.
struct TlsDetails {
  std::string protocol;                   // e.g. "TLS 1.3"
  std::string subject_name;               // certificate subject CN
  std::string issuer;
  std::vector<std::string> san_list;      // subjectAlternativeNames when recorded
  std::optional<std::int64_t> valid_from; // seconds since the Unix epoch
  std::optional<std::int64_t> valid_to;
  // `_securityDetails._trusted` / certificateTransparency flags are not standard; capture records
  // chain trust (when known) here. nullopt = unknown.
  std::optional<bool> trusted;
  // `_securityDetails._trustError`: why the chain is not trusted, as the capture named it (e.g.
  // "SELF_SIGNED_CERT_IN_CHAIN", "ERR_CERT_AUTHORITY_INVALID"); cut to 256 bytes; "" when absent.
  std::string trust_error;
};

// Whether the HAR holds the response body the browser received.
enum class BodyState {
  kCaptured,  // content.text holds the whole body (or the body is empty: content.size 0)
  kCut,       // only a part: cut by the producer (`_bodyCut`, `_portalCheck.bodyCut`, content.size
              // greater than the text) or by the engine at limits::kMaxBodyBytes
  kMissing,   // no body at all: no content.text, or a `_file` attachment kept beside the HAR
};

struct Exchange {
  std::size_t index = 0;          // position in the HAR's entries array
  std::string method;             // upper-case
  std::string url;                // request URL (cut to limits::kMaxUrlBytes)
  HeaderList request_headers;
  int status = 0;                 // 0 = no response (blocked, failed)
  HeaderList response_headers;
  // The response's media type, lower-cased, without parameters: response.content.mimeType, else
  // the Content-Type header's, else "text/html" when the body sniffs as HTML (mime_sniffed).
  std::string mime_type;
  bool mime_sniffed = false;
  std::string body;               // response body bytes (base64 decoded), cut to kMaxBodyBytes
  bool body_is_text = true;       // false when the HAR gave base64 (raw bytes, charset unknown)
  bool body_cut = false;          // true when the body was cut at kMaxBodyBytes
  BodyState body_state = BodyState::kCaptured;
  std::string body_gap;           // why body_state is not kCaptured, for notices and reasons
  // True when the entry holds any cookie evidence: a Set-Cookie or Cookie header, or a non-empty
  // HAR `cookies` array (sanitized exports drop all of them).
  bool has_cookie_evidence = false;
  // True when the Set-Cookie fields were rebuilt from response.cookies because the producer left
  // the header out (response_headers then holds them as Set-Cookie fields).
  bool set_cookie_from_har_cookies = false;
  std::string pageref;            // entry.pageref ("" when absent)
  std::string redirect_url;       // response.redirectURL, else the Location header ("" when none)
  std::optional<TlsDetails> tls;  // from `_securityDetails`
  std::optional<std::int64_t> started;  // startedDateTime, seconds since the epoch
  std::string resource_type;      // `_resourceType` when present (document, script, ...)
  // Set when the capture method could not see part of the exchange (e.g. Set-Cookie from a
  // same-origin fetch): the names of what is missing, from `_portalCheck.notCaptured`.
  std::vector<std::string> not_captured;
  // Why the capture requested this URL, from `_portalCheck.purpose` (lower-cased; "" when absent,
  // e.g. a HAR from DevTools): start, page, script, stylesheet, robots, security-txt, error-page,
  // admin, probe (web/host/har-entry.mjs). "probe" marks active-probe requests made only with
  // the user's explicit consent (--probe).
  std::string purpose;

  bool IsRedirect() const { return status >= 300 && status < 400 && !redirect_url.empty(); }
  bool IsHtml() const { return mime_type == "text/html" || mime_type == "application/xhtml+xml"; }
  // A response a browser renders when it navigates to it: 2xx but 204/205 (no content: the
  // browser stays where it was), 401 and 403 (error pages the Observatory grades too), and a 304
  // revalidation when the HAR carries the cached body.
  bool IsRenderedStatus() const {
    return (status >= 200 && status < 300 && status != 204 && status != 205) || status == 401 || status == 403 ||
           (status == 304 && body_state != BodyState::kMissing && !body.empty());
  }
  // The request says it is not a navigation: Sec-Fetch-Mode other than "navigate", or
  // X-Requested-With: XMLHttpRequest (jQuery's and ASP.NET's AJAX calls).
  bool IsSubresourceRequest() const;
  // The request says it loads a frame, not the top-level document (Sec-Fetch-Dest iframe, frame,
  // embed, object).
  bool IsFrameRequest() const;
  // A script by DevTools' resource type or its media type (JavaScript / ECMAScript).
  bool IsScript() const {
    return resource_type == "script" || mime_type.find("javascript") != std::string::npos ||
           mime_type.find("ecmascript") != std::string::npos;
  }
  // A WebSocket handshake (101, a ws: URL, or DevTools' resource type): never a document.
  bool IsWebSocket() const;
  // A page: a successful GET whose response is an HTML document, and not a request the capture
  // made to test the site itself (an admin path, an exposed-file probe, the 404 page, robots.txt,
  // security.txt): on a site that answers every path with its home page (a soft 404) those would
  // otherwise repeat every page finding once per probe. The site.* checks judge them.
  // An HTML response that DevTools recorded as a sub-resource (xhr, fetch, script, ...) is not a
  // page either.
  bool IsPage() const {
    return IsHtmlDocument() && !IsSiteProbe() && (resource_type.empty() || resource_type == "document") &&
           !IsSubresourceRequest();
  }
  // A GET whose response is a rendered HTML document (a page or a site probe).
  bool IsHtmlDocument() const { return method == "GET" && IsRenderedStatus() && IsHtml() && !IsWebSocket(); }
  bool IsSiteProbe() const {
    return purpose == "probe" || purpose == "admin" || purpose == "error-page" || purpose == "robots" ||
           purpose == "security-txt";
  }
  bool NotCaptured(const std::string& what) const;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_EXCHANGE_H_
