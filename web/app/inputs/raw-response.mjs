// Paste mode: a raw HTTP response (as copied from curl -i, a proxy or DevTools) → a one-entry HAR.
// Pure: no DOM, no network (testable in Node).
//
// rawResponseToHar(text, {url, now}) → HAR text (JSON) with one entry.
//   text: status line ("HTTP/1.1 200 OK", "HTTP/2 200"), header lines ("Name: value"; repeated
//     headers kept in order, e.g. two Set-Cookie lines stay two headers; obsolete folded lines,
//     starting with a space or tab, are joined to the previous header's value with one space), an
//     empty line, then the body (kept as text, line endings as pasted). CRLF or LF. Blank lines
//     before the status line are skipped. With no empty line at all, there is no body.
//   url: the page URL (optional, http:// or https://); default "https://pasted-response.invalid/".
//     log._portalCheck.target is set to it, and the entry is marked notCaptured ["tls",
//     "http-redirect"] (a paste says nothing about the connection).
//   now: a Date for startedDateTime (default: the current time; the engine never reads it).
//   mimeType: from Content-Type (the whole header value), "" without one.
// Throws PasteError (.key = an i18n/core.mjs key, .params) for: nothing pasted, no status line, a
// bad status code, a line that is not a header, a continuation line with no header before it, a URL
// that is not absolute http(s).
import { harEntry } from '../../host/har-entry.mjs';

export class PasteError extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'PasteError';
    this.key = key;
    this.params = params;
  }
}

export const DEFAULT_URL = 'https://pasted-response.invalid/';

const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?)\s+(\S+)(?:\s+(.*))?$/i;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// A line shown in an error message: short, no control characters.
function shown(line) {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

export function parseRawResponse(text) {
  const source = String(text ?? '');
  if (source.trim() === '') throw new PasteError('error.paste.empty');
  // Split the head from the body at the first empty line (CRLF CRLF or LF LF, mixed allowed).
  let pos = 0;
  const lines = [];
  let body = '';
  let sawEnd = false;
  // Skip leading blank lines.
  while (pos < source.length) {
    const nl = source.indexOf('\n', pos);
    const line = (nl === -1 ? source.slice(pos) : source.slice(pos, nl)).replace(/\r$/, '');
    if (line.trim() !== '') break;
    pos = nl === -1 ? source.length : nl + 1;
  }
  while (pos < source.length) {
    const nl = source.indexOf('\n', pos);
    const line = (nl === -1 ? source.slice(pos) : source.slice(pos, nl)).replace(/\r$/, '');
    pos = nl === -1 ? source.length : nl + 1;
    if (line === '' && lines.length > 0) {
      sawEnd = true;
      break;
    }
    lines.push(line);
  }
  if (sawEnd) body = source.slice(pos);

  const statusLine = lines.shift() ?? '';
  const m = STATUS_LINE.exec(statusLine.trim());
  if (!m) throw new PasteError('error.paste.statusLine', { line: shown(statusLine) });
  const status = Number(m[2]);
  if (!/^\d{3}$/.test(m[2]) || status < 100 || status > 599) throw new PasteError('error.paste.status', { line: shown(statusLine) });
  const httpVersion = m[1].toUpperCase();
  const statusText = (m[3] || '').trim();

  const headers = [];
  lines.forEach((line, i) => {
    const n = i + 2; // 1-based, the status line is line 1
    if (/^[ \t]/.test(line)) {
      if (headers.length === 0) throw new PasteError('error.paste.fold', { n });
      const last = headers[headers.length - 1];
      last.value = `${last.value} ${line.trim()}`.trim();
      return;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name || !HEADER_NAME.test(name)) throw new PasteError('error.paste.header', { n, line: shown(line) });
    headers.push({ name, value: line.slice(colon + 1).trim() });
  });
  return { httpVersion, status, statusText, headers, body };
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

export function rawResponseToHar(text, { url, now = new Date() } = {}) {
  const response = parseRawResponse(text);
  const given = checkedUrl(url);
  const pageUrl = given || DEFAULT_URL;
  const mimeType = headerValue(response.headers, 'content-type');
  // A paste says nothing about the connection (certificate, TLS version) or the http:// redirect.
  const portalCheck = { purpose: 'page', notCaptured: ['tls', 'http-redirect'] };
  const entry = harEntry({
    started: now,
    url: pageUrl,
    requestHttpVersion: response.httpVersion,
    status: response.status,
    statusText: response.statusText,
    httpVersion: response.httpVersion,
    headers: response.headers,
    content: { size: new TextEncoder().encode(response.body).length, mimeType, text: response.body },
    redirectURL: response.status >= 300 && response.status < 400 ? headerValue(response.headers, 'location') : '',
    resourceType: 'document',
    portalCheck,
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'portal-check', version: 'browser-paste' },
      entries: [entry],
      _portalCheck: { target: pageUrl, captureMethod: 'browser-paste' },
    },
  };
  return JSON.stringify(har);
}
