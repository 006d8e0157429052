#include "util/json_fast_parse.h"

#include <cerrno>
#include <cinttypes>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "util/json_scan.h"

namespace portal_check::json {
namespace {

// picojson's default_parse_context refuses arrays nested deeper than this (DEFAULT_MAX_DEPTHS).
constexpr std::size_t kPicojsonMaxDepth = 100;

class Parser {
 public:
  Parser(std::string_view text, std::size_t max_depth) : p_(text.data()), n_(text.size()), max_depth_(max_depth) {}

  bool Run(Value& out) {
    Value* slot = &out;  // where the next value goes
    for (;;) {
      // A value into *slot; a container opens a level and sets slot to its first member/item.
      SkipSpace();
      if (pos_ >= n_) return false;
      const char c = p_[pos_];
      if (c == '{' || c == '[') {
        if (stack_.size() >= max_depth_) return false;
        ++pos_;
        const bool is_object = c == '{';
        *slot = is_object ? Value(picojson::object_type, false) : Value(picojson::array_type, false);
        stack_.push_back(Level{slot, is_object});
        SkipSpace();
        if (pos_ < n_ && p_[pos_] == (is_object ? '}' : ']')) {
          ++pos_;
          stack_.pop_back();
        } else {
          if (!NextSlot(slot)) return false;
          continue;
        }
      } else if (!Scalar(*slot)) {
        return false;
      }
      // The value is complete: close levels until a separator asks for the next one.
      for (;;) {
        SkipSpace();
        if (stack_.empty()) return pos_ == n_;
        if (pos_ >= n_) return false;
        const char d = p_[pos_++];
        if (d == ',') {
          if (!NextSlot(slot)) return false;
          break;
        }
        if (d != (stack_.back().is_object ? '}' : ']')) return false;
        stack_.pop_back();
      }
    }
  }

 private:
  struct Level {
    Value* value;
    bool is_object;
  };

  void SkipSpace() {
    while (pos_ < n_ && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) ++pos_;
  }

  // The slot of the next item of the innermost level: a new array element, or (after its name
  // and ':') the object member, replacing an earlier member of the same name as picojson does.
  bool NextSlot(Value*& slot) {
    Value* container = stack_.back().value;
    if (!stack_.back().is_object) {
      Array& a = container->get<Array>();
      a.push_back(Value());
      slot = &a.back();
      return true;
    }
    SkipSpace();
    if (pos_ >= n_ || p_[pos_] != '"') return false;
    ++pos_;
    std::string key;
    if (!String(key)) return false;
    SkipSpace();
    if (pos_ >= n_ || p_[pos_] != ':') return false;
    ++pos_;
    slot = &container->get<Object>()[key];
    return true;
  }

  bool Scalar(Value& slot) {
    const char c = p_[pos_];
    if (c == '"') {
      ++pos_;
      slot = Value(picojson::string_type, false);
      return String(slot.get<std::string>());
    }
    if (c == 't' || c == 'f' || c == 'n') {
      if (!Literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return false;
      slot = c == 'n' ? Value() : Value(c == 't');
      return true;
    }
    if ((c >= '0' && c <= '9') || c == '-') return Number(slot);
    return false;
  }

  bool Literal(std::string_view word) {
    if (std::string_view(p_ + pos_, n_ - pos_).substr(0, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // picojson's number rule, verbatim: the run of [0-9+-eE.] ('.' as the locale's decimal point),
  // read as an int64 when strtoimax takes all of it, else as a double when strtod does.
  bool Number(Value& slot) {
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
      return true;
    }
    const double f = std::strtod(num.c_str(), &endp);
    if (endp != end || !std::isfinite(f)) return false;  // picojson throws on a non-finite number
    slot = Value(f);
    return true;
  }

  // The rest of a string after its opening quote, unescaped into `out`, as picojson decodes it.
  bool String(std::string& out) {
    for (;;) {
      const std::size_t run = PlainStringPrefix(std::string_view(p_ + pos_, n_ - pos_));
      out.append(p_ + pos_, run);
      pos_ += run;
      if (pos_ >= n_) return false;
      const char c = p_[pos_++];
      if (c == '"') return true;
      if (c != '\\' || pos_ >= n_) return false;  // a control byte, or a truncated escape
      switch (p_[pos_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u':
          if (!CodePoint(out)) return false;
          break;
        default:
          return false;
      }
    }
  }

  int QuadHex() {
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
    pos_ += 4;
    return v;
  }

  // \uXXXX (and a following low surrogate for a high one), appended as UTF-8 like picojson.
  bool CodePoint(std::string& out) {
    int cp = QuadHex();
    if (cp < 0) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      if (cp >= 0xDC00) return false;
      if (n_ - pos_ < 2 || p_[pos_] != '\\' || p_[pos_ + 1] != 'u') return false;
      pos_ += 2;
      const int second = QuadHex();
      if (second < 0xDC00 || second > 0xDFFF) return false;
      cp = (((cp - 0xD800) << 10) | ((second - 0xDC00) & 0x3FF)) + 0x10000;
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

bool FastParse(std::string_view text, std::size_t max_depth, Value& out) {
  if (max_depth > kPicojsonMaxDepth) return false;
  return Parser(text, max_depth).Run(out);
}

}  // namespace portal_check::json
