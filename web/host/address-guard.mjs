// Which network addresses the live capture may connect to (Node only: node:dns, node:net).
//
// A hostile site can redirect or link the capture to an internal address (a cloud metadata
// service on 169.254.169.254, an intranet host on 10.x) or make its own name resolve to one later
// (DNS rebinding). So every connection's address is checked after DNS resolution, in the `lookup`
// that node's http/https request calls for that very connection, before any socket connects; an
// IP literal in a URL is checked the same way before the request is made.
//
// addressClass(ip: string) → "public" | "loopback" | "private" | "link-local" | "cgnat" |
//   "unspecified" | "reserved" | "invalid". IPv4-mapped IPv6 (::ffff:a.b.c.d) is the class of
//   its IPv4 address. private = 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local) and the
//   deprecated fec0::/10; link-local = 169.254/16, fe80::/10; cgnat = 100.64/10; loopback =
//   127/8, ::1; unspecified = 0/8, ::; reserved = multicast, 240/4 and broadcast, ff00::/8,
//   IPv4-compatible ::a.b.c.d and other special blocks below.
// addressPolicy({allowPrivate, allowedClasses}) → policy: policy.refusal(ip) → null when the
//   address may be used, else a one-line reason. "public" is always allowed; allowPrivate allows
//   every class; allowedClasses adds classes (the capture adds the start URL's own).
// guardedLookup(policy, baseLookup = dns.lookup) → a function with dns.lookup's signature for
//   the `lookup` option of http.request: it resolves with baseLookup, then fails with an Error
//   (no .code; its message is the refusal) when any resolved address is refused.
import dns from 'node:dns';
import net from 'node:net';

function ipv4Number(ip) {
  const parts = ip.split('.').map(Number);
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

const inV4 = (n, base, bits) => bits === 0 || (n >>> (32 - bits)) === (ipv4Number(base) >>> (32 - bits));

const V4_CLASSES = [
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['169.254.0.0', 16, 'link-local'],
  ['100.64.0.0', 10, 'cgnat'],
  ['192.0.0.0', 24, 'reserved'],     // IETF protocol assignments
  ['198.18.0.0', 15, 'reserved'],    // benchmarking
  ['224.0.0.0', 4, 'reserved'],      // multicast
  ['240.0.0.0', 4, 'reserved'],      // future use and 255.255.255.255
];

function v4Class(ip) {
  const n = ipv4Number(ip);
  for (const [base, bits, cls] of V4_CLASSES) if (inV4(n, base, bits)) return cls;
  return 'public';
}

// The eight 16-bit groups of an IPv6 address (net.isIPv6 already said it is one).
function v6Groups(ip) {
  let text = ip.replace(/%.*$/, '').toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4Number(v4[1]);
    text = `${text.slice(0, -v4[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...zeros, ...t].map((g) => parseInt(g, 16));
}

function v6Class(ip) {
  const g = v6Groups(ip);
  const v4Tail = `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.${g[7] & 0xff}`;
  const firstFiveZero = g.slice(0, 5).every((x) => x === 0);
  if (firstFiveZero && g[5] === 0xffff) return v4Class(v4Tail);          // ::ffff:a.b.c.d
  if (g.every((x) => x === 0)) return 'unspecified';                      // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback'; // ::1
  if (firstFiveZero && g[5] === 0) return 'reserved';                      // ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4Class(v4Tail);            // NAT64 64:ff9b::/96
  if ((g[0] & 0xfe00) === 0xfc00) return 'private';                        // fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';                     // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private';                        // fec0::/10 (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return 'reserved';                       // multicast
  return 'public';
}

export function addressClass(ip) {
  const text = String(ip ?? '').replace(/^\[|\]$/g, '');
  const kind = net.isIP(text);
  if (kind === 4) return v4Class(text);
  if (kind === 6) return v6Class(text);
  return 'invalid';
}

export function addressPolicy({ allowPrivate = false, allowedClasses = [] } = {}) {
  const allowed = new Set(['public', ...allowedClasses]);
  return {
    allowPrivate,
    allowedClasses: [...allowed],
    refusal(ip) {
      const cls = addressClass(ip);
      if (cls === 'invalid') return `refused: "${ip}" is not an IP address`;
      if (allowPrivate || allowed.has(cls)) return null;
      return `refused: ${ip} is a ${cls} address, not a public one (only the start URL's own kind of address ` +
        'is allowed; --allow-private allows all)';
    },
  };
}

export function guardedLookup(policy, baseLookup = dns.lookup) {
  return function lookup(hostname, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' ? {} : (typeof options === 'number' ? { family: options } : options || {});
    baseLookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) { cb(err); return; }
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: net.isIP(addresses) }])
        .filter((a) => a && a.address);
      if (list.length === 0) { cb(new Error(`no address for ${hostname}`)); return; }
      for (const a of list) {
        const why = policy.refusal(a.address);
        if (why) { cb(new Error(why)); return; }
      }
      if (opts.all) cb(null, list.map((a) => ({ address: a.address, family: a.family || net.isIP(a.address) })));
      else cb(null, list[0].address, list[0].family || net.isIP(list[0].address));
    });
  };
}

// The classes of the addresses `hostname` resolves to (an IP literal: its own), for the capture's
// start URL. → Promise<string[]> (empty when it does not resolve).
export function resolveClasses(hostname, baseLookup = dns.lookup) {
  const host = String(hostname).replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return Promise.resolve([addressClass(host)]);
  return new Promise((resolve) => {
    baseLookup(host, { all: true }, (err, addresses) => {
      if (err || !Array.isArray(addresses)) { resolve([]); return; }
      resolve([...new Set(addresses.map((a) => addressClass(a.address)))]);
    });
  });
}
