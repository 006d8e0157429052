// The graded page's response headers as a host shows them beside the grade (outside the report).
#ifndef PORTAL_CHECK_REPORT_GRADED_HEADERS_H_
#define PORTAL_CHECK_REPORT_GRADED_HEADERS_H_

#include <string>
#include <vector>

#include "evidence/headers.h"
#include "report/secret_redaction.h"

namespace portal_check {

// Compact JSON [[name, value], …] of `headers` in their order: names and values made valid UTF-8
// (text::SafeUtf8, at most limits::kMaxHeaderValueBytes each) and each value through
// redactor.RedactText, so a cookie value, credential or token the evidence held leaves as its
// marker, as it does in the report. "[]" for no headers.
std::string RenderGradedHeaders(const std::vector<HeaderField>& headers, SecretRedactor& redactor);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_GRADED_HEADERS_H_
