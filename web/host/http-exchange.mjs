// One HTTP(S) request with hard limits, recorded as raw facts for a HAR entry (Node only:
// node:http, node:https, node:zlib). It never follows redirects and never throws.
//
// exchange(url: string, {method = 'GET', headers = {}, timeoutMs, maxBytes, policy, lookup}) → Promise<{
//   url, method, requestHeaders: [[name, value]], started: Date, time (ms),
//   status (0 = no response), statusText, httpVersion, rawHeaders: [[name, value]] (repeats kept),
//   body: Buffer (after Content-Encoding decoding, at most maxBytes), bodyCut: boolean,
//   tls: null | {protocol, subjectName, issuer, validFrom, validTo, sanList, trusted, trustError},
//   serverIPAddress, error: null | string, timings: {send, wait, receive} }>
//
// - timeoutMs bounds the whole exchange (connect, headers, body). A timeout before the response
//   gives status 0 and error "timeout after N ms"; during the body, the part read so far is kept,
//   bodyCut = true and error says so.
// - TLS: connects with rejectUnauthorized: false so that an untrusted certificate is recorded, not
//   fatal. `trusted` is the chain verification against Node's CA store (socket.authorized); the host
//   name check is left to the engine (it reads sanList), so checkServerIdentity is a no-op here.
// - Bodies are decoded as browsers do (content-decoding.mjs: stacked codings, zlib or raw deflate,
//   br) so the evidence holds what the browser would see; the byte limit applies to the decoded
//   bytes (a compression bomb stops at maxBytes). A coding that cannot be decoded keeps no body:
//   bodyCut = true and error says which coding, so no check reads still-encoded bytes as the page.
// - Addresses (address-guard.mjs): `policy` refuses an IP-literal host before any request, and
//   `lookup` (guardedLookup) is handed to the request so the address of this very connection is
//   checked after DNS resolution, before connecting. A refusal gives status 0 and error = its
//   reason. A URL that cannot be parsed gives status 0 and error "invalid URL" (never a throw).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { contentDecoders } from './content-decoding.mjs';

const MAX_HEADER_BYTES = 256 * 1024;

function pairs(raw) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function seconds(dateText) {
  const t = Date.parse(dateText);
  return Number.isFinite(t) ? Math.floor(t / 1000) : null;
}

function tlsDetails(socket) {
  if (!socket || typeof socket.getPeerCertificate !== 'function') return null;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return null;
  const protocol = String(socket.getProtocol() || '').replace(/^TLSv/, 'TLS ').replace(/^SSLv/, 'SSL ');
  const sanList = String(cert.subjectaltname || '')
    .split(/,\s*/).filter(Boolean).map((s) => s.replace(/^(DNS|IP Address|URI|email):/, ''));
  const name = (x) => (x && (Array.isArray(x.CN) ? x.CN[0] : x.CN)) || '';
  return {
    protocol,
    subjectName: name(cert.subject),
    issuer: name(cert.issuer) || (cert.issuer && cert.issuer.O) || '',
    validFrom: seconds(cert.valid_from),
    validTo: seconds(cert.valid_to),
    sanList,
    trusted: socket.authorized === true,
    trustError: socket.authorized ? null : String(socket.authorizationError || 'unknown'),
  };
}

function emptyResult(url, method, requestHeaders) {
  return {
    url, method, requestHeaders, started: new Date(), time: 0,
    status: 0, statusText: '', httpVersion: '', rawHeaders: [],
    body: Buffer.alloc(0), bodyCut: false, tls: null, serverIPAddress: '', error: null,
    timings: { send: 0, wait: -1, receive: -1 },
  };
}

export function exchange(url, { method = 'GET', headers = {}, timeoutMs = 15000, maxBytes = 5 * 1024 * 1024, policy, lookup } = {}) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve({ ...emptyResult(String(url), method, Object.entries(headers)), error: 'invalid URL' });
  }
  const isHttps = u.protocol === 'https:';
  const hostname = u.hostname.replace(/^\[|\]$/g, '');
  const requestHeaders = [['Host', u.host], ...Object.entries(headers)];
  const result = emptyResult(url, method, requestHeaders);
  const refused = net.isIP(hostname) && policy ? policy.refusal(hostname) : null;
  if (refused) return Promise.resolve({ ...result, error: refused });
  const t0 = performance.now();

  return new Promise((resolve) => {
    let settled = false;
    let tHeaders = 0;
    const chunks = [];
    let size = 0;
    let req;
    let stream;
    const decodersInUse = [];
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error && !result.error) result.error = error;
      result.body = Buffer.concat(chunks, size);
      const t1 = performance.now();
      result.time = Math.round(t1 - t0);
      if (tHeaders) {
        result.timings.wait = Math.round(tHeaders - t0);
        result.timings.receive = Math.round(t1 - tHeaders);
      }
      if (req) req.destroy();
      if (stream && stream !== req) stream.destroy();
      for (const d of decodersInUse) d.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => {
      if (result.status) result.bodyCut = true;
      finish(result.status ? `timeout after ${timeoutMs} ms while reading the body` : `timeout after ${timeoutMs} ms`);
    }, timeoutMs);

    const lib = isHttps ? https : http;
    const options = {
      method, hostname, port: u.port || (isHttps ? 443 : 80), path: `${u.pathname}${u.search}`,
      headers: Object.fromEntries(requestHeaders.slice(1)), agent: false, maxHeaderSize: MAX_HEADER_BYTES,
    };
    if (lookup) options.lookup = lookup;
    if (isHttps) {
      options.rejectUnauthorized = false;
      options.checkServerIdentity = () => undefined;
      if (!net.isIP(hostname)) options.servername = hostname;
    }
    try {
      req = lib.request(options);
    } catch (e) {
      finish(String(e.code || e.message));
      return;
    }
    req.on('error', (e) => finish(String(e.code || e.message)));
    req.on('response', (res) => {
      tHeaders = performance.now();
      result.status = res.statusCode || 0;
      result.statusText = res.statusMessage || '';
      result.httpVersion = `HTTP/${res.httpVersion}`;
      result.rawHeaders = pairs(res.rawHeaders);
      result.serverIPAddress = res.socket?.remoteAddress || '';
      if (isHttps) result.tls = tlsDetails(res.socket);
      if (method === 'HEAD') { finish(null); return; }
      const { decoders, unsupported } = contentDecoders(res.headers['content-encoding']);
      if (unsupported) {
        result.bodyCut = true;
        finish(`content-encoding: cannot decode ${unsupported}; the body was not kept`);
        return;
      }
      stream = res;
      for (const d of decoders) {
        d.on('error', (e) => { result.bodyCut = true; finish(`content-encoding: ${e.code || e.message}`); });
        stream = stream.pipe(d);
        decodersInUse.push(d);
      }
      res.on('error', (e) => finish(String(e.code || e.message)));
      res.on('close', () => {
        if (!res.complete) { result.bodyCut = true; finish('connection closed while reading the body'); }
      });
      stream.on('data', (chunk) => {
        if (settled) return;
        const room = maxBytes - size;
        if (chunk.length > room) {
          if (room > 0) { chunks.push(chunk.subarray(0, room)); size += room; }
          result.bodyCut = true;
          finish(null);
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => finish(null));
    });
    req.end();
  });
}
