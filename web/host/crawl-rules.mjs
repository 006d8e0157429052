// The crawl rules shared by the CLI's live capture (capture.mjs) and the browser app's same-origin
// self-check (web/app/inputs/self-check.mjs): which links a crawl follows and how many
// subresources it loads per page. Pure (no I/O, no DOM): runs in Node and in the browser.
//
// Both crawls visit a portal as an anonymous visitor (the CLI) or as the logged-in user (the
// self-check sends the user's same-origin cookies), so a link that ends the session or downloads
// a file is never followed.

// The most same-site <script src> and <link rel=stylesheet> fetched for one page (each URL once
// for the whole crawl); they do not count against the page budget.
export const MAX_SUBRESOURCES_PER_PAGE = 30;

// File extensions that name no HTML page (documents, archives, media, fonts, code, data,
// installers); tested on the end of the URL's path, case-insensitively.
const NOT_A_PAGE = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|gz|tgz|tar|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|avi|mov|wmv|flv|mkv|webm|wav|ogg|woff2?|ttf|eot|otf|css|js|json|xml|txt|exe|msi|apk|dmg|iso)$/i;

// Words of a link that ends a session, after folding (see foldForMatch): English "logout",
// "log-out", "log_out", "signout", "sign-out", "logoff" (ASP.NET's Account/LogOff) and Vietnamese
// "dang-xuat" / "đăng xuất" (log out) and "thoat" / "thoát" (exit). Substrings count
// ("/account/logout.aspx", "?action=dangxuat"): refusing a page is cheap, following a logout link
// with the user's cookies is not.
const LOGOUT = /(log[-_]?out|sign[-_]?out|log[-_]?off|dang[-_]?xuat|thoat)/;

// Lower case, percent-decoded where it decodes, Vietnamese diacritics removed (đ → d), "+" and
// spaces as "-": "/%C4%90%C4%83ng+Xu%E1%BA%A5t" → "/dang-xuat".
function foldForMatch(text) {
  let s = text;
  try {
    s = decodeURIComponent(s);
  } catch {
    // a stray "%": match the text as written
  }
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[+\s]+/g, '-');
}

// isNotAPage(url: URL) → true when the path ends in a non-page file extension.
export function isNotAPage(url) {
  return NOT_A_PAGE.test(url.pathname);
}

// isLogoutLike(url: URL) → true when the path or the query reads like a logout link. The host is
// not read: a site whose name holds one of the words (e.g. a drainage company, "thoát nước") is
// still crawled.
export function isLogoutLike(url) {
  return LOGOUT.test(foldForMatch(url.pathname + url.search));
}

// isOnSite(url: URL, origins: Set<string>) → true for an http(s) URL whose origin (scheme, host,
// port) is one of the site's origins.
export function isOnSite(url, origins) {
  return (url.protocol === 'http:' || url.protocol === 'https:') && origins.has(url.origin);
}

// isCrawlableLink(url: URL, origins: Set<string>) → true when a crawl may follow the link as a
// page: on the site, not a file, not a logout. (Each crawl adds its own rules after this one:
// robots.txt for the CLI, the app's own folder for the self-check.)
export function isCrawlableLink(url, origins) {
  return isOnSite(url, origins) && !isNotAPage(url) && !isLogoutLike(url);
}
