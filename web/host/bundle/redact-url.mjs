// Redaction of secrets inside one URL (or URL-like header value). Pure and synchronous; no Node
// imports; no regex over the URL (a linear scan, like the engine's).
//
// redactUrlText(url, names, table) → {text, hits: [{kind, marker, original}]}
//   names: redact-names.mjs Names; table: redact-marker.mjs MarkerTable. `original` is for the
//   caller's bookkeeping only (never put into a report). The URL is not parsed or normalised: only
//   the bytes of each replaced value change.
// What is replaced (names ASCII case-insensitive; percent-decoded too):
//   - userinfo: the user and the password of "scheme://user:password@host" (or "//user@host"),
//     each when not empty (kind "userinfo");
//   - query "name=value" pairs (separators '&' and ';', as cookie.session-in-url splits) and path
//     parameters ";name=value" (up to the next '/' or ';'):
//       * a session parameter (Names.isSessionParam) only when its value looks like an id to
//         cookie.session-in-url (≥ 8 bytes, not all digits): "?sid=12" (a section id) stays, so the
//         check's outcome is the same before and after; its marker also looks like an id;
//       * any other sensitive or anti-CSRF name (token, code, state, password, ...): always.
//   - ASP.NET cookieless segments "(S(...))", "(F(...))", "(A(...))" whose content is ≥ 8 bytes
//     (shorter ones are not ids to the check and stay).
//   - the fragment's "name=value" pairs with a sensitive or session name, always (OAuth implicit
//     flow "#access_token=..."; the check ignores fragments).
// Empty values and values that already are markers stay as they are (idempotence).
// The engine redacts its outputs by the same rules (core/src/normalize/url_spans.h,
// core/src/report/secret_names.h); tests/js/redaction-parity.test.mjs compares both.

import { isMarker } from './redact-marker.mjs';

const ID_MIN_BYTES = 8;

function isDigits(s) {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// looksLikeId(value) → the engine's notion of a session id value: ≥ 8 bytes, not all digits.
export function looksLikeId(value) {
  return new TextEncoder().encode(value).length >= ID_MIN_BYTES && !isDigits(value);
}

function decoded(name) {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

// paramKind(name, value, names, inFragment) → the replacement decision for one URL parameter:
//   "session-id" | "url-token" | null (keep). Same rules as redactUrlText (used for HAR queryString[]).
export function paramKind(name, value, names, inFragment) {
  if (value === '') return null;
  const raw = name.trim();
  const dec = decoded(raw);
  if (names.isSessionParam(raw) || names.isSessionParam(dec)) return inFragment || looksLikeId(value) ? 'session-id' : null;
  if (names.isSensitive(raw) || names.isSensitive(dec) || names.isCsrfField(raw) || names.isCsrfField(dec)) return 'url-token';
  return null;
}

// Scans "name=value" pairs in url[from, to) separated by any char of `seps`; pushes edits.
function scanParams(url, from, to, seps, names, table, inFragment, edits, hits) {
  let i = from;
  while (i < to) {
    let end = i;
    while (end < to && !seps.includes(url[end])) end++;
    const eq = url.indexOf('=', i);
    if (eq !== -1 && eq < end) {
      const value = url.slice(eq + 1, end);
      const kind = paramKind(url.slice(i, eq), value, names, inFragment);
      if (kind) {
        const marker = table.marker(value);
        edits.push({ start: eq + 1, end, replacement: marker });
        hits.push({ kind, marker, original: value });
      }
    }
    i = end + 1;
  }
}

// ";name=value" path parameters in url[0, pathEnd).
function scanPathParams(url, pathEnd, names, table, edits, hits) {
  let semi = url.indexOf(';');
  while (semi !== -1 && semi < pathEnd) {
    let end = semi + 1;
    while (end < pathEnd && url[end] !== '/' && url[end] !== ';') end++;
    scanParams(url, semi + 1, end, ';', names, table, false, edits, hits);
    semi = url.indexOf(';', end);
  }
}

// "(S(id))", "(F(ticket))", "(A(anon))", also grouped "(A(..)S(..))", in url[0, pathEnd).
function scanCookieless(url, pathEnd, table, edits, hits) {
  for (let i = 0; i + 2 < pathEnd; i++) {
    const kind = url[i + 1];
    if ((url[i] !== '(' && url[i] !== ')') || (kind !== 'S' && kind !== 'F' && kind !== 'A') || url[i + 2] !== '(') continue;
    const close = url.indexOf(')', i + 3);
    if (close === -1 || close > pathEnd) break;
    const value = url.slice(i + 3, close);
    if (looksLikeId(value) || (value.length >= ID_MIN_BYTES && kind !== 'A')) {
      const marker = table.marker(value);
      edits.push({ start: i + 3, end: close, replacement: marker });
      hits.push({ kind: 'session-id', marker, original: value });
    }
    i = close - 1;
  }
}

function isSchemeChar(c) {
  return /[A-Za-z0-9+.-]/.test(c);
}

// The user and password of the authority's userinfo ("scheme://" or a leading "//"), in url[0, head).
function scanUserinfo(url, head, table, edits, hits) {
  let start = -1;
  if (url.startsWith('//')) start = 2;
  else {
    let i = 0;
    while (i < head && isSchemeChar(url[i])) i++;
    if (i > 0 && url.startsWith('://', i)) start = i + 3;
  }
  if (start === -1 || start > head) return;
  let end = start;
  while (end < head && url[end] !== '/' && url[end] !== '?' && url[end] !== '#' && url[end] !== '\\') end++;
  const at = url.lastIndexOf('@', end - 1);
  if (at < start) return;
  const colon = url.indexOf(':', start);
  const parts = colon !== -1 && colon < at ? [[start, colon], [colon + 1, at]] : [[start, at]];
  for (const [a, b] of parts) {
    const value = url.slice(a, b);
    if (value === '' || isMarker(value)) continue;
    const marker = table.marker(value);
    edits.push({ start: a, end: b, replacement: marker });
    hits.push({ kind: 'userinfo', marker, original: value });
  }
}

export function redactUrlText(url, names, table) {
  const text = String(url);
  const edits = [];
  const hits = [];
  const hash = text.indexOf('#');
  const head = hash === -1 ? text.length : hash;
  const q = text.indexOf('?');
  const query = q !== -1 && q < head ? q : -1;
  const pathEnd = query === -1 ? head : query;
  scanUserinfo(text, head, table, edits, hits);
  scanPathParams(text, pathEnd, names, table, edits, hits);
  scanCookieless(text, pathEnd, table, edits, hits);
  if (query !== -1) scanParams(text, query + 1, head, '&;', names, table, false, edits, hits);
  if (hash !== -1) scanParams(text, hash + 1, text.length, '&;', names, table, true, edits, hits);
  edits.sort((a, b) => a.start - b.start);
  // Overlaps cannot happen (path params, cookieless segments and query are disjoint except a
  // cookieless segment inside a path parameter's value); keep the first of any overlap.
  const kept = [];
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    kept.push(e);
    pos = e.end;
  }
  let out = '';
  pos = 0;
  for (const e of kept) {
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return { text: out + text.slice(pos), hits };
}
