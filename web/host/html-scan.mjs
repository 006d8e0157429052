// A light scan of an HTML text for what the capture must fetch next: links to crawl, scripts and
// stylesheets, <base href> and the <title>. It decides nothing about security (the C++ engine
// parses pages properly); it only needs to find URLs. One pass with indexOf, attribute text
// bounded per tag: linear time on hostile input (no regex runs over the whole page).
//
// scanHtml(html: string, baseUrl: string) → {title, links: [url], scripts: [url], stylesheets: [url]}
//   URLs are absolute (resolved against <base href> or baseUrl), fragment removed, http(s) only,
//   deduplicated, in document order, at most MAX_URLS_PER_KIND each. Comments and script text are
//   skipped. Unparsable URLs are dropped.

// Tags whose attributes matter, matched right after "<".
const TAG_NAME = /^(a|area|link|script|base|title)(?=[\s/>])/i;
// Attribute text looked at per tag: enough for any real tag, and it keeps the attribute scan
// linear on hostile input (an unterminated quote cannot make it rescan megabytes).
const MAX_TAG_ATTRIBUTES = 8192;
// URLs kept per kind (links, scripts, stylesheets); the crawl needs far fewer.
export const MAX_URLS_PER_KIND = 5000;
const ATTR = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const cp = k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

function attributes(s) {
  const out = {};
  ATTR.lastIndex = 0;
  for (let m; (m = ATTR.exec(s)) !== null;) {
    const name = m[1].toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function stripComments(html) {
  let out = '';
  let i = 0;
  for (;;) {
    const start = html.indexOf('<!--', i);
    if (start < 0) return out + html.slice(i);
    out += html.slice(i, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return out;
    i = end + 3;
  }
}

function resolve(ref, base) {
  try {
    const u = new URL(ref.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

// A finder for the first case-insensitive occurrence of `needle` (lower-case ASCII) at or after
// `from`, or -1. Searches only move forward in a scan, so the last answer is reused while it is
// still valid: many unclosed <script> or <title> tags cost one pass, not one pass each.
// (toLowerCase on the whole text could shift indices for some characters, so no lowered copy.)
function finder(text, needle) {
  let lastFrom = Infinity;
  let lastResult = -1;
  return (from) => {
    if (from >= lastFrom && (lastResult === -1 || from <= lastResult)) return lastResult;
    lastFrom = from;
    lastResult = -1;
    for (let i = text.indexOf(needle[0], from); i >= 0; i = text.indexOf(needle[0], i + 1)) {
      if (text.slice(i, i + needle.length).toLowerCase() === needle) { lastResult = i; break; }
    }
    return lastResult;
  };
}

export function scanHtml(html, baseUrl) {
  const text = stripComments(String(html));
  const found = { title: '', links: [], scripts: [], stylesheets: [] };
  const seen = { links: new Set(), scripts: new Set(), stylesheets: new Set() };
  const add = (kind, ref, against) => {
    if (found[kind].length >= MAX_URLS_PER_KIND) return;
    const url = resolve(ref, against);
    if (url && !seen[kind].has(url)) { seen[kind].add(url); found[kind].push(url); }
  };
  let base = baseUrl;
  let sawTitle = false;
  const titleEnd = finder(text, '</title');
  const scriptEnd = finder(text, '</script');
  // One left-to-right pass: every step moves past a '<' or a whole tag.
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    const m = TAG_NAME.exec(text.slice(i + 1, i + 8));
    if (!m) { i++; continue; }
    const close = text.indexOf('>', i);
    if (close < 0) break; // no tag can end after this point
    const tag = m[1].toLowerCase();
    const attrStart = i + 1 + tag.length;
    const a = attributes(text.slice(attrStart, Math.min(close, attrStart + MAX_TAG_ATTRIBUTES)));
    i = close + 1;
    if (tag === 'title') {
      const end = titleEnd(i);
      if (!sawTitle) {
        sawTitle = true;
        found.title = decodeEntities(text.slice(i, end < 0 ? i : Math.min(end, i + 2000))).replace(/\s+/g, ' ').trim().slice(0, 500);
      }
      if (end >= 0) i = end;
    } else if (tag === 'base') {
      if ('href' in a && base === baseUrl) base = resolve(a.href, baseUrl) ?? baseUrl;
    } else if (tag === 'script') {
      if ('src' in a) add('scripts', a.src, base);
      // Skip the script's text: markup-looking strings in JavaScript are not links.
      const end = scriptEnd(i);
      if (end >= 0) i = end + 1;
    } else if (tag === 'link') {
      const rel = (a.rel || '').toLowerCase().split(/\s+/);
      if (rel.includes('stylesheet') && 'href' in a) add('stylesheets', a.href, base);
    } else if ('href' in a) {
      add('links', a.href, base);
    }
  }
  return found;
}
