// Same-origin self-check: when this app is served from the portal's own origin (README.md: copy the
// served folder under a path of the portal), crawl the portal's same-origin pages with fetch and
// record what a page script can see as a HAR 1.2 document for the engine. Capture only; the
// judgement stays in the engine.
//
// selfCheck({start, pages, signal, onProgress, origin, fetch, parseHtml, skipPrefix, now})
//   → Promise<HAR text>
//   start: a path ("/", "/tin-tuc") or an absolute URL on `origin`; default "/".
//   pages: the most documents the crawl fetches (1..MAX_PAGES; the start counts as one).
//   signal: an AbortSignal (Cancel); an abort rejects with the fetch's AbortError.
//   onProgress({done, total, url}) before each page fetch.
//   origin (default location.origin), fetch (default globalThis.fetch), parseHtml(text) → Document
//   (default DOMParser; the parsed document is inert: never inserted, scripts never run, nothing
//   loads), skipPrefix (default: the folder this app is served from, so the crawl never audits
//   the tool itself), now() → Date (default the clock).
//   Throws SelfCheckError (.key, .params: an i18n/core.mjs key) for a start off the origin, a bad
//   page count, a file:// page, or when not one response came back.
//
// What a browser can and cannot see (why entries carry _portalCheck.notCaptured):
//   - fetch never exposes Set-Cookie (a forbidden response header), nor the TLS connection
//     (certificate, protocol), nor the redirect chain: redirect "manual" gives an opaque response
//     in browsers, so redirects are followed ("follow") and response.url (the final URL) is
//     recorded; the requested URL is kept in _portalCheck.requestedUrl when it differs.
//   - every entry: _portalCheck {notCaptured: ["set-cookie", "tls", "http-redirect"], purpose};
//     the log: _portalCheck {target: origin + start, captureMethod: "browser-same-origin"}.
//   - response.headers joins repeated headers with ", " and lower-cases names.
//
// Requests (GET, credentials "same-origin", cache "no-store"), one at a time in a deterministic
// order: the crawl breadth-first from start (links from <a href>/<area href> on the same origin,
// fragment dropped, skipping what web/host/crawl-rules.mjs refuses: non-page file extensions and
// logout-like links), each page's same-origin <script src> and <link rel=stylesheet> (at most
// MAX_SUBRESOURCES_PER_PAGE per page, each once, outside the page budget), then /robots.txt,
// /.well-known/security.txt and one random path (the 404 page).
// Bodies are read up to MAX_BODY_BYTES (cut bodies get _portalCheck.bodyCut).
import { bodyToContent, mediaType } from '../../host/body-text.mjs';
import { harEntry } from '../../host/har-entry.mjs';
import { MAX_SUBRESOURCES_PER_PAGE, isCrawlableLink, isOnSite } from '../../host/crawl-rules.mjs';
import { SELF_CHECK_METHOD } from '../report/capture-caveat.mjs';

export const MAX_PAGES = 200;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const NOT_CAPTURED = ['set-cookie', 'tls', 'http-redirect'];

export class SelfCheckError extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'SelfCheckError';
    this.key = key;
    this.params = params;
  }
}

function defaultParseHtml(text) {
  return new DOMParser().parseFromString(text, 'text/html');
}

function appFolder() {
  try {
    return new URL('../../', import.meta.url).pathname;
  } catch {
    return null;
  }
}

function withoutFragment(url) {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

// Reads at most `limit` bytes of a response body. → {bytes: Uint8Array, cut: boolean}
async function readBody(response, limit) {
  if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()), cut: false };
  const reader = response.body.getReader();
  const parts = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > limit) {
      parts.push(value.subarray(0, limit - size));
      size = limit;
      cut = true;
      await reader.cancel().catch(() => {});
      break;
    }
    parts.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, cut };
}

function httpVersionOf(url) {
  try {
    const timing = globalThis.performance?.getEntriesByName?.(url)?.at?.(-1);
    const p = timing && timing.nextHopProtocol;
    if (p === 'h2') return 'HTTP/2';
    if (p === 'h3') return 'HTTP/3';
    if (p === 'http/1.1') return 'HTTP/1.1';
    if (p === 'http/1.0') return 'HTTP/1.0';
  } catch {
    // no timing data
  }
  return 'HTTP/1.1';
}

export async function selfCheck({
  start = '/',
  pages = 10,
  signal,
  onProgress,
  origin = globalThis.location?.origin,
  fetch: fetchImpl = globalThis.fetch?.bind(globalThis),
  parseHtml = defaultParseHtml,
  skipPrefix = appFolder(),
  now = () => new Date(),
} = {}) {
  if (!origin || origin === 'null' || !/^https?:/.test(origin)) throw new SelfCheckError('error.self.file');
  const count = Number(pages);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PAGES) throw new SelfCheckError('error.self.pages', { max: MAX_PAGES });
  let startUrl;
  try {
    startUrl = new URL(String(start || '/').trim() || '/', `${origin}/`);
  } catch {
    throw new SelfCheckError('error.self.origin', { origin });
  }
  if (startUrl.origin !== origin) throw new SelfCheckError('error.self.origin', { origin });
  startUrl.hash = '';

  const entries = [];
  const harPages = [];
  const fetched = new Set();

  // One GET → {entry, final URL, content type, text (or null)}. Network errors become an entry
  // with status 0 and response._error; an abort rethrows.
  async function get(url, { purpose, resourceType, pageref }) {
    const started = now();
    const t0 = globalThis.performance ? performance.now() : 0;
    const portalCheck = { notCaptured: [...NOT_CAPTURED], purpose };
    let response;
    try {
      response = await fetchImpl(url, { method: 'GET', credentials: 'same-origin', redirect: 'follow', cache: 'no-store', signal });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      const entry = makeEntry({ url, started, portalCheck, resourceType, pageref, status: 0, statusText: '', headers: [], content: { size: 0, mimeType: '', text: '' }, error: String((e && e.message) || e) });
      entries.push(entry);
      return { entry, finalUrl: url, type: '', text: null, ok: false };
    }
    const finalUrl = response.url || url;
    if (finalUrl !== url) portalCheck.requestedUrl = url;
    const headers = [...response.headers].map(([name, value]) => ({ name, value }));
    const contentType = response.headers.get('content-type') || '';
    const { bytes, cut } = await readBody(response, MAX_BODY_BYTES);
    if (cut) portalCheck.bodyCut = true;
    const content = { size: bytes.length, mimeType: contentType, ...bodyToContent(bytes, contentType, { cut }) };
    const time = globalThis.performance ? Math.max(0, Math.round(performance.now() - t0)) : 0;
    const entry = makeEntry({ url: finalUrl, started, time, portalCheck, resourceType, pageref, status: response.status, statusText: response.statusText, headers, content, httpVersion: httpVersionOf(finalUrl) });
    entries.push(entry);
    fetched.add(finalUrl);
    return { entry, finalUrl, type: mediaType(contentType), text: content.encoding ? null : content.text, ok: true };
  }

  function makeEntry({ url, started, time = 0, portalCheck, resourceType, pageref, status, statusText, headers, content, httpVersion = 'HTTP/1.1', error }) {
    return harEntry({ started, time, url, requestHttpVersion: httpVersion, status, statusText, httpVersion, headers, content, error, resourceType, portalCheck, pageref });
  }

  const site = new Set([origin]);
  const inAppFolder = (u) => Boolean(skipPrefix && skipPrefix !== '/' && u.pathname.startsWith(skipPrefix));
  const wanted = (u) => isOnSite(u, site) && !inAppFolder(u);

  function resolve(value, base) {
    try {
      const u = new URL(String(value).trim(), base);
      u.hash = '';
      return u;
    } catch {
      return null;
    }
  }

  // Breadth-first crawl, one document at a time.
  const queue = [startUrl.href];
  const queued = new Set(queue);
  let done = 0;
  let succeeded = 0;
  let lastError = '';
  while (queue.length > 0 && done < count) {
    const url = queue.shift();
    done += 1;
    onProgress?.({ done, total: count, url });
    const pageref = `page_${harPages.length + 1}`;
    const result = await get(url, { purpose: done === 1 ? 'start' : 'page', resourceType: 'document', pageref });
    if (result.ok) succeeded += 1;
    else lastError = result.entry.response._error;
    const isHtml = result.type === 'text/html' || result.type === 'application/xhtml+xml';
    if (!result.ok || !isHtml || result.text === null) {
      if (!result.ok || isHtml) harPages.push({ id: pageref, startedDateTime: result.entry.startedDateTime, title: '', pageTimings: {} });
      else delete result.entry.pageref;
      continue;
    }
    const doc = parseHtml(result.text);
    const title = (doc.querySelector('title')?.textContent || '').trim().slice(0, 500);
    harPages.push({ id: pageref, startedDateTime: result.entry.startedDateTime, title, pageTimings: {} });
    const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
    const base = (baseHref && resolve(baseHref, result.finalUrl)?.href) || result.finalUrl;
    for (const a of doc.querySelectorAll('a[href], area[href]')) {
      const u = resolve(a.getAttribute('href'), base);
      if (!u || !isCrawlableLink(u, site) || inAppFolder(u)) continue;
      if (queued.has(u.href) || fetched.has(u.href)) continue;
      queued.add(u.href);
      queue.push(u.href);
    }
    // Same-origin scripts and stylesheets of this page (outside the page budget).
    const subs = [];
    for (const s of doc.querySelectorAll('script[src]')) subs.push([s.getAttribute('src'), 'script']);
    for (const l of doc.querySelectorAll('link[rel][href]')) {
      if (l.getAttribute('rel').toLowerCase().split(/\s+/).includes('stylesheet')) subs.push([l.getAttribute('href'), 'stylesheet']);
    }
    let taken = 0;
    for (const [value, kind] of subs) {
      if (taken >= MAX_SUBRESOURCES_PER_PAGE) break;
      const u = resolve(value, base);
      if (!u || !wanted(u) || fetched.has(u.href) || queued.has(u.href)) continue;
      queued.add(u.href);
      taken += 1;
      await get(u.href, { purpose: kind, resourceType: kind, pageref });
    }
  }
  if (succeeded === 0) throw new SelfCheckError('error.self.none', { url: startUrl.href, message: lastError });

  // Site files the engine's site checks read.
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  for (const [path, purpose] of [['/robots.txt', 'robots'], ['/.well-known/security.txt', 'security-txt'], [`/portal-check-404-${random}`, 'error-page']]) {
    const url = new URL(path, `${origin}/`).href;
    if (fetched.has(url)) continue;
    await get(url, { purpose, resourceType: 'other' });
  }

  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'portal-check', version: 'browser' },
      pages: harPages,
      entries,
      _portalCheck: { target: origin + (startUrl.pathname + startUrl.search), captureMethod: SELF_CHECK_METHOD, pagesLimit: count },
    },
  });
}
