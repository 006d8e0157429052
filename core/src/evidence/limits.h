// Every input limit of the engine, in one place. Past a limit the audit goes on where it can and
// the report's "notices" name the limit (or, for whole-input limits, the call returns
// kResourceExhausted / kInvalidArgument with a message that names it). Each has a test at and past it.
#ifndef PORTAL_CHECK_EVIDENCE_LIMITS_H_
#define PORTAL_CHECK_EVIDENCE_LIMITS_H_

#include <cstddef>

namespace portal_check::limits {

// JSON nesting depth of a HAR (a real HAR entry is about 6 deep). Deeper input is rejected before
// any recursive parse, so hostile nesting cannot exhaust the stack.
inline constexpr std::size_t kMaxJsonDepth = 64;
// Bytes of one HAR entry's JSON text. A larger entry is rejected (input error).
inline constexpr std::size_t kMaxEntryBytes = 256u * 1024 * 1024;
// Entries in one HAR. Entries past it are not audited (notice).
inline constexpr std::size_t kMaxEntries = 100000;
// Bytes of one response body that are audited. The rest is ignored (notice, and page checks on it
// say which part they saw).
inline constexpr std::size_t kMaxBodyBytes = 16u * 1024 * 1024;
// Header fields kept per request or response. The rest are dropped (notice).
inline constexpr std::size_t kMaxHeadersPerMessage = 1000;
// Bytes of one header value. A longer value is cut to this length (notice).
inline constexpr std::size_t kMaxHeaderValueBytes = 64u * 1024;
// Bytes of a URL. A longer URL is cut (notice).
inline constexpr std::size_t kMaxUrlBytes = 64u * 1024;
// Elements recorded in one page model. Further elements are not recorded (notice).
inline constexpr std::size_t kMaxPageModelNodes = 200000;
// Hops followed in a redirect chain.
inline constexpr std::size_t kMaxRedirects = 20;
// Entries, and bytes of their bodies and URLs, held while the audit looks for its target's main
// document (engine/target_choice.h): the first page's document usually comes within the first
// few entries. Past either limit the target is chosen from what was held (a notice names the
// limit when no document was among them) and the rest streams through.
inline constexpr std::size_t kMaxTargetSearchEntries = 1000;
inline constexpr std::size_t kMaxTargetSearchBytes = 64u * 1024 * 1024;
// Notices kept in a report (a hostile HAR could trigger one per entry).
inline constexpr std::size_t kMaxNotices = 1000;
// Elements of log.pages kept (HarStream::log_info()). Later pages are scanned, not kept.
inline constexpr std::size_t kMaxHarPages = 10000;

}  // namespace portal_check::limits

#endif  // PORTAL_CHECK_EVIDENCE_LIMITS_H_
