// Known secrets seeded into HARs, for the tests that prove no secret reaches an output
// (tests/js/secret-outputs.test.mjs, tests/browser/app-secrets.test.mjs).
//
// SEED: the secret values (recognisable, ≥ 8 bytes, not all digits, one per kind).
// seedUrl(url) → an http(s) URL with userinfo (when it has none) and an access_token parameter.
// withSessionPath(url) → an http(s) URL with ";jsessionid=<SEED.jsession>" in its path.
// seedHar(har, urlFn, values) → a copy of the HAR with urlFn applied to every request URL,
//   redirect target, Location/Content-Location/Referer header and _portalCheck.target; when
//   `values`, every non-empty Cookie, Set-Cookie and HAR cookie value becomes SEED.cookie and every
//   request gets "Authorization: Bearer <SEED.bearer>". Cookie names, attributes and empty
//   values stay, so no check loses or gains cookie evidence.

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

// url with userinfo (when it has none) and a token query parameter.
export function seedUrl(u) {
  if (!isHttpUrl(u)) return u;
  const m = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(u);
  let [, scheme, authority, rest] = m;
  if (!authority.includes('@')) authority = `${SEED.user}:${SEED.password}@${authority}`;
  const hash = rest.indexOf('#');
  const head = hash === -1 ? rest : rest.slice(0, hash);
  const tail = hash === -1 ? '' : rest.slice(hash);
  return `${scheme}${authority}${head}${head.includes('?') ? '&' : '?'}access_token=${SEED.token}${tail}`;
}

// url with ";jsessionid=" in its path (before the query).
export function withSessionPath(u) {
  if (!isHttpUrl(u)) return u;
  const m = /^(https?:\/\/[^/?#]*)([^?#]*)(.*)$/is.exec(u);
  return `${m[1]}${m[2] || '/'};jsessionid=${SEED.jsession}${m[3]}`;
}

const URL_HEADERS = new Set(['location', 'content-location', 'referer']);

// The HAR with `urlFn` applied to every request URL and redirect target; with cookies and
// Authorization seeded when `values`.
export function seedHar(har, urlFn, values) {
  const out = copy(har);
  const log = out?.log;
  if (!log || !Array.isArray(log.entries)) return out;
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

