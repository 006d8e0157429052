// URL handling: Parse the first line, Resolve every other line against it (and against a fixed
// base), Origin/Site/SameSite, RegistrableDomain and IsIpLiteral on hosts.
#include "fuzz_util.h"
#include "normalize/url.h"

using namespace portal_check;

static void Exercise(const Url& u) {
  (void)u.Origin();
  (void)u.Site();
  (void)RegistrableDomain(u.host());
  (void)IsIpLiteral(u.host());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  static const Url kBase = *Url::Parse("https://www.tinhdemo.gov.vn/a/b/c?q=1");
  auto lines = fuzz::Lines(text);
  (void)RegistrableDomain(text);
  (void)IsIpLiteral(text);
  auto base = Url::Parse(lines[0]);
  if (base) Exercise(*base);
  for (std::size_t i = 0; i < lines.size() && i < 8; ++i) {
    auto r = kBase.Resolve(lines[i]);
    if (r) { Exercise(*r); (void)r->SameSite(kBase); }
    if (base) {
      auto r2 = base->Resolve(lines[i]);
      if (r2) { Exercise(*r2); (void)r2->SameSite(*base); }
    }
  }
  return 0;
}
