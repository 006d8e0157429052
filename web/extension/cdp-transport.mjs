// The capture's transport in the extension: one GET per exchange, made by the browser itself in a
// tab the extension debugs (debugger-session.mjs), read through the DevTools protocol, and handed
// to the capture plan (web/host/capture-core.mjs) in the shape of http-exchange.mjs's result, so
// that the HAR entries are built by the same code as the CLI's.
//
// createCdpTransport(session, {maxBytes, timeoutMs, signal}) → {exchange(url, kind) → Promise<raw>}
//   session: {send(method, params) → Promise, onEvent(listener), onTabLost(listener),
//   ensureAttached() → Promise<generation>, renewTab()} (debugger-session.mjs). One exchange at a
//   time (the tab navigates to each URL): the plan runs with concurrency 1. Never rejects: a
//   failure is status 0 with `error`. signal (AbortSignal): once aborted, the exchange in progress
//   ends at once (error "cancelled") and none starts.
//
// How one exchange is made and read:
//   - Page.navigate(url) in the debugged tab, with scripts disabled and the cache bypassed.
//   - Fetch (request stage) lets through only that navigation's first request; every other request
//     (the page's images, scripts, frames, anything to another host) is failed before it is sent,
//     and so is the request a redirect would lead to: the plan follows redirects hop by hop itself,
//     exactly as the CLI does. The request goes out with an empty Cookie header, so the site sees a
//     first-time visitor whatever this browser holds for it (the CLI sends no cookies either).
//   - Fetch (response stage) reads the body before the tab sees it (Fetch.getResponseBody, or the
//     first maxBytes of a stream when Content-Length says it is larger: bodyCut, and the response
//     goes no further). An HTML page (not offered as a file) is then handed to the tab as "204 No
//     Content": the tab stays where it was and never parses the page, so nothing the page
//     references is fetched, preloaded or even connected to (a page the tab parsed would open
//     connections to the hosts it names, requests or not). Any other response goes no further
//     either (shownAsPage): the browser decides to download on the type it first saw (or
//     sniffed), whatever status and headers it is handed later. The status line recorded is the
//     site's. A response that goes no further has no Network.responseReceived: its headers come
//     from responseReceivedExtraInfo and the paused response, its TLS details are the last seen
//     on its origin.
//   - Network events give the rest: the response's raw header lines including every Set-Cookie
//     (responseReceivedExtraInfo: headersText when HTTP/1.x gives them, else the header map), the
//     status line, protocol, remote address and the TLS security details (responseReceived, or the
//     redirectResponse of the next request for a 3xx).
//   - TLS: the browser delivers an https response only when it accepted the certificate, so such a
//     response is trusted unless the browser marks its connection insecure (securityState
//     "insecure", e.g. a certificate error the user chose to bypass). A certificate the browser
//     refuses gives no response: the exchange is status 0 with the browser's error
//     (net::ERR_CERT_...) and tls {trusted: false, trustError}. A response stopped after its
//     first maxBytes carries the TLS details last seen on its origin.
//   - A redirect the browser makes up (HSTS it holds for the host, or an https upgrade of its own)
//     is not a response of the server: the exchange is status 0 with an error saying so, and
//     raw.notCaptured = ["http-redirect"] when the server's http answer was never seen for that
//     host in this capture (see internalRaw).
//   - An authentication challenge is cancelled (Fetch.authRequired → CancelAuth): no login prompt,
//     no credentials; the 401 itself is the exchange's response, as the CLI records it. (Headless
//     Chromium cancels on its own; a browser with a window could otherwise wait on its prompt.)
//   - The tab the browser takes over: after a certificate error the browser shows its interstitial
//     in the tab, some time later (during the next navigation or after it), and from then on
//     refuses every command there. So a tab whose navigation ended in a certificate error is
//     replaced by a fresh one before the next exchange (session.renewTab), and an exchange cut
//     short by the tab being taken over anyway is made again, once, in a fresh tab.
//   Timeout: timeoutMs per exchange, then the navigation is stopped (error "timeout after N ms").
const MAX_STREAM_READ = 1 << 20;

const CERT_ERROR = /^net::ERR_(CERT_|SSL_|BAD_SSL_CLIENT_AUTH)/;

function headerOf(pairs, name) {
  const n = name.toLowerCase();
  const found = pairs.find(([k]) => k.toLowerCase() === n);
  return found ? found[1] : '';
}

// Header lines in wire order with repeats: from the raw text when the protocol has one (HTTP/1.x),
// else from the map (a repeated header's values are joined by "\n" there).
export function headerPairs(headers, headersText) {
  if (headersText) {
    const lines = headersText.split(/\r?\n/).slice(1);
    const pairs = [];
    for (const line of lines) {
      if (!line) continue;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    if (pairs.length) return pairs;
  }
  return Object.entries(headers ?? {}).flatMap(([name, value]) => String(value).split('\n').map((v) => [name, v]));
}

// Whether the tab may be handed this response (as a 204, see the top): an HTML page not offered as
// a file, which the browser never downloads. Anything else might be downloaded: a Content-
// Disposition attachment, a type the browser does not show, text/plain or an unlabelled body it
// sniffs as binary.
function shownAsPage(responseHeaders) {
  const pairs = responseHeaders.map(({ name, value }) => [name, value]);
  const type = headerOf(pairs, 'content-type').split(';')[0].trim().toLowerCase();
  const disposition = headerOf(pairs, 'content-disposition').trim();
  return (type === 'text/html' || type === 'application/xhtml+xml') && (!disposition || /^inline\b/i.test(disposition));
}

function statusTextOf(headersText) {
  const m = /^HTTP\/\S+\s+\d{3}\s*(.*)$/m.exec(headersText ?? '');
  return m ? m[1].trim() : '';
}

export function httpVersionOf(protocol) {
  const p = String(protocol ?? '').toLowerCase();
  if (p === 'h2') return 'HTTP/2';
  if (p === 'h3' || p.startsWith('h3-')) return 'HTTP/3';
  if (p.startsWith('http/')) return p.toUpperCase();
  return p ? p.toUpperCase() : '';
}

function tlsOf(response) {
  const d = response?.securityDetails;
  if (!d) return null;
  const trusted = response.securityState !== 'insecure';
  return {
    protocol: d.protocol ?? '',
    subjectName: d.subjectName ?? '',
    issuer: d.issuer ?? '',
    validFrom: d.validFrom,
    validTo: d.validTo,
    sanList: Array.isArray(d.sanList) ? d.sanList : [],
    trusted,
    trustError: trusted ? null : 'the browser marked the connection insecure (securityState "insecure")',
  };
}

function bytesOf(body, base64Encoded) {
  if (!base64Encoded) return new TextEncoder().encode(body ?? '');
  const bin = atob(body ?? '');
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// A redirect the browser made up rather than received: Chromium marks it with a
// Non-Authoritative-Reason header (HSTS, an https upgrade) and no raw response was read for it.
function isInternalRedirect(response, extra) {
  return Boolean(headerOf(headerPairs(response.headers), 'non-authoritative-reason')) ||
    (!extra && /^internal redirect$/i.test(response.statusText ?? ''));
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export function createCdpTransport(session, { maxBytes = 5 * 1024 * 1024, timeoutMs = 15000, signal } = {}) {
  let current = null; // the exchange in progress
  const retired = new Set(); // network ids of earlier exchanges: their late requests are never adopted
  let mainFrameId = null;
  const tlsByOrigin = new Map();
  const answeredHttpHosts = new Set(); // hosts whose server answered an http:// request in this capture

  const fail = (requestId, errorReason) => session.send('Fetch.failRequest', { requestId, errorReason }).catch(() => {});

  async function readBody(p) {
    const length = Number(headerOf(p.responseHeaders.map(({ name, value }) => [name, value]), 'content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      const { stream } = await session.send('Fetch.takeResponseBodyAsStream', { requestId: p.requestId });
      const parts = [];
      let size = 0;
      try {
        while (size <= maxBytes) {
          const chunk = await session.send('IO.read', { handle: stream, size: Math.min(MAX_STREAM_READ, maxBytes + 1 - size) });
          const bytes = bytesOf(chunk.data, chunk.base64Encoded);
          parts.push(bytes);
          size += bytes.length;
          if (chunk.eof) break;
        }
      } finally {
        session.send('IO.close', { handle: stream }).catch(() => {});
      }
      const all = new Uint8Array(size);
      let at = 0;
      for (const part of parts) { all.set(part, at); at += part.length; }
      return { body: all.subarray(0, Math.min(size, maxBytes)), cut: size > maxBytes, taken: true };
    }
    const got = await session.send('Fetch.getResponseBody', { requestId: p.requestId });
    const bytes = bytesOf(got.body, got.base64Encoded);
    return { body: bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes, cut: bytes.length > maxBytes, taken: false };
  }

  async function onPaused(p) {
    const c = current;
    const atResponse = p.responseStatusCode !== undefined || p.responseErrorReason !== undefined;
    if (!c || c.done) { fail(p.requestId, 'BlockedByClient'); return; }
    if (!atResponse) {
      const id = p.networkId ?? p.requestId;
      if (c.requestId === null && !retired.has(id) && p.resourceType === 'Document' && (!mainFrameId || p.frameId === mainFrameId)) {
        c.requestId = id;
        c.request = c.seen.get(id) ?? null;
        const headers = Object.entries(p.request.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'cookie')
          .map(([name, value]) => ({ name, value }));
        headers.push({ name: 'Cookie', value: '' });
        session.send('Fetch.continueRequest', { requestId: p.requestId, headers }).catch(() => {});
        return;
      }
      // The request a redirect leads to (same network id), or anything else: not sent.
      if (c.requestId !== null && (p.networkId ?? p.requestId) === c.requestId) c.redirectStopped = true;
      fail(p.requestId, (p.networkId ?? p.requestId) === c.requestId ? 'Aborted' : 'BlockedByClient');
      return;
    }
    if ((p.networkId ?? p.requestId) !== c.requestId || p.responseErrorReason) {
      session.send('Fetch.continueRequest', { requestId: p.requestId }).catch(() => {});
      return;
    }
    const status = p.responseStatusCode;
    const hasLocation = p.responseHeaders?.some(({ name }) => name.toLowerCase() === 'location');
    if (status >= 300 && status < 400 && hasLocation) {
      session.send('Fetch.continueRequest', { requestId: p.requestId }).catch(() => {});
      return;
    }
    c.paused = { status, statusText: p.responseStatusText ?? '', headers: p.responseHeaders ?? [] };
    let taken = false;
    try {
      const read = await readBody(p);
      c.body = read.body;
      c.bodyCut = read.cut;
      taken = read.taken;
    } catch (e) {
      c.bodyError = `the body could not be read (${e.message})`;
    }
    if (taken || !shownAsPage(p.responseHeaders ?? [])) {
      c.stopped = true;  // (the response read above, then stopped: `paused` keeps its status and headers)
      fail(p.requestId, 'Aborted');
      return;
    }
    // The tab gets "204 No Content" (see the top): Network.responseReceived still comes, with the
    // connection's protocol, address and TLS details, and status 204 (rawOf uses `paused`). (The
    // evidence keeps the headers as the server sent them: responseReceivedExtraInfo.)
    const shown = (p.responseHeaders ?? []).filter(({ name }) => !/^(content-type|content-disposition)$/i.test(name));
    shown.push({ name: 'Content-Type', value: 'text/plain; charset=x-user-defined' });
    session.send('Fetch.continueResponse', { requestId: p.requestId, responseCode: 204, responseHeaders: shown })
      .catch(() => fail(p.requestId, 'Aborted'));
  }

  function onNetwork(method, p) {
    const c = current;
    if (c && !c.done && c.requestId === null && method === 'Network.requestWillBeSent' && p.type === 'Document') {
      c.seen.set(p.requestId, p.request);
    }
    if (!c || c.done || p.requestId !== c.requestId) return;
    if (method === 'Network.requestWillBeSent') {
      if (p.redirectResponse && isInternalRedirect(p.redirectResponse, c.responseExtra)) {
        c.internal = headerOf(headerPairs(p.redirectResponse.headers), 'non-authoritative-reason') || 'internal redirect';
      } else if (p.redirectResponse) {
        c.response = p.redirectResponse;
      } else {
        c.request = p.request;
      }
    } else if (method === 'Network.requestWillBeSentExtraInfo') {
      if (!c.response) c.requestExtra = p;
    } else if (method === 'Network.responseReceivedExtraInfo') {
      c.responseExtra = p;
    } else if (method === 'Network.responseReceived') {
      c.response = p.response;
    } else if (method === 'Network.loadingFinished') {
      finish(c, null);
    } else if (method === 'Network.loadingFailed') {
      // (The 204 the tab was handed ends as net::ERR_ABORTED: the response was read.)
      finish(c, c.response || c.paused || c.redirectStopped ? null : p.errorText);
    }
  }

  function finish(c, error) {
    if (c.done) return;
    c.done = true;
    clearTimeout(c.timer);
    if (c.requestId !== null) retired.add(c.requestId);
    c.resolve(rawOf(c, error));
  }

  function rawOf(c, error) {
    if (c.internal) return internalRaw(c);
    const extra = c.responseExtra;
    const response = c.response;
    const status = c.paused?.status ?? response?.status ?? extra?.statusCode ?? 0;
    // (Without the extra info: the paused response's headers, as responseReceived has the
    // relabelled ones; a stopped response has been paused too.)
    const rawHeaders = extra ? headerPairs(extra.headers, extra.headersText)
      : c.paused ? c.paused.headers.map(({ name, value }) => [name, value])
        : response ? headerPairs(response.headers, response.headersText) : [];
    const requestHeaders = c.requestExtra ? headerPairs(c.requestExtra.headers, c.requestExtra.headersText)
      : Object.entries(c.request?.headers ?? {});
    let tls = tlsOf(response);
    if (tls) tlsByOrigin.set(originOf(c.url), tls);
    else if (status > 0 && c.url.startsWith('https:')) tls = tlsByOrigin.get(originOf(c.url)) ?? null;
    if (!status && error && CERT_ERROR.test(error)) {
      tls = { protocol: '', subjectName: '', issuer: '', sanList: [], trusted: false, trustError: error.replace(/^net::/, '') };
    }
    const time = Math.round(performance.now() - c.t0);
    if (status > 0 && c.url.startsWith('http:')) answeredHttpHosts.add(hostOf(c.url));
    return {
      url: c.url,
      method: 'GET',
      requestHeaders: requestHeaders.filter(([k]) => k.toLowerCase() !== 'cookie'),
      started: c.started,
      time,
      status,
      statusText: (c.paused ? statusTextOf(extra?.headersText) || c.paused.statusText : response?.statusText)
        || statusTextOf(extra?.headersText) || '',
      httpVersion: httpVersionOf(response?.protocol) || (status ? 'HTTP/1.1' : ''),
      rawHeaders: status ? rawHeaders : [],
      body: c.body ?? new Uint8Array(0),
      bodyCut: Boolean(c.bodyCut),
      tls,
      serverIPAddress: (response?.remoteIPAddress ?? '').replace(/^\[|\]$/g, ''),
      error: status ? (c.bodyError ?? null) : (error ?? 'no response'),
      timings: { send: 0, wait: time, receive: 0 },
    };
  }

  // The browser answered an http:// request itself (it knows the host wants https: HSTS, or an
  // https upgrade of its own): no response of the server exists to record. When no http answer
  // of that host's server was seen earlier in this capture, the http redirect itself is not
  // captured (the engine's transport.redirect then says not-captured rather than judging a
  // redirect the browser made up).
  function internalRaw(c) {
    const known = answeredHttpHosts.has(hostOf(c.url));
    return {
      url: c.url, method: 'GET', requestHeaders: [], started: c.started, time: Math.round(performance.now() - c.t0),
      status: 0, statusText: '', httpVersion: '', rawHeaders: [], body: new Uint8Array(0), bodyCut: false, tls: null,
      serverIPAddress: '', timings: { send: 0, wait: 0, receive: 0 },
      error: `not captured: this browser answered the http:// request itself (${c.internal}: it sends this host to https without asking the server), so the server's own answer over http could not be seen`,
      notCaptured: known ? [] : ['http-redirect'],
    };
  }

  // The browser took the tab over (debugger-session.mjs): the exchange in progress gets no more
  // events there; it ends at once (and is made again in a fresh tab: exchange).
  let tabsLost = 0;
  session.onTabLost(() => {
    tabsLost++;
    const c = current;
    if (c && !c.done) finish(c, 'the browser took the capture tab over');
  });

  signal?.addEventListener('abort', () => {
    const c = current;
    if (c && !c.done) {
      session.send('Page.stopLoading').catch(() => {});
      finish(c, 'cancelled');
    }
  });

  session.onEvent((method, params) => {
    if (method === 'Fetch.requestPaused') onPaused(params);
    else if (method === 'Fetch.authRequired') {
      // An authentication challenge (401/407 with WWW-Authenticate): never answered, never shown
      // as a login prompt; the browser then hands on the challenge response itself, recorded as is.
      session.send('Fetch.continueWithAuth', { requestId: params.requestId, authChallengeResponse: { response: 'CancelAuth' } })
        .catch(() => {});
    }
    else if (method.startsWith('Network.')) onNetwork(method, params);
  });

  let readyGeneration = 0;
  async function prepare() {
    const generation = await session.ensureAttached();
    if (generation === readyGeneration) return;
    const { frameTree } = await session.send('Page.getFrameTree');
    mainFrameId = frameTree.frame.id;
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await session.send('Network.setBypassServiceWorker', { bypass: true });
    await session.send('Emulation.setScriptExecutionDisabled', { value: true });
    await session.send('Fetch.enable', {
      handleAuthRequests: true,
      patterns: [{ urlPattern: '*', requestStage: 'Request' }, { urlPattern: '*', resourceType: 'Document', requestStage: 'Response' }],
    });
    readyGeneration = generation;
  }

  // One try at an exchange → {raw, lost}: lost when the browser took the tab over meanwhile.
  async function attempt(url) {
    const lostBefore = tabsLost;
    const started = () => ({ url, started: new Date(), t0: performance.now() });
    if (signal?.aborted) return { raw: rawOf(started(), 'cancelled'), lost: false };
    try {
      await prepare();
    } catch (e) {
      return { raw: rawOf(started(), `the browser tab could not be debugged (${e.message})`), lost: tabsLost > lostBefore };
    }
    if (signal?.aborted) return { raw: rawOf(started(), 'cancelled'), lost: false };
    const raw = await new Promise((resolve) => {
      const c = { ...started(), requestId: null, seen: new Map(), resolve, done: false };
      current = c;
      c.timer = setTimeout(() => {
        session.send('Page.stopLoading').catch(() => {});
        if (c.response || c.stopped) c.bodyCut = true;
        finish(c, `timeout after ${timeoutMs} ms`);
      }, timeoutMs);
      session.send('Page.navigate', { url }).then((r) => {
        // A navigation refused before any request (a bad URL, a blocked scheme) sends no events.
        if (r?.errorText && c.requestId === null) finish(c, r.errorText);
      }, (e) => finish(c, `the browser refused the navigation (${e.message})`));
    });
    // The browser shows its certificate interstitial in this tab later: never use it again.
    if (!raw.status && CERT_ERROR.test(raw.error ?? '')) session.renewTab();
    return { raw, lost: tabsLost > lostBefore };
  }

  // An exchange the browser's taking over of the tab cut short is made again, once, in a fresh tab.
  async function exchange(url, kind) {
    void kind; // the browser chooses its own Accept headers for a navigation
    const first = await attempt(url);
    return first.lost ? (await attempt(url)).raw : first.raw;
  }

  return { exchange };
}
