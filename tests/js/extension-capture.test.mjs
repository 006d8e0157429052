// The app's side of a capture handed over by the extension (web/app/extension-capture.mjs): the
// key read from `#extension-capture=<key>` on an extension page only, and the "Download HAR" file
// name (host as the other exports name it, the capture's start in the local time zone).
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Local time is what the file name shows: pin a zone seven hours east of UTC (Node reads TZ when a
// Date is formatted, so setting it here applies to the calls below).
process.env.TZ = 'Asia/Ho_Chi_Minh';
const { extensionCaptureKey, captureHarFileName } = await import('../../web/app/extension-capture.mjs');

const extensionPage = (hash) => ({ protocol: 'chrome-extension:', hash, pathname: '/app/index.html' });

test('the key is read from #extension-capture=<key> on an extension page only', () => {
  assert.equal(extensionCaptureKey(extensionPage('#extension-capture=0b5c2f1e-7a4d-4c1b-9a7e-2f1d3c4b5a69')), '0b5c2f1e-7a4d-4c1b-9a7e-2f1d3c4b5a69');
  assert.equal(extensionCaptureKey(extensionPage('#extension-capture=a%2Fb')), 'a/b');
  assert.equal(extensionCaptureKey({ protocol: 'https:', hash: '#extension-capture=abc' }), null, 'the served app ignores it');
  assert.equal(extensionCaptureKey({ protocol: 'http:', hash: '#extension-capture=abc' }), null);
  assert.equal(extensionCaptureKey(extensionPage('#report-grade')), null);
  assert.equal(extensionCaptureKey(extensionPage('')), null);
  assert.equal(extensionCaptureKey(extensionPage('#extension-capture=')), null, 'an empty key');
  assert.equal(extensionCaptureKey(extensionPage('#extension-capture=%E0%A4%A')), null, 'a broken percent-escape');
  assert.equal(extensionCaptureKey(undefined), null);
});

test('the HAR file name: host of the target, start time in local time (yyyymmdd-hhmm)', () => {
  assert.equal(captureHarFileName('https://WWW.Example.gov.vn:8443/a/b?q=1#x', '2026-12-05T07:30:59Z'),
    'portal-check-www.example.gov.vn-20261205-1430.har');
  // Past midnight and the year's end in the local zone.
  assert.equal(captureHarFileName('https://cong.example.vn/', '2026-12-31T20:05:00.000Z'), 'portal-check-cong.example.vn-20270101-0305.har');
  // Milliseconds since the epoch work the same.
  assert.equal(captureHarFileName('https://cong.example.vn/', Date.UTC(2026, 0, 2, 3, 4)), 'portal-check-cong.example.vn-20260102-1004.har');
  // An internationalised host is named by its ASCII (punycode) form (Python's idna codec agrees).
  assert.equal(captureHarFileName('https://bộ.vn/', '2026-06-01T00:00:00Z'), 'portal-check-xn--b-8xm.vn-20260601-0700.har');
});

test('a target that is not a URL, or hostile text, gives "site"; a missing or bad time gives `now`', () => {
  const now = new Date(Date.UTC(2025, 10, 9, 16, 59));
  assert.equal(captureHarFileName('not a url', '2026-12-05T07:30:00Z'), 'portal-check-site-20261205-1430.har');
  assert.equal(captureHarFileName('<script>alert(1)</script>', 'x', now), 'portal-check-site-20251109-2359.har');
  assert.equal(captureHarFileName(undefined, undefined, now), 'portal-check-site-20251109-2359.har');
  assert.equal(captureHarFileName({ href: 'https://a.vn/' }, {}, now), 'portal-check-site-20251109-2359.har');
  // Path and query of a URL never reach the name (no separators, no traversal).
  const name = captureHarFileName('https://a.vn/../../etc/passwd?x=/..\\', '2026-12-05T07:30:00Z');
  assert.equal(name, 'portal-check-a.vn-20261205-1430.har');
  assert.doesNotMatch(name, /[/\\]/);
});
