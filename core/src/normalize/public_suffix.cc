// The Public Suffix List, embedded at build time from Debian's publicsuffix package
// (/usr/share/publicsuffix/public_suffix_list.dat), parsed once on first use.
// Algorithm: https://github.com/publicsuffix/list/wiki/Format — the longest matching rule wins,
// exception rules beat wildcards, "*" is the implicit default rule.
// Limitation: rules in Unicode (IDN) form are matched as written; hosts are expected in ASCII
// (punycode) form as they appear in URLs, so IDN suffixes match only their ASCII spellings.
#include <string>
#include <string_view>
#include <unordered_set>

#include "normalize/url.h"
#include "util/inflate.h"
#include "util/text.h"

namespace portal_check {

extern const std::string_view kEmbeddedPublicSuffixListDeflate;
extern const std::size_t kEmbeddedPublicSuffixListDeflateInflatedBytes;

namespace {

struct SuffixRules {
  std::unordered_set<std::string> normal;     // "gov.vn"
  std::unordered_set<std::string> wildcard;   // "*.ck" stored as "ck"
  std::unordered_set<std::string> exception;  // "!www.ck" stored as "www.ck"
};

const SuffixRules& Rules() {
  static const SuffixRules kRules = [] {
    SuffixRules r;
    // Inflated for this parse only (the sets keep their own copies). Corrupt data (which a unit
    // test rules out) leaves the sets empty: every host is then its own registrable domain.
    const std::string inflated =
        Inflate(kEmbeddedPublicSuffixListDeflate, kEmbeddedPublicSuffixListDeflateInflatedBytes).value_or(std::string());
    const std::string_view all = inflated;
    std::size_t pos = 0;
    while (pos < all.size()) {
      std::size_t end = all.find('\n', pos);
      if (end == std::string_view::npos) end = all.size();
      std::string_view line = text::Trim(all.substr(pos, end - pos));
      pos = end + 1;
      if (line.empty() || line.substr(0, 2) == "//") continue;
      std::size_t sp = line.find_first_of(" \t");
      if (sp != std::string_view::npos) line = line.substr(0, sp);
      if (line[0] == '!') r.exception.insert(text::Lower(line.substr(1)));
      else if (line.substr(0, 2) == "*.") r.wildcard.insert(text::Lower(line.substr(2)));
      else r.normal.insert(text::Lower(line));
    }
    return r;
  }();
  return kRules;
}

}  // namespace

std::string RegistrableDomain(std::string_view host_in) {
  std::string host = text::Lower(host_in);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty() || IsIpLiteral(host)) return "";
  const SuffixRules& rules = Rules();
  // Walk suffixes from the longest (the whole host) to the shortest (the last label).
  std::size_t suffix_len = 0;  // length of the public suffix found
  for (std::size_t start = 0;; ) {
    std::string_view candidate(host.data() + start, host.size() - start);
    std::size_t dot = candidate.find('.');
    std::string_view parent = dot == std::string_view::npos ? std::string_view() : candidate.substr(dot + 1);
    if (rules.exception.count(std::string(candidate))) { suffix_len = parent.size(); break; }
    if (rules.normal.count(std::string(candidate))) { suffix_len = candidate.size(); break; }
    if (!parent.empty() && rules.wildcard.count(std::string(parent))) { suffix_len = candidate.size(); break; }
    if (dot == std::string_view::npos) { suffix_len = candidate.size(); break; }  // implicit "*"
    start += dot + 1;
  }
  if (suffix_len >= host.size()) return "";  // the host is itself a public suffix
  // One more label to the left of the suffix.
  std::size_t label_end = host.size() - suffix_len - 1;  // index of the dot before the suffix
  std::size_t label_start = host.rfind('.', label_end - 1);
  label_start = label_start == std::string::npos ? 0 : label_start + 1;
  return host.substr(label_start);
}

}  // namespace portal_check
