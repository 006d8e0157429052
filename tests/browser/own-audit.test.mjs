// The tool audits itself: `portal-check scan` of the app as served by web/serve/static-server.mjs
// gives the top header grade, for the check page (index.html) and the portfolio page
// (portfolio.html).
//
// Over plain http on loopback (what scripts/serve does) the transport checks fail by nature (no
// https, no HSTS), so the graded run serves the app over https with a throwaway self-signed
// certificate (openssl) and a plain-http port that answers 301 to it, as a TLS front would. The CLI
// runs with NODE_EXTRA_CA_CERTS pointing at that certificate, so the capture records the chain as
// trusted, like a real certificate: the grade is then A+ with every Observatory test passing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { startAppServer, startRedirectServer } from '../../web/serve/static-server.mjs';
import { ROOT, tempDir } from './harness.mjs';

const CLI = path.join(ROOT, 'web/cli/portal-check.mjs');
function reason() {
  if (!fs.existsSync(path.join(ROOT, 'build/wasm/portal_check.wasm'))) return 'build/wasm is missing (run scripts/build)';
  if (!fs.existsSync(path.join(ROOT, 'web/app/index.html'))) return 'web/app/index.html is missing';
  try { execFileSync('openssl', ['version'], { stdio: 'ignore' }); } catch { return 'openssl is missing'; }
  return false;
}
const SKIP = reason();

let dir;
before(() => { dir = tempDir('pc-own-audit-'); });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function scan(url, env = {}) {
  const out = path.join(dir, `report-${Date.now()}.json`);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'scan', url, '--pages', '3', '--format', 'json', '--out', out, '--fail-on', 'none'],
      { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
        assert.equal(error, null, `scan failed: ${stderr}`);
        resolve(JSON.parse(fs.readFileSync(out, 'utf8')));
      });
  });
}

const observatory = (report) => report.checks.filter((c) => c.observatory && c.page === report.grade?.page);

// Serves the app over https behind an http→https redirect and scans `page` (a path under /app/):
// its header grade must be A+ (score ≥ 100) with no Observatory penalty.
async function assertTopGrade(page) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!fs.existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '2'], { stdio: 'ignore' });
  }
  const app = await startAppServer({ port: 0, tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } });
  const front = await startRedirectServer({ port: 0, to: app.origin });
  try {
    const report = await scan(`${front.url}app/${page}`, { NODE_EXTRA_CA_CERTS: cert });
    assert.equal(report.grade.page, `${app.origin}/app/${page}`);
    assert.equal(report.grade.grade, 'A+', JSON.stringify(report.grade));
    assert.ok(report.grade.score >= 100, `score ${report.grade.score}`);
    const penalties = report.grade.counted.filter((c) => Number(c.split(':').pop()) < 0);
    assert.deepEqual(penalties, []);
    const byTest = Object.fromEntries(report.checks.filter((c) => c.observatory).map((c) => [c.observatory.test, c.observatory.result]));
    assert.equal(byTest['content-security-policy'], 'csp-implemented-with-no-unsafe-default-src-none');
    assert.equal(byTest['strict-transport-security'], 'hsts-implemented-max-age-at-least-six-months');
    assert.equal(byTest.redirection, 'redirection-to-https');
    assert.equal(byTest['referrer-policy'], 'referrer-policy-private');
    assert.equal(byTest['x-content-type-options'], 'x-content-type-options-nosniff');
  } finally {
    await front.close();
    await app.close();
  }
}

test('over https behind an http→https redirect: header grade A+ (score ≥ 100), no Observatory penalty', { skip: SKIP, timeout: 30000 }, async () => {
  await assertTopGrade('');
});

test('the portfolio page (portfolio.html) has the same top grade under the same CSP', { skip: SKIP || (fs.existsSync(path.join(ROOT, 'web/app/portfolio.html')) ? false : 'web/app/portfolio.html is missing'), timeout: 30000 }, async () => {
  await assertTopGrade('portfolio.html');
});

test('over plain http (scripts/serve): every header under the app\'s control passes', { skip: SKIP, timeout: 30000 }, async () => {
  const app = await startAppServer({ port: 0 });
  try {
    const report = await scan(app.url);
    const results = Object.fromEntries(observatory(report).map((c) => [c.observatory.test, c.observatory]));
    for (const t of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-resource-policy']) {
      assert.ok(results[t], `${t} graded`);
      assert.ok(results[t].modifier >= 0, `${t}: ${results[t].result}`);
    }
    assert.equal(results['content-security-policy'].result, 'csp-implemented-with-no-unsafe-default-src-none');
  } finally {
    await app.close();
  }
});
