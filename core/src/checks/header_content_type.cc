// header.content-type: each HTML page declares its type and charset, and the two declarations of
// the charset agree.
//
// Outcomes:
//  * missing (fail): no Content-Type header, or no charset in it and no <meta charset> either
//    (the browser must then guess the encoding: garbled Vietnamese text, and the sniffing that
//    UTF-7 style attacks rely on);
//  * charset-mismatch (warning): the header's charset and the <meta charset> name different
//    encodings after WHATWG label aliasing (the header wins in browsers);
//  * ok: a charset is declared and, when both are, they agree. A charset only in the meta passes,
//    with "charset_source": "meta" in details.
#include <memory>
#include <string>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "evidence/media_type.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

class ContentTypeCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    CheckResult r = PageResult(view);
    const std::optional<std::string_view> header = view.exchange.response_headers.Get("Content-Type");
    const std::string& meta = view.page->meta_charset();
    if (!meta.empty()) r.details.Str("meta_charset", meta, 64);
    if (!header || text::Trim(*header).empty()) {
      r.outcome = "missing";
      r.details.Str("problem", "no Content-Type header");
      out.Emit(std::move(r));
      return;
    }
    r.details.Str("content_type", *header, 256);
    const MediaType type = ParseMediaType(*header);
    const bool header_has_charset = type.charset && !type.charset->empty();
    if (header_has_charset) r.details.Str("header_charset", *type.charset, 64);
    if (!header_has_charset && meta.empty()) {
      r.outcome = "missing";
      r.details.Str("problem", "no charset in Content-Type nor in a meta element");
    } else if (header_has_charset && !meta.empty() && CanonicalCharset(*type.charset) != CanonicalCharset(meta)) {
      r.outcome = "charset-mismatch";
    } else {
      r.outcome = "ok";
      r.details.Str("charset_source", header_has_charset ? "header" : "meta");
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderContentTypeCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderContentTypeCheck{"header.content-type", CheckInput::kPages, &MakeCheck<ContentTypeCheck>};

}  // namespace portal_check
