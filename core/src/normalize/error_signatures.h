// Error-page and stack-trace signatures (ASP.NET yellow screen, PHP warnings, Java and Python
// traces, SQL driver errors, server paths) found in a response body. Shared by
// page.error-disclosure and site.error-page; the signatures are data (rules/data/error-signatures.json).
//
// Data list "error-signatures", member "signatures": an array of objects
//   {"id": "php-warning", "family": "php", "any": ["Warning: ", "<b>Warning</b>:"],
//    "near": [" on line "], "window": 600, "ignore_case": false, "digits_after": 0}
//   id, family: non-empty strings (entries without them, or without "any", are skipped);
//   any:          needles; the signature matches where one of them occurs ...
//   digits_after: ... followed at once by at least this many ASCII digits (default 0) ...
//   near:         ... and (when given) one of these needles starts within `window` bytes after the
//                 match (default window 400);
//   ignore_case:  ASCII case-insensitive comparison for "any" and "near" (default false).
// Matching is one linear pass over the body (util/needle_index.h: needles bucketed by first byte
// behind a two-byte prefilter), plus at most kMaxNearAttempts bounded look-aheads per signature:
// no regex, no backtracking. ErrorSignatureMatcher compiles the list once; checks read the audit's
// one through DataLists::Compiled(&BuildErrorSignatureMatcher).
#ifndef PORTAL_CHECK_NORMALIZE_ERROR_SIGNATURES_H_
#define PORTAL_CHECK_NORMALIZE_ERROR_SIGNATURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/json.h"
#include "util/needle_index.h"

namespace portal_check {

class DataLists;

struct ErrorSignatureHit {
  std::string id;        // the signature's id, e.g. "aspnet-yellow-screen"
  std::string family;    // "aspnet", "php", "java", "python", "sql", "path", ...
  std::string excerpt;   // text around the match: tags dropped, white space folded,
                         // text::SafeUtf8, at most kMaxExcerptBytes
  std::size_t offset = 0;  // byte offset of the match in the body
};

inline constexpr std::size_t kMaxExcerptBytes = 240;
inline constexpr std::size_t kMaxNearAttempts = 64;

// The signatures of one data list (the object of rules/data/error-signatures.json), compiled once.
class ErrorSignatureMatcher {
 public:
  // Reads `list` (entries without id, family or "any" are skipped; a list without "signatures"
  // matches nothing). Keeps no reference to `list`.
  explicit ErrorSignatureMatcher(const json::Value& list);

  // Every signature that matches `body`, at most one hit per signature id (its first match),
  // ordered by offset then id. Returns {} when nothing matches. Never fails; the body may hold
  // any bytes (non-UTF-8 included).
  std::vector<ErrorSignatureHit> Find(std::string_view body) const;

 private:
  struct Signature {
    std::string id, family;
    std::vector<std::string> near;
    std::size_t window = 400;
    std::size_t digits_after = 0;
    bool ignore_case = false;
  };
  std::vector<Signature> signatures_;
  NeedleIndex needles_;                         // every "any" needle
  std::vector<std::size_t> needle_signature_;   // needle index → index into signatures_
};

// ErrorSignatureMatcher(lists.Data("error-signatures")): the matcher of the ruleset's data list.
ErrorSignatureMatcher BuildErrorSignatureMatcher(const DataLists& lists);
// lists.Compiled(&BuildErrorSignatureMatcher).Find(body): compiled once per ruleset (DataLists).
std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const DataLists& lists);
// ErrorSignatureMatcher(list).Find(body).
std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const json::Value& list);

// {"id", "family", "excerpt"} of `hit` for check details: the id text::SafeUtf8'd to
// `max_id_bytes`, the family to 64 bytes; the excerpt is already safe and bounded.
json::Object ErrorSignatureDetail(const ErrorSignatureHit& hit, std::size_t max_id_bytes);

// A readable excerpt of body[pos - before, pos + after): cut at UTF-8 character boundaries, HTML
// tags dropped, white space runs folded to one space, passed through text::SafeUtf8(max_bytes).
std::string ExcerptAround(std::string_view body, std::size_t pos, std::size_t before, std::size_t after,
                          std::size_t max_bytes = kMaxExcerptBytes);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_ERROR_SIGNATURES_H_
