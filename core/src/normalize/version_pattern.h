// Literal patterns around a version token, for recognising libraries and CMSs in URLs, banners,
// header values and script bodies without regular expressions (no std::regex ever runs over whole
// scripts or pages: its cost and stack depth on hostile input are unbounded).
//
// A pattern is literal text with at most one "{v}" placeholder: "jQuery v{v}", "/jquery/{v}/",
// "majorVersion:\"4\",minorVersion:\"{v}\"". A leading '^' anchors it at the start of the text (after
// a UTF-8 byte-order mark and white space). Matching finds each occurrence of the text before
// "{v}" (string_view::find), reads a version token there and, when the pattern goes on after
// "{v}", requires that text right after the token. When the text after "{v}" is the longer side,
// that text is searched for instead and the token is read backwards from it (at most 64 bytes),
// so "\"{v}\",tn=200," finds a minified constant. A pattern without "{v}" just has to occur.
//
// A version token: digits and dots starting with a digit (a trailing dot is not part of it),
// optionally followed by '-' and a pre-release word that starts with alpha, beta, rc, lts, pre or dev
// (any case), then letters, digits and dots ("4.25.2-lts", "3.0.0-beta.1"). With require_dot the
// token needs at least one dot ("1.12.4", not "2").
//
// Cost: O(text length × occurrences examined); at most kMaxOccurrences occurrences of a pattern's
// leading text are examined per call, so a hostile body cannot make a pattern quadratic.
#ifndef PORTAL_CHECK_NORMALIZE_VERSION_PATTERN_H_
#define PORTAL_CHECK_NORMALIZE_VERSION_PATTERN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portal_check {

class VersionPattern {
 public:
  static constexpr std::size_t kMaxOccurrences = 256;

  // Compiles `pattern`. `lower` lower-cases its literal text (ASCII) for matching text the caller
  // lower-cased too. Never fails: an unanchored pattern with no literal text before "{v}" matches
  // nothing (valid() == false); "^{v}" (the whole text starts with a version) is valid.
  explicit VersionPattern(std::string_view pattern, bool lower = false);

  bool valid() const { return valid_; }
  bool has_version() const { return has_version_; }
  // The literal text Find searches a text for: when it does not occur in the text, Find finds
  // nothing there. "" for an anchored or invalid pattern (Find does not search for a literal).
  std::string_view search_literal() const {
    if (anchored_ || !valid_) return {};
    return after_.size() > before_.size() ? std::string_view(after_) : std::string_view(before_);
  }

  struct Match {
    std::size_t at = 0;   // offset of the occurrence in the text
    std::string version;  // the token ("" for a pattern without "{v}")
  };
  // The first occurrence of the pattern in `text` (with a version token when the pattern has
  // "{v}"), or nullopt.
  std::optional<Match> Find(std::string_view text, bool require_dot) const;

 private:
  std::string before_, after_;
  bool anchored_ = false, has_version_ = false, valid_ = false;
};

// The length of the version token starting at text[pos] (see above), 0 when there is none.
std::size_t VersionTokenLength(std::string_view text, std::size_t pos, bool require_dot);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_VERSION_PATTERN_H_
