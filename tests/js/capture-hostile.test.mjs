// Live capture against hostile servers on loopback: redirects off the site and to internal
// addresses, DNS rebinding, decompression bombs past the whole capture's budget, stacked and raw
// encodings, unparseable Location headers, pages in an undeclared legacy charset, robots.txt.
// Nothing leaves 127.0.0.1: names like "meta.test" are mapped by the `lookup` option, and a
// refused address is refused before any connection (the guard answers inside that lookup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { capture, captureToFile, CAPTURE_BUDGET } from '../../web/host/capture.mjs';

const entriesFor = (h, url) => h.log.entries.filter((e) => e.request.url === url);

// A loopback server from a handler; → {url, port, hits: [path], close()}.
async function serve(handler) {
  const hits = [];
  const server = http.createServer((req, res) => { hits.push(req.url); handler(req, res); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port, hits, url: `http://127.0.0.1:${port}/`,
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

async function closedPort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

const html = (res, body, type = 'text/html; charset=utf-8', extra = {}) => {
  res.writeHead(200, { 'Content-Type': type, ...extra });
  res.end(body);
};
const notFound = (res) => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); };

// A DNS lookup for tests: names in `map` resolve to the address given (a function of the call
// count for rebinding); every call is recorded. Anything else fails like an unknown name.
function fakeLookup(map) {
  const calls = [];
  const lookup = (hostname, options, callback) => {
    const cb = typeof options === 'function' ? options : callback;
    calls.push(hostname);
    const entry = map[hostname];
    const address = typeof entry === 'function' ? entry() : entry;
    if (!address) { const e = new Error(`getaddrinfo ENOTFOUND ${hostname}`); e.code = 'ENOTFOUND'; cb(e); return; }
    const family = net.isIP(address);
    if (options && options.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  };
  return { lookup, calls };
}

test('redirects off the site (another port, another host) are recorded and not followed', async () => {
  const other = await serve((req, res) => html(res, '<p>other</p>'));
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, '<a href="/to-port">a</a><a href="/to-host">b</a>');
    if (req.url === '/to-port') { res.writeHead(302, { Location: other.url }); return res.end(); }
    if (req.url === '/to-host') { res.writeHead(302, { Location: `http://other.test:${other.port}/` }); return res.end(); }
    return notFound(res);
  });
  const { lookup, calls } = fakeLookup({ 'other.test': '127.0.0.1' });
  try {
    const h = await capture(site.url, { pages: 5, httpsUrl: `https://127.0.0.1:${await closedPort()}/`, lookup });
    for (const p of ['/to-port', '/to-host']) {
      const hop = entriesFor(h, `${site.url.slice(0, -1)}${p}`)[0];
      assert.equal(hop.response.status, 302);
      assert.equal(hop._portalCheck.redirectNotFollowed, 'off-site');
    }
    assert.deepEqual(other.hits, [], 'the other origin was never requested');
    assert.ok(!calls.includes('other.test'), 'not even resolved');
  } finally {
    await site.close();
    await other.close();
  }
});

test('the start chain may leave its origin (that is how the site is found) but not to internal addresses', async () => {
  for (const [location, cls, map] of [
    ['http://169.254.169.254/latest/meta-data/', 'link-local', {}],
    ['http://10.0.0.1/', 'private', {}],
    ['http://meta.test/latest/meta-data/', 'link-local', { 'meta.test': '169.254.169.254' }],
    ['http://intranet.test/', 'private', { 'intranet.test': '10.0.0.1' }],
    ['http://mapped.test/', 'private', { 'mapped.test': '::ffff:10.0.0.1' }],
    ['http://ula.test/', 'private', { 'ula.test': 'fd00::1' }],
    ['http://cgnat.test/', 'cgnat', { 'cgnat.test': '100.64.0.1' }],
    ['http://zero.test/', 'unspecified', { 'zero.test': '0.0.0.0' }],
    ['https://secure-meta.test/', 'link-local', { 'secure-meta.test': '169.254.169.254' }],
    ['https://[::ffff:a9fe:a9fe]/', 'link-local', {}],
  ]) {
    // The start host is a name resolving to loopback, so loopback is the start's own class.
    const site = await serve((req, res) => { res.writeHead(302, { Location: location }); res.end(); });
    const { lookup, calls } = fakeLookup({ 'site.test': '127.0.0.1', ...map });
    try {
      const t0 = Date.now();
      const h = await capture(`http://site.test:${site.port}/`, { pages: 1, timeoutMs: 5000, httpsUrl: `https://127.0.0.1:${await closedPort()}/`, lookup });
      const hop = entriesFor(h, location)[0];
      assert.ok(hop, `${location} is an entry`);
      assert.equal(hop.response.status, 0);
      assert.match(hop.response._error, new RegExp(`^refused: .* is a ${cls} address`), location);
      assert.ok(Date.now() - t0 < 3000, 'refused at once, no connection attempt waited for');
      const host = new URL(location).hostname.replace(/^\[|\]$/g, '');
      if (!net.isIP(host)) assert.ok(calls.includes(host), 'checked after DNS resolution');
    } finally {
      await site.close();
    }
  }
});

test('DNS rebinding: the address is checked on each connection, not once', async () => {
  let rebound = false;
  const site = await serve((req, res) => {
    if (req.url === '/') { rebound = true; return html(res, '<a href="/next">next</a>'); }
    return html(res, '<p>must not be fetched</p>');
  });
  const { lookup } = fakeLookup({ 'rebind.test': () => (rebound ? '10.0.0.1' : '127.0.0.1') });
  try {
    // ignoreRobots: the rebound robots.txt is refused too, which would stop the crawl before /next.
    const h = await capture(`http://rebind.test:${site.port}/`, { pages: 3, httpsUrl: `https://127.0.0.1:${await closedPort()}/`, lookup, ignoreRobots: true });
    assert.match(entriesFor(h, `http://rebind.test:${site.port}/robots.txt`)[0].response._error, /^refused: 10\.0\.0\.1/);
    const next = entriesFor(h, `http://rebind.test:${site.port}/next`)[0];
    assert.equal(next.response.status, 0);
    assert.match(next.response._error, /^refused: 10\.0\.0\.1 is a private address/);
    assert.ok(!site.hits.includes('/next'));
    assert.deepEqual(h.log._portalCheck.addresses, { allowPrivate: false, allowedClasses: ['public', 'loopback'] });
  } finally {
    await site.close();
  }
});

test('allowPrivate: an address outside the start URL class is refused without it, used with it', async () => {
  const site = await serve((req, res) => html(res, '<p>x</p>'));
  // The first resolution (the start URL's class) says public; the connections then get loopback,
  // which is therefore not the start's own class. No connection to 8.8.8.8 is ever made: the
  // first lookup only classifies.
  const twoFaced = () => {
    let n = 0;
    return fakeLookup({ 'local.test': () => (n++ === 0 ? '8.8.8.8' : '127.0.0.1') }).lookup;
  };
  const closed = `https://127.0.0.1:${await closedPort()}/`;
  try {
    const refused = await capture(`http://local.test:${site.port}/`, { pages: 1, httpsUrl: closed, lookup: twoFaced() });
    assert.equal(refused.log.entries[0].response.status, 0);
    assert.match(refused.log.entries[0].response._error, /^refused: 127\.0\.0\.1 is a loopback address.*--allow-private/);
    assert.deepEqual(refused.log._portalCheck.addresses.allowedClasses, ['public']);
    assert.deepEqual(site.hits, []);
    const allowed = await capture(`http://local.test:${site.port}/`, { pages: 1, httpsUrl: closed, lookup: twoFaced(), allowPrivate: true });
    assert.equal(allowed.log.entries[0].response.status, 200);
    assert.equal(allowed.log._portalCheck.addresses.allowPrivate, true);
  } finally {
    await site.close();
  }
});

// A gzip bomb: `size` bytes of "a" compressed (a few KiB on the wire).
const bomb = (size, times = 1) => {
  let body = zlib.gzipSync(Buffer.alloc(size, 'a'), { level: 9 });
  for (let i = 1; i < times; i++) body = zlib.gzipSync(body);
  return body;
};

test('bomb scripts past the whole capture budget: a clean stop, a valid HAR, a notice', async () => {
  const body = bomb(1 << 20);
  const site = await serve((req, res) => {
    const n = Number(/^\/p(\d+)$/.exec(req.url)?.[1] ?? 0);
    if (req.url === '/' || /^\/p\d+$/.test(req.url)) {
      const scripts = Array.from({ length: 30 }, (_, i) => `<script src="/s${n}-${i}.js"></script>`).join('');
      return html(res, `${scripts}<a href="/p${n + 1}">next</a><a href="/p${n + 2}">next</a>`);
    }
    if (req.url.endsWith('.js')) { res.writeHead(200, { 'Content-Type': 'application/javascript', 'Content-Encoding': 'gzip' }); return res.end(body); }
    return notFound(res);
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-budget-'));
  const file = path.join(dir, 'bomb.har');
  try {
    const maxHarBytes = 4 << 20;
    const maxBytes = 256 << 10;
    const summary = await captureToFile(site.url, file, { pages: 100, maxBytes, maxHarBytes, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    assert.equal(summary.stopped.limit, 'maxHarBytes');
    const size = fs.statSync(file).size;
    // Requests in flight at the stop still complete: at most `concurrency` (4) more entries.
    assert.ok(size <= maxHarBytes + 4 * (maxBytes + 8192) + 65536, `${size} bytes`);
    const h = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(h.log._portalCheck.stoppedBy, 'maxHarBytes');
    assert.match(h.log._portalCheck.stopped, /HAR size budget \(maxHarBytes = 4194304 bytes\) was reached/);
    assert.ok(h.log.entries.some((e) => e._portalCheck.bodyCut), 'the bomb bodies are cut at maxBytes');
    assert.equal(site.hits.length, h.log.entries.filter((e) => e.request.url.startsWith(site.url)).length, 'one request per entry');
    assert.ok(site.hits.length < 40, `${site.hits.length} requests`);
    assert.ok(!fs.existsSync(`${file}.entries.tmp`), 'the spool file is removed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
  assert.deepEqual(CAPTURE_BUDGET, { maxRequests: 3000, maxHarBytes: 256 * 1024 * 1024 });
});

test('maxRequests: a capture needing exactly the budget is not stopped; one request less stops it', async () => {
  const site = await serve((req, res) => (req.url === '/' ? html(res, '<a href="/a">a</a>') : notFound(res)));
  const closed = `https://127.0.0.1:${await closedPort()}/`;
  try {
    const full = await capture(site.url, { pages: 2, httpsUrl: closed });
    const needed = full.log._portalCheck.budget.requests;
    assert.equal(needed, full.log.entries.length);
    const at = await capture(site.url, { pages: 2, httpsUrl: closed, maxRequests: needed });
    assert.equal(at.log._portalCheck.stopped, undefined);
    assert.equal(at.log.entries.length, needed);
    const before = site.hits.length;
    const past = await capture(site.url, { pages: 2, httpsUrl: closed, maxRequests: needed - 1 });
    assert.equal(past.log._portalCheck.stoppedBy, 'maxRequests');
    assert.match(past.log._portalCheck.stopped, new RegExp(`maxRequests = ${needed - 1}`));
    assert.equal(past.log.entries.length, needed - 1);
    assert.equal(site.hits.length - before, needed - 2, 'the closed https port took one of them');
    await assert.rejects(capture(site.url, { maxRequests: 0 }), (e) => e.code === 'invalid-argument');
  } finally {
    await site.close();
  }
});

test('encodings decoded as browsers do: gzip twice, zlib and raw deflate, br; links inside are followed', async () => {
  const page = (next) => Buffer.from(`<title>ok</title><a href="/${next}">n</a>`);
  const encoded = {
    '/': ['gzip, gzip', zlib.gzipSync(zlib.gzipSync(page('raw')))],
    '/raw': ['deflate', zlib.deflateRawSync(page('zlib'))],
    '/zlib': ['deflate', zlib.deflateSync(page('br'))],
    '/br': ['br', zlib.brotliCompressSync(page('two-fields'))],
    '/two-fields': [['gzip', 'br'], zlib.brotliCompressSync(zlib.gzipSync(page('end')))],
    '/end': ['x-gzip', zlib.gzipSync(Buffer.from('<title>end</title>'))],
  };
  const site = await serve((req, res) => {
    const e = encoded[req.url];
    if (!e) return notFound(res);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': e[0] });
    res.end(e[1]);
  });
  try {
    const h = await capture(site.url, { pages: 10, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    for (const p of Object.keys(encoded)) {
      const e = entriesFor(h, `${site.url.slice(0, -1)}${p}`)[0];
      assert.ok(e, `${p} was reached through the previous page's link`);
      assert.equal(e.response._error, undefined, p);
      assert.match(e.response.content.text, /^<title>/, p);
    }
  } finally {
    await site.close();
  }
});

test('decompression bombs stop at the per-body cap whatever the stacking', async () => {
  const cap = 64 << 10;
  const bodies = {
    '/gzip2': ['gzip, gzip', bomb(32 << 20, 2)],
    '/raw': ['deflate', zlib.deflateRawSync(Buffer.alloc(32 << 20, 'a'), { level: 9 })],
    '/br': ['br', zlib.brotliCompressSync(Buffer.alloc(32 << 20, 'a'))],
  };
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, Object.keys(bodies).map((p) => `<script src="${p}"></script>`).join(''));
    const b = bodies[req.url];
    if (!b) return notFound(res);
    res.writeHead(200, { 'Content-Type': 'application/javascript', 'Content-Encoding': b[0] });
    res.end(b[1]);
  });
  try {
    const h = await capture(site.url, { pages: 1, maxBytes: cap, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    for (const p of Object.keys(bodies)) {
      const e = entriesFor(h, `${site.url.slice(0, -1)}${p}`)[0];
      assert.equal(e._portalCheck.bodyCut, true, p);
      assert.equal(e.response.content.size, cap, p);
    }
  } finally {
    await site.close();
  }
});

test('a coding that cannot be decoded keeps no body and says so', async () => {
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, '<script src="/z.js"></script><script src="/five.js"></script>');
    if (req.url === '/z.js') { res.writeHead(200, { 'Content-Type': 'application/javascript', 'Content-Encoding': 'zstd' }); return res.end('xx'); }
    if (req.url === '/five.js') {
      let b = Buffer.from('x');
      for (let i = 0; i < 5; i++) b = zlib.gzipSync(b);
      res.writeHead(200, { 'Content-Type': 'application/javascript', 'Content-Encoding': 'gzip, gzip, gzip, gzip, gzip' });
      return res.end(b);
    }
    return notFound(res);
  });
  try {
    const h = await capture(site.url, { pages: 1, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    const z = entriesFor(h, `${site.url}z.js`)[0];
    assert.match(z.response._error, /cannot decode zstd/);
    assert.equal(z._portalCheck.bodyCut, true);
    assert.equal(z.response.content.text, '');
    assert.match(entriesFor(h, `${site.url}five.js`)[0].response._error, /5 stacked codings \(at most 4\)/);
  } finally {
    await site.close();
  }
});

test('an unparseable Location (on robots.txt and on a page) is an error on that hop, not a crash', async () => {
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, '<a href="/bad">bad</a><a href="/ok">ok</a>');
    if (req.url === '/robots.txt' || req.url === '/bad') { res.writeHead(301, { Location: 'http://[::1' }); return res.end(); }
    if (req.url === '/ok') return html(res, '<p>ok</p>');
    return notFound(res);
  });
  try {
    const h = await capture(site.url, { pages: 5, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    for (const p of ['robots.txt', 'bad']) {
      const e = entriesFor(h, `${site.url}${p}`)[0];
      assert.equal(e.response.status, 301);
      assert.equal(e.response.redirectURL, '');
      assert.match(e.response._error, /^the Location header is not a valid URL \("http:\/\/\[::1"\)/);
    }
    // A robots.txt redirect that cannot be followed is "unavailable" (RFC 9309): the crawl goes on.
    assert.equal(entriesFor(h, `${site.url}ok`)[0].response.status, 200, 'the crawl went on');
    assert.equal(h.log._portalCheck.robots.status, 301);
  } finally {
    await site.close();
  }
});

test('a windows-1258 page without any declared charset still leads the crawl to its links', async () => {
  // "Thông báo" in windows-1258: ô = 0xF4, á = a + combining acute 0xEC; invalid as UTF-8.
  const latin = Buffer.concat([Buffer.from('<title>Th'), Buffer.from([0xf4]), Buffer.from('ng ba'), Buffer.from([0xec]),
    Buffer.from('o</title><a href="/trang-2">Trang 2</a><a href="/tr'), Buffer.from([0xea]), Buffer.from('n">x</a>')]);
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, latin, 'text/html');
    if (req.url === '/trang-2') return html(res, Buffer.from([0x3c, 0x70, 0x3e, 0xe0, 0x3c, 0x61, ...Buffer.from(' href="/trang-3">3</a>')]), 'text/html');
    if (req.url === '/trang-3') return html(res, '<p>3</p>');
    return notFound(res);
  });
  try {
    const h = await capture(site.url, { pages: 5, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
    const home = entriesFor(h, site.url)[0];
    assert.equal(home.response.content.encoding, 'base64', 'the evidence keeps the bytes it could not decode');
    assert.equal(entriesFor(h, `${site.url}trang-2`)[0].response.status, 200);
    assert.equal(entriesFor(h, `${site.url}trang-3`)[0].response.status, 200);
    assert.ok(site.hits.includes('/tr%C3%AAn'), 'a non-ASCII link is read as windows-1252 and percent-encoded');
  } finally {
    await site.close();
  }
});

test('robots.txt is honoured by the crawl; the fixed site files are exempt; ignoreRobots lifts it', async () => {
  const robots = 'User-agent: *\nDisallow: /private/\nDisallow: /admin\n\nUser-agent: portal-check\nDisallow: /hidden\n';
  const site = await serve((req, res) => {
    if (req.url === '/robots.txt') { res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end(robots); }
    if (req.url === '/') return html(res, '<a href="/private/a">p</a><a href="/hidden">h</a><a href="/public">o</a><a href="/go">g</a>');
    if (req.url === '/go') { res.writeHead(302, { Location: '/hidden?via=redirect' }); return res.end(); }
    if (req.url.startsWith('/public') || req.url.startsWith('/private') || req.url.startsWith('/hidden')) return html(res, '<p>x</p>');
    return notFound(res);
  });
  const closed = `https://127.0.0.1:${await closedPort()}/`;
  try {
    const h = await capture(site.url, { pages: 10, httpsUrl: closed });
    // Our own group applies (not "*"): /hidden is out, /private/ is not.
    assert.ok(site.hits.includes('/private/a'));
    assert.ok(!site.hits.includes('/hidden'));
    assert.ok(!site.hits.includes('/hidden?via=redirect'), 'nor through a redirect');
    assert.equal(entriesFor(h, `${site.url}go`)[0]._portalCheck.redirectNotFollowed, 'robots');
    assert.ok(site.hits.includes('/public'));
    assert.ok(site.hits.includes('/admin'), 'admin paths are exempt');
    assert.deepEqual(h.log._portalCheck.robots, { honoured: true, url: `${site.url}robots.txt`, status: 200, group: 'ours', linksSkipped: 1 });

    const before = site.hits.length;
    const all = await capture(site.url, { pages: 10, httpsUrl: closed, ignoreRobots: true });
    assert.ok(site.hits.slice(before).includes('/hidden'));
    assert.deepEqual(all.log._portalCheck.robots, { honoured: false, reason: 'ignoreRobots (--ignore-robots)' });
  } finally {
    await site.close();
  }
});

test('robots.txt: 404 allows the crawl, 5xx or no answer stops it (RFC 9309)', async () => {
  for (const [status, crawled] of [[404, true], [503, false]]) {
    const site = await serve((req, res) => {
      if (req.url === '/robots.txt') { res.writeHead(status); return res.end(); }
      if (req.url === '/') return html(res, '<a href="/next">n</a>');
      return html(res, '<p>x</p>');
    });
    try {
      const h = await capture(site.url, { pages: 3, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
      assert.equal(site.hits.includes('/next'), crawled, String(status));
      assert.equal(h.log._portalCheck.robots.status, status);
    } finally {
      await site.close();
    }
  }
});

// The command line with the real budget: pages of 30 bomb scripts (each cut at 5 MiB decoded)
// reach CAPTURE_BUDGET.maxHarBytes in two pages; the capture exits 0 with a notice on stderr and
// a HAR file that is whole (metadata first, entries closed), not one giant string.
test('CLI: the default budget stops a bomb site cleanly (exit 0, stderr notice, a whole HAR)', async () => {
  const { execFile } = await import('node:child_process');
  const body = bomb(6 << 20);
  const site = await serve((req, res) => {
    const n = Number(/^\/p(\d+)$/.exec(req.url)?.[1] ?? 0);
    if (req.url === '/' || /^\/p\d+$/.test(req.url)) {
      const scripts = Array.from({ length: 30 }, (_, i) => `<script src="/s${n}-${i}.js"></script>`).join('');
      return html(res, `${scripts}<a href="/p${n + 1}">next</a>`);
    }
    if (req.url.endsWith('.js')) { res.writeHead(200, { 'Content-Type': 'application/javascript', 'Content-Encoding': 'gzip' }); return res.end(body); }
    return notFound(res);
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-cli-budget-'));
  const file = path.join(dir, 'bomb.har');
  try {
    const cli = new URL('../../web/cli/portal-check.mjs', import.meta.url).pathname;
    const r = await new Promise((resolve) => {
      execFile(process.execPath, [cli, 'capture', site.url, '--out', file], { maxBuffer: 1 << 20 },
        (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^portal-check: notice: the capture stopped early: the HAR size budget \(maxHarBytes = 268435456 bytes\) was reached; the HAR is valid/);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    const size = fs.statSync(file).size;
    assert.ok(size > CAPTURE_BUDGET.maxHarBytes && size < CAPTURE_BUDGET.maxHarBytes + 4 * (6 << 20), `${size} bytes`);
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4096);
    fs.readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(16);
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    fs.closeSync(fd);
    assert.match(head.toString(), /^\{"log":\{"version":"1\.2",.*"stoppedBy":"maxHarBytes"/);
    assert.match(tail.toString(), /\}\n\]\}\}\n$/);
    assert.ok(site.hits.length < 80, `${site.hits.length} requests`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
});

// The engine's side: what the capture could not wholly see is said in the report.
test('cut bodies and a budget stop become report notices; a cut page does not pass', async (t) => {
  const { wasmDir, loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  if (!fs.existsSync(path.join(wasmDir(), 'portal_check.wasm'))) { t.skip(`no wasm engine in ${wasmDir()} (run scripts/build)`); return; }
  const filler = 'x'.repeat(4000);
  const site = await serve((req, res) => {
    if (req.url === '/') return html(res, `<link rel=stylesheet href="/a.css"><p>${filler}</p><a href="/b">b</a>`);
    if (req.url === '/a.css') { res.writeHead(200, { 'Content-Type': 'text/css' }); return res.end(`body{}/*${filler}*/`); }
    if (req.url === '/b') return html(res, '<p>b</p>');
    return notFound(res);
  });
  try {
    const engine = await loadNodeEngine();
    const closed = `https://127.0.0.1:${await closedPort()}/`;
    const cut = await capture(site.url, { pages: 2, maxBytes: 1000, httpsUrl: closed });
    const cutUrls = cut.log.entries.filter((e) => e._portalCheck.bodyCut).map((e) => e.request.url);
    assert.deepEqual(cutUrls, [site.url, `${site.url}a.css`]);
    const { report } = await auditHar(engine, JSON.stringify(cut));
    const notice = report.notices.find((n) => n.code === 'bodies-cut');
    assert.ok(notice, JSON.stringify(report.notices.map((n) => n.code)));
    assert.match(notice.message, new RegExp(`^2 response bodies were cut: only the first part of each was seen \\(${site.url}, ${site.url}a\\.css\\)`));
    const onPage = report.checks.filter((c) => c.page === site.url && c.id === 'page.spam-injection');
    assert.deepEqual(onPage.map((c) => c.outcome), ['not-captured'], 'a pass is withheld on the cut page');

    const whole = await capture(site.url, { pages: 2, httpsUrl: closed });
    assert.equal((await auditHar(engine, JSON.stringify(whole))).report.notices.some((n) => n.code === 'bodies-cut'), false);

    const stopped = await capture(site.url, { pages: 2, httpsUrl: closed, maxRequests: 3 });
    const stop = (await auditHar(engine, JSON.stringify(stopped))).report.notices.find((n) => n.code === 'capture-stopped');
    assert.match(stop.message, /stopped before it was complete \(the request budget \(maxRequests = 3\) was reached\)/);
  } finally {
    await site.close();
  }
});

test('MAX_SUBRESOURCES_PER_PAGE: at it every script is fetched, past it the rest are not', async () => {
  const { MAX_SUBRESOURCES_PER_PAGE } = await import('../../web/host/capture.mjs');
  for (const n of [MAX_SUBRESOURCES_PER_PAGE, MAX_SUBRESOURCES_PER_PAGE + 1]) {
    const site = await serve((req, res) => {
      if (req.url === '/') return html(res, Array.from({ length: n }, (_, i) => `<script src="/s${i}.js"></script>`).join(''));
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      return res.end('1');
    });
    try {
      const h = await capture(site.url, { pages: 1, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
      const scripts = h.log.entries.filter((e) => e._portalCheck.purpose === 'script');
      assert.equal(scripts.length, MAX_SUBRESOURCES_PER_PAGE, String(n));
      assert.equal(site.hits.filter((p) => p.endsWith('.js')).length, MAX_SUBRESOURCES_PER_PAGE);
    } finally {
      await site.close();
    }
  }
});

test('MAX_HEADER_BYTES (256 KiB of response head): just under it is read, past it is a status-0 error', async () => {
  const big = (n) => `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Pad: ${'a'.repeat(n)}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok`;
  for (const [pad, ok] of [[250 * 1024, true], [257 * 1024, false]]) {
    const server = net.createServer((socket) => { socket.once('data', () => socket.end(big(pad))); });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${server.address().port}/`;
    try {
      const h = await capture(url, { pages: 1, httpsUrl: `https://127.0.0.1:${await closedPort()}/` });
      const e = entriesFor(h, url)[0];
      assert.equal(e.response.status, ok ? 200 : 0, String(pad));
      if (!ok) assert.equal(e.response._error, 'HPE_HEADER_OVERFLOW');
    } finally {
      await new Promise((r) => server.close(r));
    }
  }
});
