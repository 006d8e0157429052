#include "checks/support/site_support.h"

#include <utility>

#include "util/text.h"

namespace portal_check::site {

bool OnTargetSite(const ExchangeView& view, const AuditContext& ctx) {
  if (!view.url) return false;
  if (!ctx.target()) return true;
  return view.url->host() == ctx.target()->host() || view.url->SameSite(*ctx.target());
}

bool IsSiteFile(const ExchangeView& view, const AuditContext& ctx, std::string_view purpose, std::string_view path) {
  if (!view.url) return false;
  if (!view.exchange.purpose.empty()) return view.exchange.purpose == purpose;
  return view.url->path() == path && OnTargetSite(view, ctx);
}

bool HasHtmlMarkup(std::string_view body) {
  const std::string_view head = body.substr(0, 1024);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"})
    if (text::ContainsIgnoreCase(head, tag)) return true;
  return false;
}

std::string KeepPrefix(std::string_view body, std::size_t max_bytes) {
  return std::string(body.substr(0, max_bytes));
}

DetailList StringArray(const std::vector<std::string>& values) {
  DetailList list;
  for (const std::string& v : values) list.Str(v);
  return list;
}

}  // namespace portal_check::site
