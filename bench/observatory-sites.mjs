// The sites of bench/observatory-bench.mjs: the Observatory side-by-side test's synthetic portals
// (tests/support/observatory/sites.mjs, in its order: a baseline, then every variant of every
// dimension alone — CSP, meta CSP, HSTS, cookies, X-Frame-Options, Referrer-Policy,
// X-Content-Type-Options, CORP, content type, scripts, redirect chains — then pairs, then 2 to 5
// variants drawn by a seeded PRNG; small HTML bodies), the first `count` of them, each given a CORS
// preflight (its answer drawn by mulberry32 from `seed`), in the two forms the two analysers read:
//   - as a HAR (site-har.mjs: the https chain, then the http chain) with one more entry, the OPTIONS
//     preflight of the page's URL carrying Origin and Access-Control-Request-Method;
//   - as the Observatory retriever's Requests object (site-observatory.mjs observatoryRequests:
//     both sessions, cookie jar, folded headers, http-equiv of the page) with responses.cors set as
//     its retriever sets it from the same preflight (an OPTIONS of the last URL of the chosen
//     session, Origin = its CONFIG.retriever.corsOrigin default). Its robots.txt request, which only
//     adds cookies, is left out like the rest of the network.
//
// benchSites({count, seed}) → [{name, cors, harBytes (Uint8Array, compact JSON), site, preflight}].
//   Deterministic: the same count and seed give the same bytes.
// observatoryRetrieval(benchSite) → a fresh Requests object for the Observatory's scan().
import { AxiosHeaders } from 'axios';
import { mulberry32 } from '../tests/support/seeded-random.mjs';
import { generateSites } from '../tests/support/observatory/sites.mjs';
import { siteHar } from '../tests/support/observatory/site-har.mjs';
import { observatoryRequests } from '../tests/support/observatory/site-observatory.mjs';

// The Observatory's CONFIG.retriever.corsOrigin default (src/config.js).
const OBSERVATORY_ORIGIN = 'https://http-observatory.security.mozilla.org';
const SAME_SITE_ORIGIN = 'https://dichvucong.example.gov.vn';
const DATE = 'Thu, 01 Jan 2026 00:00:00 GMT';

// How a portal answers the preflight: [weight, name, (origin) → {status, headers}].
const PREFLIGHT_ANSWERS = [
  [5, 'not-set', () => ({
    status: 200,
    headers: [['Allow', 'OPTIONS, TRACE, GET, HEAD, POST'], ['Server', 'Microsoft-IIS/10.0'], ['X-Powered-By', 'ASP.NET'], ['Date', DATE], ['Content-Length', '0']],
  })],
  [2, 'public', () => ({
    status: 204,
    headers: [['Server', 'nginx'], ['Date', DATE], ['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'GET, POST, OPTIONS'],
      ['Access-Control-Allow-Headers', 'Content-Type, Authorization'], ['Access-Control-Max-Age', '86400']],
  })],
  [2, 'restricted', () => ({
    status: 204,
    headers: [['Server', 'nginx'], ['Date', DATE], ['Access-Control-Allow-Origin', SAME_SITE_ORIGIN], ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'], ['Access-Control-Allow-Methods', 'GET, POST'], ['Access-Control-Allow-Headers', 'Content-Type, X-Requested-With']],
  })],
  [1, 'reflected-with-credentials', (origin) => ({
    status: 204,
    headers: [['Server', 'Apache'], ['Date', DATE], ['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'], ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS'], ['Access-Control-Allow-Headers', '*']],
  })],
];
const TOTAL_WEIGHT = PREFLIGHT_ANSWERS.reduce((sum, [w]) => sum + w, 0);

function pickAnswer(random) {
  let draw = random() * TOTAL_WEIGHT;
  for (const answer of PREFLIGHT_ANSWERS) if ((draw -= answer[0]) < 0) return answer;
  return PREFLIGHT_ANSWERS[0];
}

// The URL the Observatory's retriever sends its preflight to, or null when it sends none (no
// session answered).
function preflightUrl(requests) {
  const session = requests.session;
  if (!session?.clientInstance) return null;
  return session.redirectHistory.at(-1)?.url.href ?? session.url.href;
}

// The HAR entry of the preflight: the entry of the same URL, as a browser records an OPTIONS.
function preflightEntry(har, preflight) {
  const page = har.log.entries.findLast((e) => e.request.url === preflight.url);
  const entry = structuredClone(page);
  delete entry._portalCheck;
  entry._resourceType = 'preflight';
  entry.startedDateTime = new Date(Date.parse(page.startedDateTime) + 1000).toISOString();
  entry.request.method = 'OPTIONS';
  entry.request.headers = preflight.requestHeaders.map(([name, value]) => ({ name, value }));
  Object.assign(entry.response, {
    status: preflight.status,
    statusText: preflight.status === 204 ? 'No Content' : 'OK',
    headers: preflight.headers.map(([name, value]) => ({ name, value })),
    content: { size: 0, mimeType: '' },
    redirectURL: '',
  });
  return entry;
}

export function benchSites({ count = 300, seed = 20261205 } = {}) {
  const random = mulberry32(seed);
  const encoder = new TextEncoder();
  return generateSites({ seed, combinations: count }).slice(0, count).map((site) => {
    const [, cors, answer] = pickAnswer(random);
    const har = siteHar(site);
    const url = preflightUrl(observatoryRequests(site));
    let preflight = null;
    if (url) {
      const requestHeaders = [['Accept', '*/*'], ['Origin', OBSERVATORY_ORIGIN], ['Access-Control-Request-Method', 'GET']];
      preflight = { url, requestHeaders, ...answer(OBSERVATORY_ORIGIN) };
      har.log.entries.push(preflightEntry(har, preflight));
    }
    return { name: site.name, cors: preflight ? cors : 'no-preflight', harBytes: encoder.encode(JSON.stringify(har)), site, preflight };
  });
}

const lowerCaseNames = (pairs) => Object.fromEntries(pairs.map(([name, value]) => [name.toLowerCase(), value]));

export function observatoryRetrieval({ site, preflight }) {
  const requests = observatoryRequests(site);
  if (preflight) {
    requests.responses.cors = {
      status: preflight.status,
      statusText: '',
      headers: new AxiosHeaders(lowerCaseNames(preflight.headers)),
      data: '',
      config: { url: preflight.url, headers: new AxiosHeaders(lowerCaseNames(preflight.requestHeaders)) },
      request: { headers: new AxiosHeaders() },
      verified: requests.session.response?.verified ?? false,
    };
  }
  return requests;
}
