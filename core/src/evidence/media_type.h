// Content-Type values (RFC 9110 section 8.3.1) and charset labels (WHATWG Encoding, the labels
// that matter for Vietnamese sites).
#ifndef PORTAL_CHECK_EVIDENCE_MEDIA_TYPE_H_
#define PORTAL_CHECK_EVIDENCE_MEDIA_TYPE_H_

#include <optional>
#include <string>
#include <string_view>

namespace portal_check {

struct MediaType {
  std::string essence;               // "type/subtype", lower-case ("" when malformed)
  std::optional<std::string> charset;  // the charset parameter, unquoted, lower-case; nullopt when absent
};

// Parses one Content-Type value. Parameters other than charset are skipped; a quoted charset is
// unquoted. Never fails: a value without "type/subtype" gives an empty essence.
MediaType ParseMediaType(std::string_view value);

// The canonical name of a charset label per the WHATWG Encoding Standard's label table for the
// encodings seen on Vietnamese sites (utf8 → utf-8, cp1258 → windows-1258, latin1/iso-8859-1 →
// windows-1252, …). Unknown labels come back trimmed and lower-cased, so two unknown labels
// still compare by spelling. Never fails.
std::string CanonicalCharset(std::string_view label);

// True when a Content-Type essence carries no usable type and browsers sniff the body instead
// (WHATWG MIME Sniffing 7.1: absent, "unknown/unknown", "application/unknown", "*/*"), or it is
// a HAR producer's placeholder for an unknown type ("x-unknown"). `essence` is lower-case.
bool IsUnknownMimeType(std::string_view essence);

// True when `body` sniffs as HTML by the WHATWG MIME Sniffing Standard's "rules for identifying
// an unknown MIME type" (section 7.1, HTML patterns only): after leading white space bytes, a
// case-insensitive "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV",
// "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P" or "<!--", each
// followed by a space or ">". A byte order mark in front means text/plain: false.
bool SniffsAsHtml(std::string_view body);

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_MEDIA_TYPE_H_
