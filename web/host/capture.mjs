// Live capture (Node only): the capture plan of capture-core.mjs carried by Node's own HTTP client
// (http-exchange.mjs) behind the address guard, written to a file as it goes.
//
// captureToFile(startUrl, file, options) → Promise<{pages, requests, bytes, stopped, answered,
//   firstError}> writes the HAR to `file` as it goes (har-file-writer.mjs: entry by entry, never
//   the whole HAR in memory); stopped is null or {limit, message} when the budget ended the
//   capture early; answered: some request got a response; firstError: the first entry's _error.
// capture(startUrl, options) → Promise<HAR object {log: {...}}>: the same, through a temporary
//   file read back (for tests and small captures; the CLI uses captureToFile).
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
//     maxRequests = CAPTURE_BUDGET.maxRequests, maxHarBytes = CAPTURE_BUDGET.maxHarBytes: the
//                         whole capture's budget (see "Budget")
//     allowPrivate=false  connect to loopback, private, link-local... addresses (see "Addresses")
//     ignoreRobots=false  crawl what robots.txt disallows (see "robots.txt")
//     lookup              the DNS lookup to guard (dns.lookup's signature; tests map names with it)
//   Throws (Error with .code = "invalid-argument") only for a bad start URL or options; network
//   failures become entries (status 0, response._error).
//
//   What is requested, in which order, and the log fields: capture-core.mjs. This module adds the
//   request headers (portal-check's own User-Agent, one Accept per kind), the address guard and
//   log._portalCheck.addresses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exchange } from './http-exchange.mjs';
import { PORTAL_CHECK_VERSION } from './version.mjs';
import { sitePaths } from './site-paths.mjs';
import { addressPolicy, guardedLookup, resolveClasses } from './address-guard.mjs';
import { createHarFileWriter } from './har-file-writer.mjs';
import { CAPTURE_BUDGET, checkOptions, invalid, parseStart, runCapture } from './capture-core.mjs';

export { CAPTURE_BUDGET, MAX_SUBRESOURCES_PER_PAGE, ROBOTS_PRODUCT_TOKEN } from './capture-core.mjs';

const ACCEPT = {
  document: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  script: '*/*',
  stylesheet: 'text/css,*/*;q=0.1',
  other: 'text/plain,*/*;q=0.8',
};

export async function captureToFile(startUrl, file, options = {}) {
  const {
    pages = 10, timeoutMs = 15000, maxBytes = 5 * 1024 * 1024, concurrency = 4, maxRedirects = 20,
    maxRequests = CAPTURE_BUDGET.maxRequests, maxHarBytes = CAPTURE_BUDGET.maxHarBytes, allowPrivate = false, lookup,
  } = options;
  checkOptions({ pages, timeoutMs, maxBytes, concurrency, maxRedirects, maxRequests, maxHarBytes });
  if (lookup !== undefined && typeof lookup !== 'function') throw invalid('lookup must be a function');
  const start = parseStart(startUrl);
  const paths = sitePaths();
  // (An undefined lookup is the default parameter: dns.lookup.)
  const policy = addressPolicy({ allowPrivate, allowedClasses: await resolveClasses(start.hostname, lookup) });
  const guarded = guardedLookup(policy, lookup);
  const headers = (kind) => ({
    'User-Agent': `portal-check/${PORTAL_CHECK_VERSION} (security self-check)`,
    Accept: ACCEPT[kind] || ACCEPT.other,
    'Accept-Language': 'vi,en;q=0.8',
    'Accept-Encoding': 'gzip, deflate, br',
  });
  const transport = {
    exchange: (url, kind) => exchange(url, { method: 'GET', headers: headers(kind), timeoutMs, maxBytes, policy, lookup: guarded }),
  };
  const writer = createHarFileWriter(file);
  // Nothing half-written is left behind: on any error the spool and the file are removed.
  try {
    return await runCapture(startUrl, {
      ...options, transport, writer, paths, captureMethod: 'cli-live',
      logFields: { addresses: { allowPrivate, allowedClasses: policy.allowedClasses } },
    });
  } catch (e) {
    writer.abort();
    throw e;
  }
}

export async function capture(startUrl, options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-check-capture-'));
  try {
    const file = path.join(dir, 'capture.har');
    await captureToFile(startUrl, file, options);
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
