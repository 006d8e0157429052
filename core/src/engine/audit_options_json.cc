// The public helpers of portal_check/auditor.h that read host input: AuditOptionsFromJson,
// ParseOutputFormat and HarDocumentCheck (a wrapper of evidence/har_json_check.h).
#include <memory>
#include <string>
#include <utility>

#include "evidence/har_json_check.h"
#include "portal_check/auditor.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxOptionsDepth = 64;  // nesting accepted in the options JSON

class HarDocumentCheckImpl : public HarDocumentCheck {
 public:
  Status Feed(std::string_view bytes) override { return check_.Feed(bytes); }
  Status End() override { return check_.End(); }

 private:
  HarJsonCheck check_;
};

}  // namespace

StatusOr<AuditOptions> AuditOptionsFromJson(std::string_view text) {
  AuditOptions options;
  if (text.empty()) return options;
  json::Value v;
  if (Status s = json::ParseBounded(text, kMaxOptionsDepth, v); !s.ok()) return Status::Invalid("options: " + s.message());
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
    if (!strings) return Status::Invalid("options: \"profiles\" must be an array of profile ids");
  }
  if (const json::Value* d = json::Find(v, "declarations"); d && !d->is<picojson::null>()) {
    if (!d->is<json::Object>()) return Status::Invalid("declarations: expected a JSON object");
    options.declarations_json = json::Serialize(*d);
  }
  return options;
}

StatusOr<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kReportJson;
  if (name == "sarif") return OutputFormat::kSarif;
  return Status::Invalid("output: unknown format \"" + std::string(name.substr(0, 64)) +
                         "\" (expected \"json\" or \"sarif\")");
}

std::unique_ptr<HarDocumentCheck> HarDocumentCheck::Create() { return std::make_unique<HarDocumentCheckImpl>(); }

}  // namespace portal_check
