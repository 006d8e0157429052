// Set-Cookie: ParseSetCookie and ParseCookieDate on the input, CookieDomainAccepted against hosts.
#include "fuzz_util.h"
#include "normalize/set_cookie.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  (void)ParseCookieDate(text);
  auto c = ParseSetCookie(text);
  if (c) {
    (void)CookieDomainAccepted(*c, "www.example.gov.vn");
    (void)CookieDomainAccepted(*c, "127.0.0.1");
    (void)IsObservatorySessionCookie(c->name);
    (void)IsObservatoryAntiCsrfCookie(c->name);
    if (c->domain) (void)CookieDomainAccepted(*c, *c->domain);
  }
  return 0;
}
