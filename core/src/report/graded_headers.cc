#include "report/graded_headers.h"

#include "evidence/limits.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {

std::string RenderGradedHeaders(const std::vector<HeaderField>& headers, SecretRedactor& redactor) {
  // json::Serialize's compact bytes of [[name, value], ...], written as they are made.
  std::string out = "[";
  for (const HeaderField& h : headers) {
    if (out.size() > 1) out += ',';
    out += '[';
    json::AppendQuoted(out, text::SafeUtf8(h.name, limits::kMaxHeaderValueBytes));
    out += ',';
    json::AppendQuoted(out, redactor.RedactText(text::SafeUtf8(h.value, limits::kMaxHeaderValueBytes)));
    out += ']';
  }
  out += ']';
  return out;
}

}  // namespace portal_check
