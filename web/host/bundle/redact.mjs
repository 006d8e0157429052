// Redaction of HAR evidence before it enters a bundle (docs/bundle.md, "Redaction").
// Browser- and Node-safe: no Node imports; SHA-256 through globalThis.crypto.subtle.
//
// redactHar(har, options) → Promise<{har, redactions}>
//   har: a HAR 1.2 object ({log: {entries, pages?, ...}}); it is not modified. The result `har` is a
//   deep copy in which every sensitive value is replaced by a marker "REDACTED-<first 8 hex digits
//   of SHA-256 of the original value>" (redact-marker.mjs), the same value always by the same
//   marker. Everything else is kept byte-identical: names, cookie attributes, the rest of a URL,
//   the rest of an HTML body. Missing HAR fields are not added.
//   redactions: [{where, kind, marker}] in document order, e.g.
//     {where: "entries[3].response.headers[Set-Cookie].PHPSESSID", kind: "cookie-value", marker}.
//   The original value is never in it. kinds: cookie-value, authorization, token-header,
//   url-token, session-id, userinfo, hidden-field, hidden-field-name, password-field, request-body,
//   repeated-secret.
//   options.data: the ruleset's data lists (ruleset.data, e.g. engine.ruleset().data or the
//     bundle's embedded ruleset), read for "session-cookies", "anti-csrf-tokens" and
//     "secret-parameters"; or options.sessionCookies / options.antiCsrfTokens /
//     options.secretParameters: those documents directly. Without them the
//     built-in defaults of redact-names.mjs apply. Use the lists of the ruleset that audits the
//     redacted evidence, so both agree on what a session parameter is.
//   Deterministic (same input → same output) and idempotent (redacting a redacted HAR changes
//   nothing: markers are recognised and kept). Throws only when WebCrypto is missing.
//
// redactUrl(url, options) → Promise<string>: one URL redacted by the same rules (for the
//   manifest's target, or to compare a report's page URLs).
//
// What is redacted where:
//   request  url (URL rules, userinfo included: "https://REDACTED-..:REDACTED-..@host/"),
//            headers Referer (URL rules), Cookie (each pair's value), Authorization and
//            Proxy-Authorization (credentials after the scheme word: "Bearer REDACTED-..."),
//            token headers (secret-parameters "token_headers": token, api-key, ...; whole
//            value), cookies[].value, queryString[].value (URL rules), postData.params[].value and
//            postData.text (urlencoded pairs or JSON members) with a sensitive, session or
//            anti-CSRF name.
//   response headers Set-Cookie (the value only; name and every attribute kept, so cookie.flags,
//            cookie.prefix, cookie.scope, site.waf see the same cookies), Location,
//            Content-Location and Refresh (URL rules); cookies[].value; redirectURL (URL rules);
//            HTML bodies (redact-html.mjs: token hidden fields, password values, session ids and
//            tokens in link URLs, shape kept so cookie.session-in-url gives the same outcome).
//            Base64 bodies are decoded only when the content is HTML (mimeType/Content-Type) and
//            not UTF-16 (no NUL byte in the first 4 KiB): the bytes are scanned as Latin-1 (one
//            char per byte), so any ASCII-compatible charset (windows-1258, ...) is rewritten
//            byte-exactly outside the replaced values; other base64 bodies stay as they are.
//   log      pages[].title when it is a URL, _portalCheck.target (URL rules).
//   URL rules: redact-url.mjs. Not redacted: response token headers (X-Debug-Token is evidence
//   for header.version-disclosure), <meta name=csrf-token>, multipart request bodies, text inside
//   <script>; but see the sweep.
//   The sweep: every replaced value of ≥ 8 bytes that is not all digits is also replaced wherever
//   else it occurs in a text value of the HAR (a session id echoed in a script or link text), kind
//   "repeated-secret". Shorter or all-digit values are not swept: they are too common to be found
//   elsewhere by chance, and replacing them in a URL could create a session-id shape.

import { MarkerTable, isMarker } from './redact-marker.mjs';
import { makeNames } from './redact-names.mjs';
import { redactUrlText, paramKind } from './redact-url.mjs';
import { redactHtmlText } from './redact-html.mjs';
import { sweepSecrets } from './redact-sweep.mjs';

function namesOf(options = {}) {
  const data = options.data || {};
  return makeNames({
    sessionCookies: options.sessionCookies || data['session-cookies'],
    antiCsrfTokens: options.antiCsrfTokens || data['anti-csrf-tokens'],
    secretParameters: options.secretParameters || data['secret-parameters'],
  });
}

const copy = (v) => (typeof structuredClone === 'function' ? structuredClone(v) : JSON.parse(JSON.stringify(v)));
const isObj = (v) => v !== null && typeof v === 'object';

// Splits s into leading space/quote, core, trailing quote/space (a cookie value may be quoted).
function core(s) {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
  while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
  if (b - a >= 2 && s[a] === '"' && s[b - 1] === '"') {
    a++;
    b--;
  }
  return [s.slice(0, a), s.slice(a, b), s.slice(b)];
}

const URL_HEADERS = new Set(['location', 'content-location', 'refresh', 'referer']);

// One redaction pass over a copy of the HAR. Pass 1 (table collecting) only records values.
function redactPass(har, names, table) {
  const out = copy(har);
  const redactions = [];
  const secrets = new Map(); // original → replacement, for the sweep
  const note = (where, kind, original, marker) => {
    redactions.push({ where, kind, marker });
    if (!isMarker(original) && original !== marker) secrets.set(original, marker);
  };
  const mark = (where, kind, original) => {
    const marker = table.marker(original);
    note(where, kind, original, marker);
    return marker;
  };
  const url = (where, text) => {
    if (typeof text !== 'string' || text === '') return text;
    const r = redactUrlText(text, names, table);
    for (const h of r.hits) note(where, h.kind, h.original, h.marker);
    return r.text;
  };
  const html = (where, text) => {
    const r = redactHtmlText(text, names, table);
    for (const h of r.hits) note(`${where}<${h.where}>`, h.kind, h.original, h.marker);
    return r.text;
  };
  const bodyName = (n) => names.isSensitive(n) || names.isSessionParam(n) || names.isCsrfField(n);

  // "a=b; c=d" (Cookie) → each pair's value marked.
  const cookiePairs = (where, value) =>
    value.split(';').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const [lead, v, trail] = core(pair.slice(eq + 1));
      if (v === '') return pair;
      return `${pair.slice(0, eq + 1)}${lead}${mark(`${where}.${pair.slice(0, eq).trim()}`, 'cookie-value', v)}${trail}`;
    }).join(';');

  // One Set-Cookie line: the value between the first '=' and the first ';' (or the whole first
  // segment of a nameless cookie) is marked; name and attributes stay.
  const setCookieLine = (where, line) => {
    const semi = line.indexOf(';');
    const first = semi === -1 ? line : line.slice(0, semi);
    const rest = semi === -1 ? '' : line.slice(semi);
    const eq = first.indexOf('=');
    const name = eq === -1 ? '' : first.slice(0, eq);
    const [lead, v, trail] = core(eq === -1 ? first : first.slice(eq + 1));
    if (v === '') return line;
    const m = mark(`${where}.${name.trim()}`, 'cookie-value', v);
    return `${eq === -1 ? '' : `${name}=`}${lead}${m}${trail}${rest}`;
  };

  const authorization = (where, value) => {
    const [lead, v, trail] = core(value);
    if (v === '') return value;
    const sp = v.search(/\s/);
    if (sp === -1) return lead + mark(where, 'authorization', v) + trail;
    let c = sp;
    while (c < v.length && /\s/.test(v[c])) c++;
    const cred = v.slice(c);
    return cred === '' ? value : lead + v.slice(0, c) + mark(where, 'authorization', cred) + trail;
  };

  const cookieArray = (where, list) => {
    if (!Array.isArray(list)) return;
    list.forEach((c, i) => {
      if (isObj(c) && typeof c.value === 'string' && c.value !== '') c.value = mark(`${where}[${i}:${c.name}]`, 'cookie-value', c.value);
    });
  };

  const formText = (where, text) =>
    text.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1 || eq === pair.length - 1) return pair;
      let n = pair.slice(0, eq);
      try {
        n = decodeURIComponent(n.replace(/\+/g, ' '));
      } catch { /* keep the raw name */ }
      return bodyName(n) ? `${pair.slice(0, eq + 1)}${mark(`${where}.${n}`, 'request-body', pair.slice(eq + 1))}` : pair;
    }).join('&');

  const jsonMembers = (where, v) => {
    let changed = false;
    const walk = (node, path) => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (isObj(node)) {
        for (const k of Object.keys(node)) {
          const x = node[k];
          if (bodyName(k) && x !== null && !isObj(x) && String(x) !== '') {
            node[k] = mark(`${path}.${k}`, 'request-body', String(x));
            changed = changed || node[k] !== x;
          } else walk(x, `${path}.${k}`);
        }
      }
    };
    walk(v, where);
    return changed;
  };

  const postData = (where, pd) => {
    if (!isObj(pd)) return;
    if (Array.isArray(pd.params)) {
      pd.params.forEach((p) => {
        if (isObj(p) && typeof p.value === 'string' && p.value !== '' && bodyName(String(p.name || '')))
          p.value = mark(`${where}.params[${p.name}]`, 'request-body', p.value);
      });
    }
    if (typeof pd.text !== 'string' || pd.text === '') return;
    const mime = String(pd.mimeType || '').toLowerCase();
    if (mime.includes('json')) {
      let parsed;
      try {
        parsed = JSON.parse(pd.text);
      } catch {
        return;
      }
      if (jsonMembers(`${where}.text`, parsed)) pd.text = JSON.stringify(parsed);
    } else if (mime.includes('x-www-form-urlencoded') || (mime === '' && pd.text.includes('=') && !/\s/.test(pd.text))) {
      pd.text = formText(`${where}.text`, pd.text);
    }
  };

  const headerValue = (headers, name) => {
    const h = Array.isArray(headers) ? headers.find((x) => isObj(x) && String(x.name).toLowerCase() === name) : null;
    return h ? String(h.value || '') : '';
  };

  const content = (where, c, headers) => {
    if (!isObj(c) || typeof c.text !== 'string' || c.text === '') return;
    const type = `${c.mimeType || ''} ${headerValue(headers, 'content-type')}`.toLowerCase();
    if (!type.includes('html')) return;
    if (c.encoding !== 'base64') {
      c.text = html(`${where}.text`, c.text);
      return;
    }
    let bytes;
    try {
      bytes = atob(c.text);
    } catch {
      return;
    }
    if (bytes.slice(0, 4096).includes('\0')) return;
    const r = html(`${where}.text(base64)`, bytes);
    if (r !== bytes) c.text = btoa(r);
  };

  const log = isObj(out) && isObj(out.log) ? out.log : null;
  if (!log) return { har: out, redactions, secrets };
  if (isObj(log._portalCheck) && typeof log._portalCheck.target === 'string')
    log._portalCheck.target = url('_portalCheck.target', log._portalCheck.target);
  if (Array.isArray(log.pages)) {
    log.pages.forEach((p, i) => {
      if (isObj(p) && typeof p.title === 'string' && p.title.includes('://')) p.title = url(`pages[${i}].title`, p.title);
    });
  }
  (Array.isArray(log.entries) ? log.entries : []).forEach((e, i) => {
    if (!isObj(e)) return;
    const at = `entries[${i}]`;
    const rq = e.request;
    if (isObj(rq)) {
      if (typeof rq.url === 'string') rq.url = url(`${at}.request.url`, rq.url);
      (Array.isArray(rq.headers) ? rq.headers : []).forEach((h) => {
        if (!isObj(h) || typeof h.value !== 'string') return;
        const n = String(h.name).toLowerCase();
        const where = `${at}.request.headers[${h.name}]`;
        if (n === 'cookie') h.value = cookiePairs(where, h.value);
        else if (n === 'authorization' || n === 'proxy-authorization') h.value = authorization(where, h.value);
        else if (URL_HEADERS.has(n)) h.value = url(where, h.value);
        else if (names.isTokenHeader(n) && h.value.trim() !== '') h.value = mark(where, 'token-header', h.value);
      });
      cookieArray(`${at}.request.cookies`, rq.cookies);
      (Array.isArray(rq.queryString) ? rq.queryString : []).forEach((q) => {
        if (!isObj(q) || typeof q.value !== 'string') return;
        const kind = paramKind(String(q.name || ''), q.value, names, false);
        if (kind) q.value = mark(`${at}.request.queryString[${q.name}]`, kind, q.value);
      });
      postData(`${at}.request.postData`, rq.postData);
    }
    const rs = e.response;
    if (isObj(rs)) {
      (Array.isArray(rs.headers) ? rs.headers : []).forEach((h) => {
        if (!isObj(h) || typeof h.value !== 'string') return;
        const n = String(h.name).toLowerCase();
        const where = `${at}.response.headers[${h.name}]`;
        if (n === 'set-cookie') h.value = h.value.split('\n').map((line) => setCookieLine(where, line)).join('\n');
        else if (URL_HEADERS.has(n)) h.value = url(where, h.value);
      });
      cookieArray(`${at}.response.cookies`, rs.cookies);
      if (typeof rs.redirectURL === 'string') rs.redirectURL = url(`${at}.response.redirectURL`, rs.redirectURL);
      content(`${at}.response.content`, rs.content, rs.headers);
    }
  });
  return { har: out, redactions, secrets };
}

export async function redactHar(har, options = {}) {
  if (!globalThis.crypto?.subtle) throw new Error('redactHar: WebCrypto (globalThis.crypto.subtle) is not available');
  const names = namesOf(options);
  const table = new MarkerTable();
  redactPass(har, names, table);
  await table.resolve();
  const { har: out, redactions, secrets } = redactPass(har, names, table);
  sweepSecrets(out, secrets, redactions);
  return { har: out, redactions };
}

export async function redactUrl(urlText, options = {}) {
  const names = namesOf(options);
  const table = new MarkerTable();
  redactUrlText(urlText, names, table);
  await table.resolve();
  return redactUrlText(urlText, names, table).text;
}
