// Synthetic sites for the side-by-side test with the Mozilla HTTP Observatory
// (tests/js/observatory-side-by-side.test.mjs). A site is a tiny deterministic web server: a map
// from absolute URL to the response it gives, plus the host the Observatory is pointed at. The
// same site is written as a HAR for the engine (site-har.mjs) and handed to the Observatory's own
// analyser (site-observatory.mjs), so both judge the same responses.
//
// generateSites({seed}) → [site]. Deterministic: the same seed gives the same sites, in the same
// order. The set is a clean baseline, then every variant of every dimension applied alone to it,
// then the cross products of PAIRS (dimensions that interact), then `combinations` sites that each
// apply 2 to 5 variants of different dimensions, picked by a seeded PRNG (mulberry32).
//
// site = {name, variants: [variant names], host, start: 'https://host/', routes: Map<url, response>}
// response = {status, headers: [[name, value]], body}   (no entry for a URL = connection refused)
import { mulberry32 } from '../seeded-random.mjs';

export const HOST = 'portal.example.gov.vn';

// --------------------------------------------------------------------------------------------
// Configuration of one site: what the home page sends, and how the http/https chains reach it.

const STRONG_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function baseConfig() {
  return {
    https: true, // an https listener exists
    httpMode: 'to-https', // see materialize()
    httpsRedirect: false, // https://host/ → 302 → https://host/trang-chu
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: [
      ['Content-Security-Policy', STRONG_CSP],
      ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
      ['X-Content-Type-Options', 'nosniff'],
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Cross-Origin-Resource-Policy', 'same-origin'],
      ['Cross-Origin-Opener-Policy', 'same-origin'],
    ],
    cookies: ['SESSIONID=s3cr3t; Path=/; Secure; HttpOnly; SameSite=Lax'],
    redirectCookies: [], // Set-Cookie on the https redirect hop (with httpsRedirect)
    head: ['<title>Cổng thông tin</title>'],
    body: ['<h1>Cổng thông tin điện tử</h1>', '<script src="/js/app.js"></script>'],
  };
}

function setHeader(c, name, ...values) {
  c.headers = c.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  for (const v of values) c.headers.push([name, v]);
}
const dropHeader = (c, name) => setHeader(c, name);

// --------------------------------------------------------------------------------------------
// Dimensions: each variant changes one aspect of the base configuration.

const SRI_384 = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
const NBSP = '\u00a0';

const DIMENSIONS = {
  chain: {
    'https-direct': () => {},
    'https-redirect': (c) => { c.httpsRedirect = true; },
    'https-redirect-cookie': (c) => {
      c.httpsRedirect = true;
      c.redirectCookies = ['lang=vi; Path=/'];
    },
    'http-missing': (c) => { c.httpMode = 'missing'; },
    'http-refused': (c) => { c.httpMode = 'refused'; },
    'http-first-hop-http': (c) => { c.httpMode = 'http-first-hop'; },
    'http-off-host': (c) => { c.httpMode = 'off-host'; },
    'http-not-to-https': (c) => { c.httpMode = 'not-to-https'; },
    'http-only-site': (c) => { c.https = false; c.httpMode = 'missing'; },
  },
  status: {
    200: () => {},
    401: (c) => { c.status = 401; },
    403: (c) => { c.status = 403; },
  },
  contentType: {
    'utf8': () => {},
    'plain-text/html': (c) => { c.contentType = 'text/html'; },
    'upper-case': (c) => { c.contentType = 'TEXT/HTML'; },
    'mixed-case-charset': (c) => { c.contentType = 'Text/Html; charset=UTF-8'; },
    'space-before-semicolon': (c) => { c.contentType = 'text/html ; charset=utf-8'; },
    'xhtml': (c) => { c.contentType = 'application/xhtml+xml'; },
  },
  csp: {
    'strong': () => {},
    'missing': (c) => dropHeader(c, 'Content-Security-Policy'),
    'default-self': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'"),
    'unsafe-inline': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'"),
    'unsafe-eval': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'"),
    'nonce-unsafe-inline': (c) => setHeader(c, 'Content-Security-Policy', "script-src 'nonce-R4nd0mN0nc3V4lu3xyz' 'unsafe-inline'; object-src 'none'; base-uri 'none'"),
    'nonce-strict-dynamic': (c) => setHeader(c, 'Content-Security-Policy', "script-src 'nonce-R4nd0mN0nc3V4lu3xyz' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'"),
    'strict-dynamic-no-nonce': (c) => setHeader(c, 'Content-Security-Policy', "script-src 'strict-dynamic' 'self'; object-src 'none'"),
    'short-nonce': (c) => setHeader(c, 'Content-Security-Policy', "script-src 'nonce-abc' 'unsafe-inline'; object-src 'none'"),
    'http-script': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src 'self' http://cdn.example.com"),
    'http-img': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; img-src 'self' http://img.example.com"),
    'https-scheme-script': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src https:"),
    'data-script': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src 'self' data:"),
    'style-unsafe-inline': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'none'; style-src 'self' 'unsafe-inline'"),
    'duplicate-directive': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src 'self'; script-src 'unsafe-inline'"),
    'duplicate-report-uri': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; report-uri /a; report-uri /b"),
    'report-uri-http': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; report-uri http://report.example.com/csp"),
    'no-object-src': (c) => setHeader(c, 'Content-Security-Policy', "script-src 'self'"),
    'sent-twice': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'", "script-src 'self' 'unsafe-inline'"),
    'comma-in-header': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self', script-src 'unsafe-inline'"),
    'report-only': (c) => {
      dropHeader(c, 'Content-Security-Policy');
      setHeader(c, 'Content-Security-Policy-Report-Only', "default-src 'self'; report-uri /csp");
    },
    'too-short': (c) => setHeader(c, 'Content-Security-Policy', 'a'),
    'frame-ancestors-only': (c) => setHeader(c, 'Content-Security-Policy', "frame-ancestors 'self'"),
    'upper-case-names': (c) => setHeader(c, 'Content-Security-Policy', "DEFAULT-SRC 'NONE'; SCRIPT-SRC 'SELF'"),
    'nbsp-inside': (c) => setHeader(c, 'Content-Security-Policy', `default-src${NBSP}'none'; script-src 'self'`),
    'nbsp-between-sources': (c) => setHeader(c, 'Content-Security-Policy', `default-src 'self'; script-src 'self'${NBSP}'unsafe-inline'`),
    'script-src-elem': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; script-src-elem 'self' 'unsafe-inline'"),
    'empty-value': (c) => setHeader(c, 'Content-Security-Policy', ''),
    'wildcard-object': (c) => setHeader(c, 'Content-Security-Policy', "default-src 'self'; object-src *"),
  },
  metaCsp: {
    'none': () => {},
    'meta-strong': (c) => c.head.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">`),
    'meta-unsafe-inline': (c) => c.head.push(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">`),
    'meta-empty': (c) => c.head.push('<meta http-equiv="Content-Security-Policy" content="">'),
    'meta-frame-ancestors': (c) => c.head.push(`<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">`),
    'meta-upper-equiv': (c) => c.head.push(`<meta http-equiv=" CONTENT-SECURITY-POLICY " content="default-src 'self'">`),
    'meta-in-template': (c) => c.body.push(`<template><meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'"></template>`),
    'meta-nbsp': (c) => c.head.push(`<meta http-equiv="Content-Security-Policy" content="default-src${NBSP}'self'">`),
  },
  xfo: {
    'deny': () => {},
    'sameorigin-lower': (c) => setHeader(c, 'X-Frame-Options', 'sameorigin'),
    'missing': (c) => dropHeader(c, 'X-Frame-Options'),
    'allow-from': (c) => setHeader(c, 'X-Frame-Options', 'ALLOW-FROM https://other.example.com/'),
    'sent-twice': (c) => setHeader(c, 'X-Frame-Options', 'DENY', 'DENY'),
    'invalid': (c) => setHeader(c, 'X-Frame-Options', 'ALLOWALL'),
  },
  hsts: {
    'two-years': () => {},
    'six-months': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=15552000'),
    'short': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=300'),
    'zero': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=0'),
    'missing': (c) => dropHeader(c, 'Strict-Transport-Security'),
    'sent-twice': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=63072000', 'max-age=63072000'),
    'quoted': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age="31536000"'),
    'no-max-age': (c) => setHeader(c, 'Strict-Transport-Security', 'includeSubDomains'),
    'repeated-max-age': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=31536000; max-age=300'),
    'not-a-number': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=abc'),
    'preload': (c) => setHeader(c, 'Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload'),
  },
  xcto: {
    'nosniff': () => {},
    'missing': (c) => dropHeader(c, 'X-Content-Type-Options'),
    'upper-case': (c) => setHeader(c, 'X-Content-Type-Options', 'NOSNIFF'),
    'sent-twice': (c) => setHeader(c, 'X-Content-Type-Options', 'nosniff', 'nosniff'),
    'comma-list': (c) => setHeader(c, 'X-Content-Type-Options', 'nosniff, nosniff'),
    'invalid': (c) => setHeader(c, 'X-Content-Type-Options', 'sniff'),
  },
  referrer: {
    'header-private': () => {},
    'missing': (c) => dropHeader(c, 'Referrer-Policy'),
    'unsafe-url': (c) => setHeader(c, 'Referrer-Policy', 'unsafe-url'),
    'fallback-list': (c) => setHeader(c, 'Referrer-Policy', 'no-referrer, strict-origin-when-cross-origin'),
    'invalid': (c) => setHeader(c, 'Referrer-Policy', 'foo'),
    'sent-twice': (c) => setHeader(c, 'Referrer-Policy', 'unsafe-url', 'no-referrer'),
    'meta-no-referrer': (c) => {
      dropHeader(c, 'Referrer-Policy');
      c.head.push('<meta name="referrer" content="no-referrer">');
    },
    'meta-overrides-header': (c) => c.head.push('<meta name="referrer" content="unsafe-url">'),
    'meta-legacy-never': (c) => {
      dropHeader(c, 'Referrer-Policy');
      c.head.push('<meta name="referrer" content="never">');
    },
    'meta-empty-last': (c) => {
      setHeader(c, 'Referrer-Policy', 'unsafe-url');
      c.head.push('<meta name="referrer" content="no-referrer">', '<meta name="referrer" content="">');
    },
    'meta-invalid-last': (c) => {
      setHeader(c, 'Referrer-Policy', 'unsafe-url');
      c.head.push('<meta name="referrer" content="no-referrer">', '<meta name="referrer" content="foo">');
    },
    'meta-in-template': (c) => c.body.push('<template><meta name="referrer" content="unsafe-url"></template>'),
    'meta-upper-name': (c) => c.head.push('<meta name="REFERRER" content="origin">'),
  },
  corp: {
    'same-origin': () => {},
    'same-site': (c) => setHeader(c, 'Cross-Origin-Resource-Policy', 'same-site'),
    'cross-origin': (c) => setHeader(c, 'Cross-Origin-Resource-Policy', 'cross-origin'),
    'missing': (c) => dropHeader(c, 'Cross-Origin-Resource-Policy'),
    'mixed-case': (c) => setHeader(c, 'Cross-Origin-Resource-Policy', 'Same-Origin'),
    'sent-twice': (c) => setHeader(c, 'Cross-Origin-Resource-Policy', 'same-origin', 'same-origin'),
    'invalid': (c) => setHeader(c, 'Cross-Origin-Resource-Policy', 'same-orign'),
    'coep-coop': (c) => {
      setHeader(c, 'Cross-Origin-Embedder-Policy', 'require-corp');
      setHeader(c, 'Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
    },
  },
  cookies: {
    'session-good': () => {},
    'none': (c) => { c.cookies = []; },
    'all-samesite-missing': (c) => { c.cookies = ['SESSIONID=s; Path=/; Secure; HttpOnly']; },
    'session-no-secure': (c) => { c.cookies = ['SESSIONID=s; Path=/; HttpOnly; SameSite=Lax']; },
    'session-no-httponly': (c) => { c.cookies = ['PHPSESSID=s; Path=/; Secure; SameSite=Lax']; },
    'login-no-secure': (c) => { c.cookies = ['remember_login=1; Path=/; HttpOnly']; },
    'plain-no-secure': (c) => { c.cookies.push('theme=dark; Path=/'); },
    'csrf-no-samesite': (c) => { c.cookies.push('csrftoken=t; Path=/; Secure'); },
    'samesite-none-insecure': (c) => { c.cookies.push('tracker=1; Path=/; SameSite=None'); },
    'samesite-invalid': (c) => { c.cookies.push('pref=1; Path=/; Secure; SameSite=Foo'); },
    'samesite-empty': (c) => { c.cookies.push('pref=1; Path=/; Secure; SameSite='); },
    'host-prefix-with-domain': (c) => { c.cookies.push(`__Host-id=1; Domain=${HOST}; Path=/; Secure`); },
    'host-prefix-no-secure': (c) => { c.cookies.push('__Host-id=1; Path=/'); },
    'host-prefix-no-path': (c) => { c.cookies.push('__Host-id=1; Secure'); },
    'host-prefix-sub-path': (c) => { c.cookies.push('__Host-id=1; Path=/app; Secure'); },
    'secure-prefix-no-secure': (c) => { c.cookies.push('__Secure-sess=1; Path=/; HttpOnly'); },
    'secure-prefix-lower-case': (c) => { c.cookies.push('__secure-sess=1; Path=/; HttpOnly'); },
    'heroku-affinity': (c) => { c.cookies.push('heroku-session-affinity=ACyD; Path=/'); },
    'heroku-affinity-upper': (c) => { c.cookies.push('Heroku-Session-Affinity=ACyD; Path=/'); },
    'named-samesite': (c) => { c.cookies.push('samesite=1; Path=/; Secure; SameSite=Lax'); },
    'named-samesite-lax': (c) => { c.cookies.push('samesite=lax; Path=/; Secure; SameSite=Lax'); },
    'with-and-without-path': (c) => {
      c.cookies = ['SESSIONID=a; Path=/; Secure; HttpOnly; SameSite=Lax', 'SESSIONID=b; Secure; HttpOnly'];
    },
    'without-then-with-path': (c) => {
      c.cookies = ['SESSIONID=a; Secure; HttpOnly', 'SESSIONID=b; Path=/; Secure; HttpOnly; SameSite=Strict'];
    },
    'foreign-domain': (c) => { c.cookies.push('ad=1; Domain=other.example.com; Path=/'); },
    'empty-name': (c) => { c.cookies.push('=novalue; Path=/'); },
  },
  scripts: {
    'same-origin': () => {},
    'none': (c) => { c.body = c.body.filter((b) => !b.startsWith('<script')); },
    'inline-only': (c) => { c.body = ['<h1>Trang</h1>', '<script>var a = 1;</script>']; },
    'cdn-no-sri': (c) => c.body.push('<script src="https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"></script>'),
    'cdn-sri': (c) => c.body.push(`<script src="https://code.jquery.com/jquery-3.7.1.min.js" integrity="${SRI_384}" crossorigin="anonymous"></script>`),
    'cdn-http-no-sri': (c) => c.body.push('<script src="http://cdn.example.com/lib.js"></script>'),
    'cdn-http-sri': (c) => c.body.push(`<script src="http://cdn.example.com/lib.js" integrity="${SRI_384}"></script>`),
    'protocol-relative': (c) => c.body.push('<script src="//cdn.example.com/lib.js"></script>'),
    'same-site-subdomain': (c) => c.body.push('<script src="https://static.example.gov.vn/app.js"></script>'),
    'same-origin-sri': (c) => { c.body = ['<h1>Trang</h1>', `<script src="/js/app.js" integrity="${SRI_384}"></script>`]; },
    'malformed-sri': (c) => c.body.push('<script src="https://cdn.example.com/lib.js" integrity="sha384-short" crossorigin="anonymous"></script>'),
    'in-template': (c) => c.body.push('<template><script src="http://cdn.example.com/tpl.js"></script></template>'),
    'only-in-template': (c) => { c.body = ['<h1>Trang</h1>', '<template><script src="https://cdn.example.com/tpl.js"></script></template>']; },
    'cdn-stylesheet-http': (c) => c.head.push('<link rel="stylesheet" href="http://cdn.example.com/site.css">'),
    'base-href': (c) => {
      c.head.push('<base href="https://cdn.example.com/">');
      c.body.push('<script src="lib.js"></script>');
    },
  },
};

export const DIMENSION_NAMES = Object.keys(DIMENSIONS);

// --------------------------------------------------------------------------------------------
// From a configuration to the routes of a site.

function page(c, url) {
  const headers = [['Content-Type', c.contentType], ...c.headers.map(([n, v]) => [n, v])];
  for (const cookie of c.cookies) headers.push(['Set-Cookie', cookie]);
  const body = `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">${c.head.join('')}</head>` +
    `<body>${c.body.join('\n')}</body></html>\n`;
  const status = url.startsWith('http:') && c.https ? 200 : c.status;
  return { status, headers, body };
}

function redirect(status, location, cookies = []) {
  const headers = [['Location', location], ['Content-Type', 'text/html; charset=utf-8']];
  for (const cookie of cookies) headers.push(['Set-Cookie', cookie]);
  return { status, headers, body: '' };
}

// Routes of the site (absolute URL → response).
//   httpMode: to-https        http://host/ 301 → https://host/
//             missing         http://host/ serves the page itself
//             refused         nothing listens on http
//             http-first-hop  http://host/ 301 → http://host/chuyen-huong 301 → https://host/
//             off-host        http://host/ 301 → https://www.host/ 301 → https://host/
//             not-to-https    http://host/ 302 → http://host/dang-nhap (the page, over http)
function materialize(c) {
  const routes = new Map();
  const root = (scheme) => `${scheme}://${HOST}/`;
  if (c.https) {
    if (c.httpsRedirect) {
      routes.set(root('https'), redirect(302, `https://${HOST}/trang-chu`, c.redirectCookies));
      routes.set(`https://${HOST}/trang-chu`, page(c, `https://${HOST}/trang-chu`));
    } else {
      routes.set(root('https'), page(c, root('https')));
    }
  }
  switch (c.httpMode) {
    case 'to-https': routes.set(root('http'), redirect(301, root('https'))); break;
    case 'missing': routes.set(root('http'), page(c, root('http'))); break;
    case 'refused': break;
    case 'http-first-hop':
      routes.set(root('http'), redirect(301, `http://${HOST}/chuyen-huong`));
      routes.set(`http://${HOST}/chuyen-huong`, redirect(301, root('https')));
      break;
    case 'off-host':
      routes.set(root('http'), redirect(301, `https://www.${HOST}/`));
      routes.set(`https://www.${HOST}/`, redirect(301, root('https')));
      break;
    case 'not-to-https':
      routes.set(root('http'), redirect(302, `http://${HOST}/dang-nhap`));
      routes.set(`http://${HOST}/dang-nhap`, page(c, `http://${HOST}/dang-nhap`));
      break;
    default: throw new Error(`unknown httpMode ${c.httpMode}`);
  }
  return routes;
}

function makeSite(variants) {
  const c = baseConfig();
  for (const [dim, name] of variants) DIMENSIONS[dim][name](c);
  const label = variants.length ? variants.map(([d, n]) => `${d}:${n}`).join(' + ') : 'baseline';
  return {
    name: label,
    variants: variants.map(([d, n]) => `${d}:${n}`),
    host: HOST,
    start: `https://${HOST}/`,
    routes: materialize(c),
  };
}

// Cross products where two dimensions interact (every listed variant of one with every listed
// variant of the other), so that no interaction depends on the random draw.
const PAIRS = [
  ['cookies', ['plain-no-secure', 'session-no-secure', 'with-and-without-path'], 'hsts', null],
  ['contentType', ['upper-case', 'space-before-semicolon', 'mixed-case-charset'], 'metaCsp', ['meta-strong', 'meta-unsafe-inline', 'meta-empty']],
  ['contentType', ['upper-case', 'space-before-semicolon'], 'referrer', ['meta-no-referrer', 'meta-overrides-header', 'meta-empty-last']],
  ['contentType', ['upper-case', 'space-before-semicolon'], 'scripts', ['none', 'cdn-no-sri', 'cdn-http-no-sri', 'same-origin-sri']],
  ['status', ['401', '403'], 'scripts', ['cdn-no-sri', 'in-template']],
  ['status', ['401', '403'], 'cookies', ['session-no-secure', 'named-samesite', 'host-prefix-no-path']],
  ['csp', ['missing', 'nbsp-inside', 'frame-ancestors-only', 'sent-twice'], 'metaCsp', ['meta-strong', 'meta-empty', 'meta-in-template', 'meta-nbsp']],
  ['csp', ['missing', 'frame-ancestors-only'], 'xfo', null],
];

function pairSites() {
  const out = [];
  for (const [a, av, b, bv] of PAIRS)
    for (const x of av ?? Object.keys(DIMENSIONS[a]).slice(1))
      for (const y of bv ?? Object.keys(DIMENSIONS[b]).slice(1)) out.push(makeSite([[a, x], [b, y]]));
  return out;
}


export function generateSites({ seed = 20260101, combinations = 250 } = {}) {
  const sites = [makeSite([])];
  for (const [dim, variants] of Object.entries(DIMENSIONS))
    for (const name of Object.keys(variants).slice(1)) sites.push(makeSite([[dim, name]]));
  sites.push(...pairSites());
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  for (let i = 0; i < combinations; i++) {
    const count = 2 + Math.floor(random() * 4);
    const dims = [];
    while (dims.length < count) {
      const d = pick(DIMENSION_NAMES);
      if (!dims.includes(d)) dims.push(d);
    }
    sites.push(makeSite(dims.map((d) => [d, pick(Object.keys(DIMENSIONS[d]).slice(1))])));
  }
  return sites;
}
