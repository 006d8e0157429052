// The thin embind binding: JSON text in, JSON text out, errors as values. Nothing here knows
// about checks; it forwards to the public API (portal_check/auditor.h) and nothing else.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <string_view>

#include "portal_check/auditor.h"
#include "portal_check/status.h"

namespace {

using portal_check::Status;

std::string Error(const Status& s) { return portal_check::ErrorValueJson(s); }

// {"ok":true}, or {"entries":N,"ok":true} with the number of entries read.
std::string Ok() { return "{\"ok\":true}"; }
std::string OkEntries(std::size_t entries) { return "{\"entries\":" + std::to_string(entries) + ",\"ok\":true}"; }

// {"name":…,"version":…}: both are build-time constants of letters, digits, '-' and '.', so they
// need no escaping.
std::string EngineInfoJson() {
  return std::string("{\"name\":\"") + portal_check::EngineInfo::Name() + "\",\"version\":\"" +
         portal_check::EngineInfo::Version() + "\"}";
}

std::string EmbeddedRuleset() { return std::string(portal_check::EngineInfo::EmbeddedRuleset()); }

// The bytes of the next chunk, written by the host straight into the wasm memory (inputBuffer).
class InputBuffer {
 public:
  // A view of `size` bytes for the host to fill; valid until the next call into the module.
  emscripten::val View(std::size_t size) {
    bytes_.resize(size);
    return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(bytes_.data())));
  }
  std::string_view bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// One audit. Methods mirror wasm/portal_check.d.ts.
class Session {
 public:
  explicit Session(const std::string& options_json) {
    auto options = portal_check::AuditOptionsFromJson(options_json);
    if (!options.ok()) {
      error_ = options.status();
      return;
    }
    auto created = portal_check::Auditor::Create(options.value());
    if (created.ok()) auditor_ = std::move(created.value());
    else error_ = created.status();
  }

  // `bytes` arrives from JS as a string (UTF-8 encoded by embind) or as a Uint8Array (raw bytes).
  std::string feed(const std::string& bytes) { return FeedBytes(bytes); }

  // A buffer of `size` bytes inside the wasm memory for the next feedInput(): the host copies a
  // chunk into the returned Uint8Array view (valid until the next call into the module) with one
  // TypedArray.set, where feed(bytes) has embind copy a Uint8Array byte by byte in JS (Emscripten
  // 3.1.6). The buffer is kept for the next chunk (at most the host's chunk size).
  emscripten::val inputBuffer(std::size_t size) { return input_.View(size); }
  // feed() of the bytes last put in inputBuffer(): the same replies.
  std::string feedInput() { return FeedBytes(input_.bytes()); }

  std::string addEntry(const std::string& entry) {
    if (!auditor_) return Error(error_);
    Status s = auditor_->AddEntry(entry);
    if (!s.ok()) return Error(s);
    return OkEntries(auditor_->entries());
  }

  std::string finish() {
    if (!auditor_) return Error(error_);
    Status s = auditor_->Finish();
    return s.ok() ? Ok() : Error(s);
  }

  // The output named `format` ("json" or "sarif"); an error value ({"ok":false,…}) for any other
  // name; "" before a successful finish().
  std::string output(const std::string& format) { return std::string(Text(format)); }

  // The graded page's response headers (Auditor::GradedHeadersJson): JSON [[name, value], …];
  // "" before a successful finish().
  std::string gradedHeaders() const {
    static const std::string kNone;
    return auditor_ ? auditor_->GradedHeadersJson() : kNone;
  }

  // Writes the output named `format` to JS in pieces (Auditor::WriteOutput): onPiece(view) for
  // each piece in order, `view` a Uint8Array view of the piece's UTF-8 bytes inside the wasm
  // memory, valid only during that call (copy or decode it there; no call into the module from
  // it); the pieces concatenated are output(format)'s bytes, and no more than one piece (≤ 1 MiB,
  // or one longer string) is ever in the wasm heap, which never shrinks. onPiece must not throw.
  // → {"ok":true}, or an error value: an unknown format name, or before a successful finish()
  // (failed-precondition).
  std::string writeOutput(const std::string& format, emscripten::val onPiece) {
    if (!auditor_) return Error(error_);
    auto parsed = portal_check::ParseOutputFormat(format);
    if (!parsed.ok()) return Error(parsed.status());
    Status s = auditor_->WriteOutput(parsed.value(), [&onPiece](std::string_view piece) {
      onPiece(emscripten::val(emscripten::typed_memory_view(piece.size(), reinterpret_cast<const unsigned char*>(piece.data()))));
    });
    return s.ok() ? Ok() : Error(s);
  }

  // The same text as output(), as a Uint8Array view of the UTF-8 bytes inside the wasm memory:
  // no copy in the wasm heap (output() costs two: the returned std::string and embind's wire
  // buffer, tens of MB for a large audit, and the heap never shrinks). The view is valid until
  // the next call into the module (a memory growth detaches it): decode it at once.
  emscripten::val outputBytes(const std::string& format) {
    const std::string& text = Text(format);
    return emscripten::val(emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
  }

 private:
  std::string FeedBytes(std::string_view bytes) {
    if (!auditor_) return Error(error_);
    Status s = auditor_->Feed(bytes);
    if (!s.ok()) return Error(s);
    return OkEntries(auditor_->entries());
  }

  // The text output() and outputBytes() give; an unknown format's error value is kept in
  // format_error_ so that outputBytes can give a view of it.
  const std::string& Text(const std::string& format) {
    static const std::string kNone;
    if (!auditor_) return kNone;
    auto parsed = portal_check::ParseOutputFormat(format);
    if (!parsed.ok()) {
      format_error_ = Error(parsed.status());
      return format_error_;
    }
    return auditor_->Output(parsed.value());
  }

  std::unique_ptr<portal_check::Auditor> auditor_;
  InputBuffer input_;
  Status error_;
  std::string format_error_;  // the last unknown-format error value (outputBytes views it)
};

// Reads a HAR's JSON as an audit would, without auditing it (evidence/har_json_check.h): for the
// host's evidence-bundle path, which reads the same document with JSON.parse.
class HarCheck {
 public:
  std::string feed(const std::string& bytes) { return FeedBytes(bytes); }
  // As Session's inputBuffer() / feedInput().
  emscripten::val inputBuffer(std::size_t size) { return input_.View(size); }
  std::string feedInput() { return FeedBytes(input_.bytes()); }
  std::string finish() {
    Status s = check_->End();
    return s.ok() ? Ok() : Error(s);
  }

 private:
  std::string FeedBytes(std::string_view bytes) {
    Status s = check_->Feed(bytes);
    return s.ok() ? Ok() : Error(s);
  }

  std::unique_ptr<portal_check::HarDocumentCheck> check_ = portal_check::HarDocumentCheck::Create();
  InputBuffer input_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(portal_check) {
  emscripten::function("engineInfo", &EngineInfoJson);
  emscripten::function("embeddedRuleset", &EmbeddedRuleset);
  emscripten::class_<Session>("Session")
      .constructor<std::string>()
      .function("feed", &Session::feed)
      .function("inputBuffer", &Session::inputBuffer)
      .function("feedInput", &Session::feedInput)
      .function("addEntry", &Session::addEntry)
      .function("finish", &Session::finish)
      .function("output", &Session::output)
      .function("outputBytes", &Session::outputBytes)
      .function("writeOutput", &Session::writeOutput)
      .function("gradedHeaders", &Session::gradedHeaders);
  emscripten::class_<HarCheck>("HarCheck")
      .constructor<>()
      .function("feed", &HarCheck::feed)
      .function("inputBuffer", &HarCheck::inputBuffer)
      .function("feedInput", &HarCheck::feedInput)
      .function("finish", &HarCheck::finish);
}
