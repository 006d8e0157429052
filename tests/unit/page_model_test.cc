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

TEST(PageModel, MarksTheContentOfTemplatesOnly) {
  PageModel m = PageModel::Build(
      "<html><head><meta name=a><template id=t1><meta name=b><div><template><script id=c></script></template>"
      "<p id=d></p></div></template><meta name=e></head><body><template></template><p id=f></p></body></html>",
      "", true);
  ASSERT_TRUE(m.parsed());
  std::vector<std::string> inside, outside;
  for (const HtmlElement& e : m.elements()) {
    const std::string* id = e.Attr("id");
    const std::string* name = e.Attr("name");
    const std::string label = e.tag + (id ? "#" + *id : name ? "." + *name : "");
    (e.in_template ? inside : outside).push_back(label);
  }
  EXPECT_EQ(inside, (std::vector<std::string>{"meta.b", "div", "template", "script#c", "p#d"}));
  EXPECT_EQ(outside, (std::vector<std::string>{"html", "head", "meta.a", "template#t1", "meta.e", "body", "template", "p#f"}));
}

TEST(PageModel, DecodesWindows1258Bytes) {
  // "Tiếng Việt" in windows-1258 uses combining tone marks: "Tie^'ng Vie^.t" → bytes below.
  // T i e(0x65) ^(0xE2 is â; ê is 0xEA) … build: "Ti" + 0xEA + 0xEC (combining acute) + "ng Vi" + 0xEA + 0xF2 (dot below) + "t"
  const std::string body = std::string("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>Ti") +
                           "\xEA\xEC" + "ng Vi" + "\xEA\xF2" + "t</p></body></html>";
  PageModel m = PageModel::Build(body, "windows-1258", false);
  ASSERT_TRUE(m.parsed());
  EXPECT_EQ(m.meta_charset(), "windows-1258");
  // Whatever the decoder (glibc composes the tone marks, the engine's table keeps U+00EA + U+0301), the
  // model holds the composed text (U+1EBF, U+1EC7), so native and wasm builds agree.
  EXPECT_NE(m.visible_text().find("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"), std::string::npos) << m.visible_text();
}

TEST(PageModel, DecodesWindows1258FromTheHeaderAlone) {
  const std::string body = std::string("<p>Ti\xEA\xECng Vi\xEA\xF2t</p>");
  PageModel m = PageModel::Build(body, "Windows-1258", false);
  EXPECT_EQ(m.visible_text(), "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
  EXPECT_TRUE(m.text_decoded());
}

TEST(PageModel, DecodesSingleByteCharsetsThroughTheWholeParse) {
  struct Case {
    const char* header;  // "" when the charset is only in the meta
    const char* meta;
    std::string bytes;
    const char* text;
  };
  const Case cases[] = {
      {"koi8-r", "", "\xF0\xD2\xC9\xD7\xC5\xD4", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},  // Привет
      {"", "windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"", "iso-8859-2", "\xA3\xF3\xE6", "\xC5\x81\xC3\xB3\xC4\x87"},                                  // Łóć
      {"iso-8859-15", "", "\xA4", "\xE2\x82\xAC"},                                                      // €
      {"", "tcvn5712-1", "Vi\xD6t", "Vi\xE1\xBB\x87t"},                                                 // Việt
      {"viscii", "", "Vi\xAEt", "Vi\xE1\xBB\x87t"},
      {"windows-1252", "", "caf\xE9 \x80", "caf\xC3\xA9 \xE2\x82\xAC"},
  };
  for (const Case& c : cases) {
    const std::string meta = *c.meta ? std::string("<meta charset=\"") + c.meta + "\">" : "";
    const std::string body = "<html><head>" + meta + "</head><body><p>" + c.bytes + "</p><p>end</p></body></html>";
    PageModel m = PageModel::Build(body, c.header, false);
    EXPECT_EQ(m.visible_text(), std::string(c.text) + " end") << c.header << c.meta;
    EXPECT_TRUE(m.text_decoded());
  }
}

TEST(PageModel, AByteTheCharsetLacksIsReplacedAndTheRestOfThePageIsRead) {
  // 0x81 has no character in windows-1252 (glibc's iconv refuses it): U+FFFD, and the page goes on.
  PageModel m = PageModel::Build("<p>a\x81" "b</p><a href=\"/after\">after</a>", "windows-1252", false);
  EXPECT_EQ(m.visible_text(), "a\xEF\xBF\xBD" "b after");
  EXPECT_EQ(m.ElementsWithTag("a").size(), 1u);
}

TEST(PageModel, ACharsetTheEngineDoesNotDecodeIsReadAsAsciiAndSaidSo) {
  // 日本語 in Shift_JIS, then markup: nothing after it is lost.
  const std::string body = "<html><body><h1>\x93\xFA\x96{\x8C\xEA</h1><a href=\"/login\">Login</a></body></html>";
  PageModel m = PageModel::Build(body, "shift_jis", false);
  ASSERT_TRUE(m.parsed());
  EXPECT_FALSE(m.text_decoded());
  EXPECT_EQ(m.decoded_as(), "shift_jis");
  EXPECT_EQ(m.visible_text(), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD{\xEF\xBF\xBD\xEF\xBF\xBD Login");
  ASSERT_EQ(m.ElementsWithTag("a").size(), 1u);
  EXPECT_EQ(*m.elements()[m.ElementsWithTag("a")[0]].Attr("href"), "/login");
}

TEST(PageModel, UcsFourOrEbcdicDetectedFromTheFirstBytesIsNotDecodedAndSaidSo) {
  // libxml2 detects these from the first four bytes, with no name: the page is read as ASCII.
  for (const std::string& body : {std::string("\x4C\x6F\xA7\x94 version=\"1.0\"?><p>x</p>", 28),
                                  std::string("\0\0\0<\0\0\0p\0\0\0>", 12)}) {
    PageModel m = PageModel::Build(body, "", false);
    EXPECT_FALSE(m.text_decoded());
    EXPECT_EQ(m.decoded_as(), "UCS-4 or EBCDIC (detected from its first bytes)");
  }
}

TEST(PageModel, AMetaSwitchesTheCharsetMidPage) {
  // The text before the meta is read before the switch; the text after it in the meta's charset.
  const std::string cyr = "<html><head><title>Trang</title><meta charset=\"windows-1251\"></head><body><p>\xCF\xF0\xE8</p></body></html>";
  PageModel m = PageModel::Build(cyr, "", false);
  EXPECT_EQ(m.visible_text(), "Trang \xD0\x9F\xD1\x80\xD0\xB8");
  EXPECT_EQ(m.decoded_as(), "windows-1251");
  const std::string gbk = "<html><head><title>Portal</title><meta charset=\"gbk\"></head><body><p>\xD5\xFE</p><p>end</p></body></html>";
  PageModel g = PageModel::Build(gbk, "", false);
  EXPECT_FALSE(g.text_decoded());
  EXPECT_EQ(g.decoded_as(), "gbk");
  EXPECT_EQ(g.visible_text(), "Portal \xEF\xBF\xBD\xEF\xBF\xBD end");
  PageModel plain = PageModel::Build("<p>abc</p>", "", false);
  EXPECT_TRUE(plain.text_decoded());
}

TEST(PageModel, CharsetNamesSpeltLooselyAreKnown) {
  // Only letters and digits count (as musl's iconv matched): the header's and the meta's name.
  for (const char* header : {"Windows_1258", "windows-1258;", "WINDOWS 1258", "cp-1258"}) {
    PageModel m = PageModel::Build("<p>Vi\xEA\xF2t</p>", header, false);
    EXPECT_EQ(m.visible_text(), "Vi\xE1\xBB\x87t") << header;
  }
  PageModel m = PageModel::Build("<meta charset='\"koi8_r\"'><p>\xF0\xD2\xC9</p>", "", false);
  EXPECT_EQ(m.visible_text(), "\xD0\x9F\xD1\x80\xD0\xB8");
  EXPECT_EQ(m.decoded_as(), "\"koi8_r\"");
}

TEST(PageModel, UnknownCharsetNamesAreIgnored) {
  // The header's name is not one the engine knows: the meta decides.
  for (const char* header : {"x-unknown", "utf-9", "\xFF\xFE", ";"}) {
    PageModel m = PageModel::Build("<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9</p>", header, false);
    EXPECT_EQ(m.visible_text(), "\xD0\x9F\xD1\x80\xD0\xB8") << header;
    EXPECT_TRUE(m.text_decoded());
  }
  // A meta naming a charset glibc's iconv knows but the engine does not (IBM273, an EBCDIC; UTF-9
  // unknown to both): the page is read as if the meta named nothing, in every build (here: UTF-8).
  for (const char* meta : {"ibm273", "x-nonsense", "  utf-8 x"}) {
    PageModel m = PageModel::Build(std::string("<meta charset='") + meta + "'><p>Vi\xE1\xBB\x87t</p>", "", false);
    EXPECT_EQ(m.visible_text(), "Vi\xE1\xBB\x87t") << meta;
    EXPECT_TRUE(m.text_decoded()) << meta;
    EXPECT_EQ(m.decoded_as(), "UTF-8") << meta;
  }
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
