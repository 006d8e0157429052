// A response as the Mozilla HTTP Observatory's retriever hands it to its tests, for the graded
// checks that report the Observatory's verdict next to their own (docs/report.md "Header grade"):
//   - header values after Node's http parser and axios;
//   - whether the Observatory reads the body as HTML (its <meta> policies and its scripts);
//   - JavaScript's white space, which its tests trim and split with.
// Facts taken from Node 20 (lib/_http_incoming.js, matchKnownFields), axios 1.x (AxiosHeaders,
// helpers/sanitizeHeaderValue.js) and @mdn/mdn-http-observatory 1.4.8 (MPL-2.0;
// src/retriever/retriever.js, src/analyzer/tests/subresource-integrity.js), checked against the
// real package by tests/js/observatory-side-by-side.test.mjs. Own code; nothing copied.
#ifndef PORTAL_CHECK_NORMALIZE_OBSERVATORY_VIEW_H_
#define PORTAL_CHECK_NORMALIZE_OBSERVATORY_VIEW_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/headers.h"

namespace portal_check::observatory {

// The value of response header `name` (not Set-Cookie, see SetCookies) as the Observatory's tests
// read it: Node keeps only the first field of Content-Type, Location, Server and the other fields
// its parser treats as singletons, and joins the repeated fields of any other name with ", ";
// axios then removes C0 controls (but TAB) and DEL and trims spaces and tabs. nullopt when the
// response has no such field (an empty value is a present, empty string).
std::optional<std::string> Header(const HeaderList& headers, std::string_view name);

// Every Set-Cookie field, each sanitised as axios does (Node keeps them apart), in order.
std::vector<std::string> SetCookies(const HeaderList& headers);

// True when the Observatory treats the response body as HTML: its Content-Type (see Header), cut
// at the first ';', is exactly "text/html" or "application/xhtml+xml" — case and spaces count, so
// "TEXT/HTML" or "text/html ; charset=utf-8" is not HTML there (browsers disagree: MIME types are
// case-insensitive). Only then does its retriever read <meta http-equiv=Content-Security-Policy>
// and <meta name=referrer>, and its SRI test look at scripts (else
// "sri-not-implemented-response-not-html").
bool ReadsAsHtml(const HeaderList& headers);

// JavaScript's white space (String.prototype.trim, RegExp \s: ASCII TAB LF VT FF CR SP, U+00A0,
// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF): the UTF-8 byte length
// of the white-space character starting at s[i], or 0 when there is none there.
std::size_t JsSpaceAt(std::string_view s, std::size_t i);
// `s` without leading and trailing JavaScript white space (String.prototype.trim).
std::string_view JsTrim(std::string_view s);
// The non-empty runs of `s` between JavaScript white space (s.trim().split(/\s+/) for non-blank s).
std::vector<std::string_view> JsSplitSpace(std::string_view s);
// The UTF-16 length of UTF-8 text (JavaScript's String.prototype.length).
std::size_t Utf16Length(std::string_view utf8);

}  // namespace portal_check::observatory

#endif  // PORTAL_CHECK_NORMALIZE_OBSERVATORY_VIEW_H_
