#include "report/graded_headers.h"

#include "evidence/limits.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {

std::string RenderGradedHeaders(const std::vector<HeaderField>& headers, SecretRedactor& redactor) {
  json::Array out;
  out.reserve(headers.size());
  for (const HeaderField& h : headers) {
    json::Array pair;
    pair.emplace_back(text::SafeUtf8(h.name, limits::kMaxHeaderValueBytes));
    pair.emplace_back(redactor.RedactText(text::SafeUtf8(h.value, limits::kMaxHeaderValueBytes)));
    out.emplace_back(std::move(pair));
  }
  return json::Serialize(json::Value(std::move(out)));
}

}  // namespace portal_check
