// picojson, configured for this project, plus safe accessors.
// picojson's get<T>() throws on a type mismatch; code in core/ only reads JSON through the
// accessors below, which return a fallback (or nullptr) instead.
#ifndef PORTAL_CHECK_UTIL_JSON_H_
#define PORTAL_CHECK_UTIL_JSON_H_

#define PICOJSON_USE_INT64 1
#include <picojson.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace portal_check::json {

using Value = picojson::value;
using Object = picojson::object;
using Array = picojson::array;

// The member `key` of `v` if `v` is an object holding it, else nullptr.
const Value* Find(const Value& v, std::string_view key);
// The member as a string / int / bool / object / array; nullptr or `fallback` when absent or of
// another type. Integers accept JSON numbers written with or without a fraction of zero.
const std::string* FindString(const Value& v, std::string_view key);
std::int64_t GetInt(const Value& v, std::string_view key, std::int64_t fallback);
bool GetBool(const Value& v, std::string_view key, bool fallback);
// GetInt's rule for a double: its value when it is a whole number within ±9e15, else nullopt.
std::optional<std::int64_t> WholeNumber(double d);
const Object* FindObject(const Value& v, std::string_view key);
// Modifiable access, for moving a large member (a response body) out of a document being read.
Value* FindMutable(Value& v, std::string_view key);
std::string* FindMutableString(Value& v, std::string_view key);
const Array* FindArray(const Value& v, std::string_view key);

// Serialises with sorted keys and no insignificant white space: the same value always gives the
// same bytes (picojson's object is a std::map). `pretty` adds two-space indentation. The bytes are
// picojson's own serialize(pretty) (the compact form is written here, faster, byte for byte the
// same: tests/unit/json_serialize_test.cc).
std::string Serialize(const Value& v, bool pretty = false);
// Appends v's compact serialisation (Serialize(v, false)) to `out`.
void AppendCompact(std::string& out, const Value& v);
// Appends `s` as a JSON string literal, quotes included, as picojson's serialize_str writes it:
// '"', '\\' and '/' escaped with a backslash, \b \f \n \r \t by name, the other bytes below 0x20
// and 0x7f as \u00XX (lower-case hex), every other byte (UTF-8 included) as it is.
void AppendQuoted(std::string& out, std::string_view s);
// True for a byte AppendQuoted writes escaped: '"', '\\', '/', those below 0x20 and 0x7f.
constexpr bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == '/' || c == 0x7f; }
// NeedsEscape as a table, for loops over bytes (one load instead of five comparisons).
inline constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = NeedsEscape(static_cast<unsigned char>(c));
  return table;
}();
// Whether any of the 8 bytes of `w` (a word loaded from text) is one NeedsEscape names. Exact: the
// classic has-zero-byte and has-less-than tests, whose overall answer is exact even where the
// flags of single bytes are not.
constexpr bool AnyNeedsEscape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = ~std::uint64_t{0} / 255;
  constexpr std::uint64_t kHighs = kOnes * 0x80;
  const auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; };
  const bool below_space = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
  return below_space || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\')) || has_zero(w ^ (kOnes * '/')) ||
         has_zero(w ^ (kOnes * 0x7f));
}
// The most bytes AppendQuoted writes for a string of `bytes` bytes (every one a \u00XX escape).
constexpr std::size_t QuotedBytesAtMost(std::size_t bytes) { return 6 * bytes + 2; }
// The escape AppendQuoted writes for a byte NeedsEscape names (`buffer` holds a \u00XX one).
std::string_view EscapeOf(char byte, char (&buffer)[6]);
// Writes `s` as AppendQuoted writes it, quotes included, from `out` on; → the end of what it
// wrote. REQUIRES: room for QuotedBytesAtMost(s.size()) bytes at `out`. Inline, for the writers of
// short strings (a word of plain bytes at a time; '"', '\\' and '/' escaped in place).
inline char* WriteQuoted(char* out, std::string_view s) {
  *out++ = '"';
  std::size_t i = 0;
  const auto put_bytes = [&out](const char* bytes, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      const char c = bytes[k];
      if (!kNeedsEscape[static_cast<unsigned char>(c)]) {
        *out++ = c;
      } else if (c == '/' || c == '"' || c == '\\') {
        *out++ = '\\';
        *out++ = c;
      } else {
        char buffer[6];
        for (const char e : EscapeOf(c, buffer)) *out++ = e;
      }
    }
  };
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof(word));
    if (AnyNeedsEscape(word)) {
      put_bytes(s.data() + i, 8);
    } else {
      std::memcpy(out, &word, sizeof(word));
      out += sizeof(word);
    }
  }
  put_bytes(s.data() + i, s.size() - i);
  *out++ = '"';
  return out;
}
// True when AppendQuoted would write `s` between its quotes as it is (no byte to escape).
bool QuotesAsIs(std::string_view s);
// The pieces AppendQuoted is made of, for writers of their own: the index of the first byte at or
// after `from` that is written escaped (s.size() when none), and (EscapeOf, above) the escape
// written for such a byte.
std::size_t NextEscaped(std::string_view s, std::size_t from);

// Convenience constructors.
inline Value Str(std::string_view s) { return Value(std::string(s)); }
inline Value Int(std::int64_t n) { return Value(static_cast<std::int64_t>(n)); }
inline Value Bool(bool b) { return Value(b); }

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_H_
