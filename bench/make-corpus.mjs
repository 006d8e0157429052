// Deterministic corpus of realistic Vietnamese government-portal pages, packed as HAR 1.2 files.
//   node bench/make-corpus.mjs [OUT_DIR]   (default out/bench) → corpus-10.har, corpus-100.har, corpus-1000.har
// Fixed seed (mulberry32, seed 20261129): the same bytes on every run and machine.
// Pages are 50–300 KB: legacy nested-table layouts, many inline and external scripts, inline event
// handlers, several forms (search, login, feedback with personal data), Vietnamese text with full
// diacritics. Each page entry comes with a few script/stylesheet entries, headers and cookies.
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] || 'out/bench';
mkdirSync(outDir, { recursive: true });

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261129);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const WORDS = ('Ủy ban nhân dân tỉnh thành phố quận huyện xã phường thị trấn Cổng thông tin điện tử hành chính công dịch vụ ' +
  'trực tuyến thủ tục hồ sơ văn bản pháp luật quyết định nghị định thông tư hướng dẫn tiếp nhận giải quyết phản ánh kiến nghị ' +
  'người dân doanh nghiệp đăng ký kinh doanh đất đai xây dựng giấy phép chứng thực hộ tịch khai sinh kết hôn tư pháp ' +
  'giáo dục đào tạo y tế sức khỏe bảo hiểm xã hội lao động thương binh nông nghiệp phát triển nông thôn tài nguyên môi trường ' +
  'giao thông vận tải công thương khoa học công nghệ văn hóa thể thao du lịch nội vụ thanh tra tài chính kế hoạch đầu tư ' +
  'tin tức sự kiện thông báo lịch công tác lãnh đạo chỉ đạo điều hành hội nghị triển khai kết quả năm 2024 quý tháng tuần ' +
  'chuyển đổi số chính quyền điện tử an toàn thông tin mạng bảo mật dữ liệu cá nhân quyền riêng tư đường dây nóng ' +
  'Đắk Lắk Thừa Thiên Huế Bà Rịa Vũng Tàu Hòa Bình Quảng Ngãi Khánh Hòa Cần Thơ Hải Phòng Đà Nẵng Hà Nội Hồ Chí Minh ' +
  'ưu tiên được phép không có những việc cần làm ngay để nâng cao hiệu quả chất lượng phục vụ nhân dân').split(' ');
const sentence = (n) => { const w = []; for (let i = 0; i < n; i++) w.push(pick(WORDS)); const s = w.join(' '); return s[0].toUpperCase() + s.slice(1) + '.'; };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function inlineScript(i) {
  return `<script type="text/javascript">
//<![CDATA[
var _gaq_${i} = _gaq_${i} || []; function menuToggle${i}(id){var e=document.getElementById(id);if(e){e.style.display=(e.style.display=='none')?'block':'none';}return false;}
$(document).ready(function(){ $('#tab${i} a').click(function(){ $(this).tab('show'); }); if (window.location.hash=='#m${i}') { menuToggle${i}('m${i}'); } });
document.write('<span class="counter" id="cnt${i}">' + (${int(1000, 999999)}).toLocaleString('vi-VN') + '</span>');
//]]>
</script>\n`;
}
function newsRow(i) {
  return `<tr><td class="news-img" width="120" valign="top"><a href="/tin-tuc/${i}.html" onclick="return trackClick(${i});"><img src="/Uploads/images/2024/${i}.jpg" width="110" height="80" border="0" alt="${esc(sentence(5))}"></a></td>
<td valign="top" class="news-item"><a class="title" href="/tin-tuc/${i}.html" title="${esc(sentence(8))}">${esc(sentence(int(8, 16)))}</a><br><span class="date">${int(1, 28)}/${int(1, 12)}/2024 ${int(7, 17)}:${int(10, 59)}</span>
<p class="summary" style="text-align:justify">${esc(sentence(int(25, 60)))} ${esc(sentence(int(20, 40)))}</p></td></tr>\n`;
}
function form(kind, i) {
  if (kind === 0) return `<form name="frmSearch${i}" method="get" action="/tim-kiem.aspx" onsubmit="return validateSearch(this);"><table cellpadding="2" cellspacing="0"><tr><td><input type="text" name="keyword" size="25" value="Nhập từ khóa tìm kiếm..." onfocus="if(this.value=='Nhập từ khóa tìm kiếm...')this.value='';" onblur="if(this.value=='')this.value='Nhập từ khóa tìm kiếm...';"></td><td><input type="image" src="/images/btn_search.gif" alt="Tìm kiếm"></td></tr></table></form>\n`;
  if (kind === 1) return `<form id="login${i}" method="post" action="${pick(['/dang-nhap.aspx', 'http://dichvucong.example.gov.vn/login'])}"><table class="login"><tr><td>Tên đăng nhập:</td><td><input type="text" name="username" id="u${i}"></td></tr><tr><td>Mật khẩu:</td><td><input type="password" name="password" onpaste="return false;"></td></tr><tr><td colspan="2"><input type="checkbox" name="remember"> Ghi nhớ <input type="submit" value="Đăng nhập" onclick="return checkLogin();"></td></tr></table></form>\n`;
  return `<form name="feedback${i}" method="post" action="/gop-y.aspx" enctype="multipart/form-data"><input type="hidden" name="__VIEWSTATE" value="${'dDwtMTA4NzA3NjU3Nzs7Pj'.repeat(int(4, 40))}"><table border="0" width="100%"><tr><td>Họ và tên (*)</td><td><input name="hoten" type="text" size="40"></td></tr><tr><td>Số CCCD</td><td><input name="cccd" type="text"></td></tr><tr><td>Địa chỉ thư điện tử</td><td><input name="email" type="email"></td></tr><tr><td>Số điện thoại</td><td><input name="dienthoai" type="tel"></td></tr><tr><td>Nội dung góp ý</td><td><textarea name="noidung" rows="6" cols="50"></textarea></td></tr><tr><td>Tệp đính kèm</td><td><input type="file" name="tep"></td></tr><tr><td colspan="2" align="center"><input type="submit" value="Gửi góp ý" onclick="javascript:return validateFeedback(document.feedback${i});"><input type="reset" value="Nhập lại"></td></tr></table></form>\n`;
}

function page(n) {
  const target = int(50, 300) * 1024;
  const scripts = [];
  for (let i = 0; i < int(6, 14); i++) scripts.push(pick(['/js/jquery-1.8.3.min.js', '/js/jquery-ui-1.10.4.min.js', '/js/bootstrap.min.js', '/js/swfobject.js', '/js/menu.js', '/js/common.js', '/js/slider.js', '/WebResource.axd?d=' + int(1e5, 9e5)]));
  let h = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(sentence(8))} - Cổng thông tin điện tử tỉnh ${pick(['Đắk Lắk', 'Thừa Thiên Huế', 'Quảng Ngãi', 'Khánh Hòa'])}</title>
<meta name="generator" content="${pick(['DotNetNuke 7.0.6', 'Joomla! 1.5 - Open Source Content Management', 'WordPress 4.9.8', 'Liferay Portal 6.1'])}" />
<link href="/css/style.css" rel="stylesheet" type="text/css" /><link href="/css/menu.css" rel="stylesheet" type="text/css" />
<style type="text/css">.hide${n}{display:none} .menu td{padding:3px} .news-item a.title{font-weight:bold;color:#03c}</style>
${scripts.map((s) => `<script type="text/javascript" src="${s}"></script>`).join('\n')}
</head><body onload="initMenu();startClock();" leftmargin="0" topmargin="0">
<!-- Header: ${esc(sentence(6))} build ${int(100, 999)} -->
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td colspan="3" background="/images/banner.jpg" height="150"><a href="/"><img src="/images/logo.png" border="0" alt="Logo"></a></td></tr>
<tr><td colspan="3" class="menu"><table><tr>${Array.from({ length: 9 }, (_, i) => `<td onmouseover="showMenu('m${i}')" onmouseout="hideMenu('m${i}')"><a href="/chuyen-muc/${i}.html">${esc(sentence(2)).slice(0, -1)}</a></td>`).join('')}</tr></table></td></tr>
<tr><td width="200" valign="top" class="left">\n`;
  let i = 0;
  h += form(0, n);
  while (h.length < target * 0.45) { h += `<div class="box"><div class="box-title">${esc(sentence(4))}</div><ul>${Array.from({ length: 8 }, () => `<li><a href="/van-ban/${int(1, 99999)}.html" onclick="_gaq.push(['_trackEvent','vb','click']);">${esc(sentence(int(6, 12)))}</a></li>`).join('')}</ul></div>\n`; if (++i % 3 === 0) h += inlineScript(n * 100 + i); }
  h += form(1, n);
  h += `</td><td width="600" valign="top"><table width="100%" cellpadding="4" cellspacing="0" border="0">\n`;
  while (h.length < target * 0.9) { h += newsRow(int(1, 999999)); if (++i % 7 === 0) h += `<tr><td colspan="2">${inlineScript(n * 100 + i)}</td></tr>`; }
  h += `</table>${form(2, n)}</td><td width="200" valign="top"><div class="hide${n}">${esc(sentence(20))}</div><iframe src="https://www.youtube.com/embed/x${n}" width="190" height="150" frameborder="0"></iframe></td></tr>
<tr><td colspan="3" class="footer" align="center">Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: số ${int(1, 300)} đường Lê Lợi, phường Phú Hội. Điện thoại: 0234.38${int(10000, 99999)}. Email: ubnd@example.gov.vn<br>Ghi rõ nguồn khi phát hành lại thông tin từ trang này. <a href="http://tinnhiemmang.vn/danh-ba-tin-nhiem/x${n}" target="_blank"><img src="https://tinnhiemmang.vn/handle_cert?id=x${n}" alt="Chung nhan Tin Nhiem Mang"></a></td></tr></table>
<script type="text/javascript">var _paq=_paq||[];_paq.push(['trackPageView']);(function(){var u="//stats.example.gov.vn/";_paq.push(['setSiteId','${n}']);})();</script>
</body></html>\n`;
  return h;
}

const headers = (list) => list.map(([name, value]) => ({ name, value }));
function entry(url, mime, text, extraHeaders = [], cookies = []) {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z', time: 50,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', cookies: [], headers: headers([['Host', new URL(url).host], ['User-Agent', 'portal-check-bench']]), queryString: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies,
      headers: headers([['Content-Type', mime], ['Server', 'Microsoft-IIS/8.5'], ['X-Powered-By', 'ASP.NET'], ['X-AspNet-Version', '4.0.30319'], ['Cache-Control', 'private'], ...extraHeaders]),
      content: { size: Buffer.byteLength(text), mimeType: mime, text }, redirectURL: '', headersSize: -1, bodySize: Buffer.byteLength(text),
    },
    cache: {}, timings: { send: 0, wait: 40, receive: 10 },
  };
}

const pages = [];
let pageBytes = 0;
for (let n = 0; n < 1000; n++) { const p = page(n); pages.push(p); pageBytes += Buffer.byteLength(p); }
const js = '/*! common.js */ function initMenu(){} function startClock(){} function trackClick(i){return true;} ' + 'var a=1;'.repeat(3000);
const css = 'body{font-family:Arial,Tahoma;font-size:12px} ' + '.x{color:#333}'.repeat(1500);

for (const count of [10, 100, 1000]) {
  const file = join(outDir, `corpus-${count}.har`);
  const fd = openSync(file, 'w');
  writeSync(fd, `{"log":{"version":"1.2","creator":{"name":"portal-check bench","version":"1"},"_portalCheck":{"target":"https://portal.example.gov.vn/"},"entries":[`);
  let first = true;
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const url = n === 0 ? 'https://portal.example.gov.vn/' : `https://portal.example.gov.vn/tin-tuc/trang-${n}.aspx`;
    const list = [entry(url, 'text/html; charset=utf-8', pages[n], [['Set-Cookie', `ASP.NET_SessionId=s${n}abc; path=/; HttpOnly`], ['Set-Cookie', `__RequestVerificationToken=t${n}; path=/`],
      ['Content-Security-Policy', pick(["default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://www.google-analytics.com; object-src 'none'", "frame-ancestors 'self'", "upgrade-insecure-requests"])],
      ['X-Frame-Options', 'SAMEORIGIN']],
      [{ name: 'ASP.NET_SessionId', value: `s${n}abc`, path: '/', httpOnly: true, secure: false }, { name: '__RequestVerificationToken', value: `t${n}`, path: '/' }])];
    if (n % 5 === 0) list.push(entry(`https://portal.example.gov.vn/js/common.js?v=${n}`, 'application/javascript', js));
    if (n % 10 === 0) list.push(entry(`https://portal.example.gov.vn/css/style.css?v=${n}`, 'text/css', css));
    for (const e of list) { const s = JSON.stringify(e); bytes += Buffer.byteLength(s); writeSync(fd, (first ? '' : ',') + s); first = false; }
  }
  writeSync(fd, ']}}\n');
  closeSync(fd);
  console.log(`${file}: ${count} pages`);
}
console.log(`pages: 1000, ${(pageBytes / 1e6).toFixed(1)} MB of HTML, ${Math.round(pageBytes / 1000 / 1024)} KiB mean`);
