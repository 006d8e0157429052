// A synthetic site (sites.mjs) as the HAR the command line's live capture would record of it
// (web/host/capture.mjs, step 1): the https:// start URL's redirect chain, then the http:// form's
// chain, each hop its own entry, a chain stopping at a URL already requested (its redirectURL says
// where). Entry fields as web/host/har-entry.mjs writes them; times are fixed, so the same site
// always gives the same HAR text.
//
// siteHar(site) → HAR object {log: {...}}

const STARTED = Date.UTC(2026, 0, 1);

function statusText(status) {
  return { 0: '', 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 401: 'Unauthorized', 403: 'Forbidden' }[status] ?? '';
}

function location(url, response) {
  const h = response.headers.find(([n]) => n.toLowerCase() === 'location');
  return response.status >= 300 && response.status < 400 && h ? new URL(h[1], url).href : '';
}

function entry(url, response, index, host) {
  const https = url.startsWith('https:');
  const contentType = response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const res = response
    ? {
        status: response.status,
        statusText: statusText(response.status),
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: response.headers.map(([name, value]) => ({ name, value })),
        content: { size: Buffer.byteLength(response.body), mimeType: contentType, text: response.body },
        redirectURL: location(url, response),
        headersSize: -1,
        bodySize: -1,
      }
    : {
        status: 0, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [],
        content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1,
        _error: 'connect ECONNREFUSED',
      };
  if (response && https) {
    const hostname = new URL(url).hostname;
    res._securityDetails = {
      protocol: 'TLS 1.3', subjectName: hostname, issuer: 'Example Test CA',
      validFrom: STARTED / 1000 - 86400 * 30, validTo: STARTED / 1000 + 86400 * 300,
      sanList: [host, `www.${host}`], _trusted: true,
    };
  }
  return {
    startedDateTime: new Date(STARTED + index * 10).toISOString(),
    time: 5,
    request: {
      method: 'GET', url, httpVersion: 'HTTP/1.1', cookies: [],
      headers: [{ name: 'Accept', value: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
      queryString: [], headersSize: -1, bodySize: 0,
    },
    response: res,
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 5, receive: 0 },
    _resourceType: 'document',
    _portalCheck: { purpose: 'start' },
  };
}

export function siteHar(site) {
  const entries = [];
  const fetched = new Set();
  const chain = (start) => {
    let url = start;
    for (let hops = 0; hops <= 20; hops++) {
      fetched.add(url);
      const response = site.routes.get(url);
      entries.push(entry(url, response, entries.length, site.host));
      const next = response ? location(url, response) : '';
      if (!next || fetched.has(next)) return;
      url = next;
    }
  };
  chain(`https://${site.host}/`);
  if (!fetched.has(`http://${site.host}/`)) chain(`http://${site.host}/`);
  return {
    log: {
      version: '1.2',
      creator: { name: 'portal-check-observatory-side-by-side', version: '1' },
      pages: [],
      entries,
      _portalCheck: { target: site.start, captureMethod: 'cli-live' },
    },
  };
}
