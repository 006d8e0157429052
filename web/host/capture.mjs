// Live capture (Node only): visits a site the way a first-time visitor would and records what it
// saw as a HAR 1.2 object for the engine. Judgement stays in the C++ core; this only gathers.
//
// capture(startUrl, options) → Promise<HAR object {log: {...}}>
//   options:
//     pages = 10          max HTML pages in log.pages (the start page(s) count; see "Crawl")
//     probe = false       active probe consent: also GET the exposed-file paths (see 2.)
//     timeoutMs = 15000   per request (connect + headers + body)
//     maxBytes = 5 MiB    per body (decoded); cut bodies get entry._portalCheck.bodyCut = true
//     concurrency = 4     requests in flight at most
//     maxRedirects = 20   hops followed per chain; past it the last hop gets _portalCheck.redirectLimit
//     httpUrl, httpsUrl   override the derived http:// / https:// forms of the start URL
//     insecureTls         accepted and ignored: trust is always recorded (_trusted), never fatal
//     onProgress          ({requests, pages}) after each request
//   Throws (Error with .code = "invalid-argument") only for a bad start URL or options; network
//   failures become entries (status 0, response._error).
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
//      site's hosts (the start host and the hosts the start chains ended on), skipping non-HTML file
//      extensions and logout-like links. Each document fetched by the crawl uses one unit of the
//      `pages` budget, whether it turns out to be a page or not, so the work is bounded. The start
//      forms are always fetched: with pages = 1, a site serving its home page on both http and
//      https (no redirect) gives 2 pages.
//   4. For every page: its <script src> and <link rel=stylesheet> on the site's hosts (third-party
//      hosts are never contacted; the engine sees their URLs in the page), at most 30 per page,
//      each fetched once.
//   Entries are ordered by task (the start URL's chain, the other form's chain, the start pages'
//   subresources, site files, then crawled pages each followed by its subresources), not by
//   completion time, so the same site gives the same order.
//   HAR extension fields: see har-entry.mjs; log._portalCheck = {target, captureMethod: "cli-live",
//   pagesLimit, activeProbe, limits}.
import { exchange } from './http-exchange.mjs';
import { toHarEntry, redirectTarget } from './har-entry.mjs';
import { scanHtml } from './html-scan.mjs';
import { bodyToContent, mediaType } from './body-text.mjs';
import { PORTAL_CHECK_VERSION } from './version.mjs';
import { sitePaths } from './site-paths.mjs';

const MAX_SUBRESOURCES_PER_PAGE = 30;
const NOT_A_PAGE = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|gz|tgz|tar|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|avi|mov|wmv|flv|mkv|webm|wav|ogg|woff2?|ttf|eot|otf|css|js|json|xml|txt|exe|msi|apk|dmg|iso)$/i;
const LOGOUT = /(log-?out|sign-?out|dang-?xuat|thoat)/i;

function invalid(message) {
  const e = new Error(message);
  e.code = 'invalid-argument';
  return e;
}

function parseStart(startUrl) {
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

const ACCEPT = {
  document: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  script: '*/*',
  stylesheet: 'text/css,*/*;q=0.1',
  other: 'text/plain,*/*;q=0.8',
};

function isHtmlPage(raw) {
  const type = mediaType(raw.rawHeaders.find(([k]) => k.toLowerCase() === 'content-type')?.[1]);
  return raw.method === 'GET' && raw.status >= 200 && raw.status < 300 &&
    (type === 'text/html' || type === 'application/xhtml+xml');
}

export async function capture(startUrl, options = {}) {
  const {
    pages = 10, probe = false, timeoutMs = 15000, maxBytes = 5 * 1024 * 1024, concurrency = 4,
    maxRedirects = 20, httpUrl, httpsUrl, onProgress,
  } = options;
  for (const [name, v, min] of [['pages', pages, 1], ['timeoutMs', timeoutMs, 1], ['maxBytes', maxBytes, 0],
    ['concurrency', concurrency, 1], ['maxRedirects', maxRedirects, 0]]) {
    if (!Number.isInteger(v) || v < min) throw invalid(`${name} must be an integer ≥ ${min}`);
  }
  const start = parseStart(startUrl);
  const paths = sitePaths();
  const run = limiter(concurrency);
  const headers = (kind) => ({
    'User-Agent': `portal-check/${PORTAL_CHECK_VERSION} (security self-check)`,
    Accept: ACCEPT[kind] || ACCEPT.other,
    'Accept-Language': 'vi,en;q=0.8',
    'Accept-Encoding': 'gzip, deflate, br',
  });
  let requests = 0;
  const harPages = [];
  const fetched = new Set(); // every URL requested, to fetch each once

  // Follows one redirect chain. → {entries, hops: [raw], final: raw}
  async function chain(url, { kind, purpose }) {
    const hops = [];
    const entries = [];
    let current = url;
    for (;;) {
      fetched.add(current);
      const raw = await run(() => exchange(current, { method: 'GET', headers: headers(kind), timeoutMs, maxBytes }));
      requests++;
      hops.push(raw);
      const entry = toHarEntry(raw, { resourceType: kind, purpose });
      entries.push(entry);
      onProgress?.({ requests, pages: harPages.length });
      const next = redirectTarget(raw);
      // Stop at a URL already requested elsewhere (e.g. http → the https start): redirectURL says where.
      if (!next || !/^https?:/i.test(next) || fetched.has(next)) break;
      if (hops.length > maxRedirects) { entry._portalCheck.redirectLimit = true; break; }
      current = next;
    }
    return { entries, hops, final: hops[hops.length - 1] };
  }

  // Registers the chain's final response as a page when it is one; returns its scan or null.
  function asPage(result) {
    const raw = result.final;
    if (!isHtmlPage(raw) || harPages.some((p) => p._url === raw.url)) return null;
    const content = bodyToContent(raw.body, raw.rawHeaders.find(([k]) => k.toLowerCase() === 'content-type')?.[1], { cut: raw.bodyCut });
    const scan = content.encoding ? { title: '', links: [], scripts: [], stylesheets: [] } : scanHtml(content.text, raw.url);
    const id = `page_${harPages.length + 1}`;
    harPages.push({ _url: raw.url, startedDateTime: result.hops[0].started.toISOString(), id, title: scan.title || raw.url,
      pageTimings: { onContentLoad: -1, onLoad: -1 } });
    for (const e of result.entries) e.pageref = id;
    return { id, url: raw.url, scan, entries: result.entries };
  }

  // 1. The two forms of the start URL: the start URL's own form first.
  const isHttpStart = start.protocol === 'http:';
  let httpChain = null;
  let httpsChain = null;
  if (isHttpStart) {
    httpChain = await chain(start.href, { kind: 'document', purpose: 'start' });
    let httpsForm = httpsUrl;
    if (!httpsForm) {
      const viaRedirect = httpChain.hops.map((h) => new URL(h.url))
        .find((h) => h.protocol === 'https:' && h.hostname === start.hostname);
      httpsForm = viaRedirect ? `${viaRedirect.origin}${start.pathname}${start.search}` : withScheme(start, 'https:');
    }
    if (!fetched.has(httpsForm)) httpsChain = await chain(httpsForm, { kind: 'document', purpose: 'start' });
  } else {
    httpsChain = await chain(start.href, { kind: 'document', purpose: 'start' });
    const httpForm = httpUrl ?? withScheme(start, 'http:');
    if (!fetched.has(httpForm)) httpChain = await chain(httpForm, { kind: 'document', purpose: 'start' });
  }

  // The site: its origin for the site files (the first https response that answered, else any
  // that answered) and its hosts for the crawl (the start host and where the start chains ended).
  const startHops = [...(httpsChain?.hops ?? []), ...(httpChain?.hops ?? [])];
  const answeredHttps = startHops.filter((h) => h.status > 0 && h.url.startsWith('https:'));
  const siteRaw = answeredHttps.find((h) => !redirectTarget(h)) ?? answeredHttps[0] ??
    startHops.find((h) => h.status > 0) ?? startHops[0];
  const siteOrigin = new URL(siteRaw.url).origin;
  const siteHosts = new Set([start.hostname]);
  for (const c of [httpChain, httpsChain]) if (c && c.final.status > 0) siteHosts.add(new URL(c.final.url).hostname);
  const onSite = (url) => siteHosts.has(new URL(url).hostname);

  const startPages = (isHttpStart ? [httpChain, httpsChain] : [httpsChain, httpChain]).filter(Boolean).map(asPage).filter(Boolean);

  // 2. Site files (run alongside the crawl; their place in the HAR is fixed).
  const token = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  const siteFiles = [
    ['/robots.txt', 'robots'],
    ['/.well-known/security.txt', 'security-txt'],
    [`/portal-check-${token}-khong-ton-tai`, 'error-page'],
    ...paths.admin.map((p) => [p, 'admin']),
    ...(probe ? paths.probe.map((p) => [p, 'probe']) : []),
  ].filter(([p], i, all) => all.findIndex(([q]) => q === p) === i);
  const siteTasks = Promise.all(siteFiles.map(([p, purpose]) => {
    const url = new URL(p, siteOrigin).href;
    fetched.add(url);
    return chain(url, { kind: purpose === 'admin' ? 'document' : 'other', purpose });
  }));

  // 4. Subresources of one page, on the site's hosts only.
  const subresources = async (page) => {
    const wanted = [
      ...page.scan.scripts.map((url) => [url, 'script']),
      ...page.scan.stylesheets.map((url) => [url, 'stylesheet']),
    ].filter(([url]) => onSite(url) && !fetched.has(url)).slice(0, MAX_SUBRESOURCES_PER_PAGE);
    for (const [url] of wanted) fetched.add(url);
    const results = await Promise.all(wanted.map(([url, kind]) => chain(url, { kind, purpose: kind })));
    for (const r of results) for (const e of r.entries) e.pageref = page.id;
    return results.flatMap((r) => r.entries);
  };

  // 3. Crawl, wave by wave.
  const pageTasks = startPages.map((p) => subresources(p));
  const crawlEntries = [];
  let budget = Math.max(0, pages - startPages.length);
  let wave = startPages;
  const queued = new Set();
  while (budget > 0 && wave.length > 0) {
    const frontier = [];
    for (const p of wave) {
      for (const link of p.scan.links) {
        if (fetched.has(link) || queued.has(link) || !onSite(link)) continue;
        const { pathname } = new URL(link);
        if (NOT_A_PAGE.test(pathname) || LOGOUT.test(link)) continue;
        queued.add(link);
        frontier.push(link);
      }
    }
    const take = frontier.slice(0, budget);
    budget -= take.length;
    const results = await Promise.all(take.map((url) => chain(url, { kind: 'document', purpose: 'page' })));
    const next = [];
    for (const r of results) {
      const page = asPage(r);
      const task = { entries: r.entries, subs: page ? subresources(page) : Promise.resolve([]) };
      crawlEntries.push(task);
      if (page) next.push(page);
    }
    wave = next;
  }

  const startSubs = await Promise.all(pageTasks);
  const siteResults = await siteTasks;
  // The start URL's own chain first (its first entry is the target), then the other form's.
  const startChains = (isHttpStart ? [httpChain, httpsChain] : [httpsChain, httpChain]).map((c) => (c ? c.entries : []));
  const entries = [
    ...startChains.flat(),
    ...startSubs.flat(),
    ...siteResults.flatMap((r) => r.entries),
  ];
  for (const task of crawlEntries) entries.push(...task.entries, ...(await task.subs));

  return {
    log: {
      version: '1.2',
      creator: { name: 'portal-check', version: PORTAL_CHECK_VERSION },
      pages: harPages.map(({ _url, ...p }) => p),
      entries,
      _portalCheck: {
        target: start.href,
        captureMethod: 'cli-live',
        pagesLimit: pages,
        activeProbe: probe,
        limits: { timeoutMs, maxBytes, maxRedirects, concurrency },
      },
    },
  };
}
