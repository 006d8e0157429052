#include "normalize/security_txt.h"

#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kBeginSigned = "-----BEGIN PGP SIGNED MESSAGE-----";
constexpr std::string_view kBeginSignature = "-----BEGIN PGP SIGNATURE-----";
constexpr std::string_view kEndSignature = "-----END PGP SIGNATURE-----";
constexpr std::size_t kMaxInvalidLines = 20;

// Splits `body` into lines (LF or CRLF; a trailing CR is dropped), calling fn(line, number).
template <typename Fn>
void ForEachLine(std::string_view body, bool& crlf, Fn fn) {
  int number = 0;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      if (nl < body.size()) crlf = true;
    }
    ++number;
    if (!(nl == body.size() && line.empty())) fn(line, number);
    if (nl == body.size()) break;
    pos = nl + 1;
  }
}

// A field name: one or more RFC 5322 ftext characters (printable ASCII except ':'), as RFC 9116
// section 4's ABNF (field-name).
bool IsFieldName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (c <= 32 || c >= 127 || c == ':') return false;
  return true;
}

}  // namespace

std::vector<std::string_view> SecurityTxt::Values(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& f : fields)
    if (f.name == name) out.push_back(f.value);
  return out;
}

SecurityTxt ParseSecurityTxt(std::string_view body) {
  SecurityTxt out;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  out.is_signed = text::Trim(body).substr(0, kBeginSigned.size()) == kBeginSigned;

  // States of a signed body: before the frame, in the armor headers (Hash: …), in the message,
  // in the signature block, after it.
  enum class State { kPlain, kBeforeFrame, kArmorHeaders, kMessage, kSignature, kAfter } state =
      out.is_signed ? State::kBeforeFrame : State::kPlain;
  bool saw_signature_end = false;

  auto read_line = [&](std::string_view line, int number) {
    if (state == State::kBeforeFrame) {
      if (text::Trim(line) == kBeginSigned) state = State::kArmorHeaders;
      return;
    }
    if (state == State::kArmorHeaders) {
      if (text::Trim(line).empty()) state = State::kMessage;
      return;
    }
    if (state == State::kMessage && line == kBeginSignature) {
      state = State::kSignature;
      return;
    }
    if (state == State::kSignature) {
      if (line == kEndSignature) {
        saw_signature_end = true;
        state = State::kAfter;
      }
      return;
    }
    if (state == State::kAfter) return;
    if (state == State::kMessage && line.substr(0, 2) == "- ") line.remove_prefix(2);  // dash-escaped
    const std::string_view t = text::Trim(line);
    if (t.empty() || t.front() == '#') return;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsFieldName(line.substr(0, colon))) {
      if (out.invalid_lines.size() < kMaxInvalidLines) out.invalid_lines.push_back(number);
      return;
    }
    if (out.fields.size() >= kMaxSecurityTxtFields) return;
    out.fields.push_back(SecurityTxtField{text::Lower(line.substr(0, colon)),
                                          std::string(text::Trim(line.substr(colon + 1))), number});
  };
  ForEachLine(body, out.uses_crlf, read_line);
  out.signature_well_formed = out.is_signed && saw_signature_end;
  return out;
}

}  // namespace portal_check
