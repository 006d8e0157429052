// transport.redirect (graded, Observatory test "redirection"): the http:// start URL of the
// audited host redirects to https, the first hop stays on the same host, and no hop after the
// first goes back to http.
//
// The check keeps a compact record per URL seen (status and redirect target only; never bodies
// or headers) and, in OnFinish, rebuilds the redirect chain from the http:// URL of the target:
//   target http://h/p           -> start at http://h/p
//   target https://h/p          -> start at http://h/p (what the Observatory requests)
// falling back to http://h/ and then to the first http:// navigation (document request) on host
// h. Redirect targets are resolved against the current URL (relative Location values are legal,
// RFC 9110 10.2.2) and followed at most limits::kMaxRedirects hops.
//
// Outcomes, decided as the Observatory decides them (in this order):
//   not-needed-no-http      the http:// request got no response (status 0: refused, failed)
//   missing                 the http:// response is not a redirect
//   not-to-https            the chain ends on an http:// URL
//   not-to-https-first-hop  the first hop goes to another http:// URL
//   off-host-first-hop      the first hop goes to https on another host (HSTS cannot be set
//                           on the original host)
//   to-https                otherwise
// (the Observatory's redirection-invalid-cert is attached when a hop's certificate is recorded as
// untrusted), plus not-captured when the evidence holds no http:// request to the host at all (the capture
// did not try) and not-applicable when there is no usable target. Details hold the chain as
// [{url, status}] (status null when the hop's response is not in the evidence).
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {
namespace {

// Records kept at most (a hostile HAR may hold 100000 redirects); past it the chain may end early
// and the details say so.
constexpr std::size_t kMaxRecords = 4096;

// scheme://host[:port]path[?query], the port written only when it is not the scheme's default:
// two spellings of one URL ("http://h" and "http://h/") give one key; fragments are dropped.
std::string UrlKey(const Url& u) {
  std::string key = u.scheme() + "://" + u.host();
  const bool default_port = (u.IsHttp() && u.port() == 80) || (u.IsHttps() && u.port() == 443) || u.port() < 0;
  if (!default_port) key += ":" + std::to_string(u.port());
  key += u.path();
  if (!u.query().empty()) key += "?" + u.query();
  return key;
}

struct Record {
  int status = 0;
  bool untrusted = false;    // the capture recorded an untrusted certificate (`_trusted: false`)
  std::string redirect_url;  // "" when the response is not a redirect
};

// A top-level navigation or one of its redirects, as opposed to a subresource (a blocked http://
// image on the host has status 0 too, and must not pass for a refused http:// start URL).
bool IsNavigation(const Exchange& ex) {
  if (!ex.resource_type.empty()) return ex.resource_type == "document";
  return ex.IsRedirect() || ex.IsHtml();
}

struct Hop {
  Url url;
  const Record* record;  // nullptr when the hop's response is not in the evidence
};

class TransportRedirect : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override;
  void OnFinish(const AuditContext& ctx, ResultSink& out) override;

 private:
  bool Wanted(const Exchange& ex, const Url& url, const std::string& key, const AuditContext& ctx) const;
  const Record* Find(const std::string& key) const;
  // The http:// URL the chain starts from, or nullopt when no http:// exchange on the host exists.
  std::optional<Url> FindStart(const Url& target) const;
  void EmitChain(const std::vector<Hop>& chain, bool truncated, bool loop, bool unresolvable,
                 ResultSink& out) const;

  std::unordered_map<std::string, Record> records_;
  std::unordered_set<std::string> wanted_;  // redirect targets not seen yet
  std::optional<std::string> first_http_on_host_;  // href of the first http:// navigation on the target host
  bool dropped_ = false;
  // Set when the capture declared it could not observe http:// redirects (a browser's same-origin
  // fetch follows them invisibly): the chain in the evidence proves nothing then.
  bool redirect_not_captured_ = false;
};

bool TransportRedirect::Wanted(const Exchange& ex, const Url& url, const std::string& key,
                               const AuditContext& ctx) const {
  if (ex.IsRedirect()) return true;
  if (ctx.target() && url.host() == ctx.target()->host()) return true;
  return wanted_.count(key) > 0;
}

void TransportRedirect::OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) {
  redirect_not_captured_ = redirect_not_captured_ || view.exchange.NotCaptured("http-redirect");
  if (!view.url || !view.url->IsHttpOrHttps()) return;
  const Url& url = *view.url;
  std::string key = UrlKey(url);
  if (records_.count(key) || !Wanted(view.exchange, url, key, ctx)) return;  // the first record wins
  if (records_.size() >= kMaxRecords) {
    dropped_ = true;
    return;
  }
  if (url.IsHttp() && ctx.target() && url.host() == ctx.target()->host() && !first_http_on_host_ &&
      IsNavigation(view.exchange))
    first_http_on_host_ = url.href();
  Record rec;
  rec.status = view.exchange.status;
  rec.untrusted = view.exchange.tls && view.exchange.tls->trusted.has_value() && !*view.exchange.tls->trusted;
  if (view.exchange.IsRedirect()) {
    rec.redirect_url = view.exchange.redirect_url;
    if (std::optional<Url> next = url.Resolve(rec.redirect_url)) wanted_.insert(UrlKey(*next));
  }
  wanted_.erase(key);
  records_.emplace(std::move(key), std::move(rec));
}

const Record* TransportRedirect::Find(const std::string& key) const {
  auto it = records_.find(key);
  return it == records_.end() ? nullptr : &it->second;
}

std::optional<Url> TransportRedirect::FindStart(const Url& target) const {
  std::string query = target.query().empty() ? "" : "?" + target.query();
  for (const std::string& text : {"http://" + target.host() + target.path() + query, "http://" + target.host() + "/"}) {
    std::optional<Url> u = Url::Parse(text);
    if (u && Find(UrlKey(*u))) return u;
  }
  if (first_http_on_host_) return Url::Parse(*first_http_on_host_);
  return std::nullopt;
}

DetailList ChainDetails(const std::vector<Hop>& chain) {
  DetailList arr;
  for (const Hop& hop : chain) {
    Details o;
    o.Str("url", hop.url.href(), limits::kMaxUrlBytes);
    o.Set("status", hop.record ? json::Int(hop.record->status) : json::Value());
    arr.Add(std::move(o));
  }
  return arr;
}

// The outcome for a chain that starts on an http:// URL with a response.
std::string ChainOutcome(const std::vector<Hop>& chain) {
  if (chain.front().record->status == 0) return "not-needed-no-http";
  if (chain.size() == 1) return "missing";
  if (!chain.back().url.IsHttps()) return "not-to-https";
  if (chain[1].url.IsHttp()) return "not-to-https-first-hop";
  if (chain[1].url.host() != chain[0].url.host()) return "off-host-first-hop";
  return "to-https";
}

void TransportRedirect::EmitChain(const std::vector<Hop>& chain, bool truncated, bool loop,
                                  bool unresolvable, ResultSink& out) const {
  CheckResult r = PageResult(chain.front().url.href());
  r.outcome = ChainOutcome(chain);
  if (truncated) {  // the chain did not end within the limit: no outcome can be told
    r.outcome = "error";
    r.details.Str("reason", "the redirect chain is longer than " + std::to_string(limits::kMaxRedirects) +
                                    " hops (kMaxRedirects); browsers stop there too");
    r.details.Str("limit", "kMaxRedirects");
  }
  r.details.Set("chain", ChainDetails(chain));
  r.details.Int("hops", static_cast<std::int64_t>(chain.size() - 1));
  if (truncated) r.details.Bool("truncated", true);
  if (loop) r.details.Bool("loop", true);
  if (unresolvable) {
    const std::string& location = chain.back().record->redirect_url;
    r.details.Str("unresolvable_location", location, limits::kMaxUrlBytes);
  }
  if (dropped_) r.details.Bool("records_dropped", true);
  // The Observatory reports redirection-invalid-cert when the certificate does not verify.
  for (const Hop& hop : chain)
    if (hop.record && hop.record->untrusted) {
      r.observatory_result = "redirection-invalid-cert";
      r.details.Str("observatory_divergence",
          "a certificate of the chain was recorded as untrusted: the Observatory then stops there");
    }
  if (chain.back().record == nullptr)
    r.details.Str("note", "the response of the last hop is not in the evidence");
  out.Emit(std::move(r));
}

void TransportRedirect::OnFinish(const AuditContext& ctx, ResultSink& out) {
  if (!ctx.target() || !ctx.target()->IsHttpOrHttps()) {
    out.Emit(SiteResult("not-applicable", "no http(s) target URL"));
    return;
  }
  const Url& target = *ctx.target();
  if (redirect_not_captured_) {
    out.Emit(ReasonResult("not-captured",
                          "the capture method cannot observe the http:// redirect (declared in _portalCheck.notCaptured); "
                          "use a HAR from the browser's developer tools or the command line",
                          "http://" + target.host() + target.path()));
    return;
  }
  std::optional<Url> start = FindStart(target);
  if (!start) {
    std::string query = target.query().empty() ? "" : "?" + target.query();
    out.Emit(ReasonResult("not-captured", "the evidence holds no http:// request to the host: the capture did not try one",
                          "http://" + target.host() + target.path() + query));
    return;
  }
  std::vector<Hop> chain{Hop{*start, Find(UrlKey(*start))}};
  std::unordered_set<std::string> visited{UrlKey(*start)};
  bool truncated = false, loop = false, unresolvable = false;
  while (chain.back().record && !chain.back().record->redirect_url.empty()) {
    if (chain.size() > limits::kMaxRedirects) {
      truncated = true;
      break;
    }
    std::optional<Url> next = chain.back().url.Resolve(chain.back().record->redirect_url);
    if (!next) {
      unresolvable = true;
      break;
    }
    std::string key = UrlKey(*next);
    chain.push_back(Hop{*next, Find(key)});
    if (!visited.insert(key).second) {
      loop = true;
      break;
    }
  }
  EmitChain(chain, truncated, loop, unresolvable, out);
}

}  // namespace

extern const CheckDescriptor kTransportRedirectCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportRedirectCheck{"transport.redirect", CheckInput::kEveryExchange, &MakeCheck<TransportRedirect>};

}  // namespace portal_check
