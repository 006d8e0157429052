#include "util/json.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace portal_check::json {
namespace {

// Strings up to this size are quoted through a stack buffer by AppendQuoted (not a limit).
constexpr std::size_t kShortQuoted = 128;

}  // namespace

const Value* Find(const Value& v, std::string_view key) {
  if (!v.is<Object>()) return nullptr;
  const Object& o = v.get<Object>();
  auto it = o.find(std::string(key));
  return it == o.end() ? nullptr : &it->second;
}

Value* FindMutable(Value& v, std::string_view key) {
  if (!v.is<Object>()) return nullptr;
  Object& o = v.get<Object>();
  auto it = o.find(std::string(key));
  return it == o.end() ? nullptr : &it->second;
}

std::string* FindMutableString(Value& v, std::string_view key) {
  Value* m = FindMutable(v, key);
  return (m && m->is<std::string>()) ? &m->get<std::string>() : nullptr;
}

const std::string* FindString(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<std::string>()) ? &m->get<std::string>() : nullptr;
}

std::int64_t GetInt(const Value& v, std::string_view key, std::int64_t fallback) {
  const Value* m = Find(v, key);
  if (!m) return fallback;
  if (m->is<std::int64_t>()) return m->get<std::int64_t>();
  if (m->is<double>()) return WholeNumber(m->get<double>()).value_or(fallback);
  return fallback;
}

std::optional<std::int64_t> WholeNumber(double d) {
  if (d >= -9.0e15 && d <= 9.0e15 && static_cast<double>(static_cast<std::int64_t>(d)) == d)
    return static_cast<std::int64_t>(d);
  return std::nullopt;
}

bool GetBool(const Value& v, std::string_view key, bool fallback) {
  const Value* m = Find(v, key);
  return (m && m->is<bool>()) ? m->get<bool>() : fallback;
}

const Object* FindObject(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<Object>()) ? &m->get<Object>() : nullptr;
}

const Array* FindArray(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<Array>()) ? &m->get<Array>() : nullptr;
}

std::string Serialize(const Value& v, bool pretty) {
  if (pretty) return v.serialize(true);
  std::string out;
  AppendCompact(out, v);
  return out;
}

void AppendCompact(std::string& out, const Value& v) {
  if (v.is<std::string>()) {
    AppendQuoted(out, v.get<std::string>());
  } else if (v.is<Object>()) {
    out.push_back('{');
    bool first = true;
    for (const auto& [key, member] : v.get<Object>()) {
      if (!first) out.push_back(',');
      first = false;
      AppendQuoted(out, key);
      out.push_back(':');
      AppendCompact(out, member);
    }
    out.push_back('}');
  } else if (v.is<Array>()) {
    out.push_back('[');
    bool first = true;
    for (const Value& item : v.get<Array>()) {
      if (!first) out.push_back(',');
      first = false;
      AppendCompact(out, item);
    }
    out.push_back(']');
  } else if (v.is<std::int64_t>()) {  // (is<double>() is true for it too)
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof(buf), v.get<std::int64_t>()).ptr;
    out.append(buf, end);
  } else {
    out += v.to_str();  // null, true, false, and a double as picojson prints it
  }
}


std::size_t NextEscaped(std::string_view s, std::size_t from) {
  std::size_t i = from;
  // Eight plain bytes at a time (most text has no byte to escape).
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof(word));
    if (AnyNeedsEscape(word)) break;
  }
  for (; i < s.size(); ++i)
    if (kNeedsEscape[static_cast<unsigned char>(s[i])]) return i;
  return s.size();
}

std::string_view EscapeOf(char byte, char (&buffer)[6]) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (byte) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '/': return "\\/";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: {
      const unsigned char c = static_cast<unsigned char>(byte);
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      std::memcpy(buffer, escaped, sizeof(escaped));
      return std::string_view(buffer, sizeof(escaped));
    }
  }
}

bool QuotesAsIs(std::string_view s) { return NextEscaped(s, 0) == s.size(); }

void AppendQuoted(std::string& out, std::string_view s) {
  if (s.size() <= kShortQuoted) {
    // Quoted on the stack and appended at once (one call instead of one per run and escape).
    char quoted[QuotedBytesAtMost(kShortQuoted)];
    out.append(quoted, static_cast<std::size_t>(WriteQuoted(quoted, s) - quoted));
    return;
  }
  out.push_back('"');
  char buffer[6];
  for (std::size_t run = 0;;) {
    const std::size_t at = NextEscaped(s, run);
    out.append(s.data() + run, at - run);
    if (at == s.size()) break;
    out.append(EscapeOf(s[at], buffer));
    run = at + 1;
  }
  out.push_back('"');
}

}  // namespace portal_check::json
