#include "checks/check.h"

#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {

bool Reads(CheckInput input, const ExchangeView& view) {
  const bool web = view.url && view.url->IsHttpOrHttps();
  const bool page = view.page != nullptr;
  switch (input) {
    case CheckInput::kEveryExchange: return true;
    case CheckInput::kExchangesWithUrl: return view.url.has_value();
    case CheckInput::kWebExchanges: return web;
    case CheckInput::kPages: return page;
    case CheckInput::kPagesWithUrl: return page && view.url.has_value();
    case CheckInput::kWebPages: return page && web;
    case CheckInput::kHttpsPages: return page && view.url && view.url->IsHttps();
  }
  return false;
}

CheckResult PageResult(const ExchangeView& view) { return PageResult(view.exchange.url); }

CheckResult PageResult(std::string_view page) {
  CheckResult r;
  r.page = text::SafeUtf8(page, limits::kMaxUrlBytes);
  return r;
}

CheckResult ReasonResult(std::string outcome, std::string reason, std::optional<std::string_view> page) {
  CheckResult r = page ? PageResult(*page) : CheckResult{};
  r.outcome = std::move(outcome);
  r.details.Str("reason", std::move(reason));
  return r;
}

DetailList SafeStringList(const std::vector<std::string_view>& values, std::size_t max_bytes) {
  DetailList list;
  for (std::string_view v : values) list.Str(v, max_bytes);
  return list;
}

}  // namespace portal_check
