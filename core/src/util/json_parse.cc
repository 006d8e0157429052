// json::ParseBounded (util/json_scan.h) and json::ParseFlat (util/json_flat.h): the project's one
// JSON parser, with two builders. Linear and non-recursive (an explicit stack of open containers),
// string contents taken a run at a time (PlainStringPrefix) with escapes decoded once. It builds
// the values picojson's own parser built before it (same types, the same int64/double choice for
// numbers, the same bytes in strings), and reports every error as a Status naming the byte
// offset; nothing here throws.
#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "util/json_flat.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace portal_check::json {
namespace {

constexpr std::size_t kMaxNameInMessage = 64;  // bytes of a member name quoted in an error
// An escaped string that outgrows this many decoded bytes takes room for the rest of the input at
// once (decoded bytes never outnumber raw ones), instead of doubling its buffer up to the size of a
// large body, copying it each time; when it ends with more than its own size plus this unused, the
// buffer is cut to its size (one copy: a string with much of the input after it).
constexpr std::size_t kReserveRestPast = 16 * 1024;

// A string's contents as the parser read them: a view of the text when they hold no escape, else
// decoded into `decoded`.
struct StringToken {
  std::string_view plain;
  std::string decoded;
  bool escaped = false;
};

// The grammar, the limits and every error message; what is built is the Builder's (ValueBuilder:
// picojson values, FlatBuilder: a FlatDocument). A Builder has
//   void Open(bool is_object) / void Close()     the value read is a container / it ends
//   void Item()                                   the next value is an item of the open array
//   Status Member(StringToken& name, std::size_t name_at)
//                                                 the next value is this member of the open
//                                                 object; a name it already has is an error
//   void Null() / Bool(bool) / Int(std::int64_t) / Double(double) / String(StringToken&)
template <class Builder>
class Parser {
 public:
  Parser(std::string_view text, std::size_t max_depth, Builder& builder)
      : p_(text.data()), n_(text.size()), max_depth_(max_depth), builder_(builder) {}

  Status Run() {
    for (;;) {
      // A value; a container opens a level and goes on with its first member/item.
      SkipSpace();
      if (pos_ >= n_) return EndOfInput();
      const char c = p_[pos_];
      if (c == '{' || c == '[') {
        if (stack_.size() >= max_depth_)
          return Status::Exhausted("JSON nested deeper than " + std::to_string(max_depth_) +
                                   " levels (limit kMaxJsonDepth) at byte " + std::to_string(pos_));
        ++pos_;
        const bool is_object = c == '{';
        builder_.Open(is_object);
        stack_.push_back(is_object);
        SkipSpace();
        if (pos_ < n_ && p_[pos_] == (is_object ? '}' : ']')) {
          ++pos_;
          stack_.pop_back();
          builder_.Close();
        } else {
          if (Status s = NextSlot(); !s.ok()) return s;
          continue;
        }
      } else if (Status s = Scalar(); !s.ok()) {
        return s;
      }
      // The value is complete: close levels until a separator asks for the next one.
      for (;;) {
        SkipSpace();
        if (stack_.empty()) return pos_ == n_ ? Status::Ok() : Error("unexpected data after the JSON value", pos_);
        if (pos_ >= n_) return EndOfInput();
        const bool is_object = stack_.back();
        const char d = p_[pos_];
        if (d == ',') {
          ++pos_;
          if (Status s = NextSlot(); !s.ok()) return s;
          break;
        }
        if (d != (is_object ? '}' : ']')) return Error(is_object ? "expected ',' or '}'" : "expected ',' or ']'", pos_);
        ++pos_;
        stack_.pop_back();
        builder_.Close();
      }
    }
  }

 private:
  static Status Error(const char* what, std::size_t at) {
    return Status::Invalid(std::string(what) + " at byte " + std::to_string(at));
  }
  Status EndOfInput() const { return Error("unexpected end of JSON (truncated input?)", pos_); }

  void SkipSpace() {
    while (pos_ < n_ && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) ++pos_;
  }

  // The next item of the innermost level: a new array element, or (after its name and ':') a new
  // object member. A name the object already has is an error (the builder's).
  Status NextSlot() {
    if (!stack_.back()) {
      builder_.Item();
      return Status::Ok();
    }
    SkipSpace();
    if (pos_ >= n_) return EndOfInput();
    if (p_[pos_] != '"') return Error("expected a member name", pos_);
    const std::size_t name_at = pos_++;
    if (Status s = String(name_, name_at); !s.ok()) return s;
    SkipSpace();
    if (pos_ >= n_) return EndOfInput();
    if (p_[pos_] != ':') return Error("expected ':'", pos_);
    ++pos_;
    return builder_.Member(name_, name_at);
  }

  Status Scalar() {
    const std::size_t at = pos_;
    const char c = p_[pos_];
    if (c == '"') {
      ++pos_;
      if (Status s = String(string_, at); !s.ok()) return s;
      builder_.String(string_);
      return Status::Ok();
    }
    if (c == 't' || c == 'f' || c == 'n') {
      if (!Literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return Error("invalid JSON token", at);
      if (c == 'n') builder_.Null();
      else builder_.Bool(c == 't');
      return Status::Ok();
    }
    if ((c >= '0' && c <= '9') || c == '-') return Number();
    return Error("invalid JSON token", at);
  }

  bool Literal(std::string_view word) {
    if (std::string_view(p_ + pos_, n_ - pos_).substr(0, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // picojson's number rule: the run of [0-9+-eE.] ('.' as the locale's decimal point), read as an
  // int64 when strtoimax takes all of it, else as a double when strtod takes all of it and the
  // result is finite.
  Status Number() {
    const std::size_t at = pos_;
    if (std::int64_t small; ShortInteger(small)) {
      builder_.Int(small);
      return Status::Ok();
    }
    std::string num;
    for (; pos_ < n_; ++pos_) {
      const char ch = p_[pos_];
      if ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == 'e' || ch == 'E') {
        num.push_back(ch);
      } else if (ch == '.') {
        num += std::localeconv()->decimal_point;
      } else {
        break;
      }
    }
    const char* end = num.c_str() + num.size();
    char* endp = nullptr;
    errno = 0;
    const std::intmax_t ival = std::strtoimax(num.c_str(), &endp, 10);
    if (errno == 0 && endp == end) {
      builder_.Int(static_cast<std::int64_t>(ival));
      return Status::Ok();
    }
    const double f = std::strtod(num.c_str(), &endp);
    if (endp != end) return Error("invalid JSON number", at);
    if (!std::isfinite(f)) return Error("JSON number out of range", at);
    builder_.Double(f);
    return Status::Ok();
  }

  // A number that is an optional '-' and 1 to 18 digits, nothing of the number's run after them:
  // its value (what strtoimax gives for it) into `value`, pos_ past it. Else false, pos_ unmoved.
  bool ShortInteger(std::int64_t& value) {
    std::size_t i = pos_;
    const bool negative = p_[i] == '-';
    if (negative) ++i;
    const std::size_t digits_from = i;
    std::int64_t v = 0;  // at most 18 digits: below 10^18, no overflow
    for (; i < n_ && i - digits_from < 18 && p_[i] >= '0' && p_[i] <= '9'; ++i) v = v * 10 + (p_[i] - '0');
    if (i == digits_from) return false;
    if (i < n_) {  // a 19th digit, or more of the number's run: not a short integer
      const char ch = p_[i];
      if ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == 'e' || ch == 'E' || ch == '.') return false;
    }
    value = negative ? -v : v;
    pos_ = i;
    return true;
  }

  // The rest of a string after its opening quote (at byte `start`): a view of the text when it
  // holds no escape, else unescaped into out.decoded.
  Status String(StringToken& token, std::size_t start) {
    const std::size_t first = pos_;
    std::size_t run = PlainStringPrefix(std::string_view(p_ + pos_, n_ - pos_));
    pos_ += run;
    if (pos_ < n_ && p_[pos_] == '"') {
      token.plain = std::string_view(p_ + first, run);
      token.escaped = false;
      ++pos_;
      return Status::Ok();
    }
    token.escaped = true;
    std::string& out = token.decoded;
    out.assign(p_ + first, run);
    bool reserved = false;  // room for the whole string taken (kReserveRestPast)
    for (;;) {
      if (pos_ >= n_) return Error("unterminated JSON string (truncated input?) starting", start);
      const char c = p_[pos_];
      if (c == '"') {
        ++pos_;
        if (reserved && out.capacity() - out.size() > out.size() + kReserveRestPast) out.shrink_to_fit();
        return Status::Ok();
      }
      if (c != '\\') return Error("control character inside a JSON string", pos_);  // the only other stop
      if (!reserved && out.size() > kReserveRestPast) {
        out.reserve(out.size() + (n_ - pos_));  // no growth after this: the rest decodes into it
        reserved = true;
      }
      const std::size_t escape_at = pos_;
      if (pos_ + 1 >= n_) return Error("unterminated JSON string (truncated input?) starting", start);
      pos_ += 2;
      switch (p_[pos_ - 1]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u':
          if (!CodePoint(out)) return Error("invalid \\u escape in a JSON string", escape_at);
          break;
        default:
          return Error("invalid escape in a JSON string", escape_at);
      }
      run = PlainStringPrefix(std::string_view(p_ + pos_, n_ - pos_));
      out.append(p_ + pos_, run);
      pos_ += run;
    }
  }

  // Four hex digits at pos_ (not consumed), or -1.
  int QuadHex() const {
    if (n_ - pos_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = p_[pos_ + i];
      int d;
      if (h >= '0' && h <= '9') d = h - '0';
      else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
      else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
      else return -1;
      v = v * 16 + d;
    }
    return v;
  }

  // The XXXX of \uXXXX (and a following \uXXXX low surrogate for a high one), appended as UTF-8.
  // A lone surrogate becomes U+FFFD, as JSON.parse followed by UTF-8 encoding gives; the escape
  // after a lone high surrogate is read on its own. False when XXXX is not four hex digits.
  bool CodePoint(std::string& out) {
    int cp = QuadHex();
    if (cp < 0) return false;
    pos_ += 4;
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      int low = -1;
      if (cp < 0xDC00 && n_ - pos_ >= 6 && p_[pos_] == '\\' && p_[pos_ + 1] == 'u') {
        pos_ += 2;
        low = QuadHex();
        pos_ -= 2;
      }
      if (low >= 0xDC00 && low <= 0xDFFF) {
        pos_ += 6;
        cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
      } else {
        cp = 0xFFFD;
      }
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      return true;
    }
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    } else {
      if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      }
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    return true;
  }

  const char* p_;
  std::size_t n_;
  std::size_t pos_ = 0;
  std::size_t max_depth_;
  Builder& builder_;
  std::vector<bool> stack_;  // the open containers, innermost last: true for an object
  StringToken name_, string_;  // reused: a decoded string keeps its buffer for the next one
};

// Builds picojson values (ParseBounded).
class ValueBuilder {
 public:
  explicit ValueBuilder(Value& root) : slot_(&root) {}
  void Open(bool is_object) {
    *slot_ = is_object ? Value(picojson::object_type, false) : Value(picojson::array_type, false);
    open_.push_back(slot_);
  }
  void Close() { open_.pop_back(); }
  void Item() {
    Array& a = open_.back()->get<Array>();
    a.push_back(Value());
    slot_ = &a.back();
  }
  Status Member(StringToken& name, std::size_t name_at) {
    auto [it, inserted] = open_.back()->get<Object>().emplace(Take(name), Value());
    if (!inserted) return Status::Invalid(DuplicateMemberMessage(it->first, name_at));
    slot_ = &it->second;
    return Status::Ok();
  }
  void Null() { *slot_ = Value(); }
  void Bool(bool b) { *slot_ = Value(b); }
  void Int(std::int64_t n) { *slot_ = Value(n); }
  void Double(double d) { *slot_ = Value(d); }
  void String(StringToken& s) { *slot_ = Value(Take(s)); }

 private:
  static std::string Take(StringToken& s) { return s.escaped ? std::move(s.decoded) : std::string(s.plain); }

  Value* slot_;               // where the next value goes
  std::vector<Value*> open_;  // the open containers, innermost last
};

}  // namespace

// Builds a FlatDocument (ParseFlat). A member name is checked against the names its object
// already has: one by one up to kLinearNames names, through a hash set past them (a hostile
// object of many members stays linear).
class FlatBuilder {
 public:
  // `text_bytes`: the size of the text, for a first guess of the node count.
  FlatBuilder(FlatDocument& doc, std::size_t text_bytes) : doc_(doc) {
    doc_.nodes_.reserve(std::min<std::size_t>(text_bytes / 16, kMaxReservedNodes) + 8);
    open_.reserve(16);
    names_.reserve(64);
  }
  void Open(bool is_object) {
    const Index i = Push(is_object ? Kind::kObject : Kind::kArray);
    open_.push_back(Level{i, names_.size(), nullptr});
  }
  void Close() {
    doc_.nodes_[open_.back().node].end = static_cast<Index>(doc_.nodes_.size());
    names_.resize(open_.back().names_from);
    open_.pop_back();
  }
  void Item() {}
  Status Member(StringToken& name, std::size_t name_at) {
    const std::string_view kept = Keep(name, nullptr);
    Level& level = open_.back();
    const std::size_t count = names_.size() - level.names_from;
    bool duplicate;
    if (level.many) {
      duplicate = !level.many->insert(kept).second;
    } else {
      duplicate = std::find(names_.begin() + static_cast<std::ptrdiff_t>(level.names_from), names_.end(), kept) != names_.end();
      if (!duplicate && count + 1 > kLinearNames) {
        level.many = std::make_unique<std::unordered_set<std::string_view>>(
            names_.begin() + static_cast<std::ptrdiff_t>(level.names_from), names_.end());
        level.many->insert(kept);
      }
    }
    if (duplicate) return Status::Invalid(DuplicateMemberMessage(kept, name_at));
    if (!level.many) names_.push_back(kept);
    name_ = kept;
    return Status::Ok();
  }
  void Null() { Push(Kind::kNull); }
  void Bool(bool b) { doc_.nodes_[Push(Kind::kBool)].boolean = b; }
  void Int(std::int64_t n) { doc_.nodes_[Push(Kind::kInt)].integer = n; }
  void Double(double d) { doc_.nodes_[Push(Kind::kDouble)].number = d; }
  void String(StringToken& s) {
    Index owned = FlatDocument::kNone;
    const std::string_view text = Keep(s, &owned);
    FlatDocument::Node& node = doc_.nodes_[Push(Kind::kString)];
    node.text = text;
    node.owned = owned;
  }

 private:
  using Index = FlatDocument::Index;
  using Kind = FlatDocument::Kind;
  static constexpr std::size_t kLinearNames = 16;
  static constexpr std::size_t kMaxReservedNodes = 1024;  // a large body is one node
  struct Level {
    Index node;
    std::size_t names_from;  // its names in names_ (while it has at most kLinearNames)
    std::unique_ptr<std::unordered_set<std::string_view>> many;
  };

  // A node for the value being read, named by the pending member name.
  Index Push(Kind kind) {
    const auto i = static_cast<Index>(doc_.nodes_.size());
    FlatDocument::Node& node = doc_.nodes_.emplace_back();
    node.kind = kind;
    node.end = i + 1;
    node.name = name_;
    name_ = {};
    return i;
  }
  // The token's contents for as long as the document lives: the view of the text, or a copy of
  // the decoded string in the document (its index in *owned).
  std::string_view Keep(StringToken& s, Index* owned) {
    if (!s.escaped) return s.plain;
    if (owned) *owned = static_cast<Index>(doc_.owned_.size());
    return doc_.owned_.emplace_back(std::move(s.decoded));
  }

  FlatDocument& doc_;
  std::vector<Level> open_;
  std::vector<std::string_view> names_;
  std::string_view name_;
};

std::string DuplicateMemberMessage(std::string_view name, std::size_t at) {
  return "duplicate member '" + text::SafeUtf8(name, kMaxNameInMessage) + "' at byte " + std::to_string(at);
}

Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out) {
  Value parsed;
  ValueBuilder builder(parsed);
  if (Status s = Parser<ValueBuilder>(text, max_depth, builder).Run(); !s.ok()) return s;
  out.swap(parsed);
  return Status::Ok();
}

Status ParseFlat(std::string_view text, std::size_t max_depth, FlatDocument& out) {
  out = FlatDocument();
  FlatBuilder builder(out, text.size());
  Status s = Parser<FlatBuilder>(text, max_depth, builder).Run();
  if (!s.ok()) out = FlatDocument();
  return s;
}

}  // namespace portal_check::json
