#include "normalize/error_signatures.h"

#include <algorithm>
#include <cstdint>

#include "ruleset/data_lists.h"
#include "util/text.h"

namespace portal_check {
namespace {

// True when one of `near` starts within `window` bytes after the match end.
bool NearMatches(std::string_view body, std::size_t end, const std::vector<std::string>& near, std::size_t window,
                 bool ignore_case) {
  if (near.empty()) return true;
  const std::string_view zone = body.substr(end, std::min(window, body.size() - end));
  for (const std::string& n : near) {
    if (n.empty()) continue;
    if (ignore_case ? text::ContainsIgnoreCase(zone, n) : zone.find(n) != std::string_view::npos) return true;
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

ErrorSignatureMatcher BuildErrorSignatureMatcher(const DataLists& lists) {
  return ErrorSignatureMatcher(lists.Data("error-signatures"));
}

std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const DataLists& lists) {
  return lists.Compiled(&BuildErrorSignatureMatcher).Find(body);
}

ErrorSignatureMatcher::ErrorSignatureMatcher(const json::Value& list) {
  const json::Array* entries = json::FindArray(list, "signatures");
  if (entries == nullptr) return;
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
    for (const std::string& n : any) {
      needles_.Add(n, s.ignore_case);
      needle_signature_.push_back(signatures_.size());
    }
    signatures_.push_back(std::move(s));
  }
}

std::vector<ErrorSignatureHit> ErrorSignatureMatcher::Find(std::string_view body) const {
  std::vector<ErrorSignatureHit> hits;
  if (body.empty() || signatures_.empty()) return hits;
  struct State {
    std::size_t attempts = 0;  // near/digit look-aheads spent
    bool hit = false;
  };
  std::vector<State> state(signatures_.size());
  std::size_t remaining = signatures_.size();
  // Positions in ascending order; at one position the needles in NeedleIndex::ForEachAt order.
  needles_.Scan(body, [&](std::size_t needle, std::size_t i) {
    const std::size_t index = needle_signature_[needle];
    const Signature& s = signatures_[index];
    State& st = state[index];
    if (st.hit || st.attempts >= kMaxNearAttempts) return true;
    const std::size_t end = i + needles_.needle(needle).size();
    if (s.digits_after > 0 || !s.near.empty()) ++st.attempts;
    if (!DigitsFollow(body, end, s.digits_after) || !NearMatches(body, end, s.near, s.window, s.ignore_case)) return true;
    st.hit = true;
    hits.push_back(ErrorSignatureHit{s.id, s.family, ExcerptAround(body, i, 40, 160), i});
    return --remaining > 0;
  });
  std::sort(hits.begin(), hits.end(), [](const ErrorSignatureHit& a, const ErrorSignatureHit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.id < b.id;
  });
  return hits;
}

std::vector<ErrorSignatureHit> FindErrorSignatures(std::string_view body, const json::Value& list) {
  return ErrorSignatureMatcher(list).Find(body);
}

json::Object ErrorSignatureDetail(const ErrorSignatureHit& hit, std::size_t max_id_bytes) {
  json::Object o;
  o["id"] = json::Str(text::SafeUtf8(hit.id, max_id_bytes));
  o["family"] = json::Str(text::SafeUtf8(hit.family, 64));
  o["excerpt"] = json::Str(hit.excerpt);
  return o;
}

}  // namespace portal_check
