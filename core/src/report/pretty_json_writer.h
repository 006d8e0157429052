// Writes JSON text piece by piece, byte-identical to json::Serialize(value, /*pretty=*/true) of the
// same value, without building the value: the report and SARIF are streamed from the results
// this way instead of through a DOM copy of every result (which would cost far more memory than the
// text).
//
// Contract: the caller writes one top-level value, writes each object's keys in ascending byte
// order (picojson's object is a std::map, so Serialize sorts them) and never repeats a key; the
// writer does not check either. Formatting is picojson's: two-space indentation, "key": value,
// "{}" / "[]" for empty containers, a newline after the top-level value (written by Finish).
#ifndef PORTAL_CHECK_REPORT_PRETTY_JSON_WRITER_H_
#define PORTAL_CHECK_REPORT_PRETTY_JSON_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/json.h"

namespace portal_check {

class PrettyJsonWriter {
 public:
  // Appends to *out; out == nullptr only counts the bytes that would be written (see size()).
  // When *out would grow past `limit` bytes, it is emptied (memory released) and the writer goes
  // on counting only: complete() then says false. The bytes are gathered in a small buffer of the
  // writer's own and reach *out in pieces: all of them by Finish() (or the destructor).
  explicit PrettyJsonWriter(std::string* out, std::size_t limit = static_cast<std::size_t>(-1))
      : out_(out), limit_(limit) {}
  // Hands the text to `sink` in pieces instead (see WriteInPieces): *buffer gathers a piece and is
  // emptied into sink(piece) before it would grow past piece_bytes (a single longer write is a
  // piece of its own), and by EndPieces() (after Finish()). Pieces end only between two writes, so
  // never inside a UTF-8 character.
  PrettyJsonWriter(std::string* buffer, std::size_t piece_bytes, const std::function<void(std::string_view)>* sink)
      : out_(buffer), limit_(static_cast<std::size_t>(-1)), sink_(sink), piece_bytes_(piece_bytes) {}
  ~PrettyJsonWriter() { Flush(); }
  PrettyJsonWriter(const PrettyJsonWriter&) = delete;
  PrettyJsonWriter& operator=(const PrettyJsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The next member's key (escaped as picojson escapes strings). REQUIRES: inside an object.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(std::int64_t n);
  void Bool(bool b);
  void Null();
  // Any value (serialized compactly, then indented in place).
  void Value(const json::Value& v);
  // A value given as compact JSON text, exactly as json::Serialize(v, /*pretty=*/false) printed
  // it (no white space outside strings); it is re-indented at the current depth.
  void CompactValue(std::string_view compact_json);

  // Ends the document: picojson's newline after the top-level value; every byte is then in *out.
  void Finish() {
    Put('\n');
    Flush();
  }
  // In pieces, after Finish(): hands the last piece to the sink.
  void EndPieces();
  // Bytes written (or counted) so far.
  std::size_t size() const { return size_ + static_cast<std::size_t>(next_ - buffer_); }
  // After Finish(): whether everything was written into *out (false: counting only, from the
  // start or since the limit was passed).
  bool complete() const { return out_ != nullptr; }

 private:
  struct Level {
    bool object;
    std::size_t items;
  };
  static constexpr std::size_t kBufferBytes = 4096;
  // Strings up to this size are quoted straight into the buffer (PutQuoted): 6 × it + 2 ≤ kBufferBytes.
  static constexpr std::size_t kShortString = 256;

  void BeforeValue();  // separator and indentation of an array element
  void BeforeItem();   // "," unless first, then newline + indentation
  void Newline(std::size_t depth);
  void Put(std::string_view s) {
    if (s.size() <= static_cast<std::size_t>(buffer_ + kBufferBytes - next_)) {
      std::memcpy(next_, s.data(), s.size());
      next_ += s.size();
    } else {
      PutLong(s);
    }
  }
  void Put(char c) {
    if (next_ == buffer_ + kBufferBytes) Flush();
    *next_++ = c;
  }
  void PutLong(std::string_view s);    // Put when s does not fit in what is left of the buffer
  void PutQuoted(std::string_view s);  // s as a JSON string literal (json::AppendQuoted)
  void Flush();                        // the buffered bytes to Emit
  void Emit(std::string_view s);       // counted, and appended to *out_ while within limit_
  void StopWriting();                  // past limit_: *out_ emptied, counting only from now on

  std::string* out_;
  std::size_t limit_;
  const std::function<void(std::string_view)>* sink_ = nullptr;  // in pieces only
  std::size_t piece_bytes_ = static_cast<std::size_t>(-1);
  std::size_t size_ = 0;       // bytes emitted (the buffered ones not included)
  std::vector<Level> levels_;  // the open containers
  char buffer_[kBufferBytes];
  char* next_ = buffer_;  // end of the buffered bytes
};

// Renders a document with `write` (which writes one top-level value into the writer it is given,
// the same bytes each time it is called) into a string of its exact size. A document of at most
// kSinglePassBytes is written in one pass (then trimmed to its size: the common small audit pays
// for one pass); a larger one is counted first, then written into a string allocated once at its
// exact size: the outputs are tens of MB for large audits, and growing a string by doubling would
// hold up to three times that at the last reallocation (the wasm heap never shrinks).
inline constexpr std::size_t kSinglePassBytes = std::size_t{1} << 20;
template <typename Write>
std::string RenderExactly(Write&& write) {
  std::string out;
  PrettyJsonWriter first(&out, kSinglePassBytes);
  write(first);
  first.Finish();
  if (first.complete()) {
    out.shrink_to_fit();
    return out;
  }
  out.reserve(first.size());
  PrettyJsonWriter writer(&out);
  write(writer);
  writer.Finish();
  return out;
}

// Writes a document with `write` (as for RenderExactly, called once) to sink(piece) in pieces of
// at most piece_bytes (a single longer token, e.g. a long string, is a piece of its own), in
// order; the pieces concatenated are RenderExactly's bytes. Only one piece is held at a time: a
// large output never sits whole in memory (the wasm heap never shrinks).
template <typename Write>
void WriteInPieces(Write&& write, std::size_t piece_bytes, const std::function<void(std::string_view)>& sink) {
  std::string buffer;
  buffer.reserve(piece_bytes);
  PrettyJsonWriter writer(&buffer, piece_bytes, &sink);
  write(writer);
  writer.Finish();
  writer.EndPieces();
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_PRETTY_JSON_WRITER_H_
