// The JavaScript-library table of page.vulnerable-library: detection patterns from
// rules/data/js-libraries.json, advisories from rules/data/js-advisories.json (generated from
// retire.js's repository by scripts/generate-js-advisories.mjs) plus the hand-kept
// rules/data/js-advisories-supplement.json. Detectors over script URLs and script text are linear
// literal scanners (normalize/version_pattern.h); a script's text is first read once for the
// literals every body detector searches for, and only the detectors whose literal occurs run.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_JS_LIBRARIES_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_JS_LIBRARIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/url.h"
#include "normalize/version_pattern.h"
#include "util/json.h"
#include "util/needle_index.h"

namespace portal_check {

struct JsAdvisory {
  std::string id;                 // primary id: the first of `ids`
  std::vector<std::string> ids;   // CVE, GHSA or tracker ids ("CVE-2020-11022", "GHSA-…")
  std::string range;              // affected versions (normalize/semver.h range syntax)
  std::string fixed;              // first fixed release ("3.5.0"), "none" when the line has none
  std::string severity;           // critical, high, medium or low
  std::string summary;            // one line from the advisory data ("" when it has none)
  std::vector<std::string> urls;  // advisory pages
};

struct JsLibrary {
  std::string name;                     // stable id, e.g. "jquery"
  std::string title;                    // display name, e.g. "jQuery"
  // A library that is also a part of another's full build (row "part_of": the jQuery UI dialog of
  // jQuery UI): dropped from a body where that other library is detected too.
  std::string part_of;
  // Over the lower-cased URL path and query. A pattern that does not start with '/' names a file
  // and must start a path segment ('/' is prepended), so "jquery.min.js?ver={v}" never matches
  // "autoresize.jquery.min.js?ver=4.8.9". The row's "npm" names add "/NAME@{v}/" (jsDelivr
  // /npm/NAME@v/, unpkg /NAME@v/) and its "cdnjs" names "/ajax/libs/NAME/{v}/" (cdnjs, Google).
  std::vector<VersionPattern> urls;
  std::vector<std::string> files;       // lower-cased file names recognised without a version
  // Self-identifying comment text in a script body; a match counts only where it begins a
  // comment or a line of one (BannerAnchored), so one library's prose ("requires at least
  // jQuery v1.9.1" in Bootstrap) never reports another.
  std::vector<VersionPattern> banners;
  std::vector<VersionPattern> code;     // code constants of the library itself, anywhere in a body
  // Versions written as separate numbers ("dojo.version={major:{n},minor:{n},patch:{n}"): literal
  // text with "{n}" placeholders, each a run of 1 to 9 digits; the numbers joined with '.' are
  // the version (FindVersionParts).
  std::vector<std::string> parts;
  // Version constants of a minified build declared next to constants whose names the minifier
  // chose: literal text with one "{v}" and "{id}" placeholders (FindMinifiedVersion), e.g. Vue 3's
  // `const ps="3.2.47",fs="undefined"!=typeof document?document:null` read by
  // "=\"{v}\",{id}=\"undefined\"!=typeof document?document:null".
  std::vector<std::string> minified;
  std::vector<std::string> identify;    // literal text that identifies the library in a body
  std::vector<VersionPattern> versions; // version text read only once `identify` matched
  // Keys of the advisory data whose advisories apply (row "advisories_from", default the name):
  // the full jQuery UI build also carries the dialog, autocomplete and tooltip widgets.
  std::vector<std::string> advisory_keys;
  std::vector<JsAdvisory> advisories;
};

// The version `pattern` ("…{n}…{n}…", see JsLibrary::parts) reads at its first occurrence in
// `text` that matches and is not all zeros, or "" (at most VersionPattern::kMaxOccurrences
// occurrences examined; a pattern without "{n}" or starting with one reads nothing). Dojo's source
// tree says "dojo.version={major:0,minor:0,patch:0,flag:"dev"": that names no release.
std::string FindVersionParts(std::string_view text, std::string_view pattern);

// The longest identifier a "{id}" placeholder of FindMinifiedVersion stands for (minifiers choose
// one to three characters).
inline constexpr std::size_t kMaxMinifiedIdentifierBytes = 16;

// The version `pattern` reads at its first occurrence in `text` that matches, or "". The pattern
// is non-empty literal text, "{v}" (a version token with at least one dot, VersionTokenLength),
// then one or more "{id}" placeholders, each preceded and the last one followed by non-empty
// literal text. An "{id}" stands for a JavaScript identifier: 1 to kMaxMinifiedIdentifierBytes
// letters, digits, '_' or '$', not starting with a digit. Occurrences of the text after the last
// "{id}" are matched backwards from there (at most VersionPattern::kMaxOccurrences examined); a
// pattern of another shape reads nothing.
std::string FindMinifiedVersion(std::string_view text, std::string_view pattern);

// Whether a banner matched at text[at] begins a comment or a line: before it there are only
// spaces, tabs, '*', '!' and at most one "@license" or "@preserve" tag back to the start of the
// text, a line break, "/*" or "//".
bool BannerAnchored(std::string_view text, std::size_t at);

// One recognised library in one script.
struct JsDetection {
  const JsLibrary* library = nullptr;
  std::string version;  // "" when the version is unknown
  std::string source;   // "url", "banner" (a script response's body) or "inline"
  std::string url;      // the script URL ("" for inline scripts)
};

class JsLibraryTable {
 public:
  // At most this many bytes of a script body are scanned (banners and version strings of the
  // shipped libraries sit well inside it; documented in the rule file).
  static constexpr std::size_t kMaxScanBytes = 4u * 1024 * 1024;
  // At most this many libraries are reported per script.
  static constexpr std::size_t kMaxPerScript = 16;

  // Reads the "libraries" array of `libraries` (rows without a name are skipped) and gives each
  // library the advisories listed under its advisory keys in `advisories` ("libraries": {key:
  // [advisory…]}), then those of `supplement` (same shape) that share no id with one it already
  // has. Advisories without ids or with a malformed range are skipped. Never fails (missing lists
  // give an empty table or no advisories).
  static JsLibraryTable FromData(const json::Value& libraries, const json::Value& advisories, const json::Value& supplement);

  const std::vector<JsLibrary>& libraries() const { return libraries_; }
  // The advisory data's date and source ("source": {"date", "repository", "commit"} of
  // js-advisories.json), "" when absent.
  const std::string& data_date() const { return data_date_; }
  const std::string& data_source() const { return data_source_; }

  // Libraries named by a script URL (patterns, else a known file name without a version). Cost:
  // one pass over the URL for all pattern literals (url_literals_), then each pattern whose
  // literal occurs.
  std::vector<JsDetection> DetectInUrl(const Url& url) const;
  // Libraries in a script's text (the first kMaxScanBytes): for each library a banner, else an
  // identifying literal plus a version string (or no version). `source` and `url` are copied
  // into each detection. Cost: one pass over the text for all literals (body_literals_), then
  // each detector whose literal occurs.
  std::vector<JsDetection> DetectInBody(std::string_view body, std::string_view source, std::string_view url) const;

  // The advisories of `lib` whose range contains `version` (none for "" or an unparsable one).
  static std::vector<const JsAdvisory*> Affecting(const JsLibrary& lib, std::string_view version);

 private:
  // For each detector of a library (its urls, in url_literals_; its banners, code, parts,
  // minified, identify and versions, in body_literals_; each list in its order), the index of the
  // literal it searches a text for: when that literal does not occur in a text, the detector
  // finds nothing there. kAlwaysRun: a detector that searches for no literal (an anchored
  // pattern, a shape that reads nothing) is run as it is.
  static constexpr std::size_t kAlwaysRun = static_cast<std::size_t>(-1);
  struct LiteralIds {
    std::vector<std::size_t> urls, banners, code, parts, minified, identify, versions;
  };
  void IndexLiterals(const JsLibrary& lib);

  std::vector<JsLibrary> libraries_;
  std::vector<LiteralIds> literal_ids_;  // parallel to libraries_
  NeedleIndex body_literals_;            // each distinct literal once, case-sensitive
  NeedleIndex url_literals_;             // each distinct literal once (lower-case, as the patterns)
  std::string data_date_, data_source_;
};

// Severity rank: critical 4, high 3, medium 2, low 1, anything else 0.
int SeverityRank(std::string_view severity);

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_JS_LIBRARIES_H_
