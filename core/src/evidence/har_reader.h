// Reading HAR 1.2 entries (as DevTools, Playwright, ZAP and portal-check's capture write them).
// Splitting a HAR document into entries is evidence/har_stream.h's job.
//
// Required (anything else is optional, and read when present):
//   log (object), log.entries (array); per entry: request.method, request.url (strings),
//   response.status (number). Headers default to none, content to empty.
// Read extensions: response._securityDetails {protocol, subjectName, issuer, validFrom, validTo,
//   sanList, _trusted}, entry._resourceType, entry._portalCheck.notCaptured (array of strings),
//   entry._portalCheck.purpose (string, at most 32 bytes),
//   log._portalCheck.target (string).
#ifndef PORTAL_CHECK_EVIDENCE_HAR_READER_H_
#define PORTAL_CHECK_EVIDENCE_HAR_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence/exchange.h"
#include "evidence/notice.h"
#include "portal_check/status.h"

namespace portal_check {

// Parses one HAR entry's JSON text into an Exchange, applying the limits of evidence/limits.h
// (cut values are reported in `notices`). Errors: kInvalidArgument naming the missing or
// mistyped field ("entry 3: request.url is missing"), kResourceExhausted for an entry over
// limits::kMaxEntryBytes or nested deeper than limits::kMaxJsonDepth.
StatusOr<Exchange> ReadHarEntry(std::string_view entry_json, std::size_t index, Notices& notices);

// Parses an ISO 8601 / RFC 3339 date-time ("2026-11-29T07:15:00.123+07:00", "...Z") into seconds
// since the Unix epoch; nullopt when malformed.
std::optional<std::int64_t> ParseIsoDateTime(std::string_view text);

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_HAR_READER_H_
