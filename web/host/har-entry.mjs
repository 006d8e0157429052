// Builds one HAR 1.2 entry from the raw facts of http-exchange.mjs. Pure (no I/O).
//
// toHarEntry(raw, {resourceType, purpose, pageref}) → HAR entry object.
// HAR extension fields written here (the engine's contract, core/src/evidence/exchange.h):
//   entry._resourceType                 "document" | "script" | "stylesheet" | "other"
//   entry._portalCheck                  {purpose, bodyCut?: true, redirectLimit?: true,
//                                       redirectNotFollowed?: "off-site" | "robots"} (set by capture.mjs)
//                                       purpose: start | page | script | stylesheet | robots |
//                                       security-txt | error-page | admin | probe
//                                       (probe: only with active-probe consent, --probe)
//   response._error                     why there is no (complete) response (status 0: no response),
//                                       or why a 3xx was not followed (a Location that is no URL)
//   response._securityDetails           https only: {protocol ("TLS 1.3"), subjectName, issuer,
//                                       validFrom, validTo (seconds since the epoch), sanList,
//                                       _trusted (chain verified against the system CAs),
//                                       _trustError (OpenSSL/Node code when not trusted)}
// Response headers keep the server's order and repeats (two Set-Cookie lines = two entries).
import { bodyToContent } from './body-text.mjs';

const header = ([name, value]) => ({ name, value });

function headerValue(rawHeaders, name) {
  const n = name.toLowerCase();
  const h = rawHeaders.find(([k]) => k.toLowerCase() === n);
  return h ? h[1] : '';
}

function queryString(url) {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

// The absolute redirect target of a 3xx response, "" when there is none or its Location is not a
// URL (badLocation then says so).
export function redirectTarget(raw) {
  if (raw.status < 300 || raw.status >= 400) return '';
  const location = headerValue(raw.rawHeaders, 'location');
  if (!location) return '';
  try {
    return new URL(location, raw.url).href;
  } catch {
    return '';
  }
}

// The error of a 3xx response whose Location cannot be resolved to a URL, else null.
export function badLocation(raw) {
  if (raw.status < 300 || raw.status >= 400) return null;
  const location = headerValue(raw.rawHeaders, 'location');
  if (!location || redirectTarget(raw)) return null;
  return `the Location header is not a valid URL (${JSON.stringify(location.slice(0, 200))}); the redirect was not followed`;
}

export function toHarEntry(raw, { resourceType = 'other', purpose = 'page', pageref } = {}) {
  const contentType = headerValue(raw.rawHeaders, 'content-type');
  const content = { size: raw.body.length, mimeType: contentType, ...bodyToContent(raw.body, contentType, { cut: raw.bodyCut }) };
  const response = {
    status: raw.status,
    statusText: raw.statusText,
    httpVersion: raw.httpVersion,
    cookies: [],
    headers: raw.rawHeaders.map(header),
    content,
    redirectURL: redirectTarget(raw),
    headersSize: -1,
    bodySize: -1,
  };
  const error = raw.error ?? badLocation(raw);
  if (error) response._error = error;
  if (raw.tls) {
    const { trusted, trustError, ...details } = raw.tls;
    response._securityDetails = { ...details, _trusted: trusted };
    if (trustError) response._securityDetails._trustError = trustError;
  }
  const portalCheck = { purpose };
  if (raw.bodyCut) portalCheck.bodyCut = true;
  const entry = {
    startedDateTime: raw.started.toISOString(),
    time: raw.time,
    request: {
      method: raw.method,
      url: raw.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: raw.requestHeaders.map(header),
      queryString: queryString(raw.url),
      headersSize: -1,
      bodySize: 0,
    },
    response,
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, ...raw.timings },
    _resourceType: resourceType,
    _portalCheck: portalCheck,
  };
  if (pageref) entry.pageref = pageref;
  if (raw.serverIPAddress) entry.serverIPAddress = raw.serverIPAddress;
  return entry;
}
