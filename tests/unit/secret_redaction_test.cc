// Output redaction (report/secret_redaction.h): markers equal to the bundle redaction's
// (SHA-256 known answers), which URL parts are secret, idempotence, the sweep of known secret
// values and its limits, and an audit whose report and SARIF hold none of the seeded secrets
// while the outcomes stay those of the real evidence.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/audit_context.h"
#include "portal_check/auditor.h"
#include "report/secret_redaction.h"
#include "util/json_scan.h"
#include "util/sha256.h"

namespace portal_check {
namespace {

// (The redactor reads its secret names from the context's compiled lists: the context outlives it.)
const AuditContext& Context() {
  static const AuditContext ctx(std::nullopt, &testing::RulesetData());
  return ctx;
}
SecretRedactor Redactor() { return SecretRedactor(Context()); }

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding needs a second block.
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000, 'a')).substr(0, 16), "41edece42d63e8d9");
}

TEST(RedactionMarker, ShapeAndIdempotence) {
  const std::string m = RedactionMarker("abc");
  EXPECT_EQ(m, "REDACTED-ba7816bf");
  EXPECT_TRUE(IsRedactionMarker(m));
  EXPECT_EQ(RedactionMarker(m), m);
  EXPECT_FALSE(IsRedactionMarker("REDACTED-BA7816BF"));
  EXPECT_FALSE(IsRedactionMarker("REDACTED-ba7816b"));
}

TEST(SecretRedactor, UrlParts) {
  SecretRedactor r = Redactor();
  const std::string u = RedactionMarker("user"), p = RedactionMarker("pa:ss");
  EXPECT_EQ(r.RedactUrl("https://user:pa:ss@portal.gov.vn/a"), "https://" + u + ":" + p + "@portal.gov.vn/a");
  EXPECT_EQ(r.RedactUrl("//user@portal.gov.vn/"), "//" + u + "@portal.gov.vn/");
  EXPECT_EQ(r.RedactUrl("https://portal.gov.vn/a@b"), "https://portal.gov.vn/a@b");  // '@' in the path
  EXPECT_EQ(r.RedactUrl("https://x/p;jsessionid=A1B2C3D4E5F6?q=1"),
            "https://x/p;jsessionid=" + RedactionMarker("A1B2C3D4E5F6") + "?q=1");
  EXPECT_EQ(r.RedactUrl("https://x/?sid=12&PHPSESSID=9c1185a5c5e9"),
            "https://x/?sid=12&PHPSESSID=" + RedactionMarker("9c1185a5c5e9"));  // sid=12 is no id
  // A check's own placeholder is no secret: kept, not marked (no second marker for one id).
  EXPECT_EQ(r.RedactUrl("https://x/p;jsessionid=[redacted]?k=1"), "https://x/p;jsessionid=[redacted]?k=1");
  EXPECT_EQ(r.RedactUrl("https://x/?page=2&code=ab"), "https://x/?page=2&code=" + RedactionMarker("ab"));
  EXPECT_EQ(r.RedactUrl("https://x/?pass%77ord=ab"), "https://x/?pass%77ord=" + RedactionMarker("ab"));
  EXPECT_EQ(r.RedactUrl("https://x/(S(lit3py55t21z5v55))/D.aspx"), "https://x/(S(" + RedactionMarker("lit3py55t21z5v55") + "))/D.aspx");
  EXPECT_EQ(r.RedactUrl("https://x/cb#access_token=ya29&state=s"),
            "https://x/cb#access_token=" + RedactionMarker("ya29") + "&state=" + RedactionMarker("s"));
  EXPECT_EQ(r.RedactUrl("https://x/?__RequestVerificationToken=t"), "https://x/?__RequestVerificationToken=" + RedactionMarker("t"));
  EXPECT_EQ(r.RedactUrl("https://x/?q=vi&sort=asc"), "https://x/?q=vi&sort=asc");
  // Idempotent: a redacted URL stays byte-identical.
  const std::string once = r.RedactUrl("https://a:b@x/;jsessionid=0123456789AB?token=t#state=s");
  EXPECT_EQ(r.RedactUrl(once), once);
}

TEST(SecretRedactor, SweepsCollectedValuesInFreeText) {
  SecretRedactor r = Redactor();
  Exchange ex = testing::MakeHtmlPage("https://portal.gov.vn/", "<a href='/x?token=tok_5d41402abc'>x</a>");
  ex.request_headers.Add("Cookie", "ASP.NET_SessionId=\"sess-7f3a9b2c1d\"; lang=vi");
  ex.request_headers.Add("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30");
  ex.request_headers.Add("X-Api-Key", "k3y-0123456789");
  ex.response_headers.Add("Set-Cookie", "auth=q1w2e3r4t5y6u7; Secure");
  const PageModel page = PageModel::Build(ex.body, "utf-8", true);
  r.Collect(ex, &page);
  const std::string text = r.RedactText(
      "seen sess-7f3a9b2c1d, eyJhbGciOiJIUzI1NiJ9.e30 k3y-0123456789 q1w2e3r4t5y6u7 and tok_5d41402abc; lang vi 12345678901");
  for (const char* secret : {"sess-7f3a9b2c1d", "eyJhbGciOiJIUzI1NiJ9", "k3y-0123456789", "q1w2e3r4t5y6u7", "tok_5d41402abc"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  EXPECT_NE(text.find(RedactionMarker("sess-7f3a9b2c1d") + ","), std::string::npos) << text;
  EXPECT_NE(text.find("lang vi 12345678901"), std::string::npos) << "short and all-digit values are not swept";
  // A URL word in free text: by structure, trailing punctuation kept.
  EXPECT_EQ(r.RedactText("(page: https://u:p@x/?code=ab)."),
            "(page: https://" + RedactionMarker("u") + ":" + RedactionMarker("p") + "@x/?code=" + RedactionMarker("ab") + ").");
}

TEST(SecretRedactor, JsonDetails) {
  SecretRedactor r = Redactor();
  const std::string details = R"({"count":2,"urls":["https:\/\/a:b@x\/?sid=ABCDEFGH123","\/plain"]})";
  const std::string out = r.RedactJsonText(details);
  EXPECT_EQ(out.find("ABCDEFGH123"), std::string::npos) << out;
  EXPECT_EQ(out.find("a:b@"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("count":2)"), std::string::npos) << out;
  EXPECT_EQ(r.RedactJsonText(R"({"count":2,"note":"nothing secret"})"), R"({"count":2,"note":"nothing secret"})");
}

// RedactJsonText skips parsing text in which no string can change and redacts the strings of the
// rest as they stand in the text; what it returns must be what parsing, RedactJson and serializing
// give (for compact text with its members sorted, as json::Serialize writes it), for texts with and without URL-like bytes, with secret
// values among the strings (plain, inside longer words, as member names), and for secrets holding
// '/' or 0x7f (written escaped in JSON, so not findable as they are).
TEST(SecretRedactor, JsonTextShortcutAgreesWithTheFullReading) {
  const std::vector<std::string> texts = {
      R"j({"count":2,"note":"nothing secret"})j",
      R"j({"note":"seen sess-7f3a9b2c1d here"})j",
      R"j({"n":1,"note":"xsess-7f3a9b2c1dx"})j",
      // A secret met in a later string is not swept from an earlier one (RedactJson's order).
      R"j({"a":"xnew-secret-42x","b":"https:\/\/x\/?token=new-secret-42","c":"new-secret-42"})j",
      R"j({"sess-7f3a9b2c1d":"member names are not redacted"})j",
      R"j({"note":"ab\/cd\/ef-secret-1"})j",
      R"j({"note":"del\u007fsecret-22"})j",
      R"j({"a":["q1w2e3r4t5y6u7",["deeper q1w2e3r4t5y6u7"]],"b":true})j",
      R"j({"url":"https:\/\/x\/?sid=ABCDEFGH123"})j",
      R"j({"t":"#frag","u":"a;b","v":"mail@x","w":"(S(abc))"})j",
      R"j({"short":"sess"})j",
      R"j({"reason":"it reads: a\/area\/link href, Set-Cookie (and the hops)"})j",
      R"j({"a":"line\n\/etc\/passwd","b":"tab\t#frag"})j",
      R"j({"a":"x\u000b\/path","b":"x\u0001\/path","c":"\u00e9\/p"})j",
      R"j({"a":"quote\"\/q","b":"back\\\/b","c":"\/lead"})j",
      R"j({"a":"x\/y\/z","b":"a#b","c":"\\#x"})j",
      R"j({"\/key":"member names are not redacted"})j",
      R"j({"a":"tab\t#access_token=tok5d41402abc","b":"x\u000b#id_token=tok5d41402abc"})j",
      R"j({"a":"line\n#access_token=tok5d41402abc"})j",
      R"j({"a":"inside#access_token=tok5d41402abc"})j",
      R"j([])j",
      R"j({"bad":"json)j",
  };
  for (bool with_secrets : {false, true}) {
    SecretRedactor fast = Redactor();
    SecretRedactor full = Redactor();
    if (with_secrets) {
      for (SecretRedactor* r : {&fast, &full}) {
        r->RedactUrl("https://x/?sid=sess-7f3a9b2c1d&token=q1w2e3r4t5y6u7");
        r->RedactUrl("https://x/?token=ab/cd/ef-secret-1");
        r->RedactUrl("https://x/?token=del%7Fsecret-22");
      }
    }
    for (const std::string& text : texts) {
      json::Value v;
      std::string expected = text;
      if (json::ParseBounded(text, 64, v).ok() && full.RedactJson(v)) expected = json::Serialize(v);
      EXPECT_EQ(fast.RedactJsonText(text), expected) << text << (with_secrets ? " (with secrets)" : "");
    }
  }
}

// RedactUrlField keeps its recent answers (at most kMaxRememberedUrlFields, while no new secret is
// known): a redactor asked about more URLs than that, each twice, and about a URL again after a new
// secret that occurs in it became known, answers as a redactor that remembers nothing.
TEST(SecretRedactor, UrlFieldAnswersReusedOnlyWhileTheyHold) {
  SecretRedactor reusing = Redactor();
  const std::size_t urls = SecretRedactor::kMaxRememberedUrlFields + 8;
  for (int round = 0; round < 2; ++round)
    for (std::size_t i = 0; i < urls; ++i) {
      const std::string url = "https://portal.gov.vn/p" + std::to_string(i) + "?sid=sess-" + std::to_string(1000000 + i);
      SecretRedactor fresh = Redactor();
      for (std::size_t k = 0; k <= (round == 0 ? i : urls - 1); ++k)  // the secrets `reusing` knows by now
        fresh.RedactUrl("https://portal.gov.vn/p" + std::to_string(k) + "?sid=sess-" + std::to_string(1000000 + k));
      const std::string expected = fresh.RedactUrlField(url);
      EXPECT_EQ(reusing.RedactUrlField(url), expected) << url;
      EXPECT_EQ(reusing.RedactUrlField(url), expected) << url << " (asked again)";
      EXPECT_EQ(reusing.RedactUrlField(url).find("sess-"), std::string::npos) << url;
    }
  // A URL asked for before a secret in it was known: asked again, that secret is swept.
  SecretRedactor r = Redactor();
  const std::string echo = "https://portal.gov.vn/?q=tok-ABCDEFGH1234";
  EXPECT_EQ(r.RedactUrlField(echo), echo);
  r.RedactUrl("https://portal.gov.vn/?token=tok-ABCDEFGH1234");
  EXPECT_EQ(r.RedactUrlField(echo), "https://portal.gov.vn/?q=" + RedactionMarker("tok-ABCDEFGH1234"));
}

TEST(SecretRedactor, SweptSecretsLimitAtAndPast) {
  SecretRedactor r = Redactor();
  for (std::size_t i = 0; i < kMaxSweptSecrets + 5; ++i) r.RedactUrl("https://x/?token=secret-value-" + std::to_string(i) + "-end");
  EXPECT_EQ(r.secret_count(), kMaxSweptSecrets);
  // The last remembered one is swept; one past the limit is only redacted by structure.
  const std::string last = "secret-value-" + std::to_string(kMaxSweptSecrets - 1) + "-end";
  const std::string past = "secret-value-" + std::to_string(kMaxSweptSecrets) + "-end";
  EXPECT_EQ(r.RedactText("x " + last + " y"), "x " + RedactionMarker(last) + " y");
  EXPECT_EQ(r.RedactText("x " + past + " y"), "x " + past + " y");
}

// A HAR whose URLs, cookies and headers carry secrets: the report and the SARIF hold none of
// them, and cookie.session-in-url still finds the session id the real evidence holds.
TEST(SecretRedactor, AuditOutputsHoldNoSeededSecret) {
  const std::string har = R"({"log":{"version":"1.2","entries":[
    {"request":{"method":"GET","url":"https://admin:Pa55w0rd-Seed@portal.gov.vn/home;jsessionid=SEEDJSESSION0001?PHPSESSID=SEEDPHPSESS00002",
      "headers":[{"name":"Cookie","value":"ASP.NET_SessionId=SEEDCOOKIE000003"},{"name":"Authorization","value":"Bearer SEEDBEARER0000004"}]},
     "response":{"status":200,"headers":[{"name":"Content-Type","value":"text/html"},{"name":"Set-Cookie","value":"sid=SEEDSETCOOKIE005; Path=/"}],
      "content":{"mimeType":"text/html","text":"<html><body><a href=\"/(S(SEEDCOOKIELESS06))/a.aspx\">a</a><form method=post action=\"https://u2:SEEDFORMPASS0007@portal.gov.vn/login\"><input type=password name=p></form></body></html>"}}}]}})";
  auto a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value()->Feed(har).ok());
  ASSERT_TRUE(a.value()->Finish().ok());
  const std::string report = a.value()->ReportJson();
  const std::string sarif = a.value()->Sarif();
  for (const char* secret : {"Pa55w0rd-Seed", "admin:", "SEEDJSESSION0001", "SEEDPHPSESS00002", "SEEDCOOKIE000003",
                             "SEEDBEARER0000004", "SEEDSETCOOKIE005", "SEEDCOOKIELESS06", "SEEDFORMPASS0007"}) {
    EXPECT_EQ(report.find(secret), std::string::npos) << secret << " in the report";
    EXPECT_EQ(sarif.find(secret), std::string::npos) << secret << " in the SARIF";
  }
  EXPECT_NE(report.find(RedactionMarker("SEEDJSESSION0001")), std::string::npos);
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(report, 64, v).ok());
  bool session_in_url_present = false;
  for (const json::Value& c : *json::FindArray(v, "checks"))
    if (*json::FindString(c, "id") == "cookie.session-in-url" && *json::FindString(c, "outcome") == "present")
      session_in_url_present = true;
  EXPECT_TRUE(session_in_url_present) << "cookie.session-in-url saw the real id";
}

}  // namespace
}  // namespace portal_check
