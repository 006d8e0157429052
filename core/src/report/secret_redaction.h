// Redaction of secrets in everything the engine writes out (report JSON, SARIF): URLs with
// credentials, session ids and tokens, and secret values echoed in free text. The checks read the
// real evidence; only the outputs are redacted (report/outcome_redaction.h applies this at the
// report-writing boundary), so outcomes never change.
//
// A secret value is replaced by a marker "REDACTED-" + the first 8 hex digits of SHA-256 over its
// bytes, exactly as bundles redact it (web/host/bundle/redact-marker.mjs): the same value always
// gets the same marker, and a value that already is a marker is kept (idempotent: a bundle's
// evidence is already redacted and its replayed report stays byte-identical).
//
// Two layers:
//   - by structure (RedactUrl): the URL parts SecretNames::IsSecret names — userinfo, session
//     ids, token and credential parameters, cookieless segments;
//   - by value (the sweep): every secret value the evidence held — the values RedactUrl replaced
//     in the exchange URLs, redirect targets, Referer/Location headers and page links, Cookie and
//     Set-Cookie values, Authorization credentials, token headers — replaced wherever it occurs
//     in an output string (a session id echoed in free text). Only values of at least
//     kMinSweptBytes bytes that are not all digits are swept (shorter ones would match by chance),
//     at most kMaxSweptSecrets of them (the first collected), longest first at each position.
#ifndef PORTAL_CHECK_REPORT_SECRET_REDACTION_H_
#define PORTAL_CHECK_REPORT_SECRET_REDACTION_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/exchange.h"
#include "normalize/page_model.h"
#include "report/secret_names.h"
#include "util/json.h"
#include "util/needle_index.h"

namespace portal_check {

inline constexpr std::size_t kMinSweptBytes = 8;
inline constexpr std::size_t kMaxSweptSecrets = 4096;

// "REDACTED-xxxxxxxx" for `value` (value itself when it already is a marker).
std::string RedactionMarker(std::string_view value);
// True when `s` is a marker: "REDACTED-" and 8 lower-case hex digits.
bool IsRedactionMarker(std::string_view s);

class SecretRedactor {
 public:
  // The secret names are read from `ctx`'s lists once per ruleset (DataLists::Compiled); `ctx`
  // must outlive the redactor.
  explicit SecretRedactor(const DataLists& ctx);

  // `url` with every secret span's value replaced by its marker; the rest byte-identical. Each
  // replaced value is remembered for the sweep.
  std::string RedactUrl(std::string_view url);

  // Remembers the secret values of one exchange (and of its page model, when it has one).
  void Collect(const Exchange& exchange, const PageModel* page);

  // A URL field of an output (page, target, pages): RedactUrl, then the sweep.
  std::string RedactUrlField(std::string_view url);
  // Free text: each URL-like word (white space, quotes, '<', '>' and '\' separate words; a word is
  // URL-like when it contains "://", '?', ';', '@' or "(S(" or starts with '/' or '#') through
  // RedactUrl, then the sweep.
  std::string RedactText(std::string_view text);
  // Every string in `value` (not member names) through RedactText; true when one changed.
  bool RedactJson(json::Value& value);
  // Compact JSON text as json::Serialize writes it (a result's details): parsed, RedactJson, and
  // serialised again only when a string changed (else returned as it was). Text in which no
  // string can change (no byte a URL-like word needs, no secret value) is returned unparsed.
  std::string RedactJsonText(std::string_view text);
  // The same, on `text` in place (not copied when nothing changes; the value is built only for
  // text with a \u escape past ASCII, which json::Serialize never writes).
  // REQUIRES: `text` is compact JSON as json::Serialize writes it (members sorted).
  void RedactJsonTextInPlace(std::string& text);
  // RedactJsonTextInPlace for a text MayChangeJsonText has just said true of (no secret learnt
  // since): the same result without asking again.
  void RedactChangeableJsonTextInPlace(std::string& text);

  // False only when no string of compact JSON `text` can change under RedactText now (no byte a
  // URL-like word needs, no secret value known so far): RedactJsonText would return it as it is.
  bool MayChangeJsonText(std::string_view text);

  std::size_t secret_count() const { return secrets_.size(); }

  // How many RedactUrlField answers are kept for reuse (then forgotten all at once): not a limit
  // on the input, a bound on this cache.
  static constexpr std::size_t kMaxRememberedUrlFields = 64;

 private:
  void Remember(std::string_view value, const std::string& marker);
  std::string Sweep(std::string_view text);
  void BuildIndex();  // index_ from secrets_, unless built since the last new secret
  std::string RedactWord(std::string_view word);  // REQUIRES: IsUrlLike(word)

  const SecretNames& names_;
  std::map<std::string, std::string, std::less<>> secrets_;  // value → marker
  std::optional<NeedleIndex> index_;                          // built from secrets_ when needed
  std::vector<const std::string*> index_markers_;             // marker of each needle
  bool secret_with_escaped_byte_ = false;                     // (with index_) a secret has '/' or 0x7f
  // RedactUrlField's recent answers (input → output), valid while secrets_ has the size noted.
  std::map<std::string, std::string, std::less<>> url_fields_;
  std::size_t url_fields_known_secrets_ = 0;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_SECRET_REDACTION_H_
