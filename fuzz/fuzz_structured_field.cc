// RFC 8941 structured fields (Permissions-Policy is a Dictionary): item, list, dictionary, and the
// line joining used for repeated header lines; then the header.permissions-policy check itself
// (its allowlist interpretation, details and the Feature-Policy note), with the input's lines as
// the page's Permissions-Policy field lines (odd-numbered lines as Feature-Policy when the input's
// size is odd). The check has no parser of its own: it is sf::JoinFieldLines + sf::ParseDictionary
// plus that interpretation, all reached here.
#include <string>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "evidence/exchange.h"
#include "fuzz_util.h"
#include "normalize/page_model.h"
#include "normalize/structured_field.h"
#include "normalize/url.h"

namespace portal_check {
extern const CheckDescriptor kHeaderPermissionsPolicyCheck;  // checks/header_permissions_policy.cc
}  // namespace portal_check

using namespace portal_check;

namespace {
class SerializingSink : public ResultSink {
 public:
  void Emit(CheckResult result) override { (void)json::Serialize(json::Value(result.details)).size(); }
};

void RunPermissionsPolicyCheck(std::string_view text, bool feature_policy_too) {
  static const PageModel kPage = PageModel::Build("<p>x</p>", "utf-8", true);
  static const std::optional<Url> kUrl = Url::Parse("https://www.example.gov.vn/");
  Exchange exchange;
  exchange.method = "GET";
  exchange.url = "https://www.example.gov.vn/";
  exchange.status = 200;
  exchange.mime_type = "text/html";
  int i = 0;
  for (std::string_view line : fuzz::Lines(text))
    exchange.response_headers.Add(feature_policy_too && (i++ % 2) ? "Feature-Policy" : "Permissions-Policy", line);
  ExchangeView view{exchange, kUrl, &kPage, true, &kPage};
  AuditContext ctx(kUrl, nullptr);
  SerializingSink sink;
  kHeaderPermissionsPolicyCheck.make()->OnExchange(view, ctx, sink);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  std::string error;
  (void)sf::ParseItem(text, &error);
  (void)sf::ParseList(text, &error);
  (void)sf::ParseDictionary(text, &error);
  std::string joined = sf::JoinFieldLines(fuzz::Lines(text));
  (void)sf::ParseDictionary(joined, nullptr);
  RunPermissionsPolicyCheck(text, size % 2 == 1);
  return 0;
}
