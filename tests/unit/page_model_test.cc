#include <gtest/gtest.h>

#include "evidence/limits.h"
#include "normalize/page_model.h"

namespace portal_check {
namespace {

TEST(PageModel, RecordsElementsAttributesAndFormOwnership) {
  const char* html = R"(<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sở TT&amp;TT</title>
<script src="/js/jquery-1.12.4.min.js"></script><base href="/goc/"></head><body>
<form id="f1" action="/dang-nhap" method="post"><input type="text" name="tendangnhap">
<input type="password" name="matkhau"></form>
<input type="hidden" name="__RequestVerificationToken" form="f1">
<a href="/lien-he" target="_blank">Liên hệ</a><!-- TODO: xoá tài khoản test --></body></html>)";
  PageModel m = PageModel::Build(html, "", true);
  ASSERT_TRUE(m.parsed());
  ASSERT_EQ(m.forms().size(), 1u);
  const HtmlElement& form = m.elements()[m.forms()[0]];
  EXPECT_EQ(*form.Attr("action"), "/dang-nhap");
  int owned = 0;
  for (const HtmlElement& e : m.elements())
    if (e.tag == "input" && e.form == 0) ++owned;
  EXPECT_EQ(owned, 3) << "two inputs inside the form and one attached with form=";
  EXPECT_EQ(m.meta_charset(), "utf-8");
  EXPECT_EQ(m.base_href(), "/goc/");
  auto scripts = m.ElementsWithTag("script");
  ASSERT_EQ(scripts.size(), 1u);
  EXPECT_EQ(*m.elements()[scripts[0]].Attr("src"), "/js/jquery-1.12.4.min.js");
  auto titles = m.ElementsWithTag("title");
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(m.elements()[titles[0]].text, "Sở TT&TT");
  ASSERT_EQ(m.comments().size(), 1u);
  EXPECT_NE(m.comments()[0].text.find("TODO"), std::string::npos);
  EXPECT_NE(m.visible_text().find("Liên hệ"), std::string::npos);
  EXPECT_EQ(m.visible_text().find("jquery"), std::string::npos) << "script text is not visible text";
}

// libxml2 2.9 puts content written after </html> into a further <html> element: a second root
// after a complete document, a child of the first root when the end tag closed an implied body.
TEST(PageModel, MarksContentAfterTheDocumentEnd) {
  for (const char* html : {"<!DOCTYPE html><html><head><title>t</title></head><body><h2>Tin <b>mới</b></h2><a href=\"/a\">in</a></body>\n</html>\n"
                           "<p><a href=\"https://x.example/\">slot gacor</a></p>",
                           "<p><a href=\"/a\">in</a></p></html><p><a href=\"https://x.example/\">slot gacor</a></p>"}) {
    PageModel m = PageModel::Build(html, "", true);
    ASSERT_TRUE(m.parsed());
    const std::vector<int> links = m.ElementsWithTag("a");
    ASSERT_EQ(links.size(), 2u) << html;
    EXPECT_FALSE(m.elements()[links[0]].after_end) << html;
    EXPECT_TRUE(m.elements()[links[1]].after_end) << html;
    EXPECT_EQ(m.elements()[links[1]].text, "slot gacor");
    EXPECT_FALSE(m.elements()[links[1]].hidden);
  }
  PageModel m = PageModel::Build("<html><body><h2>Tin <b>mới</b></h2></body></html>\n<!-- generated -->\n", "", true);
  for (const HtmlElement& e : m.elements()) EXPECT_FALSE(e.after_end) << e.tag << ": a comment after </html> adds no element";
  const std::vector<int> h2 = m.ElementsWithTag("h2");
  ASSERT_EQ(h2.size(), 1u);
  EXPECT_EQ(m.elements()[h2[0]].text, "Tin mới") << "headings keep their text";
}

TEST(PageModel, DecodesWindows1258Bytes) {
  // "Tiếng Việt" in windows-1258 uses combining tone marks: "Tie^'ng Vie^.t" → bytes below.
  // T i e(0x65) ^(0xE2 is â; ê is 0xEA) … build: "Ti" + 0xEA + 0xEC (combining acute) + "ng Vi" + 0xEA + 0xF2 (dot below) + "t"
  const std::string body = std::string("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>Ti") +
                           "\xEA\xEC" + "ng Vi" + "\xEA\xF2" + "t</p></body></html>";
  PageModel m = PageModel::Build(body, "windows-1258", false);
  ASSERT_TRUE(m.parsed());
  EXPECT_EQ(m.meta_charset(), "windows-1258");
  // Whatever the iconv (glibc composes the tone marks, musl keeps U+00EA + combining U+0301), the
  // model holds the composed text (U+1EBF, U+1EC7), so native and wasm builds agree.
  EXPECT_NE(m.visible_text().find("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"), std::string::npos) << m.visible_text();
}

TEST(PageModel, DecomposedUtf8TextIsComposed) {
  PageModel m = PageModel::Build("<p title=\"Vie\xCC\x82\xCC\xA3t\">Vie\xCC\x82\xCC\xA3t</p>", "", true);
  EXPECT_EQ(m.visible_text(), "Vi\xE1\xBB\x87t");
  EXPECT_EQ(*m.elements()[m.ElementsWithTag("p")[0]].Attr("title"), "Vi\xE1\xBB\x87t");
}

TEST(PageModel, HiddenElementsAndTheirText) {
  const char* html = R"(<body><p>Tin tức</p>
<div style="display: none"><a href="https://nhacai.example/">nhà cái uy tín</a></div>
<div style="position:absolute; LEFT:-9999px">cá cược</div>
<span hidden>ẩn</span><p style="font-size:0px">x1</p><p style="opacity:0.0">x2</p>
<div style="width:1px;height:1px;overflow:hidden">x3</div><p style="visibility:visible">thấy</p>
<p style="font-size:12px;left:-20px">thấy2</p></body>)";
  PageModel m = PageModel::Build(html, "", true);
  for (int i : m.ElementsWithTag("a")) EXPECT_TRUE(m.elements()[i].hidden) << "inherits from its hidden parent";
  EXPECT_EQ(m.visible_text(), "Tin tức thấy thấy2");
  for (const char* hidden : {"nhà cái uy tín", "cá cược", "ẩn", "x1", "x2", "x3"})
    EXPECT_NE(m.hidden_text().find(hidden), std::string::npos) << hidden << " in: " << m.hidden_text();
}

TEST(PageModel, BlocksSeparateTextAndSheetsAndNoscriptHide) {
  const char* html = R"(<html><head><style>.qc-an { display : none } #km{visibility:hidden} .ok{color:red}
@media print { .p { display:none } } div .nested{display:none}</style></head><body>
<h1>Hà Nội</h1><p>Điện thoại<br>0243 826 4455</p><table><tr><td>a</td><td>b</td></tr></table>
<div class="box qc-an">nhà cái</div><span id="km">khuyến mãi</span><p class="ok">thấy</p>
<noscript>bật JavaScript</noscript></body></html>)";
  PageModel m = PageModel::Build(html, "", true);
  EXPECT_EQ(m.visible_text(), "Hà Nội Điện thoại 0243 826 4455 a b thấy");
  EXPECT_NE(m.hidden_text().find("nhà cái"), std::string::npos);
  EXPECT_NE(m.hidden_text().find("khuyến mãi"), std::string::npos);
  EXPECT_NE(m.hidden_text().find("bật JavaScript"), std::string::npos);
}

TEST(PageModel, LegacyMarkupWithUnclosedTagsAndTables) {
  const char* html = "<HTML><BODY><TABLE><TR><TD><FORM ACTION=search.asp><INPUT NAME=q><TD>x</TABLE>"
                     "<P>para<P>para2<a HREF='/a' onclick=\"go()\">a";
  PageModel m = PageModel::Build(html, "", true);
  ASSERT_TRUE(m.parsed());
  EXPECT_EQ(m.forms().size(), 1u);
  EXPECT_EQ(m.ElementsWithTag("p").size(), 2u);
  auto links = m.ElementsWithTag("a");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(*m.elements()[links[0]].Attr("onclick"), "go()");
}

TEST(PageModel, DeepNestingDoesNotOverflowTheStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "sâu";
  PageModel m = PageModel::Build(html, "", true);
  EXPECT_TRUE(m.parsed());
}

TEST(PageModel, ElementLimitIsEnforced) {
  std::string html = "<html><body>";
  for (std::size_t i = 0; i < limits::kMaxPageModelNodes + 10; ++i) html += "<br>";
  PageModel m = PageModel::Build(html, "", true);
  EXPECT_TRUE(m.truncated());
  EXPECT_EQ(m.elements().size(), limits::kMaxPageModelNodes);
}

TEST(PageModel, HostileMarkupIsData) {
  const char* html = "<img src=x onerror=alert(1)><svg><script>alert(2)</script></svg>"
                     "<a href=\"javascript:alert(3)\">\xE2\x80\xAE" "evil</a><!--><script>x</script>-->";
  PageModel m = PageModel::Build(html, "", true);
  ASSERT_TRUE(m.parsed());
  auto imgs = m.ElementsWithTag("img");
  ASSERT_EQ(imgs.size(), 1u);
  EXPECT_EQ(*m.elements()[imgs[0]].Attr("onerror"), "alert(1)");
}

TEST(PageModel, EmptyAndBinaryInput) {
  EXPECT_FALSE(PageModel::Build("", "", true).parsed() && !PageModel::Build("", "", true).elements().empty());
  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7);
  PageModel m = PageModel::Build(binary, "", false);
  (void)m;  // must not crash
  SUCCEED();
}

}  // namespace
}  // namespace portal_check
