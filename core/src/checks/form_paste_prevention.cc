// form.paste-prevention: inputs that refuse pasted text (Lighthouse paste-preventing-inputs):
// an onpaste, oncopy or ondrop handler that returns false or calls preventDefault(), on an
// <input> or <textarea>, or on a <form>/<body> around them (the events bubble). Blocking paste
// defeats password managers and makes people pick weaker passwords. Handlers set from scripts
// are not seen.
// Outcomes: none, blocks-paste; not-applicable for pages without form controls.
#include <memory>

#include "checks/support/form_common.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

// True when an inline handler cancels the event: "return false", "event.preventDefault()",
// "event.returnValue = false" (white space and case ignored).
bool Cancels(std::string_view handler) {
  std::string squeezed;
  for (char c : handler) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    squeezed.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return squeezed.find("returnfalse") != std::string::npos || squeezed.find("preventdefault(") != std::string::npos ||
         squeezed.find("returnvalue=false") != std::string::npos;
}

class PastePrevention : public FormCheck {
 public:
  PastePrevention() : FormCheck(WithoutControls::kNotApplicable) {}

 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    DetailList blocking;
    std::size_t count = 0;
    bool password = false;
    for (const HtmlElement& e : view.page->elements()) {
      if (!(e.tag == "input"sv || e.tag == "textarea"sv || e.tag == "form"sv || e.tag == "body"sv)) continue;
      for (const char* event : {"onpaste", "oncopy", "ondrop"}) {
        const std::string* handler = e.Attr(event);
        if (handler == nullptr || !Cancels(*handler)) continue;
        ++count;
        const std::string* type = e.Attr("type");
        const bool is_password = e.tag == "input"sv && type && text::EqualsIgnoreCase(text::Trim(*type), "password");
        password = password || is_password;
        const std::string* name = e.Attr("name");
        Details o;
        o.Str("element", e.tag);
        o.Str("name", name ? text::SafeUtf8(*name, 128) : std::string());
        o.Str("event", event + 2);
        o.Str("handler", *handler, 200);
        o.Bool("password", is_password);
        AppendCapped(blocking, std::move(o), kMaxListedFields);
      }
    }
    CheckResult r = PageResult(view);
    r.outcome = count == 0 ? "none" : "blocks-paste";
    r.details.Set("blocking", std::move(blocking));
    r.details.Int("blocking_count", static_cast<std::int64_t>(count));
    if (password) r.details.Bool("password_blocked", true);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormPastePreventionCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormPastePreventionCheck{"form.paste-prevention", CheckInput::kWebPages, &MakeCheck<PastePrevention>};

}  // namespace portal_check
