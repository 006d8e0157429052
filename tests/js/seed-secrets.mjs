// Known secrets seeded into HARs, for the tests that prove no secret reaches an output
// (tests/js/secret-outputs.test.mjs, tests/browser/app-secrets.test.mjs).
//
// SEED: the secret values (recognisable, ≥ 8 bytes, not all digits, one per kind).
// seedUrl(url) → an http(s) URL with userinfo (when it has none).
// withSessionParam(url) / withTokenParam(url) → the URL with a PHPSESSID=<SEED.jsession> /
//   access_token=<SEED.token> query parameter.
// withSessionPath(url) → an http(s) URL with ";jsessionid=<SEED.jsession>" in its path.
// seedHar(har, urlFn, values, {only}) → a copy of the HAR with urlFn applied to every request URL,
//   redirect target, Location/Content-Location/Referer header and _portalCheck.target; when
//   `values`, every non-empty Cookie, Set-Cookie and HAR cookie value becomes SEED.cookie and every
//   request gets "Authorization: Bearer <SEED.bearer>". Cookie names, attributes and empty
//   values stay, so no check loses or gains cookie evidence; with seedUrl, absolute links to the
//   HAR's hosts in text bodies get the same userinfo (seedBodyLinks). With `only` (a Set of URLs), urlFn
//   changes only those URLs (wherever they occur).

export const SEED = {
  user: 'seedUser7Kq2',
  password: 'seedPass9Xw4',
  token: 'seedTok3Vn8Lm',
  cookie: 'seedCookie5Rz1',
  bearer: 'seedBearer2Hy6',
  jsession: 'SEEDJSID4Tb7Ue0',
};

const copy = (v) => structuredClone(v);
const isHttpUrl = (u) => typeof u === 'string' && /^https?:\/\/[^/?#]/i.test(u);

// url with userinfo (when it has none).
export function seedUrl(u) {
  if (!isHttpUrl(u)) return u;
  const [, scheme, authority, rest] = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(u);
  return authority.includes('@') ? u : `${scheme}${SEED.user}:${SEED.password}@${authority}${rest}`;
}

// url with a session id query parameter (PHPSESSID=<SEED.jsession>) before its fragment.
export function withSessionParam(u) {
  return withParam(u, 'PHPSESSID', SEED.jsession);
}

// url with a token query parameter (access_token=<SEED.token>) before its fragment.
export function withTokenParam(u) {
  return withParam(u, 'access_token', SEED.token);
}

function withParam(u, name, value) {
  if (!isHttpUrl(u)) return u;
  const hash = u.indexOf('#');
  const head = hash === -1 ? u : u.slice(0, hash);
  const tail = hash === -1 ? '' : u.slice(hash);
  return `${head}${head.includes('?') ? '&' : '?'}${name}=${value}${tail}`;
}

// url with ";jsessionid=" in its path (before the query).
export function withSessionPath(u) {
  if (!isHttpUrl(u)) return u;
  const m = /^(https?:\/\/[^/?#]*)([^?#]*)(.*)$/is.exec(u);
  return `${m[1]}${m[2] || '/'};jsessionid=${SEED.jsession}${m[3]}`;
}

const URL_HEADERS = new Set(['location', 'content-location', 'referer']);
const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Absolute links in text bodies ("http://host", "https://host", "//host") to a host the HAR
// requests get the same userinfo as the request URLs, so a link still names the entry it names
// (a script's src, a policy page's href).
function seedBodyLinks(entries) {
  const hosts = new Set();
  for (const e of entries) {
    const m = /^https?:\/\/([^/?#@]+)(?:[/?#]|$)/i.exec(e?.request?.url ?? '');
    if (m) hosts.add(m[1].toLowerCase());
  }
  if (hosts.size === 0) return;
  const re = new RegExp(`((?:https?:)?//)(${[...hosts].map(escapeRe).join('|')})(?![A-Za-z0-9.:-]*@)(?![A-Za-z0-9.-])`, 'gi');
  for (const e of entries) {
    const c = e?.response?.content;
    if (c && typeof c.text === 'string' && c.encoding !== 'base64') c.text = c.text.replace(re, `$1${SEED.user}:${SEED.password}@$2`);
  }
}

// The HAR with `urlFn` applied to every request URL and redirect target; with cookies and
// Authorization seeded when `values`.
export function seedHar(har, urlFn, values, { only } = {}) {
  const out = copy(har);
  if (only) {
    const f = urlFn;
    urlFn = (u) => (only.has(u) ? f(u) : u);
  }
  const log = out?.log;
  if (!log || !Array.isArray(log.entries)) return out;
  if (values && urlFn === seedUrl) seedBodyLinks(log.entries);
  if (log._portalCheck && typeof log._portalCheck.target === 'string') log._portalCheck.target = urlFn(log._portalCheck.target);
  for (const e of log.entries) {
    if (!e || typeof e !== 'object') continue;
    const rq = e.request;
    const rs = e.response;
    if (rq && typeof rq === 'object') {
      rq.url = urlFn(rq.url);
      if (Array.isArray(rq.headers)) {
        for (const h of rq.headers) {
          if (!h || typeof h.value !== 'string') continue;
          const n = String(h.name).toLowerCase();
          if (URL_HEADERS.has(n)) h.value = urlFn(h.value);
          if (values && n === 'cookie') h.value = h.value.split(';').map((p) => (/=\s*\S/.test(p) ? p.replace(/=.*/s, `=${SEED.cookie}`) : p)).join(';');
        }
        if (values) rq.headers.push({ name: 'Authorization', value: `Bearer ${SEED.bearer}` });
      }
      if (values && Array.isArray(rq.cookies)) for (const c of rq.cookies) if (c && c.value) c.value = SEED.cookie;
    }
    if (rs && typeof rs === 'object') {
      if (typeof rs.redirectURL === 'string') rs.redirectURL = urlFn(rs.redirectURL);
      if (Array.isArray(rs.headers)) {
        for (const h of rs.headers) {
          if (!h || typeof h.value !== 'string') continue;
          const n = String(h.name).toLowerCase();
          if (URL_HEADERS.has(n)) h.value = urlFn(h.value);
          if (values && n === 'set-cookie') {
            h.value = h.value.split('\n').map((line) => line.replace(/^([^=;]*=)\s*([^;]+)/, (all, name, v) => (v.trim() ? `${name}${SEED.cookie}` : all))).join('\n');
          }
        }
      }
      if (values && Array.isArray(rs.cookies)) for (const c of rs.cookies) if (c && c.value) c.value = SEED.cookie;
    }
  }
  return out;
}

