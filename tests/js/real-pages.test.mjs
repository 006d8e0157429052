// Page verdicts on REAL web pages that nobody on this project wrote: ../shared/data/real-pages
// (Vietnamese government portals and news pages, CMS fixtures of a fingerprinting tool, pages
// with injected gambling spam; never copied into this repository). Its sources.tsv records, per
// page, where it comes from, the URL it was served at, its charset and what a reader of the page
// knows about it: the CMS and version line, and whether spam is present. Those facts were written
// from the pages and their public sources, not from this engine; this test asserts them.
//
// Each page is wrapped into a one-entry HAR (the page at its original URL, Content-Type with its
// charset) and audited through the wasm engine. Asserted per page:
//  - page.cms: the recorded CMS with the recorded version line ("6.2" is met by 6.2.x), or no
//    product when the column says none ("?" = not known: not asserted); an end-of-life version
//    (below the table's oldest_supported, rules/data/cms.json) is reported outdated;
//  - page.spam-injection: clean for "clean", injected for "injected-visible"/"injected-hidden";
//  - on clean pages, none of the false-positive classes of the page checks: no internal host or
//    address read out of script string concatenations (page.private-ip, page.comments), no
//    obfuscation signal for plain loaders (page.obfuscated-script), no empty script-submitted
//    POST form judged for a CSRF token (form.csrf-token), no honeypot or look-up form counted as
//    personal-data collection (form.personal-data-consent).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PORTAL_CHECK_REAL_PAGES_DIR points at another copy of the pages (the default is beside the clone).
const CORPUS = path.resolve(process.env.PORTAL_CHECK_REAL_PAGES_DIR || path.join(ROOT, '..', 'shared', 'data', 'real-pages'));
const WASM_DIR = process.env.PC_WASM_DIR || path.join(ROOT, 'build', 'wasm');
const CMS_TABLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'data', 'cms.json'), 'utf8')).products;

const HAVE_CORPUS = fs.existsSync(path.join(CORPUS, 'sources.tsv'));
const HAVE_WASM = fs.existsSync(path.join(WASM_DIR, 'portal_check.mjs')) && fs.existsSync(path.join(WASM_DIR, 'portal_check.wasm'));
const SKIP = !HAVE_CORPUS
  ? `the real pages are not at ${CORPUS} (they sit beside the clone as ../shared/data/real-pages; CI has them)`
  : !HAVE_WASM ? `no wasm engine in ${WASM_DIR} (run scripts/build)` : false;
if (SKIP) process.stderr.write(`real-pages: skipped: ${SKIP}\n`);

// sources.tsv: a header line naming the columns, then one page per line.
function readSources() {
  const [head, ...lines] = fs.readFileSync(path.join(CORPUS, 'sources.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const cols = head.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [cols[i], v])));
}
const PAGES = HAVE_CORPUS ? readSources() : [];

function harOf(row) {
  const bytes = fs.readFileSync(path.join(CORPUS, `${row.id}.html`));
  const charset = (row.charset || 'utf-8').toLowerCase();
  const utf8 = charset === 'utf-8' || charset === 'utf8';
  const content = utf8
    ? { mimeType: `text/html; charset=${charset}`, text: bytes.toString('utf8') }
    : { mimeType: `text/html; charset=${charset}`, text: bytes.toString('base64'), encoding: 'base64' };
  const entry = {
    request: { method: 'GET', url: row.url, headers: [] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: `text/html; charset=${charset}` }], content },
  };
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'real-pages-test', version: '1' }, entries: [entry] } });
}

// Dotted versions compared numerically ("6.2.1" < "7.4"; a missing part is 0).
function compareVersions(a, b) {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0), pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}
const inLine = (version, line) => version === line || version.startsWith(`${line}.`);

// The source text of the n-th <form> of a page (0-based, up to its </form>), or null when the
// source has fewer forms than the engine saw (forms written by scripts, nested markup).
function formSource(html, n) {
  const parts = html.split(/<form\b/i);
  if (n + 1 >= parts.length) return null;
  const body = parts[n + 1];
  const end = body.search(/<\/form>/i);
  return end >= 0 ? body.slice(0, end) : body;
}
// The start tag of the control named `name`, or null when the source has none.
function controlTag(html, name) {
  const at = html.indexOf(`name="${name}"`);
  if (at < 0) return null;
  const open = html.lastIndexOf('<', at);
  return html.slice(open, html.indexOf('>', at) + 1);
}

let engine = null;
const reports = new Map();
async function reportOf(row) {
  if (!reports.has(row.id)) {
    engine ??= await loadEngine({
      moduleUrl: pathToFileURL(path.join(WASM_DIR, 'portal_check.mjs')),
      wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'portal_check.wasm')),
    });
    reports.set(row.id, (await auditHar(engine, harOf(row))).report);
  }
  return reports.get(row.id);
}
const resultOf = (report, id) => {
  const r = report.checks.find((c) => c.id === id);
  assert.ok(r, `no ${id} result`);
  return r;
};

test('sources.tsv lists pages that are all there, with the columns this test reads', { skip: HAVE_CORPUS ? false : SKIP }, () => {
  assert.ok(PAGES.length >= 10, `only ${PAGES.length} pages`);
  for (const row of PAGES) {
    for (const col of ['id', 'url', 'charset', 'cms', 'cms_version', 'spam']) assert.ok(row[col], `${row.id}: no ${col}`);
    assert.ok(fs.existsSync(path.join(CORPUS, `${row.id}.html`)), `${row.id}.html missing`);
  }
  // Every truth this test asserts occurs: a CMS with a version, a page without CMS, clean and spam pages.
  assert.ok(PAGES.some((r) => r.cms !== 'none' && r.cms !== '?' && r.cms_version !== '-'));
  assert.ok(PAGES.some((r) => r.cms === 'none'));
  assert.ok(PAGES.some((r) => r.spam === 'clean') && PAGES.some((r) => r.spam.startsWith('injected')));
});

for (const row of PAGES) {
  describe(row.id, { skip: SKIP }, () => {
    let report;
    before(async () => { report = await reportOf(row); });

    if (row.cms !== '?') {
      test(`page.cms: ${row.cms === 'none' ? 'no product of the table' : `${row.cms} ${row.cms_version}`}`, () => {
        const r = resultOf(report, 'page.cms');
        const products = r.details.products || [];
        if (row.cms === 'none') {
          assert.deepEqual(products.map((p) => p.product), []);
          assert.equal(r.outcome, 'none');
          return;
        }
        const found = products.find((p) => p.product === row.cms);
        assert.ok(found, `${row.cms} not recognised (got ${JSON.stringify(products.map((p) => [p.product, p.version]))})`);
        if (row.cms_version === '-') return;
        assert.ok(found.version && inLine(found.version, row.cms_version), `version ${found.version}, expected the ${row.cms_version} line`);
        const oldest = CMS_TABLE.find((p) => p.name === row.cms).oldest_supported;
        const eol = compareVersions(row.cms_version, oldest) < 0;
        assert.equal(found.supported, !eol);
        if (eol) assert.equal(r.outcome, 'outdated');
      });
    }

    test(`page.spam-injection: ${row.spam}`, () => {
      const r = resultOf(report, 'page.spam-injection');
      assert.equal(r.outcome, row.spam === 'clean' ? 'clean' : 'injected', JSON.stringify(r.details.links));
    });

    if (row.spam === 'clean') {
      test('no false positive of the page checks', () => {
        const ip = resultOf(report, 'page.private-ip');
        assert.equal(ip.outcome, 'none', JSON.stringify(ip.details.addresses));
        const obf = resultOf(report, 'page.obfuscated-script');
        assert.equal(obf.outcome, 'none', JSON.stringify(obf.details.scripts));
        const comments = resultOf(report, 'page.comments');
        for (const s of comments.details?.sensitive || []) assert.ok(!s.kinds.includes('internal-address'), JSON.stringify(s));
        // Read from the page's source here, independently of the engine: each judged POST form has
        // a control, each counted personal field is a control a visitor fills.
        const html = fs.readFileSync(path.join(CORPUS, `${row.id}.html`), 'utf8');
        const csrf = resultOf(report, 'form.csrf-token');
        for (const f of csrf.details?.post_forms || []) {
          const source = formSource(html, f.form);
          assert.ok(source === null || /<(input|select|textarea|button)\b/i.test(source), `empty form ${f.form} judged: ${source}`);
        }
        const consent = resultOf(report, 'form.personal-data-consent');
        for (const f of consent.details?.forms || [])
          for (const name of f.personal_fields) {
            const tag = controlTag(html, name);
            assert.ok(tag === null || !/\btype\s*=\s*["']?hidden/i.test(tag), `hidden field ${name} counted as personal data`);
            assert.ok(!/honeypot/i.test(name), `honeypot ${name} counted as personal data`);
          }
      });
    }
  });
}
