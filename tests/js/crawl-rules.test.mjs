// The crawl rules shared by the CLI capture and the app's self-check (web/host/crawl-rules.mjs),
// on one set of strings. The logout words include the strings each former copy matched (the CLI
// tested the whole link, the app the path and query) and the Vietnamese forms users write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SUBRESOURCES_PER_PAGE, isNotAPage, isLogoutLike, isOnSite, isCrawlableLink } from '../../web/host/crawl-rules.mjs';

const at = (path) => new URL(path, 'https://cong.example.vn/');

test('logout-like links are refused, on the path or the query, with or without Vietnamese diacritics', () => {
  for (const path of ['/logout', '/LogOut.aspx', '/log-out', '/log_out', '/signout', '/Sign-Out', '/Account/LogOff',
    '/dang-xuat', '/dangxuat', '/dang_xuat', '/DANG-XUAT.html', '/thoat', '/he-thong/thoat.php',
    '/%C4%91%C4%83ng-xu%E1%BA%A5t', '/%C4%90%C4%83ng+Xu%E1%BA%A5t', '/tho%C3%A1t', '/index.php?action=logout',
    '/?act=dang-xuat', '/cgi?do=sign_out', '/%zz/logout']) {
    assert.equal(isLogoutLike(at(path)), true, path);
    assert.equal(isCrawlableLink(at(path), new Set(['https://cong.example.vn'])), false, path);
  }
});

test('ordinary pages are not logout-like, whatever the host is called', () => {
  for (const path of ['/', '/tin-tuc', '/dang-nhap', '/login', '/van-ban?id=3', '/dang-ky', '/xuat-ban', '/catalog']) {
    assert.equal(isLogoutLike(at(path)), false, path);
  }
  // The host is not read: a drainage company ("thoát nước") is still crawled.
  const drainage = new URL('https://thoatnuoc.example.vn/gioi-thieu');
  assert.equal(isLogoutLike(drainage), false);
  assert.equal(isCrawlableLink(drainage, new Set([drainage.origin])), true);
});

test('non-page extensions are refused on the path only', () => {
  for (const path of ['/a.pdf', '/b.DOCX', '/c.xls', '/d.zip', '/e.jpg', '/f.woff2', '/g.css', '/h.js', '/i.json', '/j.apk', '/k.tar']) {
    assert.equal(isNotAPage(at(path)), true, path);
  }
  for (const path of ['/a.html', '/b.aspx', '/c.php', '/d', '/view?file=a.pdf', '/pdf', '/js/']) {
    assert.equal(isNotAPage(at(path)), false, path);
  }
});

test('same-site: http(s) on one of the site origins (scheme, host, port)', () => {
  const origins = new Set(['https://cong.example.vn', 'http://cong.example.vn:8080']);
  assert.equal(isOnSite(new URL('https://cong.example.vn/x'), origins), true);
  assert.equal(isOnSite(new URL('http://cong.example.vn:8080/x'), origins), true);
  assert.equal(isOnSite(new URL('http://cong.example.vn/x'), origins), false);
  assert.equal(isOnSite(new URL('https://other.example.vn/x'), origins), false);
  assert.equal(isOnSite(new URL('https://sub.cong.example.vn/x'), origins), false);
  assert.equal(isOnSite(new URL('javascript:alert(1)'), origins), false);
  assert.equal(isOnSite(new URL('ftp://cong.example.vn/x'), origins), false);
});

test('the per-page subresource limit is one documented constant', () => {
  assert.equal(MAX_SUBRESOURCES_PER_PAGE, 30);
});
