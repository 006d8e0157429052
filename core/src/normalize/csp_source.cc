#include "normalize/csp_source.h"

namespace portal_check::csp {

using namespace lex;

bool IsBase64Value(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size()) {
    char c = value[i];
    if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '/' || c == '-' || c == '_')) break;
    ++i;
  }
  if (i == 0) return false;
  std::size_t pad = value.size() - i;
  if (pad > 2) return false;
  for (std::size_t j = i; j < value.size(); ++j)
    if (value[j] != '=') return false;
  return true;
}

bool IsAdequateNonce(std::string_view value) {
  return IsBase64Value(value) && value.size() >= kMinNonceChars;
}

bool IsValidHash(std::string_view algorithm, std::string_view value) {
  std::size_t bytes = 0;
  if (text::EqualsIgnoreCase(algorithm, "sha256")) bytes = 32;
  else if (text::EqualsIgnoreCase(algorithm, "sha384")) bytes = 48;
  else if (text::EqualsIgnoreCase(algorithm, "sha512")) bytes = 64;
  else return false;
  if (!IsBase64Value(value)) return false;
  // Mixing the two alphabets is not base64 nor base64url.
  bool std_alpha = value.find_first_of("+/") != std::string_view::npos;
  bool url_alpha = value.find_first_of("-_") != std::string_view::npos;
  if (std_alpha && url_alpha) return false;
  std::size_t pad = 0;
  while (pad < value.size() && value[value.size() - 1 - pad] == '=') ++pad;
  std::size_t chars = value.size() - pad;
  std::size_t unpadded = (bytes * 4 + 2) / 3;  // 43, 64, 86
  if (chars != unpadded) return false;
  std::size_t padded_total = ((bytes + 2) / 3) * 4;  // 44, 64, 88
  return pad == 0 || chars + pad == padded_total;
}

}  // namespace portal_check::csp
