// The thin embind binding: JSON text in, JSON text out, errors as values. Nothing here knows
// about checks; it forwards to portal_check::Auditor.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "engine/ruleset.h"
#include "evidence/har_json_check.h"
#include "portal_check/auditor.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace {

using portal_check::Status;
namespace json = portal_check::json;

std::string Error(const Status& s) {
  json::Object err{{"code", json::Str(Status::CodeName(s.code()))}, {"message", json::Str(s.message())}};
  return json::Serialize(json::Value(json::Object{{"ok", json::Bool(false)}, {"error", json::Value(err)}}));
}

std::string Ok(json::Object extra = {}) {
  extra["ok"] = json::Bool(true);
  return json::Serialize(json::Value(extra));
}

std::string EngineInfoJson() {
  json::Object o{{"name", json::Str(portal_check::EngineInfo::Name())},
                 {"version", json::Str(portal_check::EngineInfo::Version())}};
  return json::Serialize(json::Value(o));
}

std::string EmbeddedRuleset() { return std::string(portal_check::Ruleset::EmbeddedDocument()); }

// One audit. Methods mirror wasm/portal_check.d.ts.
class Session {
 public:
  explicit Session(const std::string& options_json) {
    portal_check::AuditOptions options;
    json::Value v;
    if (!options_json.empty()) {
      if (Status s = json::ParseBounded(options_json, 64, v); !s.ok()) {
        error_ = Status::Invalid("options: " + s.message());
        return;
      }
      if (const std::string* t = json::FindString(v, "target")) options.target = *t;
      if (const json::Value* r = json::Find(v, "ruleset"); r && !r->is<picojson::null>())
        options.ruleset_document = json::Serialize(*r);
      if (const json::Value* p = json::Find(v, "profiles"); p && !p->is<picojson::null>()) {
        bool strings = p->is<json::Array>();
        if (strings)
          for (const json::Value& id : p->get<json::Array>()) {
            strings = strings && id.is<std::string>();
            if (strings) options.profiles.push_back(id.get<std::string>());
          }
        if (!strings) {
          error_ = Status::Invalid("options: \"profiles\" must be an array of profile ids");
          return;
        }
      }
      if (const json::Value* d = json::Find(v, "declarations"); d && !d->is<picojson::null>()) {
        if (!d->is<json::Object>()) {
          error_ = Status::Invalid("declarations: expected a JSON object");
          return;
        }
        options.declarations_json = json::Serialize(*d);
      }
    }
    auto created = portal_check::Auditor::Create(options);
    if (created.ok()) auditor_ = std::move(created.value());
    else error_ = created.status();
  }

  // `bytes` arrives from JS as a string (UTF-8 encoded by embind) or as a Uint8Array (raw bytes).
  std::string feed(const std::string& bytes) {
    if (!auditor_) return Error(error_);
    Status s = auditor_->Feed(bytes);
    if (!s.ok()) return Error(s);
    return Ok({{"entries", json::Int(static_cast<std::int64_t>(auditor_->entries()))}});
  }

  std::string addEntry(const std::string& entry) {
    if (!auditor_) return Error(error_);
    Status s = auditor_->AddEntry(entry);
    if (!s.ok()) return Error(s);
    return Ok({{"entries", json::Int(static_cast<std::int64_t>(auditor_->entries()))}});
  }

  std::string finish() {
    if (!auditor_) return Error(error_);
    Status s = auditor_->Finish();
    return s.ok() ? Ok() : Error(s);
  }

  std::string output(const std::string& format) { return std::string(Text(format)); }

  // The same text as output(), as a Uint8Array view of the UTF-8 bytes inside the wasm memory:
  // no copy in the wasm heap (output() costs two: the returned std::string and embind's wire
  // buffer, tens of MB for a large audit, and the heap never shrinks). The view is valid until
  // the next call into the module (a memory growth detaches it): decode it at once.
  emscripten::val outputBytes(const std::string& format) {
    const std::string& text = Text(format);
    return emscripten::val(emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
  }

 private:
  const std::string& Text(const std::string& format) const {
    static const std::string kNone;
    if (!auditor_) return kNone;
    return format == "sarif" ? auditor_->Sarif() : auditor_->ReportJson();
  }

  std::unique_ptr<portal_check::Auditor> auditor_;
  Status error_;
};

// Reads a HAR's JSON as an audit would, without auditing it (evidence/har_json_check.h): for the
// host's evidence-bundle path, which reads the same document with JSON.parse.
class HarCheck {
 public:
  std::string feed(const std::string& bytes) {
    Status s = check_.Feed(bytes);
    return s.ok() ? Ok() : Error(s);
  }
  std::string finish() {
    Status s = check_.End();
    return s.ok() ? Ok() : Error(s);
  }

 private:
  portal_check::HarJsonCheck check_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(portal_check) {
  emscripten::function("engineInfo", &EngineInfoJson);
  emscripten::function("embeddedRuleset", &EmbeddedRuleset);
  emscripten::class_<Session>("Session")
      .constructor<std::string>()
      .function("feed", &Session::feed)
      .function("addEntry", &Session::addEntry)
      .function("finish", &Session::finish)
      .function("output", &Session::output)
      .function("outputBytes", &Session::outputBytes);
  emscripten::class_<HarCheck>("HarCheck")
      .constructor<>()
      .function("feed", &HarCheck::feed)
      .function("finish", &HarCheck::finish);
}
