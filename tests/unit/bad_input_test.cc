// Hostile and broken evidence: every case gets a clear error or a notice, never a crash or hang.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "evidence/har_reader.h"
#include "evidence/limits.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

std::string Har(const std::string& entries) { return R"({"log":{"version":"1.2","entries":[)" + entries + "]}}"; }

json::Value Report(const std::string& har) { return testing::AuditHarReport(har); }

bool HasNotice(const json::Value& report, const std::string& code) {
  const json::Array* notices = json::FindArray(report, "notices");
  if (!notices) return false;
  for (const auto& n : *notices)
    if (const std::string* c = json::FindString(n, "code"); c && *c == code) return true;
  return false;
}

// Every document here is a fixture of tests/fixtures/bad-input/ (README.md there), so that
// tests/js/bad-input-parity.test.mjs can require the same outcome from the wasm engine.
StatusOr<std::string> AuditFixture(const std::string& name) { return testing::AuditHarText(testing::BadInput(name)); }
json::Value FixtureReport(const std::string& name) { return Report(testing::BadInput(name)); }

// The audit of fixture `name` fails with `code` and a message containing each of `parts`.
void ExpectError(const std::string& name, StatusCode code, const std::vector<std::string>& parts) {
  auto r = AuditFixture(name);
  ASSERT_FALSE(r.ok()) << name;
  EXPECT_EQ(r.status().code(), code) << name << ": " << r.status().ToString();
  for (const std::string& part : parts) EXPECT_NE(r.status().message().find(part), std::string::npos) << name << ": " << r.status().message();
}

// The audit of fixture `name` succeeds, skipping an entry with an "entry-unreadable" notice whose
// message contains each of `parts`.
void ExpectSkippedEntry(const std::string& name, const std::vector<std::string>& parts) {
  const json::Value report = FixtureReport(name);
  const json::Array* notices = json::FindArray(report, "notices");
  ASSERT_NE(notices, nullptr) << name;
  bool found = false;
  for (const json::Value& n : *notices) {
    const std::string* code = json::FindString(n, "code");
    const std::string* message = json::FindString(n, "message");
    if (!code || *code != "entry-unreadable" || !message) continue;
    found = true;
    for (const std::string& part : parts) EXPECT_NE(message->find(part), std::string::npos) << name << ": " << *message;
  }
  EXPECT_TRUE(found) << name << ": no entry-unreadable notice";
}

TEST(BadInput, NotJson) { ExpectError("not-json.har", StatusCode::kInvalidArgument, {"not a HAR"}); }

TEST(BadInput, EmptyInput) { ExpectError("empty.har", StatusCode::kInvalidArgument, {"empty"}); }

TEST(BadInput, TruncatedJsonAtEveryCutPoint) {
  const std::string full = testing::BadInput("truncated.cuts.har");
  ASSERT_FALSE(full.empty());
  for (std::size_t cut = 0; cut < full.size(); ++cut) {
    auto r = testing::AuditHarText(full.substr(0, cut));
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << "cut at " << cut;
    }
  }
  EXPECT_TRUE(testing::AuditHarText(full).ok());
}

TEST(BadInput, MissingRequiredFieldsAreNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {"missing-request.har", "request"},        {"missing-response.har", "response"},
      {"missing-method.har", "request.method"},  {"missing-url.har", "request.url"},
      {"status-not-number.har", "response.status"}, {"entry-not-object.har", "not a JSON object"},
  };
  // An entry that cannot be read costs only itself: a notice names it and the field, and the
  // rest of the HAR is audited.
  for (const auto& [name, field] : cases) ExpectSkippedEntry(name, {field, "entry 0"});
  for (const char* name : {"log-without-entries.har", "entries-not-array.har", "no-log.har"})
    EXPECT_FALSE(AuditFixture(name).ok()) << name;
}

TEST(BadInput, DeepNestingIsRejectedWithoutRecursion) {
  // Outside the entries (here log.pages) nesting past the limit rejects the document.
  ExpectError("deep-outside-entries.recipe.json", StatusCode::kResourceExhausted, {"kMaxJsonDepth"});
  // Inside an entry (nesting in an unknown member) the entry is skipped without recursion, with a
  // notice, and the audit goes on.
  auto r2 = AuditFixture("deep-inside-entry.recipe.json");
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_NE(r2.value().find("kMaxJsonDepth"), std::string::npos);
  // Unbalanced inside the skipped part: the document never ends, so it is truncated input.
  EXPECT_FALSE(AuditFixture("deep-unbalanced.recipe.json").ok());
}

TEST(BadInput, DepthLimitIsExactlyAtTheConstant) {
  auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  json::Value v;
  EXPECT_TRUE(json::ParseBounded(nested(limits::kMaxJsonDepth), limits::kMaxJsonDepth, v).ok());
  EXPECT_EQ(json::ParseBounded(nested(limits::kMaxJsonDepth + 1), limits::kMaxJsonDepth, v).code(),
            StatusCode::kResourceExhausted);
  // Through the whole engine: an entry at the limit is audited, one level more is skipped with a
  // notice; the HAR's own structure at the limit is read, one level more is rejected.
  auto at = AuditFixture("depth-entry-at-limit.recipe.json");
  ASSERT_TRUE(at.ok()) << at.status().ToString();
  EXPECT_EQ(at.value().find("kMaxJsonDepth"), std::string::npos);
  auto past = AuditFixture("depth-entry-past-limit.recipe.json");
  ASSERT_TRUE(past.ok()) << past.status().ToString();
  EXPECT_NE(past.value().find("kMaxJsonDepth"), std::string::npos);
  EXPECT_TRUE(AuditFixture("depth-outside-at-limit.recipe.json").ok());
  ExpectError("depth-outside-past-limit.recipe.json", StatusCode::kResourceExhausted, {"kMaxJsonDepth", "at byte 103"});
}

TEST(BadInput, HundredMegabyteBodyIsCutWithANotice) {
  json::Value report = FixtureReport("body-100mb.recipe.json");
  EXPECT_TRUE(HasNotice(report, "kMaxBodyBytes"));
  EXPECT_GE(json::FindArray(report, "checks")->size(), 1u);
}

TEST(BadInput, BodyAtTheLimitHasNoNotice) {
  const std::string har = testing::BadInput("body-at-limit.recipe.json");
  EXPECT_NE(har.find("\"" + std::string(limits::kMaxBodyBytes, 'a') + "\""), std::string::npos);
  EXPECT_FALSE(HasNotice(Report(har), "kMaxBodyBytes"));
}

TEST(BadInput, TenThousandHeadersAreCappedWithANotice) {
  EXPECT_TRUE(HasNotice(FixtureReport("headers-10000.recipe.json"), "kMaxHeadersPerMessage"));
}

TEST(BadInput, HeadersAtTheLimitHaveNoNotice) {
  const std::string har = testing::BadInput("headers-at-limit.recipe.json");
  EXPECT_NE(har.find("\"X-H" + std::to_string(limits::kMaxHeadersPerMessage - 1) + "\""), std::string::npos);
  EXPECT_EQ(har.find("\"X-H" + std::to_string(limits::kMaxHeadersPerMessage) + "\""), std::string::npos);
  EXPECT_FALSE(HasNotice(Report(har), "kMaxHeadersPerMessage"));
}

TEST(BadInput, MegabyteHeaderValueIsCutWithANotice) {
  EXPECT_TRUE(HasNotice(FixtureReport("header-value-1mb.recipe.json"), "kMaxHeaderValueBytes"));
  const std::string at = testing::BadInput("header-value-at-limit.recipe.json");
  EXPECT_NE(at.find("\"" + std::string(limits::kMaxHeaderValueBytes, 'a') + "\""), std::string::npos);
  EXPECT_FALSE(HasNotice(Report(at), "kMaxHeaderValueBytes"));
}

// True when `s` is valid UTF-8 without NUL bytes.
::testing::AssertionResult ValidUtf8WithoutNul(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0) return ::testing::AssertionFailure() << "invalid lead byte at " << i;
    for (std::size_t k = 1; k < len; ++k)
      if (i + k >= s.size() || static_cast<unsigned char>(s[i + k]) >> 6 != 2u) return ::testing::AssertionFailure() << "at " << i;
    i += len;
  }
  if (s.find('\0') != std::string::npos) return ::testing::AssertionFailure() << "a NUL byte";
  return ::testing::AssertionSuccess();
}

TEST(BadInput, InvalidUtf8AndNulBytesGiveValidUtf8Reports) {
  // Raw invalid UTF-8 bytes inside JSON strings (passed through by the parser) and escaped NULs.
  auto text = AuditFixture("invalid-utf8-nul.har");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_TRUE(ValidUtf8WithoutNul(text.value()));
}

// A lone surrogate escape is read as U+FFFD (as JSON.parse + UTF-8 encoding): the HAR is audited.
TEST(BadInput, LoneSurrogatesAreReadAsReplacementCharacters) {
  auto text = AuditFixture("lone-surrogates.har");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_TRUE(ValidUtf8WithoutNul(text.value()));
  EXPECT_NE(text.value().find("nginx \xEF\xBF\xBD end"), std::string::npos);  // the Server header, quoted
  // The entry reads as its decoded text: the lone ones replaced, the pair kept.
  const std::string har = testing::BadInput("lone-surrogates.har");
  const std::size_t from = har.find("[{\"request\"") + 1;
  Notices notices;
  auto ex = ReadHarEntry(std::string_view(har).substr(from, har.rfind("]}}") - from), 0, notices);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::vector<std::string> values;
  for (const auto& h : ex.value().response_headers.fields()) values.push_back(h.value);
  EXPECT_EQ(values, (std::vector<std::string>{"nginx \xEF\xBF\xBD end", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80 \xEF\xBF\xBD" "A"}));
}

TEST(BadInput, Base64BodiesDecodeAndBadBase64GivesANotice) {
  EXPECT_FALSE(HasNotice(FixtureReport("base64-good.har"), "invalid-base64"));
  EXPECT_TRUE(HasNotice(FixtureReport("base64-bad.har"), "invalid-base64"));
}

// Fuzzer finding (tests/fuzz-regressions/har_reader/): a certificate validity far outside the
// int64 range was cast from double (undefined behaviour under UBSan). It now counts as absent.
TEST(BadInput, CertificateTimesOutOfRangeAreIgnored) {
  for (const char* value : {"1e80", "minus-1e80", "9.3e18", "1e308"}) {
    const std::string har = testing::BadInput(std::string("certificate-valid-to-") + value + ".har");
    const std::size_t from = har.find("[{") + 1;
    const std::string entry = har.substr(from, har.rfind("]}}") - from);
    Notices notices;
    auto ex = ReadHarEntry(entry, 0, notices);
    ASSERT_TRUE(ex.ok()) << value;
    ASSERT_TRUE(ex.value().tls.has_value());
    EXPECT_FALSE(ex.value().tls->valid_to.has_value()) << value;
    EXPECT_EQ(ex.value().tls->valid_from, 0);
    EXPECT_TRUE(testing::AuditHarText(har).ok()) << value;
  }
  const std::string regression = testing::ReadFileOrEmpty(
      testing::SourceDir() + "/tests/fuzz-regressions/har_reader/minimized-validTo-1e80.json");
  ASSERT_FALSE(regression.empty());
  (void)testing::AuditHarText(Har(regression.substr(1)));  // the first byte is the fuzzer's chunk selector
}

// A number outside double's range is valid JSON that the engine cannot hold: a clear input error
// naming it and its byte, never an exception out of the core (found by the har_reader fuzzer).
TEST(BadInput, NumberOutOfDoubleRangeIsAClearError) {
  ExpectSkippedEntry("number-1e400.har", {"entry 0", "JSON number out of range at byte 109"});
  ExpectSkippedEntry("number-minus-1e400.har", {"entry 0", "JSON number out of range at byte 110"});
  json::Value v;
  EXPECT_FALSE(json::ParseBounded("[1e400]", 8, v).ok());
  EXPECT_FALSE(json::ParseBounded("-1e99999", 8, v).ok());
  EXPECT_TRUE(json::ParseBounded("1e300", 8, v).ok());
}

// Two members of the same name: outside the entries the HAR is rejected naming the member and the
// byte of its second name; inside an entry the entry's reader reports it the same way.
TEST(BadInput, DuplicateMembersAreOneClearInputError) {
  const std::pair<const char*, const char*> outside[] = {
      {"duplicate-root-log.har", "duplicate member 'log' at byte 38"},
      {"duplicate-log-entries.har", "duplicate member 'entries' at byte 196"},
      {"duplicate-portal-check.har", "duplicate member '_portalCheck' at byte 67"},
      {"duplicate-in-page.har", "duplicate member 'id' at byte 27"},
  };
  for (const auto& [name, message] : outside) {
    auto r = AuditFixture(name);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().ToString(), std::string("invalid-argument: ") + message) << name;
  }
  const std::string har = testing::BadInput("duplicate-in-entry.har");
  const std::size_t from = har.find("[{") + 1;
  Notices notices;
  auto ex = ReadHarEntry(std::string_view(har).substr(from, har.rfind("]}}") - from), 0, notices);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().ToString(), "invalid-argument: entry 0: duplicate member 'method' at byte 53");
}

TEST(BadInput, ExtraDataAfterTheHarIsAnError) {
  ExpectError("extra-data.har", StatusCode::kInvalidArgument, {"unexpected data after the HAR's JSON object"});
}

TEST(BadInput, ByteOrderMarkIsAccepted) { EXPECT_TRUE(AuditFixture("bom.har").ok()); }

// Pages in hostile or odd charsets (README.md of the fixtures; the parity suite requires the wasm
// engine to give the same bytes): EBCDIC and UCS-4 detected from the first bytes, a meta naming a
// charset glibc knows and the engine does not (IBM273), a loosely spelt header charset, a byte
// windows-1252 lacks, a malformed header charset, EUC-JP in a meta after an unknown header one.
// Only the charsets the engine does not decode are named, each with its entry.
TEST(BadInput, CharsetsTheEngineDoesNotDecodeAreNamed) {
  const json::Value report = FixtureReport("charsets.har");
  std::vector<std::size_t> entries;
  for (const json::Value& n : *json::FindArray(report, "notices"))
    if (*json::FindString(n, "code") == "charset-not-decoded") {
      entries.push_back(static_cast<std::size_t>(json::Find(n, "entry")->get<double>()));
      EXPECT_NE(json::FindString(n, "message")->find("does not decode"), std::string::npos);
    }
  EXPECT_EQ(entries, (std::vector<std::size_t>{0, 1, 6}));
}

// Every fixture is used by a test above (the parity suite runs them all through wasm too).
TEST(BadInput, EveryFixtureIsUsedHere) {
  const std::string self = testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/unit/bad_input_test.cc");
  ASSERT_FALSE(self.empty());
  for (const std::string suffix : {".har", ".recipe.json"})
    for (const std::string& name : testing::ListFiles(testing::SourceDir() + "/tests/fixtures/bad-input", suffix)) {
      const std::string stem = name.substr(0, name.size() - suffix.size());
      const bool listed = self.find('"' + name + '"') != std::string::npos ||
                          (stem.rfind("certificate-valid-to-", 0) == 0 && self.find("\"certificate-valid-to-\"") != std::string::npos);
      EXPECT_TRUE(listed) << name << " is not used by bad_input_test.cc";
    }
}

TEST(IsoDateTime, ParsesRfc3339Forms) {
  EXPECT_EQ(ParseIsoDateTime("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIsoDateTime("2026-11-29T07:00:00+07:00"), ParseIsoDateTime("2026-11-29T00:00:00Z"));
  EXPECT_EQ(ParseIsoDateTime("2026-11-29T00:00:00.123Z"), ParseIsoDateTime("2026-11-29T00:00:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("yesterday"));
  EXPECT_FALSE(ParseIsoDateTime("2026-11-29T00:00:00Zjunk"));
}

}  // namespace
}  // namespace portal_check
