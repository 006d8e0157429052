#include "evidence/har_reader.h"

#include <algorithm>
#include <cstdio>

#include "evidence/limits.h"
#include "evidence/media_type.h"
#include "util/base64.h"
#include "util/json_flat.h"
#include "util/text.h"

namespace portal_check {
namespace {

using json::FlatDocument;
using Index = FlatDocument::Index;

std::string Where(std::size_t index) { return "entry " + std::to_string(index) + ": "; }

void AddNotice(Notices& notices, std::string code, std::optional<std::size_t> entry, std::string message) {
  AppendNotice(notices, Notice{std::move(code), entry, std::move(message)});
}

std::string MimeTypeOf(std::string_view content_type) {
  std::string_view t = content_type.substr(0, content_type.find(';'));
  return text::Lower(text::Trim(t));
}

// Adds one HAR header to `out`. Several Set-Cookie values joined with newlines in one header
// (chrome-har, Browsertime and Firefox write them so) become one field each, as on the wire.
void AddField(HeaderList& out, std::string_view name, std::string_view value) {
  if (!text::EqualsIgnoreCase(name, "set-cookie") || value.find('\n') == std::string_view::npos) {
    out.Add(name, value);
    return;
  }
  while (!value.empty()) {
    const std::size_t nl = value.find('\n');
    std::string_view line = value.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!text::Trim(line).empty()) out.Add(name, line);
    value = nl == std::string_view::npos ? std::string_view() : value.substr(nl + 1);
  }
}

void ReadHeaders(const FlatDocument& doc, Index message, std::size_t index, const char* which, HeaderList& out,
                 Notices& notices) {
  std::size_t kept = 0;
  for (Index h : doc.Items(doc.FindArray(message, "headers"))) {
    const std::optional<std::string_view> name = doc.FindString(h, "name");
    const std::optional<std::string_view> value = doc.FindString(h, "value");
    if (!name || !value) continue;
    if (kept == limits::kMaxHeadersPerMessage) {
      AddNotice(notices, "kMaxHeadersPerMessage", index,
                std::string(which) + " has more than " + std::to_string(limits::kMaxHeadersPerMessage) +
                    " header fields; the rest were not audited");
      break;
    }
    if (value->size() > limits::kMaxHeaderValueBytes) {
      AddNotice(notices, "kMaxHeaderValueBytes", index,
                std::string(which) + " header '" + text::SafeUtf8(*name, 100) + "' is longer than " +
                    std::to_string(limits::kMaxHeaderValueBytes) + " bytes; it was cut");
      AddField(out, *name, value->substr(0, limits::kMaxHeaderValueBytes));
    } else {
      AddField(out, *name, *value);
    }
    ++kept;
  }
}

std::optional<std::int64_t> ReadTime(const FlatDocument& doc, Index obj, std::string_view key) {
  const Index v = doc.Find(obj, key);
  if (doc.Is(v, FlatDocument::Kind::kInt)) return doc.Int(v);
  if (doc.Is(v, FlatDocument::Kind::kDouble)) {
    // A number outside the int64 range (or NaN) is no time at all; casting it would be undefined.
    const double d = doc.Double(v);
    if (!(d >= -9.2e18 && d <= 9.2e18)) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (doc.Is(v, FlatDocument::Kind::kString)) return ParseIsoDateTime(doc.String(v));
  return std::nullopt;
}

bool IsNonEmptyObject(const FlatDocument& doc, Index v) {
  return doc.Is(v, FlatDocument::Kind::kObject) && !doc.Items(v).empty();
}

// `_securityDetails` of the response (Chrome), else of the entry (Playwright); an empty object
// (Playwright writes one for http entries) is no TLS detail at all.
std::optional<TlsDetails> ReadTls(const FlatDocument& doc, Index entry, Index response) {
  Index sd = doc.Find(response, "_securityDetails");
  if (!IsNonEmptyObject(doc, sd)) sd = doc.Find(entry, "_securityDetails");
  if (!IsNonEmptyObject(doc, sd)) return std::nullopt;
  TlsDetails tls;
  if (auto s = doc.FindString(sd, "protocol")) tls.protocol = *s;
  if (auto s = doc.FindString(sd, "subjectName")) tls.subject_name = *s;
  if (auto s = doc.FindString(sd, "issuer")) tls.issuer = *s;
  tls.valid_from = ReadTime(doc, sd, "validFrom");
  tls.valid_to = ReadTime(doc, sd, "validTo");
  for (Index s : doc.Items(doc.FindArray(sd, "sanList")))
    if (doc.Is(s, FlatDocument::Kind::kString)) tls.san_list.emplace_back(doc.String(s));
  if (const Index t = doc.Find(sd, "_trusted"); doc.Is(t, FlatDocument::Kind::kBool)) tls.trusted = doc.Bool(t);
  if (auto e = doc.FindString(sd, "_trustError")) tls.trust_error = e->substr(0, 256);
  return tls;
}

// The cookie's Expires as an RFC 1123 date ("Sun, 06 Nov 1994 08:49:37 GMT"), from a HAR ISO date.
std::string HttpDate(std::int64_t t) {
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  const std::int64_t secs = t - days * 86400;
  const int weekday = static_cast<int>(((days % 7) + 7) % 7);
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04lld %02d:%02d:%02d GMT", kDays[weekday], static_cast<int>(d),
                kMonths[m - 1], static_cast<long long>(y), static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return out;
}

// One HAR cookie object as the Set-Cookie value that would have set it.
std::optional<std::string> SetCookieFromHarCookie(const FlatDocument& doc, Index cookie) {
  const std::optional<std::string_view> name = doc.FindString(cookie, "name");
  if (!name || name->empty()) return std::nullopt;
  std::string out(*name);
  out += '=';
  if (auto value = doc.FindString(cookie, "value")) out += *value;
  const auto append = [&out](std::string_view attribute, std::string_view v) { (out += attribute) += v; };
  if (auto path = doc.FindString(cookie, "path"); path && !path->empty()) append("; Path=", *path);
  if (auto domain = doc.FindString(cookie, "domain"); domain && !domain->empty()) append("; Domain=", *domain);
  if (auto expires = doc.FindString(cookie, "expires"))
    if (std::optional<std::int64_t> t = ParseIsoDateTime(*expires); t && *t > -62135596800 && *t < 253402300800)
      append("; Expires=", HttpDate(*t));
  if (doc.GetBool(cookie, "httpOnly", false)) out += "; HttpOnly";
  if (doc.GetBool(cookie, "secure", false)) out += "; Secure";
  if (auto same_site = doc.FindString(cookie, "sameSite"); same_site && !same_site->empty())
    append("; SameSite=", *same_site);
  return out;
}

bool HasItems(const FlatDocument& doc, Index message, std::string_view key) {
  return !doc.Items(doc.FindArray(message, key)).empty();
}

// Reads what the entry says about cookies: whether it holds any cookie evidence at all, and the
// response's Set-Cookie fields rebuilt from response.cookies when the producer kept only those.
void ReadCookies(const FlatDocument& doc, Index request, Index response, Exchange& ex) {
  const std::vector<std::string_view> fields = ex.response_headers.GetAll("Set-Cookie");
  ex.has_cookie_evidence = !fields.empty() || ex.request_headers.Has("Cookie") || HasItems(doc, request, "cookies") ||
                           HasItems(doc, response, "cookies");
  const Index cookies = doc.FindArray(response, "cookies");
  if (cookies == FlatDocument::kNone) return;
  // Names set by the header fields: a cookie of the array that none of them names was folded
  // into another field (mitmproxy joins repeated Set-Cookie fields with ", ") or left out.
  std::vector<std::string> named;
  for (std::string_view f : fields) named.emplace_back(text::Trim(f.substr(0, f.find('='))));
  std::size_t added = 0;
  for (Index c : doc.Items(cookies)) {
    if (added == limits::kMaxHeadersPerMessage) break;
    const std::optional<std::string_view> name = doc.FindString(c, "name");
    if (!name || std::find(named.begin(), named.end(), *name) != named.end()) continue;
    if (std::optional<std::string> v = SetCookieFromHarCookie(doc, c)) {
      ex.response_headers.Add("Set-Cookie", std::string_view(*v).substr(0, limits::kMaxHeaderValueBytes));
      ++added;
    }
  }
  ex.set_cookie_from_har_cookies = added > 0;
}

// Takes response.content.text out of the document (it is the largest value of an entry).
Status ReadContent(FlatDocument& doc, Index response, std::size_t index, Exchange& ex, Notices& notices) {
  const Index content = doc.Find(response, "content");
  if (!doc.Is(content, FlatDocument::Kind::kObject)) return Status::Ok();
  if (auto mime = doc.FindString(content, "mimeType")) ex.mime_type = MimeTypeOf(*mime);
  const std::int64_t size = doc.GetInt(content, "size", -1);
  const Index body = doc.Find(content, "text");
  const bool has_body = doc.Is(body, FlatDocument::Kind::kString);
  if (doc.Find(content, "_file") != FlatDocument::kNone) {
    ex.body_state = BodyState::kMissing;
    ex.body_gap = "the body is in a separate file (content._file), not in the HAR";
    return Status::Ok();
  }
  if (!has_body) {
    if (size != 0) {
      ex.body_state = BodyState::kMissing;
      ex.body_gap = "the HAR has no content.text for this response";
    }
    return Status::Ok();
  }
  const std::optional<std::string_view> encoding = doc.FindString(content, "encoding");
  if (encoding && text::EqualsIgnoreCase(*encoding, "base64")) {
    std::optional<std::string> bytes = base64::Decode(doc.String(body));
    if (!bytes) {
      AddNotice(notices, "invalid-base64", index, "response.content.text is not valid base64; the body was not audited");
      return Status::Ok();
    }
    ex.body = std::move(*bytes);
    ex.body_is_text = false;
    if (ex.body.size() >= 2 && static_cast<unsigned char>(ex.body[0]) == 0x1F && static_cast<unsigned char>(ex.body[1]) == 0x8B &&
        ex.mime_type.find("gzip") == std::string::npos) {
      // Still gzip-compressed (the producer could not decode it): not the body a browser read.
      ex.body.clear();
      ex.body_state = BodyState::kMissing;
      ex.body_gap = "the HAR holds the body still gzip-compressed";
      return Status::Ok();
    }
  } else {
    ex.body = doc.TakeString(body);
  }
  if (ex.body.size() > limits::kMaxBodyBytes) {
    AddNotice(notices, "kMaxBodyBytes", index,
              "the response body is " + std::to_string(ex.body.size()) + " bytes; only the first " +
                  std::to_string(limits::kMaxBodyBytes) + " were audited");
    ex.body.resize(limits::kMaxBodyBytes);
    ex.body.shrink_to_fit();
    ex.body_cut = true;
    ex.body_state = BodyState::kCut;
    ex.body_gap = "only the first " + std::to_string(limits::kMaxBodyBytes) + " bytes were audited (kMaxBodyBytes)";
  } else if (doc.GetBool(content, "_bodyCut", false)) {
    ex.body_state = BodyState::kCut;
    ex.body_gap = "the producer cut the body (content._bodyCut)";
  } else if (size > 0 && (ex.body.empty() || static_cast<std::uint64_t>(size) / 2 > ex.body.size())) {
    // content.size is the decoded body's bytes; producers differ (charset conversion, chrome-har
    // counts text length plus bytes, Fiddler a few bytes off), so only a body less than half of
    // what size announces, or empty, counts as cut.
    ex.body_state = BodyState::kCut;
    ex.body_gap = "content.size is " + std::to_string(size) + " bytes but the HAR holds " + std::to_string(ex.body.size());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<Exchange> ReadHarEntry(std::string_view entry_json, std::size_t index, Notices& notices) {
  if (entry_json.size() > limits::kMaxEntryBytes)
    return Status::Exhausted(Where(index) + "the entry is " + std::to_string(entry_json.size()) +
                             " bytes, over the limit of " + std::to_string(limits::kMaxEntryBytes) + " (kMaxEntryBytes)");
  FlatDocument doc;
  if (Status s = json::ParseFlat(entry_json, limits::kMaxJsonDepth, doc); !s.ok())
    return Status(s.code(), Where(index) + s.message());
  const Index entry = doc.root();
  if (!doc.Is(entry, FlatDocument::Kind::kObject)) return Status::Invalid(Where(index) + "the entry is not a JSON object");
  const Index request = doc.Find(entry, "request");
  const Index response = doc.Find(entry, "response");
  if (!doc.Is(request, FlatDocument::Kind::kObject)) return Status::Invalid(Where(index) + "request is missing");
  if (!doc.Is(response, FlatDocument::Kind::kObject)) return Status::Invalid(Where(index) + "response is missing");
  const std::optional<std::string_view> method = doc.FindString(request, "method");
  const std::optional<std::string_view> url = doc.FindString(request, "url");
  if (!method) return Status::Invalid(Where(index) + "request.method is missing or not a string");
  if (!url) return Status::Invalid(Where(index) + "request.url is missing or not a string");
  if (!doc.IsNumber(doc.Find(response, "status")))
    return Status::Invalid(Where(index) + "response.status is missing or not a number");

  Exchange ex;
  ex.index = index;
  ex.method = *method;
  for (char& c : ex.method) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);  // ASCII upper
  ex.url = *url;
  if (ex.url.size() > limits::kMaxUrlBytes) {
    AddNotice(notices, "kMaxUrlBytes", index, "the request URL is longer than " + std::to_string(limits::kMaxUrlBytes) + " bytes; it was cut");
    ex.url.resize(limits::kMaxUrlBytes);
  }
  const std::int64_t code = doc.GetInt(response, "status", 0);
  ex.status = (code >= 0 && code <= 999) ? static_cast<int>(code) : 0;
  ReadHeaders(doc, request, index, "the request", ex.request_headers, notices);
  ReadHeaders(doc, response, index, "the response", ex.response_headers, notices);
  if (Status s = ReadContent(doc, response, index, ex, notices); !s.ok()) return s;
  if (IsUnknownMimeType(ex.mime_type)) {
    ex.mime_type.clear();
    if (auto ct = ex.response_headers.Get("Content-Type")) ex.mime_type = MimeTypeOf(*ct);
    if (IsUnknownMimeType(ex.mime_type)) {
      ex.mime_type.clear();
      if (SniffsAsHtml(ex.body)) {
        ex.mime_type = "text/html";
        ex.mime_sniffed = true;
      }
    }
  }
  ReadCookies(doc, request, response, ex);
  if (auto r = doc.FindString(response, "redirectURL"); r && !r->empty()) ex.redirect_url = *r;
  if (ex.redirect_url.empty() && ex.status >= 300 && ex.status < 400)
    if (auto loc = ex.response_headers.Get("Location")) ex.redirect_url = std::string(*loc);
  if (ex.redirect_url.size() > limits::kMaxUrlBytes) ex.redirect_url.resize(limits::kMaxUrlBytes);
  ex.tls = ReadTls(doc, entry, response);
  if (auto started = doc.FindString(entry, "startedDateTime")) ex.started = ParseIsoDateTime(*started);
  if (auto rt = doc.FindString(entry, "_resourceType")) ex.resource_type = text::Lower(*rt);
  if (const Index pc = doc.Find(entry, "_portalCheck"); pc != FlatDocument::kNone) {
    for (Index v : doc.Items(doc.FindArray(pc, "notCaptured")))
      if (doc.Is(v, FlatDocument::Kind::kString)) ex.not_captured.push_back(text::Lower(doc.String(v)));
    // A short token; anything longer than a known purpose is not one (kept bounded).
    if (auto purpose = doc.FindString(pc, "purpose"); purpose && purpose->size() <= 32)
      ex.purpose = text::Lower(*purpose);
    if (doc.GetBool(pc, "bodyCut", false) && ex.body_state == BodyState::kCaptured) {
      ex.body_state = BodyState::kCut;
      ex.body_gap = "the capture cut the body at its byte limit (_portalCheck.bodyCut)";
    }
  }
  if (auto pageref = doc.FindString(entry, "pageref"); pageref && pageref->size() <= 1024) ex.pageref = *pageref;
  return ex;
}

namespace {
// Days since 1970-01-01 of a civil date (proleptic Gregorian); Howard Hinnant's algorithm.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool ReadDigits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}
}  // namespace

std::optional<std::int64_t> ParseIsoDateTime(std::string_view s) {
  s = text::Trim(s);
  std::size_t p = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!ReadDigits(s, p, 4, y) || p >= s.size() || s[p++] != '-' || !ReadDigits(s, p, 2, mo) || p >= s.size() ||
      s[p++] != '-' || !ReadDigits(s, p, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  std::int64_t offset = 0;
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return std::nullopt;
    ++p;
    if (!ReadDigits(s, p, 2, h) || p >= s.size() || s[p++] != ':' || !ReadDigits(s, p, 2, mi)) return std::nullopt;
    if (p < s.size() && s[p] == ':' && (++p, !ReadDigits(s, p, 2, sec))) return std::nullopt;
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (p < s.size()) {
      const char z = s[p];
      if (z == 'Z' || z == 'z') {
        ++p;
      } else if (z == '+' || z == '-') {
        ++p;
        int oh, om;
        if (!ReadDigits(s, p, 2, oh)) return std::nullopt;
        if (p < s.size() && s[p] == ':') ++p;
        if (!ReadDigits(s, p, 2, om)) return std::nullopt;
        offset = (oh * 3600 + om * 60) * (z == '+' ? 1 : -1);
      } else {
        return std::nullopt;
      }
    }
    if (p != s.size()) return std::nullopt;
  }
  return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

bool Exchange::IsSubresourceRequest() const {
  if (auto mode = request_headers.Get("Sec-Fetch-Mode"); mode && !text::EqualsIgnoreCase(text::Trim(*mode), "navigate"))
    return true;
  auto xrw = request_headers.Get("X-Requested-With");
  return xrw && text::EqualsIgnoreCase(text::Trim(*xrw), "XMLHttpRequest");
}

bool Exchange::IsFrameRequest() const {
  auto dest = request_headers.Get("Sec-Fetch-Dest");
  if (!dest) return false;
  const std::string_view d = text::Trim(*dest);
  return text::EqualsIgnoreCase(d, "iframe") || text::EqualsIgnoreCase(d, "frame") ||
         text::EqualsIgnoreCase(d, "embed") || text::EqualsIgnoreCase(d, "object");
}

bool Exchange::IsWebSocket() const {
  return status == 101 || resource_type == "websocket" || text::StartsWithIgnoreCase(url, "ws:") ||
         text::StartsWithIgnoreCase(url, "wss:");
}

bool Exchange::NotCaptured(const std::string& what) const {
  for (const auto& n : not_captured)
    if (n == what) return true;
  return false;
}

}  // namespace portal_check
