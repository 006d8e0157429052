#include "normalize/structured_field.h"

#include <unordered_map>

#include "util/text.h"

namespace portal_check::sf {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLcAlpha(char c) { return c >= 'a' && c <= 'z'; }

using text::IsTchar;

bool IsBase64Char(char c) { return IsAlpha(c) || IsDigit(c) || c == '+' || c == '/' || c == '='; }

// A cursor over the field value; every Parse* method consumes input left to right and records
// the first error.
class Parser {
 public:
  explicit Parser(std::string_view input) : in_(input) {}

  bool AtEnd() const { return pos_ >= in_.size(); }
  bool Failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  void SkipSp() {
    while (!AtEnd() && in_[pos_] == ' ') ++pos_;
  }
  void SkipOws() {
    while (!AtEnd() && (in_[pos_] == ' ' || in_[pos_] == '\t')) ++pos_;
  }
  char Peek() const { return AtEnd() ? '\0' : in_[pos_]; }
  void Skip() { ++pos_; }

  bool Fail(std::string_view what) {
    if (error_.empty()) {
      error_ = std::string(what) + " at offset " + std::to_string(pos_);
      if (!AtEnd()) {
        const char c = in_[pos_];
        if (c >= 0x21 && c <= 0x7e) error_ += std::string(" ('") + c + "')";
      }
    }
    return false;
  }

  // RFC 8941 section 4.2.3.3 (key).
  bool ParseKey(std::string& key) {
    const char c = Peek();
    if (!IsLcAlpha(c) && c != '*') return Fail("key must start with a lower-case letter or '*'");
    const std::size_t start = pos_;
    while (!AtEnd()) {
      const char k = in_[pos_];
      if (!(IsLcAlpha(k) || IsDigit(k) || k == '_' || k == '-' || k == '.' || k == '*')) break;
      ++pos_;
    }
    key.assign(in_.substr(start, pos_ - start));
    return true;
  }

  // Section 4.2.4 (integer or decimal).
  bool ParseNumber(BareItem& out) {
    const std::size_t start = pos_;
    bool negative = false;
    if (Peek() == '-') {
      negative = true;
      ++pos_;
    }
    if (!IsDigit(Peek())) return Fail("number expected");
    bool decimal = false;
    std::size_t int_digits = 0, frac_digits = 0;
    std::int64_t value = 0;
    while (!AtEnd()) {
      const char c = in_[pos_];
      if (IsDigit(c)) {
        if (decimal) {
          ++frac_digits;
        } else {
          ++int_digits;
          value = value * 10 + (c - '0');
        }
      } else if (c == '.' && !decimal) {
        if (int_digits > 12) return Fail("decimal has too many integer digits");
        decimal = true;
      } else {
        break;
      }
      ++pos_;
      if (!decimal && int_digits > 15) return Fail("integer has too many digits");
      if (decimal && frac_digits > 3) return Fail("decimal has too many fraction digits");
    }
    out.text.assign(in_.substr(start, pos_ - start));
    if (decimal) {
      if (frac_digits == 0) return Fail("decimal ends with '.'");
      out.type = BareItem::Type::kDecimal;
    } else {
      out.type = BareItem::Type::kInteger;
      out.integer = negative ? -value : value;
    }
    return true;
  }

  // Section 4.2.5 (string).
  bool ParseString(BareItem& out) {
    ++pos_;  // the opening DQUOTE
    out.type = BareItem::Type::kString;
    out.text.clear();
    while (!AtEnd()) {
      const char c = in_[pos_++];
      if (c == '\\') {
        if (AtEnd()) return Fail("string ends inside an escape");
        const char next = in_[pos_++];
        if (next != '"' && next != '\\') return Fail("invalid escape in string");
        out.text.push_back(next);
      } else if (c == '"') {
        return true;
      } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
        --pos_;
        return Fail("invalid character in string");
      } else {
        out.text.push_back(c);
      }
    }
    return Fail("unterminated string");
  }

  // Section 4.2.6 (token).
  bool ParseToken(BareItem& out) {
    const std::size_t start = pos_;
    ++pos_;  // first char already validated (ALPHA or '*')
    while (!AtEnd() && (IsTchar(in_[pos_]) || in_[pos_] == ':' || in_[pos_] == '/')) ++pos_;
    out.type = BareItem::Type::kToken;
    out.text.assign(in_.substr(start, pos_ - start));
    return true;
  }

  // Section 4.2.7 (byte sequence).
  bool ParseByteSequence(BareItem& out) {
    ++pos_;  // ':'
    const std::size_t start = pos_;
    while (!AtEnd() && in_[pos_] != ':') {
      if (!IsBase64Char(in_[pos_])) return Fail("invalid character in byte sequence");
      ++pos_;
    }
    if (AtEnd()) return Fail("unterminated byte sequence");
    out.type = BareItem::Type::kByteSequence;
    out.text.assign(in_.substr(start, pos_ - start));
    ++pos_;  // closing ':'
    return true;
  }

  // Section 4.2.8 (boolean).
  bool ParseBoolean(BareItem& out) {
    ++pos_;  // '?'
    const char c = Peek();
    if (c != '0' && c != '1') return Fail("boolean must be ?0 or ?1");
    ++pos_;
    out.type = BareItem::Type::kBoolean;
    out.boolean = c == '1';
    out.text = c == '1' ? "?1" : "?0";
    return true;
  }

  // Section 4.2.3.1 (bare item).
  bool ParseBareItem(BareItem& out) {
    const char c = Peek();
    if (c == '-' || IsDigit(c)) return ParseNumber(out);
    if (c == '"') return ParseString(out);
    if (c == '*' || IsAlpha(c)) return ParseToken(out);
    if (c == ':') return ParseByteSequence(out);
    if (c == '?') return ParseBoolean(out);
    return Fail(AtEnd() ? "value expected" : "unexpected character");
  }

  // Section 4.2.3.2 (parameters). A repeated key overwrites the earlier value.
  bool ParseParameters(std::vector<Parameter>& out) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < out.size(); ++i) index.emplace(out[i].key, i);
    while (Peek() == ';') {
      ++pos_;
      SkipSp();
      Parameter p;
      if (!ParseKey(p.key)) return false;
      if (Peek() == '=') {
        ++pos_;
        if (!ParseBareItem(p.value)) return false;
      } else {
        p.value.type = BareItem::Type::kBoolean;
        p.value.boolean = true;
        p.value.text = "?1";
      }
      // A repeated key overwrites the earlier value in place (index kept per call: linear).
      auto [it, inserted] = index.emplace(p.key, out.size());
      if (inserted) {
        out.push_back(std::move(p));
      } else {
        out[it->second].value = std::move(p.value);
      }
    }
    return true;
  }

  // Section 4.2.3 (item).
  bool ParseItemHere(Item& out) { return ParseBareItem(out.bare) && ParseParameters(out.params); }

  // Section 4.2.1.2 (inner list).
  bool ParseInnerList(Member& out) {
    ++pos_;  // '('
    out.is_inner_list = true;
    while (!AtEnd()) {
      SkipSp();
      if (Peek() == ')') {
        ++pos_;
        return ParseParameters(out.params);
      }
      Item item;
      if (!ParseItemHere(item)) return false;
      out.inner.push_back(std::move(item));
      const char c = Peek();
      if (c != ' ' && c != ')') return Fail("inner list members must be separated by spaces");
    }
    return Fail("unterminated inner list");
  }

  // Section 4.2.1.1 (item or inner list).
  bool ParseItemOrInnerList(Member& out) {
    if (Peek() == '(') return ParseInnerList(out);
    out.is_inner_list = false;
    return ParseItemHere(out.item);
  }

  // After a list or dictionary member: OWS, then end or a comma followed by another member.
  // Returns false on error; sets `done` when the input ended.
  bool AfterMember(bool& done) {
    SkipOws();
    if (AtEnd()) {
      done = true;
      return true;
    }
    if (Peek() != ',') return Fail("',' expected between members");
    ++pos_;
    SkipOws();
    if (AtEnd()) return Fail("trailing comma");
    done = false;
    return true;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string error_;
};

std::string_view TrimSp(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

void SetError(std::string* error, const std::string& text) {
  if (error != nullptr) *error = text;
}

}  // namespace

std::optional<Item> ParseItem(std::string_view field, std::string* error) {
  Parser p(TrimSp(field));
  Item item;
  if (!p.ParseItemHere(item)) {
    SetError(error, p.error());
    return std::nullopt;
  }
  p.SkipSp();
  if (!p.AtEnd()) {
    p.Fail("unexpected text after the item");
    SetError(error, p.error());
    return std::nullopt;
  }
  return item;
}

std::optional<std::vector<Member>> ParseList(std::string_view field, std::string* error) {
  Parser p(TrimSp(field));
  std::vector<Member> members;
  bool done = p.AtEnd();
  while (!done) {
    Member m;
    if (!p.ParseItemOrInnerList(m) || !p.AfterMember(done)) {
      SetError(error, p.error());
      return std::nullopt;
    }
    members.push_back(std::move(m));
  }
  return members;
}

std::optional<Dictionary> ParseDictionary(std::string_view field, std::string* error) {
  Parser p(TrimSp(field));
  Dictionary dict;
  std::unordered_map<std::string, std::size_t> index;  // key → position in dict.members
  bool done = p.AtEnd();
  while (!done) {
    std::string key;
    Member m;
    bool ok = p.ParseKey(key);
    if (ok && p.Peek() == '=') {
      p.Skip();
      ok = p.ParseItemOrInnerList(m);
    } else if (ok) {
      // A key without "=value" is boolean true (with optional parameters).
      m.is_inner_list = false;
      m.item.bare.type = BareItem::Type::kBoolean;
      m.item.bare.boolean = true;
      m.item.bare.text = "?1";
      ok = p.ParseParameters(m.item.params);
    }
    if (!ok || !p.AfterMember(done)) {
      SetError(error, p.error());
      return std::nullopt;
    }
    auto [it, inserted] = index.emplace(key, dict.members.size());
    if (inserted) {
      dict.members.emplace_back(std::move(key), std::move(m));
    } else {
      dict.members[it->second].second = std::move(m);
      dict.duplicate_keys.push_back(std::move(key));
    }
  }
  return dict;
}

std::string JoinFieldLines(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += ", ";
    out += lines[i];
  }
  return out;
}

}  // namespace portal_check::sf
