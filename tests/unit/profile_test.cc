// Criteria profiles: the status rules of engine/profile.h, one thing changed at a time on an
// otherwise "met" criterion; declarations parsing; the report section; and the consistency of
// rules/profiles/ with the check registry, rules/ruleset.json and the declarations catalogue.
#include "engine/profile.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "engine/ruleset.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

const char* kPage = "https://portal.example.gov.vn/";

json::Value Parse(const std::string& text) {
  json::Value v;
  EXPECT_TRUE(json::ParseBounded(text, 64, v).ok()) << text;
  return v;
}

ReportedResult Result(const std::string& id, const std::string& outcome, bool pass,
                      std::optional<std::string> page = std::string(kPage)) {
  ReportedResult r;
  r.result.id = id;
  r.result.outcome = outcome;
  r.result.page = std::move(page);
  r.pass = pass;
  r.severity = pass ? "info" : "high";
  return r;
}

// One criterion: two checks and one declaration.
const char* kProfile = R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "transport.hsts"],
                                         "declarations": ["auth.mfa"]}]})";

class ProfileEval : public ::testing::Test {
 protected:
  ProfileEval() : ruleset_(Ruleset::Embedded()) {
    results_ = {Result("transport.hsts", "strong", true), Result("transport.https", "ok", true)};
    declarations_["auth.mfa"] = Declaration{true, "OTP qua ứng dụng"};
  }
  CriterionResult Eval(const std::string& profile = kProfile, const std::string& graded_page = kPage, int score = 100) {
    const json::Value p = Parse(profile);
    EXPECT_TRUE(ValidateProfile("t", p, *ruleset_).ok());
    const ProfileInputs in{results_, declarations_, *ruleset_, graded_page, score};
    std::vector<CriterionResult> out = EvaluateProfile(p, in);
    EXPECT_EQ(out.size(), 1u);
    return out.empty() ? CriterionResult{} : out.front();
  }
  std::shared_ptr<const Ruleset> ruleset_;
  std::vector<ReportedResult> results_;
  Declarations declarations_;
};

TEST_F(ProfileEval, PassingChecksAndDeclaredTrueAreMet) {
  const CriterionResult c = Eval();
  EXPECT_EQ(c.id, "t.1");
  EXPECT_EQ(c.status, "met");
  ASSERT_EQ(c.findings.size(), 2u);
  EXPECT_EQ(c.findings[0].effect, Effect::kPasses);
  ASSERT_EQ(c.declarations.size(), 1u);
  EXPECT_EQ(c.declarations[0].value, std::optional<bool>(true));
  EXPECT_EQ(c.declarations[0].note, "OTP qua ứng dụng");
}

TEST_F(ProfileEval, OneFailingResultIsNotMet) {
  results_[0] = Result("transport.hsts", "missing", false);
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "not-met");
  ASSERT_FALSE(c.findings.empty());
  EXPECT_EQ(c.findings[0].check, "transport.hsts");
  EXPECT_EQ(c.findings[0].outcome, "missing");
  EXPECT_EQ(c.findings[0].effect, Effect::kFails);
}

TEST_F(ProfileEval, InfoSeverityFailureStillFails) {
  results_[0] = Result("transport.hsts", "missing", false);
  results_[0].severity = "info";
  EXPECT_EQ(Eval().status, "not-met");
}

TEST_F(ProfileEval, DeclarationCannotOverrideAFailingCheck) {
  results_[1] = Result("transport.https", "http-only", false);
  declarations_["auth.mfa"].value = true;
  EXPECT_EQ(Eval().status, "not-met");
}

TEST_F(ProfileEval, DeclaredFalseIsNotMet) {
  declarations_["auth.mfa"].value = false;
  EXPECT_EQ(Eval().status, "not-met");
}

TEST_F(ProfileEval, MissingDeclarationNeedsDeclaration) {
  declarations_.clear();
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "needs-declaration");
  ASSERT_EQ(c.declarations.size(), 1u);
  EXPECT_FALSE(c.declarations[0].value.has_value());
}

TEST_F(ProfileEval, NotCapturedNeedsDeclaration) {
  results_[0] = Result("transport.hsts", "not-captured", false);
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "needs-declaration");
  EXPECT_EQ(c.findings[0].effect, Effect::kInconclusive);
}

TEST_F(ProfileEval, ErrorNeedsDeclaration) {
  results_[1] = Result("transport.https", "error", false);
  EXPECT_EQ(Eval().status, "needs-declaration");
}

TEST_F(ProfileEval, FailingWinsOverInconclusive) {
  results_[0] = Result("transport.hsts", "not-captured", false);
  results_[1] = Result("transport.https", "http-only", false);
  EXPECT_EQ(Eval().status, "not-met");
}

TEST_F(ProfileEval, NotApplicableResultsAreIgnored) {
  results_.push_back(Result("transport.hsts", "not-applicable", true, std::string("http://portal.example.gov.vn/x")));
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "met");
  EXPECT_EQ(c.findings.size(), 2u);
}

TEST_F(ProfileEval, NothingAppliedWithoutDeclarationsIsNotApplicable) {
  results_ = {Result("transport.hsts", "not-applicable", true), Result("transport.https", "not-applicable", true)};
  EXPECT_EQ(Eval(R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "transport.hsts"], "declarations": []}]})").status,
            "not-applicable");
}

TEST_F(ProfileEval, NothingAppliedButDeclaredTrueIsMet) {
  results_ = {Result("transport.hsts", "not-applicable", true), Result("transport.https", "not-applicable", true)};
  EXPECT_EQ(Eval().status, "met");
}

TEST_F(ProfileEval, DeclarationOnlyCriterion) {
  const char* p = R"({"criteria": [{"id": "t.1", "checks": [], "declarations": ["auth.mfa"]}]})";
  EXPECT_EQ(Eval(p).status, "met");
  declarations_.clear();
  EXPECT_EQ(Eval(p).status, "needs-declaration");
}

TEST_F(ProfileEval, CheckNotInTheRulesetIsInconclusive) {
  const CriterionResult c =
      Eval(R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "page.not-a-check"], "declarations": []}]})");
  EXPECT_EQ(c.status, "needs-declaration");
  ASSERT_FALSE(c.findings.empty());
  EXPECT_EQ(c.findings[0].check, "page.not-a-check");
  EXPECT_EQ(c.findings[0].outcome, "not-run");
}

TEST_F(ProfileEval, CheckOutcomesNarrowWhatFails) {
  const char* p = R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "transport.hsts"], "declarations": [],
                      "check_outcomes": {"transport.hsts": ["invalid"]}}]})";
  results_[0] = Result("transport.hsts", "missing", false);  // failing, but not listed: ignored
  CriterionResult c = Eval(p);
  EXPECT_EQ(c.status, "met");
  EXPECT_EQ(c.findings.size(), 1u);
  results_[0] = Result("transport.hsts", "invalid", false);
  EXPECT_EQ(Eval(p).status, "not-met");
}

TEST_F(ProfileEval, CheckOutcomesCanCountAPassingOutcome) {
  const char* p = R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "transport.hsts"], "declarations": [],
                      "check_outcomes": {"transport.hsts": ["strong"]}}]})";
  EXPECT_EQ(Eval(p).status, "not-met");
}

TEST_F(ProfileEval, FindingsAreOrderedAndCapped) {
  results_.clear();
  for (int i = 0; i < 60; ++i) results_.push_back(Result("transport.hsts", "strong", true, std::string(kPage) + std::to_string(i)));
  results_.push_back(Result("transport.https", "not-captured", false));
  results_.push_back(Result("transport.https", "http-only", false));
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "not-met");
  ASSERT_EQ(c.findings.size(), kMaxFindingsPerCriterion);
  EXPECT_EQ(c.findings[0].effect, Effect::kFails);
  EXPECT_EQ(c.findings[1].effect, Effect::kInconclusive);
  EXPECT_EQ(c.findings[2].effect, Effect::kPasses);
  EXPECT_EQ(c.findings_omitted, 62u - kMaxFindingsPerCriterion);
}

TEST_F(ProfileEval, GradeCriterion) {
  const char* p = R"({"criteria": [{"id": "g", "checks": ["transport.hsts"], "declarations": [], "min_grade": "B"}]})";
  results_.push_back(Result("transport.hsts", "missing", false, std::string("https://other.example.gov.vn/")));
  CriterionResult c = Eval(p, kPage, 70);
  EXPECT_EQ(c.status, "met");
  EXPECT_EQ(c.min_grade, std::optional<std::string>("B"));
  ASSERT_EQ(c.findings.size(), 1u) << "only the graded page's results";
  EXPECT_EQ(Eval(p, kPage, 69).status, "not-met");
  EXPECT_EQ(Eval(p, kPage, 74).status, "met");
  EXPECT_EQ(Eval(p, "", 100).status, "not-applicable");
}

TEST_F(ProfileEval, SectionJson) {
  declarations_.clear();
  const json::Value section = ProfileSectionJson({Eval()});
  const json::Value& c = json::FindArray(section, "criteria")->front();
  EXPECT_EQ(*json::FindString(c, "status"), "needs-declaration");
  EXPECT_EQ(json::FindArray(c, "checks")->size(), 2u);
  const json::Value& f = json::FindArray(c, "findings")->front();
  EXPECT_EQ(*json::FindString(f, "effect"), "passes");
  EXPECT_EQ(*json::FindString(f, "page"), kPage);
  const json::Value& d = json::FindArray(c, "declarations")->front();
  EXPECT_TRUE(json::Find(d, "value")->is<picojson::null>());
  EXPECT_EQ(json::GetInt(*json::Find(section, "summary"), "needs-declaration", 0), 1);
  EXPECT_EQ(json::GetInt(*json::Find(section, "summary"), "met", -1), 0);
}

TEST(ProfileValidate, RejectsMalformedProfiles) {
  auto rs = Ruleset::Embedded();
  auto bad = [&](const std::string& text, const std::string& needle) {
    const Status s = ValidateProfile("x", Parse(text), *rs);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << text;
    EXPECT_NE(s.message().find(needle), std::string::npos) << s.message();
  };
  bad(R"({"criteria": []})", "no criteria");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": []}, {"id": "a", "checks": [], "declarations": []}]})", "used twice");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": ["no.such-item"]}]})", "not in the catalogue");
  bad(R"({"criteria": [{"id": "a", "checks": "transport.https", "declarations": []}]})", "\"checks\"");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "min_grade": "Z"}]})", "min_grade");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "check_outcomes": {"transport.https": ["ok"]}}]})", "check_outcomes");
}

TEST(Declarations, ParsesValidFileAndEmptyText) {
  auto rs = Ruleset::Embedded();
  StatusOr<Declarations> d = ParseDeclarations(
      R"({"version": 1, "organization": {"name": "Sở Thông tin và Truyền thông"},
          "declarations": {"network.waf": {"value": false, "note": "chưa có"}, "auth.mfa": {"value": true}}})", *rs);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d.value().size(), 2u);
  EXPECT_FALSE(d.value().at("network.waf").value);
  EXPECT_EQ(d.value().at("network.waf").note, "chưa có");
  EXPECT_TRUE(d.value().at("auth.mfa").value);
  ASSERT_TRUE(ParseDeclarations("", *rs).ok());
  EXPECT_TRUE(ParseDeclarations("", *rs).value().empty());
}

TEST(Declarations, RejectsInvalidFilesWithAClearMessage) {
  auto rs = Ruleset::Embedded();
  auto bad = [&](const std::string& text, const std::string& needle) {
    StatusOr<Declarations> d = ParseDeclarations(text, *rs);
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(d.status().message().rfind("declarations: ", 0), 0u) << d.status().message();
    EXPECT_NE(d.status().message().find(needle), std::string::npos) << d.status().message();
  };
  bad("not json", "not valid JSON");
  bad("[]", "expected a JSON object");
  bad(R"({"declarations": {}})", "\"version\" is missing");
  bad(R"({"version": 2, "declarations": {}})", "\"version\" must be 1");
  bad(R"({"version": 1})", "\"declarations\" must be an object");
  bad(R"({"version": 1, "declarations": {}, "extra": 1})", "unknown member \"extra\"");
  bad(R"({"version": 1, "declarations": {"auth.mfaa": {"value": true}}})", "'auth.mfaa' is not a known declaration");
  bad(R"({"version": 1, "declarations": {"auth.mfa": {"value": "yes"}}})", "must be true or false");
  bad(R"({"version": 1, "declarations": {"auth.mfa": {}}})", "\"value\" is missing");
  bad(R"({"version": 1, "declarations": {"auth.mfa": true}})", "must be an object");
  bad(R"({"version": 1, "declarations": {"auth.mfa": {"value": true, "proof": 1}}})", "unknown member \"proof\"");
  bad(std::string(kMaxDeclarationsBytes + 1, ' '), "larger than");
}

// A small HAR: one https page without HSTS.
std::string SmallHar() {
  return testing::HarFromEntries(Parse(std::string(R"([{"request": {"method": "GET", "url": ")") + kPage + R"("},
      "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "text/html; charset=utf-8"}],
                   "content": {"mimeType": "text/html", "text": "<!doctype html><title>Cổng thông tin</title><p>Xin chào</p>"}}}])"));
}

std::string Audit(const AuditOptions& options, Status* status = nullptr) {
  auto a = Auditor::Create(options);
  if (status) *status = a.status();
  if (!a.ok()) return "";
  EXPECT_TRUE(a.value()->Feed(SmallHar()).ok());
  EXPECT_TRUE(a.value()->Finish().ok());
  return a.value()->ReportJson();
}

TEST(ProfileReport, AbsentUnlessAskedFor) {
  const json::Value report = Parse(Audit(AuditOptions{}));
  EXPECT_EQ(json::Find(report, "profiles"), nullptr);
}

TEST(ProfileReport, EveryAskedProfileHasASectionAndTheReportIsDeterministic) {
  AuditOptions o;
  o.profiles = {"tnm-website-basic", "observatory", "level-2", "level-3", "observatory"};
  o.declarations_json = R"({"version": 1, "declarations": {"domain.not-blacklisted": {"value": true}}})";
  const std::string text = Audit(o);
  EXPECT_EQ(text, Audit(o));
  const json::Value report = Parse(text);
  const json::Object* profiles = json::FindObject(report, "profiles");
  ASSERT_NE(profiles, nullptr);
  EXPECT_EQ(profiles->size(), 4u);
  const json::Array& tnm = *json::FindArray(profiles->at("tnm-website-basic"), "criteria");
  ASSERT_EQ(tnm.size(), 8u);
  EXPECT_EQ(*json::FindString(tnm[0], "id"), "tnm.1");
  // (5) valid TLS: the page has no HSTS → not-met.
  EXPECT_EQ(*json::FindString(tnm[4], "status"), "not-met");
  // (7) declaration only, declared true → met; (2) undeclared → needs-declaration.
  EXPECT_EQ(*json::FindString(tnm[6], "status"), "met");
  EXPECT_EQ(*json::FindString(tnm[1], "status"), "needs-declaration");
  const json::Array& obs = *json::FindArray(profiles->at("observatory"), "criteria");
  ASSERT_EQ(obs.size(), 1u);
  EXPECT_EQ(*json::FindString(obs[0], "status"), "not-met");  // no headers at all: grade F
}

TEST(ProfileReport, CreateRejectsUnknownProfilesAndBadDeclarations) {
  AuditOptions o;
  o.profiles = {"level-9"};
  Status s;
  Audit(o, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown profile 'level-9' (known: level-2, level-3, observatory, tnm-website-basic)"), std::string::npos)
      << s.message();
  AuditOptions d;
  d.declarations_json = R"({"version": 1, "declarations": {"x.y": {"value": true}}})";
  Audit(d, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("'x.y' is not a known declaration"), std::string::npos);
}

// ---- consistency of rules/profiles/ ----

std::set<std::string> ListedOrRegisteredChecks() {
  std::set<std::string> ids;
  for (const CheckDescriptor& d : AllChecks()) ids.insert(std::string(d.id));
  json::Value listed = Parse(testing::ReadFileOrEmpty(testing::SourceDir() + "/rules/ruleset.json"));
  if (const json::Array* a = json::FindArray(listed, "rules"))
    for (const json::Value& v : *a)
      if (v.is<std::string>()) ids.insert(v.get<std::string>());
  return ids;
}

bool Bilingual(const json::Value& v, std::string_view key) {
  const json::Value* t = json::Find(v, key);
  const std::string* vi = t ? json::FindString(*t, "vi") : nullptr;
  const std::string* en = t ? json::FindString(*t, "en") : nullptr;
  return vi && en && !vi->empty() && !en->empty();
}

TEST(ProfileConsistency, EveryProfileFileIsEmbeddedUnderItsId) {
  auto rs = Ruleset::Embedded();
  std::vector<std::string> expected;
  for (const std::string& f : testing::ListFiles(testing::SourceDir() + "/rules/profiles", ".json"))
    if (f != "declarations.json") expected.push_back(f.substr(0, f.size() - 5));
  EXPECT_EQ(rs->ProfileIds(), expected);
  for (const char* id : {"tnm-website-basic", "level-2", "level-3", "observatory"}) EXPECT_NE(rs->Profile(id), nullptr) << id;
  for (const std::string& id : rs->ProfileIds()) {
    const std::string* inner = json::FindString(*rs->Profile(id), "id");
    EXPECT_TRUE(inner && *inner == id) << id << ": the id inside differs from the file name";
  }
}

TEST(ProfileConsistency, CriteriaReferenceKnownChecksAndDeclarations) {
  auto rs = Ruleset::Embedded();
  const std::set<std::string> checks = ListedOrRegisteredChecks();
  const std::set<std::string> documents = {"Decree 137/2024/ND-CP", "Decree 331/2026/ND-CP", "TCVN 14423:2026",
                                           "Circular 12/2022/TT-BTTTT", "TCVN 11930:2017"};
  for (const std::string& id : rs->ProfileIds()) {
    SCOPED_TRACE(id);
    const json::Value& p = *rs->Profile(id);
    EXPECT_TRUE(ValidateProfile(id, p, *rs).ok()) << ValidateProfile(id, p, *rs).message();
    EXPECT_TRUE(Bilingual(p, "title"));
    const std::int64_t level = json::GetInt(p, "level", 0);
    for (const json::Value& c : *json::FindArray(p, "criteria")) {
      const std::string cid = *json::FindString(c, "id");
      SCOPED_TRACE(cid);
      EXPECT_TRUE(Bilingual(c, "title"));
      for (const std::string& check : [&] { std::vector<std::string> v; for (const auto& e : *json::FindArray(c, "checks")) v.push_back(e.get<std::string>()); return v; }())
        EXPECT_TRUE(checks.count(check)) << "unknown check " << check;
      for (const json::Value& d : *json::FindArray(c, "declarations")) EXPECT_NE(rs->Declaration(d.get<std::string>()), nullptr);
      for (const json::Value& s : *json::FindArray(c, "sources")) {
        const std::string* doc = json::FindString(s, "document");
        const std::string* clause = json::FindString(s, "clause");
        EXPECT_TRUE(doc && documents.count(*doc)) << (doc ? *doc : "no document");
        EXPECT_TRUE(clause && !clause->empty());
      }
      if (level > 0) {
        EXPECT_LE(json::GetInt(c, "applies_from_level", 99), level);
        // Security-level criteria name both frameworks.
        std::set<std::string> named;
        for (const json::Value& s : *json::FindArray(c, "sources")) named.insert(*json::FindString(s, "document"));
        EXPECT_EQ(named.size(), 4u);
      }
    }
  }
}

TEST(ProfileConsistency, LevelThreeContainsLevelTwo) {
  auto rs = Ruleset::Embedded();
  std::set<std::string> three;
  for (const json::Value& c : *json::FindArray(*rs->Profile("level-3"), "criteria")) three.insert(*json::FindString(c, "id"));
  for (const json::Value& c : *json::FindArray(*rs->Profile("level-2"), "criteria"))
    EXPECT_TRUE(three.count(*json::FindString(c, "id"))) << *json::FindString(c, "id");
  EXPECT_GT(three.size(), json::FindArray(*rs->Profile("level-2"), "criteria")->size());
}

TEST(ProfileConsistency, DeclarationsCatalogueIsUniqueAndBilingual) {
  const json::Value catalogue = Parse(testing::ReadFileOrEmpty(testing::SourceDir() + "/rules/profiles/declarations.json"));
  const json::Array* items = json::FindArray(catalogue, "declarations");
  ASSERT_NE(items, nullptr);
  std::set<std::string> ids;
  for (const json::Value& d : *items) {
    const std::string* id = json::FindString(d, "id");
    ASSERT_NE(id, nullptr);
    EXPECT_TRUE(ids.insert(*id).second) << *id << " twice";
    EXPECT_TRUE(Bilingual(d, "title")) << *id;
    EXPECT_TRUE(Bilingual(d, "help")) << *id;
  }
}

}  // namespace
}  // namespace portal_check
