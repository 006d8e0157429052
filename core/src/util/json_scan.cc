#include "util/json_scan.h"

#include <exception>
#include <string>
#include <vector>

#include "util/json_fast_parse.h"

namespace portal_check::json {
namespace {

Status ErrorAt(std::size_t pos, const char* what) {
  return Status::Invalid(std::string(what) + " at byte " + std::to_string(pos));
}

bool IsLiteralChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'E';
}

// Skips a string starting at the opening quote.
Status SkipString(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  ++pos;
  while (pos < text.size()) {
    pos += PlainStringPrefix(text.substr(pos));
    if (pos >= text.size()) break;
    const char c = text[pos];
    if (c == '"') {
      ++pos;
      return Status::Ok();
    }
    if (c == '\\') {
      if (pos + 1 >= text.size()) break;
      pos += 2;
      continue;
    }
    return ErrorAt(pos, "control character inside a JSON string");  // the only other stop
  }
  return ErrorAt(start, "unterminated JSON string (truncated input?) starting");
}

}  // namespace

void SkipSpace(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) ++pos;
}

Status SkipValue(std::string_view text, std::size_t& pos, std::size_t max_depth) {
  std::vector<char> open;  // expected closing brackets
  SkipSpace(text, pos);
  do {
    SkipSpace(text, pos);
    if (pos >= text.size()) return ErrorAt(pos, "unexpected end of JSON (truncated input?)");
    const char c = text[pos];
    if (c == '{' || c == '[') {
      if (open.size() >= max_depth)
        return Status::Exhausted("JSON nested deeper than " + std::to_string(max_depth) +
                                 " levels (limit kMaxJsonDepth) at byte " + std::to_string(pos));
      open.push_back(c == '{' ? '}' : ']');
      ++pos;
    } else if (c == '}' || c == ']') {
      if (open.empty() || open.back() != c) return ErrorAt(pos, "unbalanced bracket");
      open.pop_back();
      ++pos;
    } else if (c == '"') {
      if (Status s = SkipString(text, pos); !s.ok()) return s;
    } else if (c == ',' || c == ':') {
      if (open.empty()) return ErrorAt(pos, "unexpected separator");
      ++pos;
    } else if (IsLiteralChar(c)) {
      const std::size_t start = pos;
      while (pos < text.size() && IsLiteralChar(text[pos])) ++pos;
      if (pos == start) return ErrorAt(pos, "invalid JSON token");
    } else {
      return ErrorAt(pos, "invalid JSON token");
    }
  } while (!open.empty());
  return Status::Ok();
}

Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out) {
  // The fast path succeeds exactly when the checked picojson path below would, with the same value.
  if (Value parsed; FastParse(text, max_depth, parsed)) {
    out.swap(parsed);
    return Status::Ok();
  }
  std::size_t pos = 0;
  if (Status s = SkipValue(text, pos, max_depth); !s.ok()) return s;
  SkipSpace(text, pos);
  if (pos != text.size()) return ErrorAt(pos, "unexpected data after the JSON value");
  std::string err;
  try {
    picojson::parse(out, text.begin(), text.end(), &err);
  } catch (const std::exception&) {  // picojson throws on a number out of double's range (1e400)
    out = Value();
    return Status::Invalid("malformed JSON: a number is out of range");
  }
  if (!err.empty()) return Status::Invalid("malformed JSON: " + err.substr(0, 200));
  return Status::Ok();
}

}  // namespace portal_check::json
