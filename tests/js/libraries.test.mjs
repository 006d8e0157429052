// page.vulnerable-library over REAL library files: every file comes from the npm registry
// (tests/library-files/package.json installs them under npm aliases such as
// "jquery-3.4.1": "npm:jquery@3.4.1"; no copy is committed; see tests/js/library-files.mjs). Each
// file is audited through the wasm engine three ways: served as a script response that a page
// references by a neutral URL (/assets/app-N.js), inlined in the page, and referenced only by its
// jsDelivr URL (no body captured). The detected library and version must be the file's own, the
// verdict (vulnerable or not, and which advisories) must be what the advisory data implies for
// that version (computed here from rules/data, never typed), and no other library may be
// reported unless the file really bundles it.
//
// Inline scripts are read as the page model keeps them (the first 64 KiB), and an inlined body
// ends at its first "</script"; where the version marker lies beyond that, the inline case is not
// asserted (counted separately).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';
import { TABLE, root, libraryFilesDir, expectedAdvisories, advisoryKeys, advisoryDataDate } from './library-files.mjs';
import { COMPONENT_IDS, satisfies, normalizeVersion } from '../../scripts/generate-js-advisories.mjs';

const wasmDir = process.env.PC_WASM_DIR || path.join(root, 'build/wasm');
const retireFile = path.join(process.env.PC_RETIREJS_DIR || path.resolve(root, '../shared/data/retirejs'), 'jsrepository-v5.json');
const HOME = 'https://sotttt.example.gov.vn/';
// Libraries a file really carries inside it (TinyMCE bundles DOMPurify, Chart.bundle Moment).
const BUNDLES = { tinymce: ['dompurify'], 'chart.js': ['moment'] };

function pageEntry(url, html) {
  return { request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
      content: { mimeType: 'text/html', text: html } } };
}
function scriptEntry(url, body) {
  return { request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/javascript' }],
      content: { mimeType: 'application/javascript', text: body } }, _resourceType: 'script' };
}
const harOf = (entries) => JSON.stringify({ log: { version: '1.2', creator: { name: 'libraries-test', version: '1' }, entries } });
const doc = (head) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title>${head}</head><body><h1>Tin tức</h1></body></html>`;
const libraryResult = (report) => (report.checks || []).find((r) => r.id === 'page.vulnerable-library');

// The inline text the page model would keep: the body up to "</script" and at most 64 KiB.
function inlineVisible(body) {
  const end = body.toLowerCase().indexOf('</script');
  return Buffer.from(end >= 0 ? body.slice(0, end) : body, 'utf8').subarray(0, 64 * 1024).toString('latin1');
}

let enginePromise;
const engine = () => (enginePromise ||= loadEngine({
  moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
  wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
}));

// Every audited file with the engine's finding for its library: [{ label, lib, version, found, served result }].
const verdicts = [];

test('every installed library file is recognised with its version and the verdict its advisories imply', async (t) => {
  const e = await engine();
  let n = 0, files = 0, inlineChecked = 0, cdnChecked = 0, vulnerableFiles = 0;
  const failures = [];
  const check = (ok, message) => { if (!ok) failures.push(message); return ok; };
  const sameAdvisories = (found, lib, version, label) => {
    const want = expectedAdvisories(lib, version).sort();
    const got = found.advisories.map((a) => a.id).sort();
    check(JSON.stringify(got) === JSON.stringify(want), `${label}: advisories ${JSON.stringify(got)}, the data implies ${JSON.stringify(want)}`);
    return want.length > 0;
  };
  for (const [alias, lib, version, paths, pkg] of TABLE) {
    for (const rel of paths) {
      const file = path.join(libraryFilesDir, alias, rel);
      if (!check(fs.existsSync(file), `${alias}/${rel}: not installed (run scripts/setup)`)) continue;
      const body = fs.readFileSync(file, 'utf8');
      files++;
      const label = `${alias}/${rel}`;
      // Served as a script response, referenced by a neutral URL.
      const src = `/assets/app-${++n}.js`;
      const served = await auditHar(e, harOf([pageEntry(HOME, doc(`<script src="${src}"></script>`)), scriptEntry(HOME + src.slice(1), body)]));
      const r = libraryResult(served.report);
      if (!check(r, `${label}: no page.vulnerable-library result`)) continue;
      const libs = r.details.libraries || [];
      const others = libs.filter((l) => l.library !== lib && !(BUNDLES[lib] || []).includes(l.library));
      check(others.length === 0, `${label}: also reports ${JSON.stringify(others.map((l) => [l.library, l.version]))}`);
      check(r.details.advisory_data && r.details.advisory_data.date === advisoryDataDate, `${label}: advisory data date ${JSON.stringify(r.details.advisory_data)}`);
      const found = libs.find((l) => l.library === lib);
      if (check(found, `${label}: ${lib} not recognised (got ${JSON.stringify(libs.map((l) => [l.library, l.version]))})`)) {
        check(found.version === version, `${label}: version ${found.version}, expected ${version}`);
        check(found.source === 'banner' && found.detection === 'file content', `${label}: source ${found.source}/${found.detection}`);
        const vulnerable = sameAdvisories(found, lib, version, label);
        for (const a of found.advisories) check(a.fixed && Array.isArray(a.urls) && a.ids[0] === a.id, `${label}: advisory ${a.id} lacks fixed/urls/ids`);
        if (vulnerable) {
          vulnerableFiles++;
          check(r.outcome === 'vulnerable', `${label}: outcome ${r.outcome}`);
        } else {
          check(r.outcome === 'none' || libs.some((l) => l !== found && l.advisories.length > 0), `${label}: outcome ${r.outcome}`);
        }
        verdicts.push({ label, lib, version, vulnerable: found.advisories.length > 0 });
      }
      // Inlined in the page.
      const inl = await auditHar(e, harOf([pageEntry(HOME, doc(`<script>${body}</script>`))]));
      const fi = (libraryResult(inl.report).details.libraries || []).find((l) => l.library === lib);
      if (inlineVisible(body).includes(version)) {
        // The version text is inside what the page model keeps: the inline detection must see it.
        if (check(fi && fi.version === version, `${label}: inline copy not recognised as ${lib} ${version} (got ${JSON.stringify(fi && [fi.library, fi.version])})`)) {
          check(fi.source === 'inline' && fi.detection === 'inline', `${label}: inline source ${fi.source}`);
          sameAdvisories(fi, lib, version, `${label} (inline)`);
          inlineChecked++;
        }
      }
    }
    // Referenced only by its CDN URL.
    if (pkg) {
      const url = `https://cdn.jsdelivr.net/npm/${pkg}@${version}/${paths[0]}`;
      const cdn = await auditHar(e, harOf([pageEntry(HOME, doc(`<script src="${url}"></script>`))]));
      const fc = (libraryResult(cdn.report).details.libraries || []).find((l) => l.library === lib);
      if (check(fc && fc.version === version, `${url}: not recognised as ${lib} ${version} (got ${JSON.stringify(fc && [fc.library, fc.version])})`)) {
        check(fc.source === 'url' && fc.detection === 'URL' && fc.url === url, `${url}: source ${fc.source}`);
        sameAdvisories(fc, lib, version, url);
        cdnChecked++;
      }
    }
  }
  assert.deepEqual(failures, []);
  t.diagnostic(`${TABLE.length} packages, ${files} files served and inlined (${vulnerableFiles} vulnerable), ${inlineChecked} inline copies with a visible version, ${cdnChecked} CDN URLs`);
  assert.ok(files >= 200, `expected at least 200 files, audited ${files}`);
  assert.ok(inlineChecked >= 120, `expected most inline copies to be checked, checked ${inlineChecked}`);
  assert.ok(cdnChecked >= TABLE.length - 2, `CDN URLs checked: ${cdnChecked}`);
});

test('Bootstrap 4 files name the jQuery they require but are never reported as jQuery', async () => {
  const e = await engine();
  const phantom = [];
  let mentioning = 0;
  for (const [alias, , , paths] of TABLE.filter((row) => row[1] === 'bootstrap' && row[2].startsWith('4.'))) {
    for (const rel of paths) {
      const body = fs.readFileSync(path.join(libraryFilesDir, alias, rel), 'utf8');
      if (!body.includes('requires at least jQuery v1.9.1')) continue;
      mentioning++;
      const inline = libraryResult((await auditHar(e, harOf([pageEntry(HOME, doc(`<script>${body}</script>`))]))).report);
      const served = libraryResult((await auditHar(e, harOf([pageEntry(HOME, doc('<script src="/b.js"></script>')), scriptEntry(`${HOME}b.js`, body)]))).report);
      for (const r of [inline, served])
        if ((r.details.libraries || []).some((l) => l.library === 'jquery')) phantom.push(`${alias}/${rel}`);
    }
  }
  assert.ok(mentioning >= 8, `Bootstrap 4 files with the jQuery requirement text: ${mentioning}`);
  assert.deepEqual(phantom, []);
});

test('each real file\'s verdict agrees with what retire.js\'s repository (and the supplement) implies', (t) => {
  if (!fs.existsSync(retireFile)) {
    t.skip(`no retire.js repository copy at ${retireFile} (set PC_RETIREJS_DIR)`);
    return;
  }
  assert.ok(verdicts.length > 0, 'the file audit ran first');
  const repo = JSON.parse(fs.readFileSync(retireFile, 'utf8'));
  const components = (lib) => Object.keys(COMPONENT_IDS).filter((c) => advisoryKeys(lib).includes(COMPONENT_IDS[c]));
  const supplement = JSON.parse(fs.readFileSync(path.join(root, 'rules/data/js-advisories-supplement.json'), 'utf8')).libraries;
  const disagreements = [];
  for (const { label, lib, version, vulnerable } of verdicts) {
    const v = normalizeVersion(version) || version;
    const byRetire = components(lib).some((c) => (repo[c].vulnerabilities || []).some((x) => {
      const low = x.atOrAbove ? normalizeVersion(x.atOrAbove) : null;
      const excluded = (x.excludes || []).some((ex) => normalizeVersion(ex) === v);
      return !excluded && satisfies(v, `${low ? `>=${low} ` : ''}<${normalizeVersion(x.below)}`);
    }));
    const bySupplement = advisoryKeys(lib).some((k) => (supplement[k] || []).some((a) => satisfies(v, a.range)));
    if (vulnerable !== (byRetire || bySupplement)) disagreements.push(`${label}: engine ${vulnerable}, retire.js ${byRetire}, supplement ${bySupplement}`);
  }
  assert.deepEqual(disagreements, []);
  t.diagnostic(`${verdicts.length} file verdicts agree with retire.js's repository plus the supplement`);
});
