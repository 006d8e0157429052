// form.file-upload: <input type=file> fields (in forms or loose). Their presence is a review
// item, not a defect the page can show: the server must check type, size and content and store
// uploads outside the web root. A field without `accept` is noted in details (accept only guides
// the browser's picker; it protects nothing by itself).
// Decision: `present` is pass=false with severity info, so that the rule has failing cases and a
// profile can ask for the matching declaration; `none` passes.
// Outcomes: none, present; not-applicable for pages without form controls.
#include <memory>

#include "checks/support/form_common.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

class FileUpload : public FormCheck {
 public:
  FileUpload() : FormCheck(WithoutControls::kNotApplicable) {}

 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    DetailList files;
    std::size_t count = 0, without_accept = 0;
    ForEachField(forms, [&](const FormField& f, const FormView* form) {
      if (f.type != "file") return;
      ++count;
      const HtmlElement& e = view.page->elements()[static_cast<std::size_t>(f.element)];
      const std::string* accept = e.Attr("accept");
      const bool has_accept = accept && !text::Trim(*accept).empty();
      if (!has_accept) ++without_accept;
      Details o = form ? FormSummary(*form) : Details();
      o.Str("name", ShownName(f));
      o.Set("accept", has_accept ? json::Str(text::SafeUtf8(*accept, 256)) : json::Value());
      o.Bool("multiple", e.HasAttr("multiple"));
      AppendCapped(files, std::move(o), kMaxListedFields);
    });
    CheckResult r = PageResult(view);
    r.outcome = count == 0 ? "none" : "present";
    r.details.Set("file_inputs", std::move(files));
    r.details.Int("file_count", static_cast<std::int64_t>(count));
    r.details.Int("without_accept", static_cast<std::int64_t>(without_accept));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormFileUploadCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormFileUploadCheck{"form.file-upload", CheckInput::kWebPages, &MakeCheck<FileUpload>};

}  // namespace portal_check
