// Linear scanners shared by the page-content checks (page_spam_injection.cc, page_comments.cc,
// page_private_ip.cc, page_error_disclosure.cc, ...). No regex: each function is one pass over its
// input with bounded look-around.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_PAGE_CONTENT_SCAN_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_PAGE_CONTENT_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/exchange.h"
#include "util/needle_index.h"

namespace portal_check::content {

// A matching key for keyword search: vietnamese::FoldForMatch (ASCII lower-case, no diacritics,
// đ → d) with every run of white space folded to one space and the ends trimmed.
std::string FoldKey(std::string_view utf8);

// True when `word` (already a FoldKey) occurs in `folded` (a FoldKey) with word boundaries: the
// bytes before and after the occurrence are not ASCII letters or digits (so "slot" does not match
// inside "timeslot", "sex" not inside "unisex"). Non-ASCII bytes count as boundaries.
bool ContainsWord(std::string_view folded, std::string_view word);

// ASCII letters and digits: the bytes a word boundary (ContainsWord) may not touch.
inline bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Many words (each already a FoldKey) searched together in a FoldKey, with the word boundaries of
// ContainsWord, in one pass over the text (util/needle_index.h). Built once per word list.
class WordIndex {
 public:
  // Adds `word` and returns its index (0, 1, ... in order of Add). An empty word never matches.
  std::size_t Add(std::string_view word) { return index_.Add(word); }
  std::size_t size() const { return index_.size(); }

  // Calls fn(index) for every occurrence in `folded` of a word with word boundaries, so that a
  // word is reported at least once exactly when ContainsWord(folded, word).
  template <typename Fn>
  void ForEachFound(std::string_view folded, Fn&& fn) const {
    for (std::size_t pos = index_.NextCandidate(folded, 0); pos < folded.size();
         pos = index_.NextCandidate(folded, pos + 1)) {
      if (pos > 0 && IsAsciiAlnum(folded[pos - 1])) continue;
      index_.ForEachAt(folded, pos, [&](std::size_t word, std::size_t at) {
        const std::size_t end = at + index_.needle(word).size();
        if (end >= folded.size() || !IsAsciiAlnum(folded[end])) fn(word);
        return true;
      });
    }
  }

 private:
  NeedleIndex index_;
};

// Whether a response body is text worth scanning for disclosures: HTML, XHTML, XML, JSON,
// text/plain, and (when `with_scripts`) JavaScript. Images, fonts, CSS and binary types are not.
bool IsTextBody(const Exchange& ex, bool with_scripts);

// An internal address found in text.
struct InternalAddress {
  std::string value;  // "192.168.1.10", "srv-db01.corp" (lower-case host names)
  std::string kind;   // "rfc1918", "link-local", "unique-local", "internal-host"
};

// Appends to `out` the internal addresses in `text` not already in it, until `out` holds `max`.
//  - IPv4 dotted quads in 10/8, 172.16/12, 192.168/16 ("rfc1918") and 169.254/16 ("link-local").
//    A quad counts only as a whole token: four decimal octets 0-255 without leading zeros, not
//    preceded by a letter, digit, '.', '-' or '_' and not followed by a letter, digit, '_' or
//    ".<digit>". So "jquery-10.1.2.3", "v10.0.0.1", "1.3.6.1.4.1", "10.0.0.1.5" do not count.
//    Loopback (127/8) and 0.0.0.0 are deliberately not reported: in a page they name the
//    visitor's own machine (e.g. the local digital-signature plugins Vietnamese e-government
//    sites call on 127.0.0.1), which discloses nothing about the server side.
//  - Host names of URLs (after "://", before any ':', '/', '?', '#') whose last label is local,
//    internal, lan, corp, intranet, localdomain or home.arpa, whose first label is "intranet",
//    or single-label hosts of http(s) URLs other than localhost ("http://srv-app01/") that end
//    the URL's host: followed by a port, path, query or fragment, white space, '<', ')', ',' or
//    ';', the end of the text, or a quote closing an HTML attribute. A single-label "host" ending at a quote followed by anything else
//    is the head of a JavaScript string concatenation ("'http://www' + '.example.com'",
//    "'https://ssl' : 'http://www'" in analytics loaders), not a host.
//  - IPv6 literals of URLs ("http://[fd12::1]/"): unique-local fc00::/7 ("unique-local") and
//    fe80::/10 ("link-local"). Loopback ::1 is not reported (as 127/8).
// Returns the number of new addresses appended.
std::size_t FindInternalAddresses(std::string_view text, std::vector<InternalAddress>& out, std::size_t max);

// The first position p >= from of an ASCII digit or ':' in `text`, or text.size() when none:
// where FindInternalAddresses looks next. Reads eight bytes at a time.
std::size_t NextDigitOrColon(std::string_view text, std::size_t from);

}  // namespace portal_check::content

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_PAGE_CONTENT_SCAN_H_
