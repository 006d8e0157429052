#include "normalize/error_signatures.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "engine/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

struct Signature {
  std::string id, family;
  std::vector<std::string> near;
  std::size_t window = 400;
  std::size_t digits_after = 0;
  bool ignore_case = false;
  std::size_t attempts = 0;  // near/digit look-aheads spent
  bool hit = false;
};

struct Needle {
  std::string text;
  std::size_t signature;
};

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool MatchAt(std::string_view body, std::size_t pos, std::string_view needle, bool ignore_case) {
  if (body.size() - pos < needle.size()) return false;
  for (std::size_t k = 0; k < needle.size(); ++k) {
    const char a = body[pos + k], b = needle[k];
    if (ignore_case ? LowerAscii(a) != LowerAscii(b) : a != b) return false;
  }
  return true;
}

// True when one of sig.near starts within sig.window bytes after the match end.
bool NearMatches(std::string_view body, std::size_t end, const Signature& sig) {
  if (sig.near.empty()) return true;
  const std::string_view zone = body.substr(end, std::min(sig.window, body.size() - end));
  for (const std::string& n : sig.near) {
    if (n.empty()) continue;
    if (sig.ignore_case ? text::ContainsIgnoreCase(zone, n) : zone.find(n) != std::string_view::npos) return true;
  }
  return false;
}

bool DigitsFollow(std::string_view body, std::size_t end, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k)
    if (end + k >= body.size() || body[end + k] < '0' || body[end + k] > '9') return false;
  return true;
}

std::vector<std::string> Strings(const json::Value& v, std::string_view key) {
  std::vector<std::string> out;
  if (const json::Array* a = json::FindArray(v, key))
    for (const json::Value& s : *a)
      if (s.is<std::string>() && !s.get<std::string>().empty()) out.push_back(s.get<std::string>());
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string ExcerptAround(std::string_view body, std::size_t pos, std::size_t before, std::size_t after,
                          std::size_t max_bytes) {
  if (pos > body.size()) pos = body.size();
  std::size_t start = pos > before ? pos - before : 0;
  std::size_t end = std::min(body.size(), pos + after);
  while (start < pos && IsContinuation(body[start])) ++start;
  while (end < body.size() && end > pos && IsContinuation(body[end])) --end;
  std::string out;
  bool in_tag = false;
  for (std::size_t i = start; i < end; ++i) {
    const char c = body[i];
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      }
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return text::SafeUtf8(text::Trim(out), max_bytes);
}

std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const AuditContext& ctx) {
  return FindErrorSignatures(body, ctx.Data("error-signatures"));
}

std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const json::Value& list) {
  std::vector<ErrorSignatureHit> hits;
  const json::Array* entries = json::FindArray(list, "signatures");
  if (entries == nullptr || body.empty()) return hits;

  std::vector<Signature> sigs;
  std::array<std::vector<Needle>, 256> buckets;  // by the needle's first byte (lower-cased when ignore_case)
  for (const json::Value& e : *entries) {
    const std::string* id = json::FindString(e, "id");
    const std::string* family = json::FindString(e, "family");
    std::vector<std::string> any = Strings(e, "any");
    if (id == nullptr || family == nullptr || id->empty() || family->empty() || any.empty()) continue;
    Signature s;
    s.id = *id;
    s.family = *family;
    s.near = Strings(e, "near");
    s.window = static_cast<std::size_t>(std::clamp<std::int64_t>(json::GetInt(e, "window", 400), 1, 1 << 16));
    s.digits_after = static_cast<std::size_t>(std::clamp<std::int64_t>(json::GetInt(e, "digits_after", 0), 0, 16));
    s.ignore_case = json::GetBool(e, "ignore_case", false);
    const std::size_t index = sigs.size();
    for (std::string& n : any) {
      const unsigned char first = static_cast<unsigned char>(s.ignore_case ? LowerAscii(n[0]) : n[0]);
      buckets[first].push_back(Needle{std::move(n), index});
    }
    sigs.push_back(std::move(s));
  }

  std::size_t remaining = sigs.size();
  for (std::size_t i = 0; i < body.size() && remaining > 0; ++i) {
    const char c = body[i];
    // A case-sensitive needle sits in the bucket of its own first byte; an ignore-case one in the
    // bucket of its lower-cased first byte, so look in both when they differ.
    const unsigned char keys[2] = {static_cast<unsigned char>(c), static_cast<unsigned char>(LowerAscii(c))};
    for (int k = 0; k < (keys[0] == keys[1] ? 1 : 2); ++k) {
      for (const Needle& n : buckets[keys[k]]) {
        Signature& s = sigs[n.signature];
        if (s.hit || s.attempts >= kMaxNearAttempts) continue;
        // Case-sensitive needles only match through their exact first byte.
        if (!s.ignore_case && k == 1) continue;
        if (!MatchAt(body, i, n.text, s.ignore_case)) continue;
        const std::size_t end = i + n.text.size();
        if (s.digits_after > 0 || !s.near.empty()) ++s.attempts;
        if (!DigitsFollow(body, end, s.digits_after) || !NearMatches(body, end, s)) continue;
        s.hit = true;
        --remaining;
        hits.push_back(ErrorSignatureHit{s.id, s.family, ExcerptAround(body, i, 40, 160), i});
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const ErrorSignatureHit& a, const ErrorSignatureHit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.id < b.id;
  });
  return hits;
}

json::Object ErrorSignatureDetail(const ErrorSignatureHit& hit, std::size_t max_id_bytes) {
  json::Object o;
  o["id"] = json::Str(text::SafeUtf8(hit.id, max_id_bytes));
  o["family"] = json::Str(text::SafeUtf8(hit.family, 64));
  o["excerpt"] = json::Str(hit.excerpt);
  return o;
}

}  // namespace portal_check
