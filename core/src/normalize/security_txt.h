// security.txt (RFC 9116) parsing: the syntax only (lines, fields, comments, the OpenPGP
// cleartext signature frame). What the fields must say is site.security-txt's job
// (checks/site_security_txt.cc). Linear, no regex, no exceptions.
#ifndef PORTAL_CHECK_NORMALIZE_SECURITY_TXT_H_
#define PORTAL_CHECK_NORMALIZE_SECURITY_TXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

struct SecurityTxtField {
  std::string name;   // lower-case ("contact", "expires", ...)
  std::string value;  // trimmed
  int line = 0;       // 1-based line in the body
};

struct SecurityTxt {
  std::vector<SecurityTxtField> fields;  // in order, at most kMaxSecurityTxtFields
  // The body starts with "-----BEGIN PGP SIGNED MESSAGE-----" (after optional white space).
  bool is_signed = false;
  // Signed, and the frame is whole: hash header lines, a blank line, the message, and a
  // "-----BEGIN PGP SIGNATURE-----" … "-----END PGP SIGNATURE-----" block. (The signature itself
  // is not verified: that needs the key, which the evidence does not hold.)
  bool signature_well_formed = false;
  // Lines that are neither blank, nor a comment ("#…"), nor "Name: value" (1-based numbers,
  // at most 20 kept).
  std::vector<int> invalid_lines;
  bool uses_crlf = false;  // some line ends with CR LF (allowed by RFC 9116: both CRLF and LF)

  // The values of every field named `name` (lower-case), in order.
  std::vector<std::string_view> Values(std::string_view name) const;
};

constexpr std::size_t kMaxSecurityTxtFields = 1000;

// Parses a security.txt body (UTF-8 text; a leading BOM is skipped). Never fails: a body that is
// not security.txt at all gives no fields and invalid_lines for its non-blank lines. In a signed
// body only the signed message is read, dash-escaped lines ("- text") unescaped (RFC 4880 7.1).
SecurityTxt ParseSecurityTxt(std::string_view body);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_SECURITY_TXT_H_
