// Paste mode: raw HTTP responses (as copied from curl -i, curl -siL / -sIL, a proxy or DevTools) →
// a HAR with one entry per response: one response gives one entry, several in a row (a redirect
// chain as curl -L prints it) give the chain, each hop its own entry.
// Pure: no DOM, no network (testable in Node).
//
// parseRawResponses(text) → [{httpVersion, status, statusText, headers, body, line}] (line: the
//   1-based line of the paste where the response's status line is).
//   A response: a status line ("HTTP/1.1 200 OK", "HTTP/2 200"), header lines ("Name: value";
//   repeated headers kept in order, e.g. two Set-Cookie lines stay two headers; obsolete folded
//   lines, starting with a space or tab, are joined to the previous header's value with one space),
//   an empty line, then the body (kept as text, line endings as pasted). CRLF or LF, mixed allowed.
//   Blank lines before the first status line are skipped. With no empty line at all, no body.
//   Only a response that something follows in a curl -L transcript (a redirect, an interim 1xx, a
//   proxy's CONNECT answer, an authentication challenge: a 401 with WWW-Authenticate or a 407 with
//   Proxy-Authenticate, which curl --anyauth / --digest / --ntlm answers by asking the same URL
//   again) may be followed by another: in its body, the next response starts at a line that is a
//   status line whose next line is a header line, an empty line or the end (curl -siL prints a
//   redirect's body, then the next status line at the start of a line; curl -sIL prints only the
//   header blocks, separated by an empty line). curl adds no line break after a body that has
//   none, so in such a response's body the next response may also start inside a line
//   ("…</html>HTTP/1.1 200 OK"): only where the rest of that line is a status line with a
//   three-digit code and the next line is a header line (a quoted status line in running text is
//   not followed by headers). Any other response's body runs to the end of the paste, whatever it
//   holds (a page about HTTP may quote a status line).
//   Dropped when a response follows them: interim responses (1xx, e.g. "HTTP/1.1 100 Continue",
//   "103 Early Hints"), a proxy's answer to CONNECT ("HTTP/1.1 200 Connection established") and an
//   authentication challenge (the response after it, for the same URL, is the final one).
//   At most MAX_REDIRECTS + 1 responses remain (a chain of MAX_REDIRECTS redirects and the page).
// rawResponseToHar(text, {url, now}) → HAR text (JSON): one entry per remaining response.
//   url: the URL of the first response's request (optional, http:// or https://); default
//     "https://pasted-response.invalid/". Each next response's request URL is the previous one's
//     Location resolved against the previous URL. log._portalCheck.target is the first URL.
//   Every redirect followed by another response needs a Location that is an http(s) URL; the
//   last response's redirectURL is its Location resolved when it can be (else as pasted).
//   notCaptured on every entry: "tls" (a paste says nothing about the connection), and
//   "http-redirect" unless the paste holds a chain whose first URL is http:// (the http:// redirect
//   is then in the evidence).
//   now: a Date for startedDateTime (default: the current time; the engine never reads it).
//   mimeType: from Content-Type (the whole header value), "" without one.
// Throws PasteError (.key = an i18n/core.mjs key, .params) for: nothing pasted, no status line, a
// bad status code, a line that is not a header, a continuation line with no header before it, a URL
// that is not absolute http(s), only interim responses, more than MAX_REDIRECTS + 1 responses, a
// redirect followed by another response with no Location or with one that is not an http(s) URL. Line numbers in .params are lines of the paste.
import { harEntry, resolveLocation } from '../../host/har-entry.mjs';

export class PasteError extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'PasteError';
    this.key = key;
    this.params = params;
  }
}

export const DEFAULT_URL = 'https://pasted-response.invalid/';
// The most redirects a pasted chain may hold: what browsers follow (Chromium and Firefox stop at 20),
// as the CLI capture's maxRedirects.
export const MAX_REDIRECTS = 20;

const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?)\s+(\S+)(?:\s+(.*))?$/i;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*:/;

// A line shown in an error message: short, no control characters.
function shown(line) {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

// The paste as lines: [{text (no line break), start, next}] (offsets into the source).
function splitLines(source) {
  const lines = [];
  let pos = 0;
  while (pos < source.length) {
    const nl = source.indexOf('\n', pos);
    const end = nl === -1 ? source.length : nl;
    lines.push({ text: source.slice(pos, end).replace(/\r$/, ''), start: pos, next: nl === -1 ? source.length : nl + 1 });
    pos = end + 1;
  }
  return lines;
}

// Whether line i starts a response: a status line followed by a header line, an empty line or the end.
function startsResponse(lines, i) {
  if (!STATUS_LINE.test(lines[i].text.trim())) return false;
  const after = lines[i + 1];
  return !after || after.text === '' || HEADER_LINE.test(after.text);
}

const GLUED_STATUS = /HTTP\/\d(?:\.\d)? \d{3}(?: |$)/g;

// Where in line i (not at its start) a response glued to the previous body starts: the rest of the
// line is a status line with a three-digit code and the next line is a header line; -1 if nowhere.
function gluedResponseAt(lines, i) {
  const after = lines[i + 1];
  if (!after || !HEADER_LINE.test(after.text)) return -1;
  const { text } = lines[i];
  for (const m of text.matchAll(GLUED_STATUS)) {
    if (m.index > 0 && STATUS_LINE.test(text.slice(m.index))) return m.index;
  }
  return -1;
}

// Splits line i at `at` into two lines (the body's end, the glued status line).
function splitLineAt(lines, i, at) {
  const line = lines[i];
  lines.splice(i, 1,
    { text: line.text.slice(0, at), start: line.start, next: line.start + at },
    { text: line.text.slice(at), start: line.start + at, next: line.next });
}

function parseStatus(text, n) {
  const m = STATUS_LINE.exec(text.trim());
  if (!m) throw new PasteError('error.paste.statusLine', { line: shown(text), n });
  const status = Number(m[2]);
  if (!/^\d{3}$/.test(m[2]) || status < 100 || status > 599) throw new PasteError('error.paste.status', { line: shown(text), n });
  return { httpVersion: m[1].toUpperCase(), status, statusText: (m[3] || '').trim() };
}

function parseHeaders(lines, from, to) {
  const headers = [];
  for (let i = from; i < to; i++) {
    const line = lines[i].text;
    const n = i + 1;
    if (/^[ \t]/.test(line)) {
      if (headers.length === 0) throw new PasteError('error.paste.fold', { n });
      const last = headers[headers.length - 1];
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name || !HEADER_NAME.test(name)) throw new PasteError('error.paste.header', { n, line: shown(line) });
    headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  return headers;
}

const isInterim = (r) => r.status < 200;
const isConnectAnswer = (r) => r.status === 200 && /^connection established$/i.test(r.statusText);
const isRedirect = (r) => r.status >= 300 && r.status < 400;
const hasHeader = (r, name) => r.headers.some((h) => h.name.toLowerCase() === name);
const isAuthChallenge = (r) => (r.status === 401 && hasHeader(r, 'www-authenticate')) || (r.status === 407 && hasHeader(r, 'proxy-authenticate'));
const mayBeFollowed = (r) => isInterim(r) || isRedirect(r) || isConnectAnswer(r) || isAuthChallenge(r);
// Dropped from the chain when another response follows (see the contract above).
const isStepBefore = (r) => isInterim(r) || isConnectAnswer(r) || isAuthChallenge(r);

// Every response of the paste, interim ones included.
function parseAll(source) {
  const lines = splitLines(source);
  let i = 0;
  while (i < lines.length && lines[i].text.trim() === '') i++;
  const responses = [];
  while (i < lines.length) {
    const statusAt = i;
    const response = parseStatus(lines[i].text, i + 1);
    let end = i + 1;
    while (end < lines.length && lines[end].text !== '') end++;
    response.headers = parseHeaders(lines, i + 1, end);
    response.line = statusAt + 1;
    response.body = '';
    i = end + 1; // past the empty line
    if (end < lines.length) {
      let next = i;
      if (mayBeFollowed(response)) {
        for (; next < lines.length; next++) {
          if (startsResponse(lines, next)) break;
          const at = gluedResponseAt(lines, next);
          if (at > 0) {
            splitLineAt(lines, next, at);
            next += 1;
            break;
          }
        }
      } else {
        next = lines.length;
      }
      const bodyEnd = next < lines.length ? lines[next].start : source.length;
      response.body = source.slice(lines[end].next, bodyEnd);
      i = next;
    }
    responses.push(response);
  }
  return responses;
}

export function parseRawResponses(text) {
  const source = String(text ?? '');
  if (source.trim() === '') throw new PasteError('error.paste.empty');
  const all = parseAll(source);
  const kept = all.filter((r, k) => !isInterim(r) && !(isStepBefore(r) && k < all.length - 1));
  if (!kept.length) throw new PasteError('error.paste.onlyInterim', { line: shown(`HTTP ${all[all.length - 1].status}`) });
  if (kept.length > MAX_REDIRECTS + 1) throw new PasteError('error.paste.tooManyRedirects', { max: MAX_REDIRECTS, count: kept.length - 1 });
  return kept;
}

function checkedUrl(url) {
  const value = String(url ?? '').trim();
  if (value === '') return null;
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new PasteError('error.paste.url', { url: shown(value) });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new PasteError('error.paste.url', { url: shown(value) });
  return parsed.href;
}

function headerValue(headers, name) {
  const h = headers.find((x) => x.name.toLowerCase() === name);
  return h ? h.value : '';
}

const isHttpUrl = (href) => /^https?:/i.test(href);

// The request URL of each response: the first is `first`, each next one the previous Location.
function hopUrls(responses, first) {
  const urls = [first];
  for (let k = 0; k + 1 < responses.length; k++) {
    const r = responses[k]; // a redirect (parseAll ends any other response's body at the end)
    const location = headerValue(r.headers, 'location');
    if (!location) throw new PasteError('error.paste.noLocation', { n: r.line, status: r.status });
    const next = resolveLocation(location, urls[k]);
    if (!next || !isHttpUrl(next)) throw new PasteError('error.paste.location', { n: r.line, location: shown(location) });
    urls.push(next);
  }
  return urls;
}

export function rawResponseToHar(text, { url, now = new Date() } = {}) {
  const responses = parseRawResponses(text);
  const pageUrl = checkedUrl(url) || DEFAULT_URL;
  const urls = hopUrls(responses, pageUrl);
  // A paste says nothing about the connection (certificate, TLS version); the http:// redirect is
  // evidence only when the pasted chain starts on http://.
  const redirectSeen = responses.length > 1 && pageUrl.startsWith('http:');
  const notCaptured = redirectSeen ? ['tls'] : ['tls', 'http-redirect'];
  const entries = responses.map((response, k) => {
    const location = isRedirect(response) ? headerValue(response.headers, 'location') : '';
    const mimeType = headerValue(response.headers, 'content-type');
    return harEntry({
      started: now,
      url: urls[k],
      requestHttpVersion: response.httpVersion,
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      content: { size: new TextEncoder().encode(response.body).length, mimeType, text: response.body },
      redirectURL: k + 1 < responses.length ? urls[k + 1] : resolveLocation(location, urls[k]) || location,
      resourceType: 'document',
      portalCheck: { purpose: 'page', notCaptured: [...notCaptured] },
    });
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'portal-check', version: 'browser-paste' },
      entries,
      _portalCheck: { target: pageUrl, captureMethod: 'browser-paste' },
    },
  };
  return JSON.stringify(har);
}
