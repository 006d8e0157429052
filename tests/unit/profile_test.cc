// Criteria profiles: the status rules of scoring/profile.h, one thing changed at a time on an
// otherwise "met" criterion; declarations parsing; the report section; and the consistency of
// rules/profiles/ with the check registry, the rule files and the declarations catalogue.
#include "scoring/profile.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "ruleset/ruleset.h"
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

// The criterion's status and its first (most telling) finding.
void ExpectStatusAndFirstFinding(const CriterionResult& c, const std::string& status, const std::string& check,
                                 const std::string& outcome, Effect effect) {
  EXPECT_EQ(c.status, status);
  ASSERT_FALSE(c.findings.empty());
  EXPECT_EQ(c.findings[0].check, check);
  EXPECT_EQ(c.findings[0].outcome, outcome);
  EXPECT_EQ(c.findings[0].effect, effect);
}

TEST_F(ProfileEval, OneFailingResultIsNotMet) {
  results_[0] = Result("transport.hsts", "missing", false);
  ExpectStatusAndFirstFinding(Eval(), "not-met", "transport.hsts", "missing", Effect::kFails);
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

// A check that could not see its evidence keeps the criterion from "met" (đã đáp ứng đầy đủ),
// even when every declaration is answered yes: no declaration stands in for evidence.
TEST_F(ProfileEval, NotCapturedIsNotAssessedEvenWhenEverythingIsDeclared) {
  results_[0] = Result("transport.hsts", "not-captured", false);
  ASSERT_EQ(declarations_.at("auth.mfa").value, true);
  const CriterionResult c = Eval();
  EXPECT_EQ(c.status, "not-assessed");
  EXPECT_EQ(c.findings[0].effect, Effect::kInconclusive);
  // The same with the other check passing on more pages.
  results_.push_back(Result("transport.https", "ok", true, std::string(kPage) + "a"));
  EXPECT_EQ(Eval().status, "not-assessed");
}

TEST_F(ProfileEval, NotCapturedBeforeMissingDeclaration) {
  results_[0] = Result("transport.hsts", "not-captured", false);
  declarations_.clear();
  EXPECT_EQ(Eval().status, "not-assessed");
}

TEST_F(ProfileEval, ErrorIsNotAssessed) {
  results_[1] = Result("transport.https", "error", false);
  EXPECT_EQ(Eval().status, "not-assessed");
}

TEST_F(ProfileEval, ACheckWithoutAnyResultIsNotAssessed) {
  results_.pop_back();  // transport.https reported nothing
  ExpectStatusAndFirstFinding(Eval(), "not-assessed", "transport.https", "no-result", Effect::kInconclusive);
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
  ExpectStatusAndFirstFinding(
      Eval(R"({"criteria": [{"id": "t.1", "checks": ["transport.https", "page.not-a-check"], "declarations": []}]})"),
      "not-assessed", "page.not-a-check", "not-run", Effect::kInconclusive);
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
  const json::Value section = ProfileSectionJson({Eval(R"j({"criteria": [{"id": "t.1", "checks": ["transport.https", "transport.hsts"],
      "declarations": ["auth.mfa"], "sources": [
        {"document": "decree-331-2026", "clause": {"vi": "Điều 30 khoản 4 điểm a", "en": "Art. 30(4)(a)"}, "status": "third-party"},
        {"document": "circular-12-2022", "clause": {"vi": "Phụ lục II", "en": "Annex II"}, "status": "confirmed"}]}]})j")});
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
  EXPECT_EQ(json::GetInt(*json::Find(section, "summary"), "not-assessed", -1), 0);
  // The citations, with the catalogue's law era and address: current and legacy told apart.
  const json::Array& sources = *json::FindArray(c, "sources");
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(*json::FindString(sources[0], "document"), "decree-331-2026");
  EXPECT_EQ(*json::FindString(sources[0], "law"), "current");
  EXPECT_EQ(*json::FindString(sources[0], "status"), "third-party");
  EXPECT_EQ(*json::FindString(sources[0], "url"), "https://vanban.chinhphu.vn/?pageid=27160&docid=219243");
  EXPECT_EQ(*json::FindString(*json::Find(sources[0], "clause"), "vi"), "Điều 30 khoản 4 điểm a");
  EXPECT_EQ(*json::FindString(sources[1], "law"), "legacy");
  EXPECT_EQ(*json::FindString(sources[1], "status"), "confirmed");
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
  const std::string ok_clause = R"("clause": {"vi": "Điều 1", "en": "Art. 1"})";
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "sources": [{"document": "decree-999-2030", )" + ok_clause +
          R"(, "status": "confirmed"}]}]})", "not in the documents catalogue");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "sources": [{"document": "decree-331-2026", )" + ok_clause + "}]}]}",
      "needs a status");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "sources": [{"document": "decree-331-2026", )" + ok_clause +
          R"(, "status": "probably"}]}]})", "needs a status");
  bad(R"({"criteria": [{"id": "a", "checks": [], "declarations": [], "sources": [{"document": "decree-331-2026",
          "clause": "Art. 30 — clause to confirm", "to_confirm": true}]}]})", "needs a clause {vi, en}");
  bad(R"({"sources": ["Decree 331/2026/ND-CP"], "criteria": [{"id": "a", "checks": [], "declarations": []}]})", "not in the documents catalogue");
  bad(R"({"criteria": [{"id": "a", "checks": ["transport.https"], "declarations": [], "covers": [{"half": "technical",
          "text": {"vi": "x", "en": "x"}, "checks": ["transport.hsts"], "declarations": []}]}]})", "does not list");
  bad(R"({"criteria": [{"id": "a", "checks": ["transport.https"], "declarations": [], "covers": [{"half": "other",
          "text": {"vi": "x", "en": "x"}, "checks": [], "declarations": []}]}]})", "needs a half");
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
  o.profiles = {"tnm-website-basic", "observatory", "level-2", "level-3", "observatory", "decree-137-trust"};
  o.declarations_json = R"({"version": 1, "declarations": {"domain.not-blacklisted": {"value": true}}})";
  const std::string text = Audit(o);
  EXPECT_EQ(text, Audit(o));
  const json::Value report = Parse(text);
  const json::Object* profiles = json::FindObject(report, "profiles");
  ASSERT_NE(profiles, nullptr);
  EXPECT_EQ(profiles->size(), 5u);
  const json::Array& tnm = *json::FindArray(profiles->at("tnm-website-basic"), "criteria");
  ASSERT_EQ(tnm.size(), 11u);
  EXPECT_EQ(*json::FindString(tnm[0], "id"), "tnm.1");
  EXPECT_EQ(*json::FindString(tnm[10], "id"), "tnm.advanced");
  // (6) valid SSL/TLS: no certificate in the HAR → not assessed, never met; HSTS does not count.
  EXPECT_EQ(*json::FindString(tnm[5], "status"), "not-assessed");
  // (8) declaration only, declared true → met; (2) undeclared → needs-declaration.
  EXPECT_EQ(*json::FindString(tnm[7], "status"), "met");
  EXPECT_EQ(*json::FindString(tnm[1], "status"), "needs-declaration");
  // The same declaration answers Decree 137's criterion (d).
  const json::Array& d137 = *json::FindArray(profiles->at("decree-137-trust"), "criteria");
  ASSERT_EQ(d137.size(), 5u);
  EXPECT_EQ(*json::FindString(d137[3], "status"), "met");
  // Every criterion of every section carries its citations with status, law era and address.
  for (const auto& [id, section] : *profiles)
    for (const json::Value& c : *json::FindArray(section, "criteria"))
      for (const json::Value& s : *json::FindArray(c, "sources")) {
        EXPECT_NE(json::FindString(s, "status"), nullptr) << id;
        EXPECT_NE(json::FindString(s, "law"), nullptr) << id;
        EXPECT_EQ(json::FindString(s, "url")->rfind("https://", 0), 0u) << id;
      }
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
  EXPECT_NE(s.message().find("unknown profile 'level-9' (known: decree-137-trust, level-2, level-3, observatory, tnm-website-basic)"), std::string::npos)
      << s.message();
  AuditOptions d;
  d.declarations_json = R"({"version": 1, "declarations": {"x.y": {"value": true}}})";
  Audit(d, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("'x.y' is not a known declaration"), std::string::npos);
}

// ---- consistency of rules/profiles/ ----

// The ids a profile may name: the registered checks and the embedded ruleset's (its rule files).
std::set<std::string> EmbeddedOrRegisteredChecks() {
  std::set<std::string> ids;
  for (const CheckDescriptor& d : AllChecks()) ids.insert(std::string(d.id));
  for (const std::string& id : Ruleset::Embedded()->rule_ids()) ids.insert(id);
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
    if (f != "declarations.json" && f != "documents.json") expected.push_back(f.substr(0, f.size() - 5));
  EXPECT_EQ(rs->ProfileIds(), expected);
  for (const char* id : {"tnm-website-basic", "decree-137-trust", "level-2", "level-3", "observatory"})
    EXPECT_NE(rs->Profile(id), nullptr) << id;
  EXPECT_NE(rs->Document("decree-331-2026"), nullptr);
  for (const std::string& id : rs->ProfileIds()) {
    const std::string* inner = json::FindString(*rs->Profile(id), "id");
    EXPECT_TRUE(inner && *inner == id) << id << ": the id inside differs from the file name";
  }
}

TEST(ProfileConsistency, CriteriaReferenceKnownChecksAndDeclarations) {
  auto rs = Ruleset::Embedded();
  const std::set<std::string> checks = EmbeddedOrRegisteredChecks();
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
      std::set<std::string> laws;
      for (const json::Value& s : *json::FindArray(c, "sources")) {
        const std::string* doc = json::FindString(s, "document");
        ASSERT_TRUE(doc && rs->Document(*doc)) << (doc ? *doc : "no document");
        EXPECT_TRUE(Bilingual(s, "clause"));
        EXPECT_NE(json::FindString(s, "status"), nullptr);
        laws.insert(*json::FindString(*rs->Document(*doc), "law"));
      }
      if (level > 0) {
        EXPECT_LE(json::GetInt(c, "applies_from_level", 99), level);
        // Security-level criteria cite the current law and the legacy framework.
        EXPECT_TRUE(laws.count("current") && laws.count("legacy"));
      }
    }
  }
}

// The label page (tinnhiemmang.vn directory entry) lists ten basic criteria in this order, then
// the advanced tier's status line; the profile follows it item by item.
TEST(ProfileConsistency, TnmHasTheTenBasicCriteriaInThePagesOrderThenTheAdvancedTier) {
  auto rs = Ruleset::Embedded();
  const std::vector<std::string> headings = {
      "Thu thập thông tin cá nhân", "Lưu trữ, sử dụng thông tin cá nhân", "Bảo vệ thông tin cá nhân",
      "Xử lý các vấn đề phát sinh", "Chính sách bảo vệ thông tin cá nhân", "Sử dụng chứng nhận SSL/TLS hợp lệ",
      "Không chứa các liên kết độc hại", "Không thuộc danh sách đen", "Không phát hiện dấu liệu [sic] lừa đảo trực tuyến",
      "Không thuộc các mạng máy tính ma"};
  const json::Array& criteria = *json::FindArray(*rs->Profile("tnm-website-basic"), "criteria");
  ASSERT_EQ(criteria.size(), headings.size() + 1);
  for (std::size_t i = 0; i < headings.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(*json::FindString(criteria[i], "id"), "tnm." + std::to_string(i + 1));
    EXPECT_EQ(json::Find(criteria[i], "tier"), nullptr);
    const json::Value& first = json::FindArray(criteria[i], "sources")->front();
    EXPECT_EQ(*json::FindString(first, "document"), "tnm-directory");
    EXPECT_EQ(*json::FindString(first, "status"), "confirmed");
    const std::string expected = "Tiêu chí " + std::to_string(i + 1) + " \u201c" + headings[i] + "\u201d";
    EXPECT_EQ(json::FindString(*json::Find(first, "clause"), "vi")->rfind(expected, 0), 0u) << expected;
  }
  const json::Value& advanced = criteria.back();
  EXPECT_EQ(*json::FindString(advanced, "id"), "tnm.advanced");
  EXPECT_EQ(*json::FindString(advanced, "tier"), "advanced");
  EXPECT_TRUE(json::FindArray(advanced, "checks")->empty()) << "declared only";
  EXPECT_EQ(json::FindArray(advanced, "declarations")->size(), 1u);
  // The list is the programme's own, not Decree 137's.
  EXPECT_EQ(json::FindArray(*rs->Profile("tnm-website-basic"), "sources")->front().get<std::string>(), "tnm-directory");
}

TEST(ProfileConsistency, Decree137HasItsFiveCriteriaWithSecurityByLevel) {
  auto rs = Ruleset::Embedded();
  const json::Array& criteria = *json::FindArray(*rs->Profile("decree-137-trust"), "criteria");
  ASSERT_EQ(criteria.size(), 5u);
  const char* ids[] = {"d137.a", "d137.b", "d137.c", "d137.d", "d137.e"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(*json::FindString(criteria[i], "id"), ids[i]);
    EXPECT_EQ(*json::FindString(json::FindArray(criteria[i], "sources")->front(), "document"), "decree-137-2024");
  }
  EXPECT_EQ(json::FindArray(criteria[0], "declarations")->front().get<std::string>(), "security-level.compliance");
  EXPECT_EQ(json::FindArray(criteria[0], "related_profiles")->size(), 2u);
}

// Communication confidentiality starts at level 3 (Circular 12/2022 Annex III, TCVN 14423:2026).
TEST(ProfileConsistency, LevelTwoHasNoCommunicationCriterion) {
  auto rs = Ruleset::Embedded();
  for (const json::Value& c : *json::FindArray(*rs->Profile("level-2"), "criteria")) {
    const std::string id = *json::FindString(c, "id");
    EXPECT_EQ(id.find(".comm."), std::string::npos) << id;
    for (const json::Value& s : *json::FindArray(c, "sources"))
      EXPECT_EQ(json::FindString(*json::Find(s, "clause"), "vi")->find("Bảo mật thông tin liên lạc"), std::string::npos) << id;
  }
  std::set<std::string> three;
  for (const json::Value& c : *json::FindArray(*rs->Profile("level-3"), "criteria")) three.insert(*json::FindString(c, "id"));
  for (const char* id : {"l3.comm.https", "l3.comm.hsts", "l3.comm.tls-version", "l3.comm.certificate"}) EXPECT_TRUE(three.count(id)) << id;
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
