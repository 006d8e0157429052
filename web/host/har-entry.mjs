// The one HAR 1.2 entry builder: every way portal-check records evidence (the CLI capture from
// http-exchange.mjs's raw facts, the app's same-origin self-check, the app's pasted raw response)
// builds its entries here, so the engine reads the same shape whatever the source. Pure (no I/O),
// browser- and Node-safe.
//
// harEntry({started, time, method, url, requestHttpVersion, requestHeaders, status, statusText,
//   httpVersion, headers, content, redirectURL, error, securityDetails, timings, resourceType,
//   portalCheck, pageref, serverIPAddress}) → HAR entry object.
//   started: a Date; time (ms, default 0); method (default "GET"); url: the request URL (its
//   query string is listed in request.queryString); requestHttpVersion (default "HTTP/1.1");
//   requestHeaders, headers: [{name, value}] in order (default []); status, statusText,
//   httpVersion: the response's; content: HAR content {size, mimeType, text, encoding?};
//   redirectURL (default ""); error → response._error; securityDetails → response._securityDetails;
//   timings (default {send: 0, wait: time, receive: 0}); resourceType → _resourceType;
//   portalCheck → _portalCheck; pageref and serverIPAddress only when given. Cookies are never
//   parsed into cookies[] (the engine reads the Set-Cookie headers); sizes are -1 (unknown), the
//   request body size 0 (GET).
// toHarEntry(raw, {resourceType, purpose, pageref}) → the CLI capture's HAR entry object.
// HAR extension fields written here (the engine's contract, core/src/evidence/exchange.h):
//   entry._resourceType                 "document" | "script" | "stylesheet" | "other"
//   entry._portalCheck                  {purpose, bodyCut?: true, redirectLimit?: true,
//                                       redirectNotFollowed?: "off-site" | "robots", notCaptured?:
//                                       [what the transport could not see, e.g. "http-redirect"]}
//                                       (set by capture-core.mjs; notCaptured from raw.notCaptured)
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

// A Location value resolved against the URL of the response that sent it (a relative Location is
// legal, RFC 9110 10.2.2) → the absolute href, "" when it is empty or not a URL.
export function resolveLocation(location, base) {
  if (!location) return '';
  try {
    return new URL(location, base).href;
  } catch {
    return '';
  }
}

// The absolute redirect target of a 3xx response, "" when there is none or its Location is not a
// URL (badLocation then says so).
export function redirectTarget(raw) {
  if (raw.status < 300 || raw.status >= 400) return '';
  return resolveLocation(headerValue(raw.rawHeaders, 'location'), raw.url);
}

// The error of a 3xx response whose Location cannot be resolved to a URL, else null.
export function badLocation(raw) {
  if (raw.status < 300 || raw.status >= 400) return null;
  const location = headerValue(raw.rawHeaders, 'location');
  if (!location || redirectTarget(raw)) return null;
  return `the Location header is not a valid URL (${JSON.stringify(location.slice(0, 200))}); the redirect was not followed`;
}

export function harEntry({
  started, time = 0, method = 'GET', url, requestHttpVersion = 'HTTP/1.1', requestHeaders = [],
  status, statusText, httpVersion, headers = [], content, redirectURL = '', error, securityDetails,
  timings = { send: 0, wait: time, receive: 0 }, resourceType, portalCheck, pageref, serverIPAddress,
}) {
  const response = { status, statusText, httpVersion, cookies: [], headers, content, redirectURL, headersSize: -1, bodySize: -1 };
  if (error) response._error = error;
  if (securityDetails) response._securityDetails = securityDetails;
  const entry = {
    startedDateTime: started.toISOString(),
    time,
    request: { method, url, httpVersion: requestHttpVersion, cookies: [], headers: requestHeaders, queryString: queryString(url), headersSize: -1, bodySize: 0 },
    response,
    cache: {},
    timings,
    _resourceType: resourceType,
    _portalCheck: portalCheck,
  };
  if (pageref) entry.pageref = pageref;
  if (serverIPAddress) entry.serverIPAddress = serverIPAddress;
  return entry;
}

function securityDetailsOf(tls) {
  if (!tls) return undefined;
  const { trusted, trustError, ...details } = tls;
  const securityDetails = { ...details, _trusted: trusted };
  if (trustError) securityDetails._trustError = trustError;
  return securityDetails;
}

export function toHarEntry(raw, { resourceType = 'other', purpose = 'page', pageref } = {}) {
  const contentType = headerValue(raw.rawHeaders, 'content-type');
  const portalCheck = { purpose };
  if (raw.bodyCut) portalCheck.bodyCut = true;
  if (raw.notCaptured?.length) portalCheck.notCaptured = [...raw.notCaptured];
  return harEntry({
    started: raw.started,
    time: raw.time,
    method: raw.method,
    url: raw.url,
    requestHeaders: raw.requestHeaders.map(header),
    status: raw.status,
    statusText: raw.statusText,
    httpVersion: raw.httpVersion,
    headers: raw.rawHeaders.map(header),
    content: { size: raw.body.length, mimeType: contentType, ...bodyToContent(raw.body, contentType, { cut: raw.bodyCut }) },
    redirectURL: redirectTarget(raw),
    error: raw.error ?? badLocation(raw),
    securityDetails: securityDetailsOf(raw.tls),
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, ...raw.timings },
    resourceType,
    portalCheck,
    pageref,
    serverIPAddress: raw.serverIPAddress,
  });
}
