// The form.* checks (form_<name>.cc) and the form model they share (normalize/form_model.h).
// Each test starts from one clean page and changes one attribute (or one header) at a time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "checks/audit_context.h"
#include "normalize/form_model.h"
#include "normalize/page_model.h"
#include "util/vietnamese.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::CheckFactory;
using testing::DetailOrNull;

constexpr char kHttps[] = "https://dichvucong.example.gov.vn/dang-nhap";
constexpr char kHttp[] = "http://dichvucong.example.gov.vn/dang-nhap";

// The clean login form: POST to a relative action, with a token, a labelled user field.
constexpr char kLoginForm[] =
    "<form method=\"post\" action=\"/dang-nhap\" id=\"f\">"
    "<label for=\"u\">Tên đăng nhập</label><input id=\"u\" name=\"username\">"
    "<label for=\"p\">Mật khẩu</label><input id=\"p\" type=\"password\" name=\"password\">"
    "<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"CfDJ8\">"
    "<button type=\"submit\">Đăng nhập</button></form>";

std::string Page(const std::string& body) {
  return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng dịch vụ công</title></head><body>" +
         body + "</body></html>";
}

// `s` with the first `from` replaced by `to` (the one-attribute change of a test).
std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

Exchange Get(const std::string& url, const std::string& body) { return testing::MakeHtmlPage(url, Page(body)); }

CheckResult RunPage(CheckFactory make, const std::string& body, const std::string& url = kHttps) {
  return testing::RunOne(make, {Get(url, body)});
}

std::string Outcome(CheckFactory make, const std::string& body, const std::string& url = kHttps) {
  return RunPage(make, body, url).outcome;
}

// ---- form model ------------------------------------------------------------------------------

PageForms Forms(const std::string& html, const std::string& url = kHttps) {
  static std::vector<PageModel> keep;  // the views point into the model
  keep.push_back(PageModel::Build(html, "", true));
  return BuildPageForms(keep.back(), Url::Parse(url));
}

TEST(FormModel, ResolvesActionMethodAndLabels) {
  const PageForms f = Forms(Page(kLoginForm));
  ASSERT_EQ(f.forms.size(), 1u);
  const FormView& v = f.forms[0];
  EXPECT_EQ(v.method, "post");
  ASSERT_TRUE(v.action);
  EXPECT_EQ(v.action->href(), "https://dichvucong.example.gov.vn/dang-nhap");
  ASSERT_EQ(v.fields.size(), 3u);
  EXPECT_EQ(v.fields[0].label, "ten dang nhap");
  EXPECT_TRUE(v.fields[1].IsPassword());
  EXPECT_EQ(v.fields[2].type, "hidden");
  EXPECT_EQ(v.submitters.size(), 1u);
}

TEST(FormModel, MethodDefaultsToGetAndEmptyActionIsThePage) {
  const PageForms f = Forms(Page("<form method=\"PUT\" action=\"  \"><input name=q></form>"));
  ASSERT_EQ(f.forms.size(), 1u);
  EXPECT_EQ(f.forms[0].method, "get");
  ASSERT_TRUE(f.forms[0].action);
  EXPECT_EQ(f.forms[0].action->href(), kHttps);
}

TEST(FormModel, BaseHrefWrappingLabelPlaceholderAndFormAttribute) {
  const std::string html =
      "<html><head><base href=\"https://cdn.example.vn/app/\"></head><body>"
      "<form id=\"k\" action=\"gui\"><label>Họ và TÊN <input name=\"a\"></label></form>"
      "<input form=\"k\" name=\"b\" placeholder=\"Số điện thoại\" aria-label=\"Phone\">"
      "<button form=\"k\" formaction=\"http://x.example.vn/\" formmethod=\"POST\">Gửi</button></body></html>";
  const PageForms f = Forms(html);
  ASSERT_EQ(f.forms.size(), 1u);
  const FormView& v = f.forms[0];
  EXPECT_EQ(v.action->href(), "https://cdn.example.vn/app/gui");
  ASSERT_EQ(v.fields.size(), 2u);
  EXPECT_EQ(v.fields[0].label, "ho va ten");
  EXPECT_EQ(v.fields[1].label, "so dien thoai | phone");
  ASSERT_EQ(v.submitters.size(), 1u);
  EXPECT_EQ(*v.submitters[0].formmethod, "post");
  EXPECT_TRUE(v.SubmitsWith("post"));
  EXPECT_TRUE(v.SubmitsWith("get"));
  EXPECT_EQ(v.Targets().size(), 2u);
  EXPECT_TRUE(f.loose.empty());
}

TEST(FormModel, LegacyTableFormKeepsItsFields) {
  const PageForms f = Forms(
      "<HTML><BODY><TABLE><TR><TD><FORM METHOD=POST ACTION=login.asp><TABLE><TR><TD>Tài khoản<TD><INPUT NAME=u>"
      "<TR><TD>Mật khẩu<TD><INPUT TYPE=PASSWORD NAME=p></TABLE></FORM></TABLE></BODY></HTML>",
      "http://ubnd.example.gov.vn/");
  ASSERT_EQ(f.forms.size(), 1u);
  EXPECT_EQ(f.forms[0].fields.size(), 2u);
  EXPECT_TRUE(f.forms[0].HasPassword());
  EXPECT_EQ(f.forms[0].action->href(), "http://ubnd.example.gov.vn/login.asp");
}

TEST(FormModel, Windows1258LabelsFoldLikeUtf8) {
  // "Số CMND" in windows-1258: "S" 0xF4 (ô) 0xEC (combining acute) ...
  const std::string bytes =
      "<HTML><HEAD><META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></HEAD><BODY>"
      "<FORM><LABEL for=c>S\xF4\xEC CMND</LABEL><INPUT id=c name=x></FORM></BODY></HTML>";
  static PageModel model = PageModel::Build(bytes, "", false);
  const PageForms f = BuildPageForms(model, Url::Parse(kHttp));
  ASSERT_EQ(f.forms.size(), 1u);
  ASSERT_EQ(f.forms[0].fields.size(), 1u);
  EXPECT_EQ(f.forms[0].fields[0].label, vietnamese::FoldForMatch("Số CMND"));
}

TEST(FormModel, PersonalAndSensitiveMatchers) {
  const AuditContext ctx(Url::Parse(kHttps), &testing::RulesetData());
  const PersonalDataMatcher personal(ctx);
  const SensitiveFieldMatcher sensitive(ctx);
  FormField f;
  f.type = "text";
  f.name = "ctl00$Main$txtHo_Ten";
  EXPECT_TRUE(personal.IsPersonal(f));
  f.name = "q";
  EXPECT_FALSE(personal.IsPersonal(f));
  f.label = vietnamese::FoldForMatch("NGÀY SINH");
  EXPECT_TRUE(personal.IsPersonal(f));
  EXPECT_EQ(sensitive.Kind(f), "");
  f.label = vietnamese::FoldForMatch("Số căn cước");
  EXPECT_EQ(sensitive.Kind(f), "citizen_id");
  f.label.clear();
  f.autocomplete = "cc-number";
  EXPECT_EQ(sensitive.Kind(f), "card");
  f.autocomplete = "one-time-code";
  EXPECT_EQ(sensitive.Kind(f), "otp");
  f.autocomplete.clear();
  f.name = "txtMaOTP";
  EXPECT_EQ(sensitive.Kind(f), "otp");
}

// ---- form.password-over-http ------------------------------------------------------------------

TEST(FormModel, NameTokenMatchesStartOrEndOfANameToken) {
  const std::vector<std::string> needles = {"phone", "hoten", "email", "address"};
  for (const char* name : {"txtHoTen", "txthoten", "txtHo_Ten", "phoneNumber", "phonenumber", "your-phone", "MobilePhone",
                           "emailaddress", "ctl00$Main$txtEmail", "user[address]"})
    EXPECT_TRUE(NameTokenMatches(name, needles)) << name;
  for (const char* name : {"_mc4wp_honeypot", "honeypot", "xhotenx", ""})
    EXPECT_FALSE(NameTokenMatches(name, needles)) << name;
  EXPECT_FALSE(NameTokenMatches("phone", {""})) << "an empty needle matches nothing";
}

TEST(FormPasswordOverHttp, OnlyTheSchemeChanges) {
  EXPECT_EQ(Outcome(FactoryOf("form.password-over-http"), kLoginForm), "none");
  EXPECT_EQ(Outcome(FactoryOf("form.password-over-http"), kLoginForm, kHttp), "present");
  EXPECT_EQ(Outcome(FactoryOf("form.password-over-http"), Replace(kLoginForm, "type=\"password\"", "type=\"text\""), kHttp), "none");
  EXPECT_EQ(Outcome(FactoryOf("form.password-over-http"), "<p>Tin tức</p>", kHttp), "not-applicable");
}

TEST(FormPasswordOverHttp, LoosePasswordFieldCounts) {
  const CheckResult r = RunPage(FactoryOf("form.password-over-http"), "<div><input type=\"password\" id=\"pw\"></div>", kHttp);
  EXPECT_EQ(r.outcome, "present");
  EXPECT_EQ(DetailOrNull(r, "password_fields").serialize(), "[\"pw\"]");
}

// ---- form.insecure-action -------------------------------------------------------------------

TEST(FormInsecureAction, OneActionAtATime) {
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"), kLoginForm), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"),
                    Replace(kLoginForm, "action=\"/dang-nhap\"", "action=\"http://dichvucong.example.gov.vn/dang-nhap\"")),
            "downgrade");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"),
                    Replace(kLoginForm, "<button type=\"submit\"", "<button formaction=\"http://a.example.vn/\" type=\"submit\"")),
            "downgrade");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"), kLoginForm, kHttp), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"),
                    Replace(kLoginForm, "action=\"/dang-nhap\"", "action=\"https://dichvucong.example.gov.vn/dang-nhap\""), kHttp),
            "http-page-https-form");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"), Replace(kLoginForm, "action=\"/dang-nhap\"", "action=\"javascript:void(0)\"")), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.insecure-action"), "<input name=q>"), "not-applicable");
}

// ---- form.credentials-in-get ----------------------------------------------------------------

TEST(FormCredentialsInGet, MethodAndFieldKinds) {
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), kLoginForm), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), Replace(kLoginForm, "method=\"post\" ", "")), "get-credentials");
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), Replace(kLoginForm, "method=\"post\"", "method=\"get\"")), "get-credentials");
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), Replace(kLoginForm, "type=\"submit\"", "formmethod=\"get\"")), "get-credentials");
  // A GET form without a password: not applicable; with a CMND field: fails.
  const std::string search = "<form action=\"/tra-cuu\"><input name=\"q\"></form>";
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), search), "not-applicable");
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), Replace(search, "name=\"q\"", "name=\"soCMND\"")), "get-credentials");
  EXPECT_EQ(Outcome(FactoryOf("form.credentials-in-get"), Replace(search, "name=\"q\"", "name=\"otp\"")), "get-credentials");
}

// ---- form.external-action -------------------------------------------------------------------

TEST(FormExternalAction, SiteAndPassword) {
  EXPECT_EQ(Outcome(FactoryOf("form.external-action"), kLoginForm), "same-site");
  EXPECT_EQ(Outcome(FactoryOf("form.external-action"), Replace(kLoginForm, "/dang-nhap\"", "https://sso.example.gov.vn/\"")), "same-site");
  EXPECT_EQ(Outcome(FactoryOf("form.external-action"), Replace(kLoginForm, "/dang-nhap\"", "https://evil.example.com/\"")),
            "external-credentials");
  const std::string search = "<form action=\"https://www.google.com/search\"><input name=\"q\"></form>";
  const CheckResult r = RunPage(FactoryOf("form.external-action"), search);
  EXPECT_EQ(r.outcome, "external");
  EXPECT_EQ(DetailOrNull(r, "page_site").get<std::string>(), "example.gov.vn");
  EXPECT_EQ(Outcome(FactoryOf("form.external-action"), "<form action=\"mailto:a@b.vn\"><input name=q></form>"), "not-applicable");
}

// ---- form.csrf-token ------------------------------------------------------------------------

Exchange WithCookie(const std::string& body, const std::string& cookie) {
  Exchange e = Get(kHttps, body);
  e.response_headers.Add("Set-Cookie", cookie);
  return e;
}

TEST(FormCsrfToken, TokenThenSameSite) {
  const std::string bare = Replace(kLoginForm, "name=\"__RequestVerificationToken\"", "name=\"ghichu\"");
  EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), kLoginForm), "protected");
  EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), bare), "missing");
  for (const char* name : {"csrfmiddlewaretoken", "_token", "authenticity_token", "form_key", "X_CSRF_Value"})
    EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), Replace(bare, "name=\"ghichu\"", std::string("name=\"") + name + "\"")), "protected")
        << name;
  auto with = [&](const std::string& cookie) { return testing::RunOne(FactoryOf("form.csrf-token"), {WithCookie(bare, cookie)}).outcome; };
  EXPECT_EQ(with("ASP.NET_SessionId=a; path=/; SameSite=Lax"), "samesite-only");
  EXPECT_EQ(with("ASP.NET_SessionId=a; path=/; SameSite=Strict"), "samesite-only");
  EXPECT_EQ(with("ASP.NET_SessionId=a; path=/; SameSite=None; Secure"), "missing");
  EXPECT_EQ(with("ASP.NET_SessionId=a; path=/"), "missing");
  EXPECT_EQ(with("_ga=GA1.2; SameSite=Lax"), "missing");  // not a session cookie
}

TEST(FormCsrfToken, ViewStateNeedsMacHintAndGetFormsDoNotCount) {
  const std::string vs = "<form method=\"post\"><input type=hidden name=\"__VIEWSTATE\" value=\"x\"><input name=a></form>";
  EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), vs), "missing");
  const CheckResult r =
      RunPage(FactoryOf("form.csrf-token"), Replace(vs, "<input name=a>", "<input type=hidden name=\"__EVENTVALIDATION\" value=\"y\"><input name=a>"));
  EXPECT_EQ(r.outcome, "protected");
  EXPECT_TRUE(DetailOrNull(r, "viewstate_only").get<bool>());
  EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), Replace(vs, "method=\"post\"", "method=\"get\"")), "not-applicable");
  EXPECT_EQ(Outcome(FactoryOf("form.csrf-token"), Replace(vs, "<form method=\"post\"", "<form method=\"post\" action=\"https://pay.example.com/\"")),
            "not-applicable");
}

// ---- form.paste-prevention -------------------------------------------------------------------

TEST(FormPastePrevention, Handlers) {
  EXPECT_EQ(Outcome(FactoryOf("form.paste-prevention"), kLoginForm), "none");
  for (const char* attr : {"onpaste=\"return false\"", "ONPASTE=\"Return  False;\"", "ondrop=\"return false\"",
                           "oncopy=\"event.preventDefault()\"", "onpaste=\"window.event.returnValue = false\""})
    EXPECT_EQ(Outcome(FactoryOf("form.paste-prevention"), Replace(kLoginForm, "type=\"password\"", std::string("type=\"password\" ") + attr)),
              "blocks-paste")
        << attr;
  EXPECT_EQ(Outcome(FactoryOf("form.paste-prevention"), Replace(kLoginForm, "type=\"password\"", "type=\"password\" onpaste=\"log()\"")), "none");
  EXPECT_EQ(Outcome(FactoryOf("form.paste-prevention"), Replace(kLoginForm, "id=\"f\"", "id=\"f\" onpaste=\"return false\"")), "blocks-paste");
}

// ---- form.autocomplete ----------------------------------------------------------------------

TEST(FormAutocomplete, TokensAndInheritance) {
  const std::string otp = "<form method=\"post\"><input name=\"otp\"></form>";
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), otp), "sensitive-autofill");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "name=\"otp\"", "name=\"otp\" autocomplete=\"one-time-code\"")), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "name=\"otp\"", "name=\"otp\" autocomplete=\"off\"")), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "method=\"post\"", "method=\"post\" autocomplete=\"off\"")), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "name=\"otp\"", "name=\"x1\" autocomplete=\"cc-number\"")), "ok");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "name=\"otp\"", "name=\"otp\" autocomplete=\"cc-number\"")), "sensitive-autofill");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), Replace(otp, "name=\"otp\"", "name=\"cmnd\" autocomplete=\"one-time-code\"")),
            "sensitive-autofill");
  EXPECT_EQ(Outcome(FactoryOf("form.autocomplete"), kLoginForm), "not-applicable");
}

// ---- form.personal-data-consent --------------------------------------------------------------

constexpr char kFeedback[] =
    "<section><form method=\"post\"><label for=\"a\">Họ và tên</label><input id=\"a\" name=\"f1\">"
    "<label for=\"b\">Số điện thoại</label><input id=\"b\" name=\"f2\"><input type=\"checkbox\" id=\"c\" name=\"f3\">"
    "<label for=\"c\">Nhận thông báo</label></form></section>";

TEST(FormPersonalDataConsent, CheckboxLabelOrNearbyPolicyLink) {
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"), kFeedback), "no-consent");
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"), Replace(kFeedback, "Nhận thông báo", "TÔI ĐỒNG Ý với điều khoản")), "consented");
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"), Replace(kFeedback, "name=\"f3\"", "name=\"chkConsent\"")), "consented");
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"),
                    Replace(kFeedback, "</form>", "</form><a href=\"/chinh-sach-bao-mat\">Xem thêm</a>")),
            "consented");
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"),
                    Replace(kFeedback, "</section>", "</section><div><p>1<p>2<p>3<p>4<p>5<p>6<p>7<p>8<p>9<p>10<p>11<p>12<p>13</div>"
                                                         "<a href=\"/privacy\">Privacy</a>")),
            "no-consent");
  // One personal field (a newsletter) is not a personal-data form.
  EXPECT_EQ(Outcome(FactoryOf("form.personal-data-consent"), "<form><input name=\"email\"><input name=\"q\"></form>"), "not-applicable");
}

// ---- form.file-upload and form.login --------------------------------------------------------

TEST(FormFileUpload, FileInputsAndAccept) {
  EXPECT_EQ(Outcome(FactoryOf("form.file-upload"), kLoginForm), "none");
  const CheckResult r = RunPage(FactoryOf("form.file-upload"), Replace(kLoginForm, "name=\"username\"", "name=\"tep\" type=\"file\""));
  EXPECT_EQ(r.outcome, "present");
  EXPECT_EQ(DetailOrNull(r, "without_accept").get<std::int64_t>(), 1);
  const CheckResult a = RunPage(FactoryOf("form.file-upload"), Replace(kLoginForm, "name=\"username\"", "name=\"tep\" type=\"file\" accept=\".pdf\""));
  EXPECT_EQ(DetailOrNull(a, "without_accept").get<std::int64_t>(), 0);
  EXPECT_EQ(Outcome(FactoryOf("form.file-upload"), "<p>Tin</p>"), "not-applicable");
}

TEST(FormLogin, PasswordFormIsFound) {
  const CheckResult r = RunPage(FactoryOf("form.login"), kLoginForm);
  EXPECT_EQ(r.outcome, "found");
  EXPECT_EQ(json::Serialize(DetailOrNull(r, "login_forms")),
            "[{\"action\":\"https:\\/\\/dichvucong.example.gov.vn\\/dang-nhap\",\"form\":0,\"kind\":\"login\",\"method\":\"post\","
            "\"user_field\":\"username\"}]");
  EXPECT_EQ(Outcome(FactoryOf("form.login"), Replace(kLoginForm, "type=\"password\"", "type=\"text\"")), "none");
  EXPECT_EQ(Outcome(FactoryOf("form.login"), "<p>Tin</p>"), "none");
}

TEST(FormChecks, LongSiteStringsAreCut) {
  const CheckResult r = RunPage(FactoryOf("form.login"), Replace(kLoginForm, "name=\"username\"", "name=\"" + std::string(500, 'u') + "\""));
  const std::string user = DetailOrNull(r, "login_forms").get<json::Array>()[0].get("user_field").get<std::string>();
  EXPECT_LE(user.size(), 131u);
  EXPECT_EQ(user.substr(user.size() - 3), "\xE2\x80\xA6");
}

}  // namespace
}  // namespace portal_check
