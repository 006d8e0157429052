// page.vulnerable-library over REAL library files: every file below comes from the npm registry
// (devDependencies installed under npm aliases such as "jquery-1.12.4": "npm:jquery@1.12.4"; no
// copy is committed). Each file is audited through the wasm engine twice: served as a script
// response that a page references by a neutral URL (/assets/app-N.js), and inlined in the page.
// The detected library, version and verdict (vulnerable or not) must match for every file.
//
// Inline scripts are read as the page model keeps them (the first 64 KiB, see page_model.h), and an
// inlined body ends at its first "</script"; where the version marker lies beyond that, the inline
// case expects the library with no version or nothing (`inline` below says which).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.PC_WASM_DIR || path.join(root, 'build/wasm');
const nm = path.join(root, 'node_modules');

// [alias, library id, version, vulnerable, files]. version null: the file carries no version text.
const V = true, F = false;
const TABLE = [
  ['jquery-1.12.4', 'jquery', '1.12.4', V, ['dist/jquery.js', 'dist/jquery.min.js']],
  ['jquery-2.2.4', 'jquery', '2.2.4', V, ['dist/jquery.js', 'dist/jquery.min.js']],
  ['jquery-3.4.1', 'jquery', '3.4.1', V, ['dist/jquery.js', 'dist/jquery.min.js']],
  ['jquery-3.7.1', 'jquery', '3.7.1', F, ['dist/jquery.js', 'dist/jquery.min.js']],
  ['jquery-ui-1.12.1', 'jquery-ui', '1.12.1', V, ['ui/version.js']],
  ['jquery-ui-1.13.1', 'jquery-ui', '1.13.1', V, ['ui/version.js']],
  ['jquery-ui-1.14.1', 'jquery-ui', '1.14.1', F, ['ui/version.js']],
  ['jquery-migrate-1.4.1', 'jquery-migrate', '1.4.1', F, ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js']],
  ['jquery-migrate-3.4.1', 'jquery-migrate', '3.4.1', F, ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js']],
  ['bootstrap-3.3.7', 'bootstrap', '3.3.7', V, ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js']],
  ['bootstrap-4.1.3', 'bootstrap', '4.1.3', V, ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js', 'dist/js/bootstrap.bundle.min.js']],
  ['bootstrap-5.3.3', 'bootstrap', '5.3.3', F, ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js', 'dist/js/bootstrap.bundle.min.js']],
  ['angular-1.5.8', 'angularjs', '1.5.8', V, ['angular.js', 'angular.min.js']],
  ['angular-1.8.3', 'angularjs', '1.8.3', V, ['angular.js', 'angular.min.js']],
  ['lodash-4.17.4', 'lodash', '4.17.4', V, ['lodash.js', 'lodash.min.js']],
  ['lodash-4.17.21', 'lodash', '4.17.21', V, ['lodash.js', 'lodash.min.js']],
  ['lodash-4.18.1', 'lodash', '4.18.1', F, ['lodash.js', 'lodash.min.js']],
  ['underscore-1.12.0', 'underscore', '1.12.0', V, ['underscore.js', 'underscore-min.js']],
  ['underscore-1.13.8', 'underscore', '1.13.8', F, ['underscore.js', 'underscore-min.js', 'underscore-umd-min.js']],
  ['moment-2.18.1', 'moment', '2.18.1', V, ['moment.js', 'min/moment.min.js']],
  ['moment-2.29.4', 'moment', '2.29.4', F, ['moment.js', 'min/moment.min.js']],
  ['handlebars-4.0.11', 'handlebars', '4.0.11', V, ['dist/handlebars.js', 'dist/handlebars.min.js']],
  ['handlebars-4.7.8', 'handlebars', '4.7.8', F, ['dist/handlebars.js', 'dist/handlebars.min.js']],
  ['mustache-2.2.0', 'mustache', '2.2.0', F, ['mustache.js', 'mustache.min.js']],
  ['mustache-4.2.0', 'mustache', '4.2.0', F, ['mustache.js', 'mustache.min.js']],
  ['dompurify-2.0.12', 'dompurify', '2.0.12', V, ['dist/purify.js', 'dist/purify.min.js']],
  ['dompurify-3.5.0', 'dompurify', '3.5.0', F, ['dist/purify.js', 'dist/purify.min.js']],
  ['ckeditor4-4.15.0', 'ckeditor4', '4.15.0', V, ['ckeditor.js']],
  ['ckeditor4-4.25.2', 'ckeditor4', '4.25.2-lts', F, ['ckeditor.js']],
  ['tinymce-4.9.11', 'tinymce', '4.9.11', V, ['tinymce.min.js']],
  ['tinymce-5.10.9', 'tinymce', '5.10.9', V, ['tinymce.min.js']],
  ['tinymce-8.2.0', 'tinymce', '8.2.0', F, ['tinymce.js', 'tinymce.min.js']],
  ['datatables.net-1.10.15', 'datatables', '1.10.15', V, ['js/jquery.dataTables.js']],
  ['datatables.net-1.13.11', 'datatables', '1.13.11', F, ['js/jquery.dataTables.js', 'js/jquery.dataTables.min.js']],
  ['select2-4.0.5', 'select2', '4.0.5', V, ['dist/js/select2.js', 'dist/js/select2.min.js']],
  ['select2-4.0.13', 'select2', '4.0.13', F, ['dist/js/select2.js', 'dist/js/select2.min.js']],
  ['knockout-3.4.2', 'knockout', '3.4.2', V, ['build/output/knockout-latest.js', 'build/output/knockout-latest.debug.js']],
  ['knockout-3.5.1', 'knockout', '3.5.1', F, ['build/output/knockout-latest.js', 'build/output/knockout-latest.debug.js']],
  ['vue-2.6.14', 'vue', '2.6.14', V, ['dist/vue.js', 'dist/vue.min.js']],
  ['vue-3.4.38', 'vue', '3.4.38', F, ['dist/vue.global.js', 'dist/vue.global.prod.js']],
  ['swiper-6.4.0', 'swiper', '6.4.0', V, ['swiper-bundle.js', 'swiper-bundle.min.js']],
  ['swiper-11.1.15', 'swiper', '11.1.15', F, ['swiper-bundle.js', 'swiper-bundle.min.js']],
  ['chart.js-2.9.3', 'chart.js', '2.9.3', V, ['dist/Chart.js', 'dist/Chart.min.js']],
  ['chart.js-2.9.4', 'chart.js', '2.9.4', F, ['dist/Chart.js', 'dist/Chart.min.js']],
  ['axios-0.21.1', 'axios', '0.21.1', V, ['dist/axios.js', 'dist/axios.min.js']],
  ['axios-1.21.1', 'axios', '1.21.1', F, ['dist/axios.js', 'dist/axios.min.js']],
  ['pdfjs-dist-2.16.105', 'pdf.js', '2.16.105', V, ['build/pdf.js', 'build/pdf.min.js']],
  ['jquery-validation-1.19.3', 'jquery-validation', '1.19.3', V, ['dist/jquery.validate.js', 'dist/jquery.validate.min.js']],
  ['jquery-validation-1.21.0', 'jquery-validation', '1.21.0', F, ['dist/jquery.validate.js', 'dist/jquery.validate.min.js']],
  ['backbone-0.3.3', 'backbone', '0.3.3', F, ['backbone.js', 'backbone-min.js']],
  ['backbone-1.6.1', 'backbone', '1.6.1', F, ['backbone.js', 'backbone-min.js']],
  ['plupload-2.3.6', 'plupload', '2.3.6', V, ['js/plupload.full.min.js']],
  ['plupload-2.3.9', 'plupload', '2.3.9', F, ['js/plupload.full.min.js']],
  ['jplayer-2.8.4', 'jplayer', '2.8.4', F, ['dist/jplayer/jquery.jplayer.js', 'dist/jplayer/jquery.jplayer.min.js']],
  ['jplayer-2.9.2', 'jplayer', '2.9.2', F, ['dist/jplayer/jquery.jplayer.js', 'dist/jplayer/jquery.jplayer.min.js']],
  ['fancybox-3.5.7', 'fancybox', '3.5.7', F, ['dist/jquery.fancybox.js', 'dist/jquery.fancybox.min.js']],
];

const HOME = 'https://sotttt.example.gov.vn/';

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

function libraryResult(report) {
  const results = report.checks || [];
  return results.find((r) => r.id === 'page.vulnerable-library');
}

// The inline text the page model would keep: the body up to "</script" and at most 64 KiB.
function inlineVisible(body) {
  const end = body.toLowerCase().indexOf('</script');
  return Buffer.from(end >= 0 ? body.slice(0, end) : body, 'utf8').subarray(0, 64 * 1024).toString('latin1');
}

test('every installed library file is recognised with its version and verdict', async (t) => {
  const engine = await loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
  let n = 0, files = 0, inlineChecked = 0;
  const failures = [];
  const check = (ok, message) => { if (!ok) failures.push(message); return ok; };
  for (const [alias, lib, version, vulnerable, paths] of TABLE) {
    for (const rel of paths) {
      const body = fs.readFileSync(path.join(nm, alias, rel), 'utf8');
      files++;
      const label = `${alias}/${rel}`;
      // Served as a script response, referenced by a neutral URL.
      const src = `/assets/app-${++n}.js`;
      const served = await auditHar(engine, harOf([pageEntry(HOME, doc(`<script src="${src}"></script>`)), scriptEntry(HOME + src.slice(1), body)]));
      const r = libraryResult(served.report);
      if (!check(r, `${label}: no page.vulnerable-library result`)) continue;
      const found = (r.details.libraries || []).find((l) => l.library === lib);
      if (check(found, `${label}: ${lib} not recognised (got ${JSON.stringify((r.details.libraries || []).map((l) => [l.library, l.version]))})`)) {
        check(found.version === version, `${label}: version ${found.version}, expected ${version}`);
        check(found.source === 'banner', `${label}: source ${found.source}`);
        check(found.advisories.length > 0 === vulnerable, `${label}: verdict (${found.advisories.map((a) => a.id)})`);
        if (vulnerable) check(r.outcome === 'vulnerable', `${label}: outcome ${r.outcome}`);
      }
      // Inlined in the page.
      const inl = await auditHar(engine, harOf([pageEntry(HOME, doc(`<script>${body}</script>`))]));
      const fi = (libraryResult(inl.report).details.libraries || []).find((l) => l.library === lib);
      if (version && inlineVisible(body).includes(version)) {
        // The version text is inside what the page model keeps: the inline detection must see it.
        if (check(fi && fi.version === version, `${label}: inline copy not recognised as ${lib} ${version} (got ${JSON.stringify(fi && [fi.library, fi.version])})`)) {
          check(fi.source === 'inline', `${label}: inline source ${fi.source}`);
          check(fi.advisories.length > 0 === vulnerable, `${label}: inline verdict`);
          inlineChecked++;
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  t.diagnostic(`${TABLE.length} packages, ${files} files served and inlined, ${inlineChecked} inline copies with a visible version checked`);
  assert.ok(files >= 100, `expected at least 100 files, audited ${files}`);
  assert.ok(inlineChecked >= 60, `expected most inline copies to be checked, checked ${inlineChecked}`);
});
