// The capture's plan, whatever carries the requests: which URLs a first-time visitor's capture
// requests, in which order, how far it follows redirects and links, and how it stays on the site
// and within its budget. It records what it saw as HAR 1.2 entries (har-entry.mjs) through a
// writer; judgement stays in the C++ core. Pure of I/O itself: runs in Node (capture.mjs, over
// http-exchange.mjs) and in the browser extension (web/extension/, over the DevTools protocol).
//
// runCapture(startUrl, {transport, writer, paths, captureMethod, logFields, signal, ...options})
//   → Promise<{pages, requests, bytes, stopped, answered, firstError, written}> (written: what
//   writer.finish returned; answered: some server answered, with a response or with a certificate
//   the transport refused, which the engine judges: transport.certificate "untrusted")
//   transport.exchange(url, kind) → Promise<raw>: one GET of `url` with no redirect followed, as
//     http-exchange.mjs's result {url, method, requestHeaders, started, time, status, statusText,
//     httpVersion, rawHeaders: [[name, value]], body: bytes, bodyCut, tls, serverIPAddress, error,
//     timings}; kind: "document" | "script" | "stylesheet" | "other". Never rejects: a failure is
//     status 0 with error.
//   writer: {reserve(), fill(slot, entries, part), bytes, finish(logHead, pages)} (har-slots.mjs).
//   paths: {admin: [path], probe: [path]} (site-paths.mjs parseSitePaths).
//   captureMethod: log._portalCheck.captureMethod ("cli-live", "extension-live");
//   logFields: more log._portalCheck members (the transport's own record, e.g. addresses).
//   signal: an AbortSignal; once aborted no request starts and stopped is {limit: "cancelled"}.
//   options: as capture.mjs documents (pages, probe, timeoutMs, maxBytes, concurrency,
//   maxRedirects, httpUrl, httpsUrl, onProgress, maxRequests, maxHarBytes, ignoreRobots).
//   Throws (Error with .code = "invalid-argument") only for a bad start URL.
//
// What is requested (GET only; HEAD is never needed):
//   1. the http:// form and the https:// form of the start URL, each following its redirect chain
//      by hand (every hop its own entry with response.redirectURL). The https form is, in order:
//      options.httpsUrl; the first https URL on the start host that the http chain redirected to
//      (this is how a site on a non-default port tells us where https lives); else the start URL
//      with https: and the default port. The http form is symmetric (default port 80).
//   2. on the site origin (the final https origin when it answered, else the http one):
//      /robots.txt (purpose "robots"), /.well-known/security.txt ("security-txt"), one random
//      path ("error-page": the 404 page, for site.error-page), and the administration login
//      paths of rules/data/admin-paths.json ("admin", for site.admin-exposure). The admin paths
//      are always requested: they are ordinary public URLs a visitor can type, fetched with one
//      GET each and no credentials, and "reachable from the Internet" is exactly what the check
//      asks. Only with `probe` (the owner's explicit consent, --probe): the exposed-file paths
//      of rules/data/exposed-files.json ("probe"), which may return secrets. Both lists come
//      from the rules/ data the C++ checks read (site-paths.mjs), never a copy here.
//   3. Crawl: breadth-first, wave by wave (deterministic order), links (<a>/<area href>) on the
//      site (see "The site"), skipping what crawl-rules.mjs refuses (non-page file extensions,
//      logout-like links) and what robots.txt disallows. Links are read from the page's text in its declared or sniffed
//      charset, else windows-1252 (body-text.mjs htmlTextForLinks), so a page in a legacy
//      charset it does not declare still leads on. Each document fetched by the crawl uses one unit of the
//      `pages` budget, whether it turns out to be a page or not, so the work is bounded. The start
//      forms are always fetched: with pages = 1, a site serving its home page on both http and
//      https (no redirect) gives 2 pages.
//   4. For every page: its <script src> and <link rel=stylesheet> on the site (third-party hosts
//      are never contacted; the engine sees their URLs in the page), at most
//      MAX_SUBRESOURCES_PER_PAGE (crawl-rules.mjs) per page, each fetched once.
//   The site: the start URL's origin (scheme, host, port) and the origin its redirect chain ends
//   on. Only the start URL's own chain is followed wherever it goes (that is how the site is
//   found); every other chain follows a redirect only to the site, and a redirect elsewhere stays
//   a recorded hop with _portalCheck.redirectNotFollowed = "off-site". A Location that is not a
//   URL is recorded as that hop's response._error and not followed.
//   Addresses (address-guard.mjs): every connection's address, after DNS resolution and for that
//   very connection (so DNS rebinding cannot slip through), must be public, or of the same class
//   as the start URL's own addresses (a portal on 127.0.0.1 or 10.x may be audited where it
//   is), unless allowPrivate. A refused one is an entry with status 0 and _error "refused: ...";
//   nothing is sent to it.
//   robots.txt: /robots.txt of the site origin is fetched first and its rules for our product
//   token "portal-check", else for "*", are honoured by the crawl on both origins of the site (robots-rules.mjs): a
//   disallowed link is not fetched, nor a crawled page's redirect to a disallowed path. robots.txt
//   answering 4xx (or a redirect not followed) allows everything; no answer or 5xx disallows the
//   whole crawl (RFC 9309).
//   Exempt, because they are not crawling: the start URL and its other form (the user named
//   them), robots.txt and security.txt (files meant for tools), the error-page path (a random
//   path that cannot exist), the admin paths (one GET each of public URLs, and hiding a login
//   page in robots.txt is what site.admin-exposure must see), the --probe paths (the owner's
//   consent) and the subresources of fetched pages (what a browser loads to show the page).
//   ignoreRobots lifts it; log._portalCheck.robots records which applied.
//   Budget (CAPTURE_BUDGET): at most maxRequests requests and maxHarBytes bytes of HAR entries
//   for the whole capture. Memory holds only the requests in flight (at most `concurrency`
//   bodies of maxBytes, with their text and JSON forms). Past the budget no request is started:
//   the capture ends cleanly with a valid HAR whose log._portalCheck.stopped says why (requests
//   in flight still complete, so the file may pass maxHarBytes by at most `concurrency` entries).
//   Entries are ordered by task (the start URL's chain, the other form's chain, the start pages'
//   subresources, site files, then crawled pages each followed by its subresources), not by
//   completion time, so the same site gives the same order.
//   HAR extension fields: see har-entry.mjs; log._portalCheck = {target, captureMethod,
//   pagesLimit, activeProbe, limits, budget: {maxRequests, maxHarBytes, requests, bytes}, addresses:
//   {allowPrivate, allowedClasses}, robots: {honoured, ...}, stopped?: message, stoppedBy?: limit}.
import { redirectTarget, toHarEntry } from './har-entry.mjs';
import { scanHtml } from './html-scan.mjs';
import { htmlTextForLinks, mediaType } from './body-text.mjs';
import { PORTAL_CHECK_VERSION } from './version.mjs';
import { robotsRules } from './robots-rules.mjs';
import { MAX_SUBRESOURCES_PER_PAGE, isCrawlableLink, isOnSite } from './crawl-rules.mjs';

// The whole capture's budget (docs/limits.md): requests started, and bytes of HAR entries written.
export const CAPTURE_BUDGET = Object.freeze({ maxRequests: 3000, maxHarBytes: 256 * 1024 * 1024 });
export { MAX_SUBRESOURCES_PER_PAGE };
// The product token robots.txt groups are matched against.
export const ROBOTS_PRODUCT_TOKEN = 'portal-check';

export function invalid(message) {
  const e = new Error(message);
  e.code = 'invalid-argument';
  return e;
}

export function parseStart(startUrl) {
  let u;
  try {
    u = new URL(startUrl);
  } catch {
    throw invalid(`not a URL: ${startUrl}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid(`only http:// and https:// URLs can be captured: ${startUrl}`);
  if (u.username || u.password) throw invalid('the start URL must not contain credentials');
  u.hash = '';
  return u;
}

function withScheme(u, scheme) {
  const v = new URL(u.href);
  v.protocol = scheme;
  v.port = '';
  return v.href;
}

const originOf = (url) => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

// A counting semaphore: run(fn) waits for a free slot, then runs fn.
function limiter(n) {
  let active = 0;
  const waiting = [];
  const next = () => {
    if (active >= n || waiting.length === 0) return;
    active++;
    const { fn, resolve, reject } = waiting.shift();
    fn().then(resolve, reject).finally(() => { active--; next(); });
  };
  return (fn) => new Promise((resolve, reject) => { waiting.push({ fn, resolve, reject }); next(); });
}


const contentTypeOf = (raw) => raw.rawHeaders.find(([k]) => k.toLowerCase() === 'content-type')?.[1];

function isHtmlPage(raw) {
  const type = mediaType(contentTypeOf(raw));
  return raw.method === 'GET' && raw.status >= 200 && raw.status < 300 &&
    (type === 'text/html' || type === 'application/xhtml+xml');
}

export function checkOptions(o) {
  for (const [name, v, min] of [['pages', o.pages, 1], ['timeoutMs', o.timeoutMs, 1], ['maxBytes', o.maxBytes, 0],
    ['concurrency', o.concurrency, 1], ['maxRedirects', o.maxRedirects, 0], ['maxRequests', o.maxRequests, 1],
    ['maxHarBytes', o.maxHarBytes, 1]]) {
    if (!Number.isInteger(v) || v < min) throw invalid(`${name} must be an integer ≥ ${min}`);
  }
}

// The robots.txt rules from its chain's final response (RFC 9309 §2.3.1): 2xx → its rules; 4xx,
// or a redirect not followed (off the site, a bad Location, too many hops: "unavailable") →
// everything allowed; no answer or 5xx ("unreachable") → nothing crawled. → {allows(url), record}
function robotsFrom(result) {
  const raw = result?.final;
  const status = raw ? raw.status : 0;
  const url = raw ? raw.url : '';
  if (status >= 200 && status < 300) {
    const rules = robotsRules(htmlTextForLinks(raw.body, 'text/plain; charset=utf-8', { cut: raw.bodyCut }), ROBOTS_PRODUCT_TOKEN);
    return {
      allows: (link) => { const u = new URL(link); return rules.allows(`${u.pathname}${u.search}`); },
      record: { honoured: true, url, status, group: rules.group },
    };
  }
  if (status >= 300 && status < 500) return { allows: () => true, record: { honoured: true, url, status, group: 'none' } };
  return { allows: () => false, record: { honoured: true, url, status, group: 'unreachable (nothing crawled)' } };
}

export async function runCapture(startUrl, { transport, writer, paths, captureMethod, logFields = {}, signal, ...options }) {
  const {
    pages = 10, probe = false, timeoutMs = 15000, maxBytes = 5 * 1024 * 1024, concurrency = 4,
    maxRedirects = 20, httpUrl, httpsUrl, onProgress, maxRequests = CAPTURE_BUDGET.maxRequests,
    maxHarBytes = CAPTURE_BUDGET.maxHarBytes, ignoreRobots = false,
  } = options;
  checkOptions({ pages, timeoutMs, maxBytes, concurrency, maxRedirects, maxRequests, maxHarBytes });
  const start = parseStart(startUrl);
  const run = limiter(concurrency);
  let requests = 0;
  let stopped = null;
  let answered = false;
  let firstError;
  const harPages = [];
  const fetched = new Set(); // every URL requested, to fetch each once

  // Body bytes received but not yet written as entries: counted at once, so that a request
  // starting in between sees them (the overshoot stays within the requests in flight).
  let unwrittenBodyBytes = 0;
  const fill = (slot, entries, part) => {
    for (const e of entries) unwrittenBodyBytes -= e.response.content.size;
    writer.fill(slot, entries, part);
  };
  const overBudget = () => {
    if (!stopped && signal?.aborted) {
      stopped = { limit: 'cancelled', message: 'the capture was cancelled' };
    } else if (!stopped && requests >= maxRequests) {
      stopped = { limit: 'maxRequests', message: `the request budget (maxRequests = ${maxRequests}) was reached` };
    } else if (!stopped && writer.bytes + unwrittenBodyBytes >= maxHarBytes) {
      stopped = { limit: 'maxHarBytes', message: `the HAR size budget (maxHarBytes = ${maxHarBytes} bytes) was reached` };
    }
    return stopped !== null;
  };

  // Follows one redirect chain while `follow(next)` allows. → {entries, hops: [raw], final: raw},
  // or null when the budget let no request start.
  async function chain(url, { kind, purpose, follow }) {
    const hops = [];
    const entries = [];
    let current = url;
    for (;;) {
      fetched.add(current);
      const raw = await run(async () => {
        if (overBudget()) return null;
        requests++;
        const done = await transport.exchange(current, kind);
        unwrittenBodyBytes += done.body.length;
        return done;
      });
      if (!raw) break;
      if (raw.status > 0 || raw.tls?.trusted === false) answered = true;
      if (firstError === undefined) firstError = raw.error;
      hops.push(raw);
      const entry = toHarEntry(raw, { resourceType: kind, purpose });
      entries.push(entry);
      onProgress?.({ requests, pages: harPages.length });
      const next = redirectTarget(raw);
      // Stop at a URL already requested elsewhere (e.g. http → the https start): redirectURL says where.
      if (!next || !/^https?:/i.test(next) || fetched.has(next)) break;
      const refusal = follow(next);
      if (refusal) { entry._portalCheck.redirectNotFollowed = refusal; break; }
      if (hops.length > maxRedirects) { entry._portalCheck.redirectLimit = true; break; }
      current = next;
    }
    return hops.length ? { entries, hops, final: hops[hops.length - 1] } : null;
  }

  // Registers the chain's final response as a page when it is one; returns its scan or null.
  function asPage(result) {
    const raw = result?.final;
    if (!raw || !isHtmlPage(raw) || harPages.some((p) => p._url === raw.url)) return null;
    const scan = scanHtml(htmlTextForLinks(raw.body, contentTypeOf(raw), { cut: raw.bodyCut }), raw.url);
    const id = `page_${harPages.length + 1}`;
    harPages.push({ _url: raw.url, startedDateTime: result.hops[0].started.toISOString(), id, title: scan.title || raw.url,
      pageTimings: { onContentLoad: -1, onLoad: -1 } });
    for (const e of result.entries) e.pageref = id;
    return { id, url: raw.url, scan };
  }

  const siteOrigins = new Set([start.origin]);
  const offSite = (next) => (siteOrigins.has(originOf(next)) ? null : 'off-site');
  const anywhere = () => null;

  // 1. The two forms of the start URL: the start URL's own form first, followed wherever it goes.
  const isHttpStart = start.protocol === 'http:';
  let httpChain = null;
  let httpsChain = null;
  const startChain = await chain(start.href, { kind: 'document', purpose: 'start', follow: anywhere });
  if (startChain) siteOrigins.add(originOf(startChain.final.url));
  if (isHttpStart) {
    httpChain = startChain;
    let httpsForm = httpsUrl;
    if (!httpsForm) {
      const viaRedirect = (httpChain?.hops ?? []).map((h) => new URL(h.url))
        .find((h) => h.protocol === 'https:' && h.hostname === start.hostname);
      httpsForm = viaRedirect ? `${viaRedirect.origin}${start.pathname}${start.search}` : withScheme(start, 'https:');
    }
    if (!fetched.has(httpsForm)) httpsChain = await chain(httpsForm, { kind: 'document', purpose: 'start', follow: offSite });
  } else {
    httpsChain = startChain;
    const httpForm = httpUrl ?? withScheme(start, 'http:');
    if (!fetched.has(httpForm)) httpChain = await chain(httpForm, { kind: 'document', purpose: 'start', follow: offSite });
  }
  const orderedStart = (isHttpStart ? [httpChain, httpsChain] : [httpsChain, httpChain]).filter(Boolean);

  // The site origin for the site files: the first https response that answered, else any that
  // answered.
  const startHops = [...(httpsChain?.hops ?? []), ...(httpChain?.hops ?? [])];
  const answeredHttps = startHops.filter((h) => h.status > 0 && h.url.startsWith('https:') && siteOrigins.has(originOf(h.url)));
  const siteRaw = answeredHttps.find((h) => !redirectTarget(h)) ?? answeredHttps[0] ??
    startHops.find((h) => h.status > 0 && siteOrigins.has(originOf(h.url))) ?? startHops[0];
  const siteOrigin = siteRaw ? originOf(siteRaw.url) : start.origin;
  const asUrl = (text) => { try { return new URL(text); } catch { return null; } };
  const onSite = (url) => { const u = asUrl(url); return u !== null && isOnSite(u, siteOrigins); };

  const startPages = orderedStart.map(asPage).filter(Boolean);
  for (const c of orderedStart) fill(writer.reserve(), c.entries);

  // 4. Subresources of one page, on the site only, each written as soon as it completes.
  const subresources = (page, slot) => {
    const wanted = [
      ...page.scan.scripts.map((url) => [url, 'script']),
      ...page.scan.stylesheets.map((url) => [url, 'stylesheet']),
    ].filter(([url]) => onSite(url) && !fetched.has(url)).slice(0, MAX_SUBRESOURCES_PER_PAGE);
    for (const [url] of wanted) fetched.add(url);
    return Promise.all(wanted.map(async ([url, kind], part) => {
      const r = await chain(url, { kind, purpose: kind, follow: offSite });
      for (const e of r?.entries ?? []) e.pageref = page.id;
      fill(slot, r?.entries ?? [], part);
    }));
  };
  const pageTasks = startPages.map((p) => subresources(p, writer.reserve()));

  // 2. Site files: robots.txt first (the crawl needs its rules), the others alongside the crawl.
  const robotsUrl = new URL('/robots.txt', siteOrigin).href;
  fetched.add(robotsUrl);
  const robotsSlot = writer.reserve();
  const robotsChain = await chain(robotsUrl, { kind: 'other', purpose: 'robots', follow: offSite });
  fill(robotsSlot, robotsChain?.entries ?? []);
  const robots = ignoreRobots ? { allows: () => true, record: { honoured: false, reason: 'ignoreRobots (--ignore-robots)' } }
    : robotsFrom(robotsChain);
  let robotsSkipped = 0;
  const token = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  const siteFiles = [
    ['/.well-known/security.txt', 'security-txt'],
    [`/portal-check-${token}-khong-ton-tai`, 'error-page'],
    ...paths.admin.map((p) => [p, 'admin']),
    ...(probe ? paths.probe.map((p) => [p, 'probe']) : []),
  ].filter(([p], i, all) => p !== '/robots.txt' && all.findIndex(([q]) => q === p) === i);
  const siteTasks = Promise.all(siteFiles.map(async ([p, purpose]) => {
    const url = new URL(p, siteOrigin).href;
    fetched.add(url);
    const slot = writer.reserve();
    const r = await chain(url, { kind: purpose === 'admin' ? 'document' : 'other', purpose, follow: offSite });
    fill(slot, r?.entries ?? []);
  }));

  // 3. Crawl, wave by wave.
  const followPage = (next) => offSite(next) ?? (robots.allows(next) ? null : 'robots');
  const crawlTasks = [];
  let budget = Math.max(0, pages - startPages.length);
  let wave = startPages;
  const queued = new Set();
  while (budget > 0 && wave.length > 0 && !stopped) {
    const frontier = [];
    for (const p of wave) {
      for (const link of p.scan.links) {
        if (fetched.has(link) || queued.has(link) || !asUrl(link) || !isCrawlableLink(asUrl(link), siteOrigins)) continue;
        queued.add(link);
        if (!robots.allows(link)) { robotsSkipped++; continue; }
        frontier.push(link);
      }
    }
    const take = frontier.slice(0, budget);
    budget -= take.length;
    const slots = take.map(() => [writer.reserve(), writer.reserve()]);
    const results = await Promise.all(take.map((url) => chain(url, { kind: 'document', purpose: 'page', follow: followPage })));
    const next = [];
    results.forEach((r, i) => {
      const page = asPage(r);
      fill(slots[i][0], r?.entries ?? []);
      crawlTasks.push(page ? subresources(page, slots[i][1]) : Promise.resolve());
      if (page) next.push(page);
    });
    wave = next;
  }

  await Promise.all(pageTasks);
  await siteTasks;
  await Promise.all(crawlTasks);

  const robotsRecord = { ...robots.record, ...(robots.record.honoured ? { linksSkipped: robotsSkipped } : {}) };
  const portalCheck = {
    target: start.href,
    captureMethod,
    pagesLimit: pages,
    activeProbe: probe,
    limits: { timeoutMs, maxBytes, maxRedirects, concurrency },
    budget: { maxRequests, maxHarBytes, requests, bytes: writer.bytes },
    ...logFields,
    robots: robotsRecord,
    ...(stopped ? { stopped: stopped.message, stoppedBy: stopped.limit } : {}),
  };
  const written = await writer.finish({
    version: '1.2',
    creator: { name: 'portal-check', version: PORTAL_CHECK_VERSION },
    _portalCheck: portalCheck,
  }, harPages.map(({ _url, ...p }) => p));
  return { pages: harPages.length, requests, bytes: writer.bytes, stopped, answered, firstError: firstError ?? null, written };
}
