#include "checks/details.h"

#include <algorithm>
#include <charconv>

#include "evidence/limits.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace portal_check {
namespace {

// Whether text::SafeUtf8(s, max_bytes) is `s` itself: clean UTF-8 within the limit.
bool SafeAsIs(std::string_view s, std::size_t max_bytes) { return s.size() <= max_bytes && text::IsCleanUtf8(s); }

// Appends `s` quoted, made valid UTF-8 of at most MaxDetailStringBytes() first when it is not.
void AppendSafeQuoted(std::string& out, std::string_view s) {
  if (!SafeAsIs(s, limits::kMaxHeaderValueBytes)) {
    json::AppendQuoted(out, text::SafeUtf8(s, limits::kMaxHeaderValueBytes));
  } else {
    json::AppendQuoted(out, s);
  }
}

// What an object's bytes start with room for: a usual result's details fit.
constexpr std::size_t kFirstBytes = 256;

// Appends text::SafeUtf8(s, max_bytes) quoted, as AppendSafeQuoted would append it.
void AppendCutQuoted(std::string& out, std::string_view s, std::size_t max_bytes) {
  if (SafeAsIs(s, max_bytes)) return AppendSafeQuoted(out, s);
  AppendSafeQuoted(out, text::SafeUtf8(s, max_bytes));
}

// What an object's member list starts with room for.
constexpr std::size_t kFirstMembers = 8;

void AppendInt(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof(digits), n).ptr);
}

void AppendValue(std::string& out, json::Value v) {
  SanitizeDetailStrings(v);
  json::AppendCompact(out, v);
}

}  // namespace

std::size_t MaxDetailStringBytes() { return limits::kMaxHeaderValueBytes; }

void SanitizeDetailStrings(json::Value& v) {
  if (v.is<std::string>()) {
    std::string& s = v.get<std::string>();
    if (!SafeAsIs(s, limits::kMaxHeaderValueBytes)) s = text::SafeUtf8(s, limits::kMaxHeaderValueBytes);
  } else if (v.is<json::Array>()) {
    for (json::Value& e : v.get<json::Array>()) SanitizeDetailStrings(e);
  } else if (v.is<json::Object>()) {
    for (auto& [k, e] : v.get<json::Object>()) SanitizeDetailStrings(e);
  }
}

// ---- DetailList

void DetailList::Separate() {
  if (size_++ > 0) elements_.push_back(',');
}

DetailList& DetailList::Str(std::string_view s) {
  Separate();
  AppendSafeQuoted(elements_, s);
  return *this;
}

DetailList& DetailList::Str(std::string_view s, std::size_t max_bytes) {
  Separate();
  AppendCutQuoted(elements_, s, max_bytes);
  return *this;
}

DetailList& DetailList::Int(std::int64_t n) {
  Separate();
  AppendInt(elements_, n);
  return *this;
}

DetailList& DetailList::Bool(bool b) {
  Separate();
  elements_.append(b ? "true" : "false");
  return *this;
}

DetailList& DetailList::Add(const Details& object) {
  Separate();
  object.AppendTo(elements_);
  return *this;
}

DetailList& DetailList::Add(const DetailList& array) {
  Separate();
  array.AppendTo(elements_);
  return *this;
}

DetailList& DetailList::Add(json::Value v) {
  Separate();
  AppendValue(elements_, std::move(v));
  return *this;
}

void DetailList::AppendTo(std::string& out) const {
  out.push_back('[');
  out.append(elements_);
  out.push_back(']');
}

std::string DetailList::Text() const {
  std::string out;
  AppendTo(out);
  return out;
}

// ---- Details

void Details::BeginMember(std::string_view name) {
  for (auto it = members_.begin(); it != members_.end(); ++it) {
    if (NameOf(*it) == name) {
      members_.erase(it);  // its bytes stay, unreferenced
      break;
    }
  }
  if (members_.empty()) {
    bytes_.reserve(kFirstBytes);
    members_.reserve(kFirstMembers);
  }
  Member m;
  m.name_at = bytes_.size();
  m.name_size = name.size();
  bytes_.append(name);
  m.written_at = bytes_.size();
  m.written_size = 0;
  json::AppendQuoted(bytes_, name);
  bytes_.push_back(':');
  members_.push_back(m);
}

void Details::EndMember() { members_.back().written_size = bytes_.size() - members_.back().written_at; }

Details& Details::Str(std::string_view name, std::string_view s) {
  BeginMember(name);
  AppendSafeQuoted(bytes_, s);
  EndMember();
  return *this;
}

Details& Details::Str(std::string_view name, std::string_view s, std::size_t max_bytes) {
  BeginMember(name);
  AppendCutQuoted(bytes_, s, max_bytes);
  EndMember();
  return *this;
}

Details& Details::Int(std::string_view name, std::int64_t n) {
  BeginMember(name);
  AppendInt(bytes_, n);
  EndMember();
  return *this;
}

Details& Details::Bool(std::string_view name, bool b) {
  BeginMember(name);
  bytes_.append(b ? "true" : "false");
  EndMember();
  return *this;
}

Details& Details::Set(std::string_view name, const Details& object) {
  BeginMember(name);
  object.AppendTo(bytes_);
  EndMember();
  return *this;
}

Details& Details::Set(std::string_view name, const DetailList& array) {
  BeginMember(name);
  array.AppendTo(bytes_);
  EndMember();
  return *this;
}

Details& Details::Set(std::string_view name, json::Value v) {
  BeginMember(name);
  AppendValue(bytes_, std::move(v));
  EndMember();
  return *this;
}

bool Details::Has(std::string_view name) const {
  return std::any_of(members_.begin(), members_.end(), [&](const Member& m) { return NameOf(m) == name; });
}

void Details::AppendTo(std::string& out) const {
  // Members in name order (names are distinct: BeginMember drops a repeated one); the order of a
  // usual object (up to kSortedOnStack members) is sorted on the stack.
  constexpr std::size_t kSortedOnStack = 32;
  const Member* on_stack[kSortedOnStack];
  std::vector<const Member*> on_heap;
  const Member** order = on_stack;
  if (members_.size() > kSortedOnStack) {
    on_heap.resize(members_.size());
    order = on_heap.data();
  }
  for (std::size_t i = 0; i < members_.size(); ++i) order[i] = &members_[i];
  std::sort(order, order + members_.size(),
            [this](const Member* a, const Member* b) { return NameOf(*a) < NameOf(*b); });
  out.push_back('{');
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(bytes_, order[i]->written_at, order[i]->written_size);
  }
  out.push_back('}');
}

std::string Details::Text() const {
  std::string out;
  AppendTo(out);
  return out;
}

json::Value Details::ToValue() const {
  json::Value v;
  if (!json::ParseBounded(Text(), static_cast<std::size_t>(-1), v).ok()) return json::Value(json::Object());
  return v;
}

}  // namespace portal_check
