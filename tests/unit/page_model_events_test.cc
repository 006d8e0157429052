// The page model built from libxml2's SAX events (no tree) against the one built from its tree:
// the same model for every input — hand-written hostile markup, random markup made of the
// pieces where the two could part (text joined across pieces, white space the parser drops,
// content after </html>, prefixed names, comments and processing instructions, NUL bytes), the
// limits, and the real pages of the shared corpus when present.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "evidence/limits.h"
#include "normalize/html_events.h"
#include "normalize/page_model.h"
#include "normalize/page_model_builder.h"
#include "page_model_text.h"
#include "test_support.h"

namespace portal_check {
namespace {

struct Built {
  std::string description;
  bool capped = false;
};

Built BuildFrom(const std::string& html, HtmlEventSource source, const char* encoding = "UTF-8") {
  PageModel model;
  PageModelBuilder builder(model, 16);
  const HtmlParseResult r = ParseHtml(html, encoding, 0, source, builder);
  builder.Finish();
  return Built{"parsed=" + std::to_string(r.parsed) + " encoding=" + r.encoding + " " + ::testing::PageModelText(model),
               builder.saw_capped_line()};
}

void ExpectSameModel(const std::string& html, const std::string& what, const char* encoding = "UTF-8") {
  const Built events = BuildFrom(html, HtmlEventSource::kParserEvents, encoding);
  const Built tree = BuildFrom(html, HtmlEventSource::kTree, encoding);
  EXPECT_EQ(events.description, tree.description) << what;
  EXPECT_EQ(events.capped, tree.capped) << what;
}

TEST(PageModelEvents, HandWrittenMarkupGivesTheTreeModel) {
  const std::vector<std::string> cases = {
      "",
      "plain text only",
      "<!DOCTYPE html><html><head><title>Tiêu đề</title></head><body><p>Một <b>hai</b> ba</p></body></html>",
      "<html><body><p>x</p></body></html><a href='https://spam.example/'>nhà cái</a>",
      "<html><body>x</body></html><!-- after --><div>y</div>",
      "<!-- first --><html><body>x</body></html><div>after</div>",
      "<html><body>x</body></html><!DOCTYPE html><div>after a late doctype</div>",
      "<?php echo 1; ?><html><body><p>a</p></body></html><p>b</p>",
      "<p><b>x</b> <i>y</i></p><div> </div><div><!-- c --> </div><span> <!-- c --> </span>",
      "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<p>\n <a href=x>l</a>\n <?pi x?> \n</p>",
      "<o:p>office</o:p><w:Sdt a=1>x</w:Sdt><:x>colon first</:x><a:>empty local</a:><x:y:z>two</x:y:z>",
      "<script>var s = '<b>' + \"</p>\";</script><style>.h{display:none}#g{visibility:hidden}</style>"
      "<div class='a h'>hidden by class</div><p id=g>hidden by id</p><style id=s>#s{display:none}</style>",
      "<a href=/x>one<!-- c -->two<b>three</b><?pi?>four</a><label>a<br>b</label>",
      "<template><meta http-equiv=content-security-policy content=x><a href=t>t</a></template><a href=u>u</a>",
      "<form id=f1><input name=a></form><input form=f1 name=b><input form=nope><form><select><option>O</select>",
      "<table><tr><td>a<td>b<tr><td>c</table><noscript><p>no script</p></noscript>",
      "<textarea>a <b> c</textarea><title>T&amp;T</title><h1>H<span>1</span></h1><button>B</button>",
      "<meta charset=windows-1258><base href=/goc/><base href=/hai/><meta http-equiv=Content-Type content='text/html; charset=utf-8'>",
      "<div style='display:none'>a<a href=https://x.example/>b</a></div><span hidden>h</span>",
      std::string("<p>nul\0byte</p><a href=x>a\0b</a><script>s\0t</script>", 52),
      "<p>a&nbsp;b&#10;c&#0;d&amp;e</p>",
      "<![CDATA[not in html]]><p><![CDATA[x]]></p>",
      "</p></div></body></html>stray ends",
      "<html><html><body><html>nested html</html></body></html>",
      "<head><title>x</title></head><body><p>implied html</p>",
      "<frameset><frame src=x></frameset><p>after frameset</p>",
      "<a href=x><a href=y>nested links</a></a>",
      "<p>text\r\nwith\r\nCRLF</p>\r\n<p>and\ttabs</p>",
      // Found by the random test below: the name a prefixed element has in the tree ("p") decides
      // whether the white space after it is text; a comment of the document written before an
      // element that the tree puts into the first <html> comes after that element.
      "<a href=x><o:p></o:p>\t<legend>",
      "<o:p></html><!-- c -->  \n <a:b:c><!-- c -->",
  };
  for (std::size_t i = 0; i < cases.size(); ++i) ExpectSameModel(cases[i], "case " + std::to_string(i));
}

// Random markup from pieces chosen where the events and the tree could part.
TEST(PageModelEvents, RandomMarkupGivesTheTreeModel) {
  const std::vector<std::string> pieces = {
      "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<!DOCTYPE html>", "<!-- c -->", "<?x y?>",
      "<a href='https://x.example/'>", "</a>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", " ", "\n", "  \n ",
      "chữ", "text", "Tiếng Việt", "<script>var a='<b>';</script>", "<style>.h{display:none}</style>",
      "<div class=h>", "<div>", "</div>", "<o:p>", "</o:p>", "<template>", "</template>", "<form id=f>", "</form>",
      "<input form=f>", "<title>", "</title>", "<label>", "</label>", "<noscript>", "</noscript>", "<br>",
      "<table>", "<td>", "<tr>", "</table>", "&amp;", "<![CDATA[x]]>", "<textarea>", "</textarea>",
      "<span hidden>", "</span>", "<meta charset=utf-8>", "<base href=/b/>", std::string(1, '\0'), "<", ">",
      "<:x>", "<a:b:c>", "<select><option>O", "</select>", "<h1>", "</h1>", "<li>", "<ul>", "</ul>", "\t",
      "<font>", "</font>", "<center>", "<option>", "<button>", "</button>", "<legend>", "<pre>", "</pre>",
  };
  std::mt19937 rng(20261206);
  for (int doc = 0; doc < 10000; ++doc) {
    std::string html;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) html += pieces[rng() % pieces.size()];
    ExpectSameModel(html, "random document " + std::to_string(doc) + ": " + html);
    if (HasFailure()) return;
  }
}

TEST(PageModelEvents, TextCutsAndNodeCountsGiveTheTreeModel) {
  // A link over more than 4096 nodes (the text walk's bound), a title over 64 KiB, a script over
  // 1 MiB, text joined from many pieces (the parser hands text over in pieces of ≈ 1,000 bytes).
  std::string many = "<a href=x>";
  for (int i = 0; i < 5000; ++i) many += "<b>w" + std::to_string(i) + "</b><!--c-->";
  many += "</a><p>after</p>";
  ExpectSameModel(many, "a link over 4096 nodes");
  ExpectSameModel("<title>" + std::string(70 * 1024, 'x') + "<b>tail</b></title>", "a title over 64 KiB");
  ExpectSameModel("<script>" + std::string(1100 * 1024, 'y') + "</script><p>z</p>", "a script over 1 MiB");
  ExpectSameModel("<p>" + std::string(1200 * 1024, 'v') + "</p><span hidden>h</span>", "visible text over 1 MiB");
  std::string pieces = "<label>";
  for (int i = 0; i < 3000; ++i) pieces += "từ &amp; ";
  ExpectSameModel(pieces + "</label>", "a text node joined from many pieces");
}

TEST(PageModelEvents, TheElementLimitGivesTheTreeModel) {
  std::string html = "<title>t</title><a href=x>";
  for (std::size_t i = 0; i < limits::kMaxPageModelNodes + 10; ++i) html += "<i>.</i>";
  html += "end</a><!-- late --><p>late</p>";
  const Built events = BuildFrom(html, HtmlEventSource::kParserEvents);
  EXPECT_NE(events.description.find("truncated=1"), std::string::npos);
  EXPECT_EQ(events.description, BuildFrom(html, HtmlEventSource::kTree).description);
}

// From line 65535 on libxml2 stores 65535 and xmlGetLineNo looks for the line through the tree:
// the events say so (saw_capped_line), and PageModel::Build then takes the lines from the tree.
TEST(PageModelEvents, LinesFrom65535OnComeFromTheTree) {
  std::string html = "<html><body>\n";
  for (int i = 0; i < 70000; ++i) html += "\n";
  html += "<p>late</p><!-- late --><a href=x>a</a>\n";
  const Built events = BuildFrom(html, HtmlEventSource::kParserEvents);
  const Built tree = BuildFrom(html, HtmlEventSource::kTree);
  EXPECT_TRUE(events.capped);
  const PageModel built = PageModel::Build(html, "", true);
  EXPECT_EQ("parsed=1 encoding=UTF-8 " + ::testing::PageModelText(built), tree.description);
  ASSERT_FALSE(built.comments().empty());
  EXPECT_GE(built.comments().back().line, 65535);
  // Below that line the events alone decide.
  EXPECT_FALSE(BuildFrom("<p>\n\n<a href=x>x</a></p>", HtmlEventSource::kParserEvents).capped);
}

// The real pages of the shared corpus (Vietnamese portals, CMS pages, spam samples), as UTF-8 and
// as their own bytes with libxml2 detecting the charset.
TEST(PageModelEvents, RealPagesGiveTheTreeModel) {
  const std::string dir = testing::SourceDir() + "/../shared/data/real-pages";
  const std::vector<std::string> pages = testing::ListFiles(dir, ".html");
  if (pages.empty()) GTEST_SKIP() << dir << " is absent: no real page compared";
  for (const std::string& f : pages) {
    const std::string bytes = testing::ReadFileOrEmpty(dir + "/" + f);
    ExpectSameModel(bytes, f, nullptr);
    ExpectSameModel(bytes, f + " read as windows-1258", "windows-1258");
  }
}

}  // namespace
}  // namespace portal_check
