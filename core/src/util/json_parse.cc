// json::ParseBounded (util/json_scan.h): the project's one JSON parser. Linear and
// non-recursive (an explicit stack of open containers), string contents taken a run at a time
// (PlainStringPrefix) with escapes decoded once. It builds the values picojson's own parser built
// before it (same types, the same int64/double choice for numbers, the same bytes in strings),
// and reports every error as a Status naming the byte offset; nothing here throws.
#include <cerrno>
#include <cinttypes>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "util/json_scan.h"
#include "util/text.h"

namespace portal_check::json {
namespace {

constexpr std::size_t kMaxNameInMessage = 64;  // bytes of a member name quoted in an error

class Parser {
 public:
  Parser(std::string_view text, std::size_t max_depth) : p_(text.data()), n_(text.size()), max_depth_(max_depth) {}

  Status Run(Value& out) {
    Value* slot = &out;  // where the next value goes
    for (;;) {
      // A value into *slot; a container opens a level and sets slot to its first member/item.
      SkipSpace();
      if (pos_ >= n_) return EndOfInput();
      const char c = p_[pos_];
      if (c == '{' || c == '[') {
        if (stack_.size() >= max_depth_)
          return Status::Exhausted("JSON nested deeper than " + std::to_string(max_depth_) +
                                   " levels (limit kMaxJsonDepth) at byte " + std::to_string(pos_));
        ++pos_;
        const bool is_object = c == '{';
        *slot = is_object ? Value(picojson::object_type, false) : Value(picojson::array_type, false);
        stack_.push_back(Level{slot, is_object});
        SkipSpace();
        if (pos_ < n_ && p_[pos_] == (is_object ? '}' : ']')) {
          ++pos_;
          stack_.pop_back();
        } else {
          if (Status s = NextSlot(slot); !s.ok()) return s;
          continue;
        }
      } else if (Status s = Scalar(*slot); !s.ok()) {
        return s;
      }
      // The value is complete: close levels until a separator asks for the next one.
      for (;;) {
        SkipSpace();
        if (stack_.empty()) return pos_ == n_ ? Status::Ok() : Error("unexpected data after the JSON value", pos_);
        if (pos_ >= n_) return EndOfInput();
        const bool is_object = stack_.back().is_object;
        const char d = p_[pos_];
        if (d == ',') {
          ++pos_;
          if (Status s = NextSlot(slot); !s.ok()) return s;
          break;
        }
        if (d != (is_object ? '}' : ']')) return Error(is_object ? "expected ',' or '}'" : "expected ',' or ']'", pos_);
        ++pos_;
        stack_.pop_back();
      }
    }
  }

 private:
  struct Level {
    Value* value;
    bool is_object;
  };

  static Status Error(const char* what, std::size_t at) {
    return Status::Invalid(std::string(what) + " at byte " + std::to_string(at));
  }
  Status EndOfInput() const { return Error("unexpected end of JSON (truncated input?)", pos_); }

  void SkipSpace() {
    while (pos_ < n_ && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) ++pos_;
  }

  // The slot of the next item of the innermost level: a new array element, or (after its name
  // and ':') a new object member. A name the object already has is an error.
  Status NextSlot(Value*& slot) {
    Value* container = stack_.back().value;
    if (!stack_.back().is_object) {
      Array& a = container->get<Array>();
      a.push_back(Value());
      slot = &a.back();
      return Status::Ok();
    }
    SkipSpace();
    if (pos_ >= n_) return EndOfInput();
    if (p_[pos_] != '"') return Error("expected a member name", pos_);
    const std::size_t name_at = pos_++;
    std::string name;
    if (Status s = String(name, name_at); !s.ok()) return s;
    SkipSpace();
    if (pos_ >= n_) return EndOfInput();
    if (p_[pos_] != ':') return Error("expected ':'", pos_);
    ++pos_;
    auto [it, inserted] = container->get<Object>().emplace(std::move(name), Value());
    if (!inserted) return Status::Invalid(DuplicateMemberMessage(it->first, name_at));
    slot = &it->second;
    return Status::Ok();
  }

  Status Scalar(Value& slot) {
    const std::size_t at = pos_;
    const char c = p_[pos_];
    if (c == '"') {
      ++pos_;
      slot = Value(picojson::string_type, false);
      return String(slot.get<std::string>(), at);
    }
    if (c == 't' || c == 'f' || c == 'n') {
      if (!Literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return Error("invalid JSON token", at);
      slot = c == 'n' ? Value() : Value(c == 't');
      return Status::Ok();
    }
    if ((c >= '0' && c <= '9') || c == '-') return Number(slot);
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
  Status Number(Value& slot) {
    const std::size_t at = pos_;
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
      slot = Value(static_cast<std::int64_t>(ival));
      return Status::Ok();
    }
    const double f = std::strtod(num.c_str(), &endp);
    if (endp != end) return Error("invalid JSON number", at);
    if (!std::isfinite(f)) return Error("JSON number out of range", at);
    slot = Value(f);
    return Status::Ok();
  }

  // The rest of a string after its opening quote (at byte `start`), unescaped into `out`.
  Status String(std::string& out, std::size_t start) {
    for (;;) {
      const std::size_t run = PlainStringPrefix(std::string_view(p_ + pos_, n_ - pos_));
      out.append(p_ + pos_, run);
      pos_ += run;
      if (pos_ >= n_) return Error("unterminated JSON string (truncated input?) starting", start);
      const char c = p_[pos_];
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (c != '\\') return Error("control character inside a JSON string", pos_);  // the only other stop
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
  std::vector<Level> stack_;
};

}  // namespace

std::string DuplicateMemberMessage(std::string_view name, std::size_t at) {
  return "duplicate member '" + text::SafeUtf8(name, kMaxNameInMessage) + "' at byte " + std::to_string(at);
}

Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out) {
  Value parsed;
  if (Status s = Parser(text, max_depth).Run(parsed); !s.ok()) return s;
  out.swap(parsed);
  return Status::Ok();
}

}  // namespace portal_check::json
