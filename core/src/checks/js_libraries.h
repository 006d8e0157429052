// The JavaScript-library table of page.vulnerable-library (rules/data/js-libraries.json) and the
// detectors over script URLs and script text. Linear scanners only (normalize/version_pattern.h).
#ifndef PORTAL_CHECK_CHECKS_JS_LIBRARIES_H_
#define PORTAL_CHECK_CHECKS_JS_LIBRARIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/url.h"
#include "normalize/version_pattern.h"
#include "util/json.h"

namespace portal_check {

struct JsAdvisory {
  std::string id;        // CVE or GHSA id
  std::string range;     // affected versions (normalize/semver.h range syntax)
  std::string fixed;     // first fixed release(s), as text ("3.5.0", "3.4.1, 4.3.1", "none")
  std::string severity;  // high, medium or low
};

struct JsLibrary {
  std::string name;                     // stable id, e.g. "jquery"
  std::string title;                    // display name, e.g. "jQuery"
  std::vector<VersionPattern> urls;     // over the lower-cased URL path and query
  std::vector<std::string> files;       // lower-cased file names recognised without a version
  std::vector<VersionPattern> banners;  // self-identifying text in a script body
  std::vector<std::string> identify;    // literal text that identifies the library in a body
  std::vector<VersionPattern> versions; // version text read only once `identify` matched
  std::vector<JsAdvisory> advisories;
};

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

  // Reads the "libraries" array of the data list; rows without a name are skipped. Never fails
  // (a missing list gives an empty table).
  static JsLibraryTable FromData(const json::Value& data);

  const std::vector<JsLibrary>& libraries() const { return libraries_; }

  // Libraries named by a script URL (patterns, else a known file name without a version).
  std::vector<JsDetection> DetectInUrl(const Url& url) const;
  // Libraries in a script's text (the first kMaxScanBytes): for each library a banner, else an
  // identifying literal plus a version string (or no version). `source` and `url` are copied
  // into each detection.
  std::vector<JsDetection> DetectInBody(std::string_view body, std::string_view source, std::string_view url) const;

  // The advisories of `lib` whose range contains `version` (none for "" or an unparsable one).
  static std::vector<const JsAdvisory*> Affecting(const JsLibrary& lib, std::string_view version);

 private:
  std::vector<JsLibrary> libraries_;
};

// Severity rank: high 3, medium 2, low 1, anything else 0.
int SeverityRank(std::string_view severity);

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_JS_LIBRARIES_H_
