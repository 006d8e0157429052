#include "report/pretty_json_writer.h"

#include <charconv>

#include "util/json_scan.h"

namespace portal_check {
namespace {

constexpr std::size_t kIndentWidth = picojson::INDENT_WIDTH;

}  // namespace

void PrettyJsonWriter::Emit(std::string_view s) {
  size_ += s.size();
  if (!out_) return;
  if (size_ > limit_) return StopWriting();
  if (out_->size() + s.size() > piece_bytes_) {
    EndPieces();
    if (s.size() > piece_bytes_) return (*sink_)(s);
  }
  out_->append(s.data(), s.size());
}

void PrettyJsonWriter::EndPieces() {
  if (!sink_ || out_->empty()) return;
  (*sink_)(*out_);
  out_->clear();
}

void PrettyJsonWriter::Flush() {
  const std::string_view pending(buffer_, static_cast<std::size_t>(next_ - buffer_));
  next_ = buffer_;
  if (!pending.empty()) Emit(pending);
}

void PrettyJsonWriter::PutLong(std::string_view s) {
  Flush();
  if (s.size() >= kBufferBytes) return Emit(s);
  std::memcpy(next_, s.data(), s.size());
  next_ += s.size();
}

void PrettyJsonWriter::PutQuoted(std::string_view s) {
  // json::AppendQuoted's bytes. A short string (most of a report: keys, ids, URLs) straight into
  // the buffer, after making room for its longest form (every byte a \u00XX escape); a longer one
  // a run of plain bytes at a time.
  if (s.size() <= kShortString) {
    if (static_cast<std::size_t>(buffer_ + kBufferBytes - next_) < json::QuotedBytesAtMost(s.size())) Flush();
    next_ = json::WriteQuoted(next_, s);
    return;
  }
  Put('"');
  char buffer[6];
  for (std::size_t run = 0;;) {
    const std::size_t at = json::NextEscaped(s, run);
    Put(s.substr(run, at - run));
    if (at == s.size()) break;
    Put(json::EscapeOf(s[at], buffer));
    run = at + 1;
  }
  Put('"');
}

void PrettyJsonWriter::StopWriting() {
  std::string().swap(*out_);  // (assigning an empty string would keep the allocation)
  out_ = nullptr;
}

void PrettyJsonWriter::Newline(std::size_t depth) {
  static constexpr std::string_view kSpaces = "                                                                ";
  if (const std::size_t n = depth * kIndentWidth; n <= 16) {
    // Most lines: '\n' and 16 spaces written as three fixed-size copies, n of the spaces kept.
    static constexpr char kLine[17] = {'\n', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                       ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    if (static_cast<std::size_t>(buffer_ + kBufferBytes - next_) < sizeof(kLine)) Flush();
    std::memcpy(next_, kLine, sizeof(kLine));
    next_ += 1 + n;
    return;
  }
  if (const std::size_t n = depth * kIndentWidth; n <= kSpaces.size()) {
    // All of kSpaces is copied (a copy of fixed size, no call) and only n of them kept.
    if (static_cast<std::size_t>(buffer_ + kBufferBytes - next_) < 1 + kSpaces.size()) Flush();
    *next_ = '\n';
    std::memcpy(next_ + 1, kSpaces.data(), kSpaces.size());
    next_ += 1 + n;
    return;
  }
  Put('\n');
  for (std::size_t n = depth * kIndentWidth; n > 0;) {
    const std::size_t k = n < kSpaces.size() ? n : kSpaces.size();
    Put(kSpaces.substr(0, k));
    n -= k;
  }
}

void PrettyJsonWriter::BeforeItem() {
  Level& top = levels_.back();
  if (top.items++ > 0) Put(',');
  Newline(levels_.size());
}

void PrettyJsonWriter::BeforeValue() {
  // In an object the key already placed the value; at the top level nothing precedes it.
  if (!levels_.empty() && !levels_.back().object) BeforeItem();
}

void PrettyJsonWriter::BeginObject() {
  BeforeValue();
  Put('{');
  levels_.push_back(Level{true, 0});
}

void PrettyJsonWriter::BeginArray() {
  BeforeValue();
  Put('[');
  levels_.push_back(Level{false, 0});
}

void PrettyJsonWriter::EndObject() {
  const std::size_t items = levels_.back().items;
  levels_.pop_back();
  if (items > 0) Newline(levels_.size());
  Put('}');
}

void PrettyJsonWriter::EndArray() {
  const std::size_t items = levels_.back().items;
  levels_.pop_back();
  if (items > 0) Newline(levels_.size());
  Put(']');
}

void PrettyJsonWriter::Key(std::string_view key) {
  BeforeItem();
  PutQuoted(key);
  Put(": ");
}

void PrettyJsonWriter::String(std::string_view s) {
  BeforeValue();
  PutQuoted(s);
}

void PrettyJsonWriter::Int(std::int64_t n) {
  BeforeValue();
  char digits[24];  // as picojson prints an int64 ("%" PRId64)
  Put(std::string_view(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof(digits), n).ptr - digits)));
}

void PrettyJsonWriter::Bool(bool b) {
  BeforeValue();
  Put(b ? "true" : "false");
}

void PrettyJsonWriter::Null() {
  BeforeValue();
  Put("null");
}

void PrettyJsonWriter::Value(const json::Value& v) { CompactValue(json::Serialize(v, /*pretty=*/false)); }

void PrettyJsonWriter::CompactValue(std::string_view text) {
  BeforeValue();
  // Copies runs of plain bytes; acts only on structure outside strings. Compact text has no
  // white space outside strings, and inside strings every quote is escaped as \" and every
  // control character (so every newline) as an escape.
  std::size_t depth = levels_.size();
  std::size_t run = 0;  // start of the pending run
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else {
        // Plain string content a word at a time, up to the next quote, backslash (or control
        // byte, which compact text never holds raw): the loop then looks at that byte.
        i += json::PlainStringPrefix(text.substr(i + 1));
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[': {
        const char close = c == '{' ? '}' : ']';
        if (i + 1 < text.size() && text[i + 1] == close) {
          ++i;  // "{}" / "[]" stay as they are
          break;
        }
        Put(text.substr(run, i + 1 - run));
        Newline(++depth);
        run = i + 1;
        break;
      }
      case '}':
      case ']':
        Put(text.substr(run, i - run));
        Newline(--depth);
        run = i;
        break;
      case ',':
        Put(text.substr(run, i + 1 - run));
        Newline(depth);
        run = i + 1;
        break;
      case ':':
        Put(text.substr(run, i + 1 - run));
        Put(' ');
        run = i + 1;
        break;
      default:
        break;
    }
  }
  Put(text.substr(run));
}

}  // namespace portal_check
