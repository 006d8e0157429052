#include "scoring/profile_sources.h"

#include <set>

namespace portal_check {
namespace {

const std::set<std::string, std::less<>> kStatuses{"confirmed", "third-party", "to-confirm"};
const std::set<std::string, std::less<>> kLaws{"current", "legacy", "none"};
const std::set<std::string, std::less<>> kHalves{"technical", "policy", "declared"};

// {vi, en}, both non-empty strings.
bool IsText(const json::Value* v) {
  if (!v || !v->is<json::Object>()) return false;
  for (const char* lang : {"vi", "en"}) {
    const std::string* s = json::FindString(*v, lang);
    if (!s || s->empty()) return false;
  }
  return true;
}

std::set<std::string, std::less<>> StringSet(const json::Value& v, std::string_view key) {
  std::set<std::string, std::less<>> out;
  if (const json::Array* a = json::FindArray(v, key))
    for (const json::Value& e : *a)
      if (e.is<std::string>()) out.insert(e.get<std::string>());
  return out;
}

Status ValidateDocument(const std::string& at, std::string_view id, const Ruleset& ruleset) {
  const json::Value* doc = ruleset.Document(id);
  if (!doc) return Status::Invalid(at + ": document '" + std::string(id) + "' is not in the documents catalogue");
  const std::string* law = json::FindString(*doc, "law");
  const std::string* status = json::FindString(*doc, "status");
  const std::string* url = json::FindString(*doc, "url");
  if (!law || !kLaws.count(*law) || !status || !kStatuses.count(*status) || !url || url->rfind("https://", 0) != 0 ||
      !IsText(json::Find(*doc, "title")) || !IsText(json::Find(*doc, "short")))
    return Status::Invalid(at + ": catalogue entry '" + std::string(id) + "' needs title, short, law, status and an https url");
  return Status::Ok();
}

Status ValidateCitation(const std::string& at, const json::Value& s, const Ruleset& ruleset) {
  const std::string* doc = json::FindString(s, "document");
  if (!doc) return Status::Invalid(at + ": a source has no document");
  if (Status st = ValidateDocument(at, *doc, ruleset); !st.ok()) return st;
  if (!IsText(json::Find(s, "clause"))) return Status::Invalid(at + ": a source of '" + *doc + "' needs a clause {vi, en}");
  const std::string* status = json::FindString(s, "status");
  if (!status || !kStatuses.count(*status))
    return Status::Invalid(at + ": a source of '" + *doc + "' needs a status (confirmed, third-party or to-confirm)");
  if (const json::Value* note = json::Find(s, "note"); note && !IsText(note))
    return Status::Invalid(at + ": a source note must be {vi, en}");
  return Status::Ok();
}

Status ValidateCovers(const std::string& at, const json::Value& criterion) {
  const json::Value* covers = json::Find(criterion, "covers");
  if (!covers) return Status::Ok();
  if (!covers->is<json::Array>() || covers->get<json::Array>().empty())
    return Status::Invalid(at + ": \"covers\" must be a non-empty array");
  const auto checks = StringSet(criterion, "checks");
  const auto declarations = StringSet(criterion, "declarations");
  for (const json::Value& half : covers->get<json::Array>()) {
    const std::string* name = json::FindString(half, "half");
    if (!name || !kHalves.count(*name) || !IsText(json::Find(half, "text")))
      return Status::Invalid(at + ": each \"covers\" entry needs a half (technical, policy or declared) and a text {vi, en}");
    for (const std::string& c : StringSet(half, "checks"))
      if (!checks.count(c)) return Status::Invalid(at + ": covers names check '" + c + "', which the criterion does not list");
    for (const std::string& d : StringSet(half, "declarations"))
      if (!declarations.count(d)) return Status::Invalid(at + ": covers names declaration '" + d + "', which the criterion does not list");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateProfileSources(const std::string& where, const json::Value& profile, const Ruleset& ruleset) {
  if (const json::Value* docs = json::Find(profile, "sources")) {
    if (!docs->is<json::Array>()) return Status::Invalid(where + ": \"sources\" must be an array of document ids");
    for (const json::Value& d : docs->get<json::Array>()) {
      if (!d.is<std::string>()) return Status::Invalid(where + ": \"sources\" must be an array of document ids");
      if (Status s = ValidateDocument(where, d.get<std::string>(), ruleset); !s.ok()) return s;
    }
  }
  const json::Array* criteria = json::FindArray(profile, "criteria");
  if (!criteria) return Status::Ok();
  for (const json::Value& c : *criteria) {
    const std::string* id = json::FindString(c, "id");
    const std::string at = where + " criterion '" + (id ? *id : std::string()) + "'";
    if (const json::Value* sources = json::Find(c, "sources")) {
      if (!sources->is<json::Array>()) return Status::Invalid(at + ": \"sources\" must be an array");
      for (const json::Value& s : sources->get<json::Array>())
        if (Status st = ValidateCitation(at, s, ruleset); !st.ok()) return st;
    }
    if (Status st = ValidateCovers(at, c); !st.ok()) return st;
  }
  return Status::Ok();
}

json::Value CitationsJson(const json::Value& criterion, const Ruleset& ruleset) {
  json::Array out;
  const json::Array* sources = json::FindArray(criterion, "sources");
  if (!sources) return json::Value(out);
  for (const json::Value& s : *sources) {
    const std::string* id = json::FindString(s, "document");
    const json::Value* doc = id ? ruleset.Document(*id) : nullptr;
    const json::Value* clause = json::Find(s, "clause");
    const std::string* status = json::FindString(s, "status");
    if (!doc || !clause || !status) continue;
    const std::string* law = json::FindString(*doc, "law");
    const std::string* url = json::FindString(*doc, "url");
    out.push_back(json::Value(json::Object{
        {"clause", json::Value(json::Object{{"en", json::Str(*json::FindString(*clause, "en"))},
                                            {"vi", json::Str(*json::FindString(*clause, "vi"))}})},
        {"document", json::Str(*id)},
        {"law", json::Str(law ? *law : "none")},
        {"status", json::Str(*status)},
        {"url", json::Str(url ? *url : "")}}));
  }
  return json::Value(out);
}

}  // namespace portal_check
