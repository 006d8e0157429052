// page.protocol-relative: references written as "//host/path" (webhint
// no-protocol-relative-urls). On an http page they load over http, and a page saved to disk
// turns them into file:// lookups; writing https:// is always right.
//
// Attributes read: src, href, action, formaction, data, poster, and each candidate of srcset, of
// every element. A value counts when, after trimming white space, it starts with "//" followed by
// a character other than '/' (or '\', which browsers treat alike). Outcomes: present (info; the
// page model holds some), none. Details: "references" (at most 30: url as written, tag,
// attribute), "count".
#include <memory>
#include <string>
#include <string_view>

#include "checks/check.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxListed = 30;

bool IsSlash(char c) { return c == '/' || c == '\\'; }

bool IsProtocolRelative(std::string_view v) {
  v = text::Trim(v);
  return v.size() > 2 && IsSlash(v[0]) && IsSlash(v[1]) && !IsSlash(v[2]);
}

class ProtocolRelativeCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    DetailList refs;
    std::size_t count = 0;
    auto note = [&](const HtmlElement& e, std::string_view attr, std::string_view value) {
      if (!IsProtocolRelative(value)) return;
      if (++count > kMaxListed) return;
      Details o;
      o.Str("url", text::Trim(value), limits::kMaxUrlBytes);
      o.Str("tag", e.tag, 64);
      o.Str("attribute", attr, 64);
      refs.Add(std::move(o));
    };
    for (const HtmlElement& e : view.page->elements()) {
      for (const HtmlAttribute& a : e.attrs) {
        if (a.name == "src"sv || a.name == "href"sv || a.name == "action"sv || a.name == "formaction"sv ||
            a.name == "data"sv || a.name == "poster"sv) {
          note(e, a.name, a.value);
        } else if (a.name == "srcset"sv) {
          for (std::string_view candidate : text::Split(a.value, ',')) {
            const std::vector<std::string_view> parts = text::SplitWhitespace(candidate);
            if (!parts.empty()) note(e, a.name, parts.front());
          }
        }
      }
    }
    CheckResult r = PageResult(view);
    r.outcome = count ? "present" : "none";
    r.details.Set("references", std::move(refs));
    r.details.Int("count", static_cast<std::int64_t>(count));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageProtocolRelativeCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageProtocolRelativeCheck{"page.protocol-relative", CheckInput::kPages, &MakeCheck<ProtocolRelativeCheck>};

}  // namespace portal_check
