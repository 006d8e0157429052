// The real library files of tests/js/libraries.test.mjs (npm registry packages installed under
// npm aliases by tests/library-files/package.json; no copy is committed) and the verdicts the
// advisory data implies for them. Expected verdicts are never typed: `expectedAdvisories` reads
// rules/data/js-advisories.json and js-advisories-supplement.json as the engine does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { satisfies } from '../../scripts/generate-js-advisories.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const libraryFilesDir = path.join(root, 'tests/library-files/node_modules');

// [alias, library id, version, files, npm package or null]. The version is the one the files
// carry (datatables.net 1.11.2 and plupload 2.3.7 ship files that still say 1.11.1 and 2.3.6; the
// only easyxdm release on npm, 2.4.19-pre.2, ships files that say 2.4.19). Where a package is given, the file is
// also referenced by its jsDelivr URL (https://cdn.jsdelivr.net/npm/PACKAGE@VERSION/FILE) with no
// body captured. For each library the pair of versions around its most recent advisory (last
// affected, first fixed) is included where npm has both.
export const TABLE = [
  ['jquery-1.12.4', 'jquery', '1.12.4', ['dist/jquery.js', 'dist/jquery.min.js'], 'jquery'],
  ['jquery-2.2.4', 'jquery', '2.2.4', ['dist/jquery.js', 'dist/jquery.min.js'], 'jquery'],
  ['jquery-3.4.1', 'jquery', '3.4.1', ['dist/jquery.js', 'dist/jquery.min.js'], 'jquery'],
  ['jquery-3.5.0', 'jquery', '3.5.0', ['dist/jquery.js', 'dist/jquery.min.js'], 'jquery'],
  ['jquery-3.7.1', 'jquery', '3.7.1', ['dist/jquery.js', 'dist/jquery.min.js'], 'jquery'],
  ['jquery-ui-1.12.1', 'jquery-ui', '1.12.1', ['ui/version.js'], 'jquery-ui'],
  ['jquery-ui-1.13.1', 'jquery-ui', '1.13.1', ['ui/version.js'], 'jquery-ui'],
  ['jquery-ui-1.13.2', 'jquery-ui', '1.13.2', ['ui/version.js', 'dist/jquery-ui.js', 'dist/jquery-ui.min.js'], 'jquery-ui'],
  ['jquery-ui-1.14.1', 'jquery-ui', '1.14.1', ['ui/version.js'], 'jquery-ui'],
  ['jquery-migrate-1.2.1', 'jquery-migrate', '1.2.1', ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js'], 'jquery-migrate'],
  ['jquery-migrate-1.3.0', 'jquery-migrate', '1.3.0', ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js'], 'jquery-migrate'],
  ['jquery-migrate-1.4.1', 'jquery-migrate', '1.4.1', ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js'], 'jquery-migrate'],
  ['jquery-migrate-3.4.1', 'jquery-migrate', '3.4.1', ['dist/jquery-migrate.js', 'dist/jquery-migrate.min.js'], 'jquery-migrate'],
  ['bootstrap-3.3.7', 'bootstrap', '3.3.7', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js'], 'bootstrap'],
  ['bootstrap-4.1.3', 'bootstrap', '4.1.3', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js', 'dist/js/bootstrap.bundle.min.js'], 'bootstrap'],
  ['bootstrap-4.3.0', 'bootstrap', '4.3.0', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js'], 'bootstrap'],
  ['bootstrap-4.3.1', 'bootstrap', '4.3.1', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js'], 'bootstrap'],
  ['bootstrap-4.6.2', 'bootstrap', '4.6.2', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js', 'dist/js/bootstrap.bundle.js', 'dist/js/bootstrap.bundle.min.js'], 'bootstrap'],
  ['bootstrap-5.3.3', 'bootstrap', '5.3.3', ['dist/js/bootstrap.js', 'dist/js/bootstrap.min.js', 'dist/js/bootstrap.bundle.min.js'], 'bootstrap'],
  ['angular-1.5.8', 'angularjs', '1.5.8', ['angular.js', 'angular.min.js'], 'angular'],
  ['angular-1.8.3', 'angularjs', '1.8.3', ['angular.js', 'angular.min.js'], 'angular'],
  ['lodash-4.17.4', 'lodash', '4.17.4', ['lodash.js', 'lodash.min.js'], 'lodash'],
  ['lodash-4.17.21', 'lodash', '4.17.21', ['lodash.js', 'lodash.min.js'], 'lodash'],
  ['lodash-4.17.23', 'lodash', '4.17.23', ['lodash.js', 'lodash.min.js'], 'lodash'],
  ['lodash-4.18.0', 'lodash', '4.18.0', ['lodash.js', 'lodash.min.js'], 'lodash'],
  ['lodash-4.18.1', 'lodash', '4.18.1', ['lodash.js', 'lodash.min.js'], 'lodash'],
  ['underscore-1.12.0', 'underscore', '1.12.0', ['underscore.js', 'underscore-min.js'], 'underscore'],
  ['underscore-1.13.7', 'underscore', '1.13.7', ['underscore.js', 'underscore-min.js', 'underscore-umd-min.js'], 'underscore'],
  ['underscore-1.13.8', 'underscore', '1.13.8', ['underscore.js', 'underscore-min.js', 'underscore-umd-min.js'], 'underscore'],
  ['moment-2.18.1', 'moment', '2.18.1', ['moment.js', 'min/moment.min.js'], 'moment'],
  ['moment-2.29.3', 'moment', '2.29.3', ['moment.js', 'min/moment.min.js'], 'moment'],
  ['moment-2.29.4', 'moment', '2.29.4', ['moment.js', 'min/moment.min.js'], 'moment'],
  ['handlebars-4.0.11', 'handlebars', '4.0.11', ['dist/handlebars.js', 'dist/handlebars.min.js'], 'handlebars'],
  ['handlebars-4.7.8', 'handlebars', '4.7.8', ['dist/handlebars.js', 'dist/handlebars.min.js'], 'handlebars'],
  ['handlebars-4.7.9', 'handlebars', '4.7.9', ['dist/handlebars.js', 'dist/handlebars.min.js'], 'handlebars'],
  ['mustache-2.2.0', 'mustache', '2.2.0', ['mustache.js', 'mustache.min.js'], 'mustache'],
  ['mustache-2.2.1', 'mustache', '2.2.1', ['mustache.js', 'mustache.min.js'], 'mustache'],
  ['mustache-4.2.0', 'mustache', '4.2.0', ['mustache.js', 'mustache.min.js'], 'mustache'],
  ['dompurify-2.0.12', 'dompurify', '2.0.12', ['dist/purify.js', 'dist/purify.min.js'], 'dompurify'],
  ['dompurify-3.4.12', 'dompurify', '3.4.12', ['dist/purify.js', 'dist/purify.min.js'], 'dompurify'],
  ['dompurify-3.4.13', 'dompurify', '3.4.13', ['dist/purify.js', 'dist/purify.min.js'], 'dompurify'],
  ['dompurify-3.5.0', 'dompurify', '3.5.0', ['dist/purify.js', 'dist/purify.min.js'], 'dompurify'],
  ['ckeditor4-4.15.0', 'ckeditor4', '4.15.0', ['ckeditor.js'], 'ckeditor4'],
  ['ckeditor4-4.20.2', 'ckeditor4', '4.20.2', ['ckeditor.js'], 'ckeditor4'],
  ['ckeditor4-4.21.0', 'ckeditor4', '4.21.0', ['ckeditor.js'], 'ckeditor4'],
  ['ckeditor4-4.22.1', 'ckeditor4', '4.22.1', ['ckeditor.js'], 'ckeditor4'],
  ['ckeditor4-4.25.2', 'ckeditor4', '4.25.2-lts', ['ckeditor.js'], null],
  ['tinymce-4.9.11', 'tinymce', '4.9.11', ['tinymce.min.js'], 'tinymce'],
  ['tinymce-5.10.9', 'tinymce', '5.10.9', ['tinymce.min.js'], 'tinymce'],
  ['tinymce-8.2.0', 'tinymce', '8.2.0', ['tinymce.js', 'tinymce.min.js'], 'tinymce'],
  ['tinymce-8.5.0', 'tinymce', '8.5.0', ['tinymce.js', 'tinymce.min.js'], 'tinymce'],
  ['tinymce-8.5.1', 'tinymce', '8.5.1', ['tinymce.js', 'tinymce.min.js'], 'tinymce'],
  ['datatables.net-1.10.15', 'datatables', '1.10.15', ['js/jquery.dataTables.js'], 'datatables.net'],
  ['datatables.net-1.11.2', 'datatables', '1.11.1', ['js/jquery.dataTables.js', 'js/jquery.dataTables.min.js'], 'datatables.net'],
  ['datatables.net-1.11.3', 'datatables', '1.11.3', ['js/jquery.dataTables.js', 'js/jquery.dataTables.min.js'], 'datatables.net'],
  ['datatables.net-1.13.11', 'datatables', '1.13.11', ['js/jquery.dataTables.js', 'js/jquery.dataTables.min.js'], 'datatables.net'],
  ['select2-4.0.5', 'select2', '4.0.5', ['dist/js/select2.js', 'dist/js/select2.min.js'], 'select2'],
  ['select2-4.0.6', 'select2', '4.0.6', ['dist/js/select2.js', 'dist/js/select2.min.js'], 'select2'],
  ['select2-4.0.13', 'select2', '4.0.13', ['dist/js/select2.js', 'dist/js/select2.min.js'], 'select2'],
  ['knockout-3.4.2', 'knockout', '3.4.2', ['build/output/knockout-latest.js', 'build/output/knockout-latest.debug.js'], 'knockout'],
  ['knockout-3.5.0', 'knockout', '3.5.0', ['build/output/knockout-latest.js', 'build/output/knockout-latest.debug.js'], 'knockout'],
  ['knockout-3.5.1', 'knockout', '3.5.1', ['build/output/knockout-latest.js', 'build/output/knockout-latest.debug.js'], 'knockout'],
  ['vue-2.6.10', 'vue', '2.6.10', ['dist/vue.js', 'dist/vue.min.js'], 'vue'],
  ['vue-2.6.11', 'vue', '2.6.11', ['dist/vue.js', 'dist/vue.min.js'], 'vue'],
  ['vue-2.6.14', 'vue', '2.6.14', ['dist/vue.js', 'dist/vue.min.js'], 'vue'],
  ['vue-2.7.16', 'vue', '2.7.16', ['dist/vue.js', 'dist/vue.min.js'], 'vue'],
  // Vue 3 builds before 3.3 carry no banner: the version constant is read from the code.
  ['vue-3.0.0', 'vue', '3.0.0', ['dist/vue.global.js', 'dist/vue.global.prod.js', 'dist/vue.runtime.global.prod.js', 'dist/vue.esm-browser.prod.js'], 'vue'],
  ['vue-3.2.47', 'vue', '3.2.47', ['dist/vue.global.js', 'dist/vue.global.prod.js', 'dist/vue.runtime.global.prod.js', 'dist/vue.esm-browser.prod.js', 'dist/vue.runtime.esm-browser.prod.js'], 'vue'],
  ['vue-3.4.38', 'vue', '3.4.38', ['dist/vue.global.js', 'dist/vue.global.prod.js', 'dist/vue.runtime.global.prod.js'], 'vue'],
  ['swiper-6.4.0', 'swiper', '6.4.0', ['swiper-bundle.js', 'swiper-bundle.min.js'], 'swiper'],
  ['swiper-11.1.15', 'swiper', '11.1.15', ['swiper-bundle.js', 'swiper-bundle.min.js'], 'swiper'],
  ['swiper-12.1.1', 'swiper', '12.1.1', ['swiper-bundle.js', 'swiper-bundle.min.js'], 'swiper'],
  ['swiper-12.1.2', 'swiper', '12.1.2', ['swiper-bundle.js', 'swiper-bundle.min.js'], 'swiper'],
  ['chart.js-2.7.3', 'chart.js', '2.7.3', ['dist/Chart.js', 'dist/Chart.min.js', 'dist/Chart.bundle.min.js'], 'chart.js'],
  ['chart.js-2.9.3', 'chart.js', '2.9.3', ['dist/Chart.js', 'dist/Chart.min.js'], 'chart.js'],
  ['chart.js-2.9.4', 'chart.js', '2.9.4', ['dist/Chart.js', 'dist/Chart.min.js'], 'chart.js'],
  ['axios-0.21.1', 'axios', '0.21.1', ['dist/axios.js', 'dist/axios.min.js'], 'axios'],
  ['axios-1.17.0', 'axios', '1.17.0', ['dist/axios.js', 'dist/axios.min.js'], 'axios'],
  ['axios-1.18.0', 'axios', '1.18.0', ['dist/axios.js', 'dist/axios.min.js'], 'axios'],
  ['axios-1.21.1', 'axios', '1.21.1', ['dist/axios.js', 'dist/axios.min.js'], 'axios'],
  ['pdfjs-dist-2.16.105', 'pdf.js', '2.16.105', ['build/pdf.js', 'build/pdf.min.js'], 'pdfjs-dist'],
  ['jquery-validation-1.19.3', 'jquery-validation', '1.19.3', ['dist/jquery.validate.js', 'dist/jquery.validate.min.js'], 'jquery-validation'],
  ['jquery-validation-1.19.5', 'jquery-validation', '1.19.5', ['dist/jquery.validate.js', 'dist/jquery.validate.min.js'], 'jquery-validation'],
  ['jquery-validation-1.20.0', 'jquery-validation', '1.20.0', ['dist/jquery.validate.js', 'dist/jquery.validate.min.js'], 'jquery-validation'],
  ['jquery-validation-1.21.0', 'jquery-validation', '1.21.0', ['dist/jquery.validate.js', 'dist/jquery.validate.min.js'], 'jquery-validation'],
  ['backbone-0.3.3', 'backbone', '0.3.3', ['backbone.js', 'backbone-min.js'], 'backbone'],
  ['backbone-0.5.1', 'backbone', '0.5.1', ['backbone.js'], 'backbone'],
  ['backbone-1.6.1', 'backbone', '1.6.1', ['backbone.js', 'backbone-min.js'], 'backbone'],
  ['plupload-2.3.6', 'plupload', '2.3.6', ['js/plupload.full.min.js'], 'plupload'],
  ['plupload-2.3.7', 'plupload', '2.3.6', ['js/plupload.full.min.js'], 'plupload'],
  ['plupload-2.3.9', 'plupload', '2.3.9', ['js/plupload.full.min.js'], 'plupload'],
  ['jplayer-2.8.4', 'jplayer', '2.8.4', ['dist/jplayer/jquery.jplayer.js', 'dist/jplayer/jquery.jplayer.min.js'], 'jplayer'],
  ['jplayer-2.9.2', 'jplayer', '2.9.2', ['dist/jplayer/jquery.jplayer.js', 'dist/jplayer/jquery.jplayer.min.js'], 'jplayer'],
  ['fancybox-3.5.7', 'fancybox', '3.5.7', ['dist/jquery.fancybox.js', 'dist/jquery.fancybox.min.js'], '@fancyapps/fancybox'],
  ['react-16.4.1', 'react', '16.4.1', ['umd/react.development.js', 'umd/react.production.min.js'], 'react'],
  ['react-16.4.2', 'react', '16.4.2', ['umd/react.development.js', 'umd/react.production.min.js'], 'react'],
  ['react-dom-16.4.1', 'react-dom', '16.4.1', ['umd/react-dom.development.js', 'umd/react-dom.production.min.js'], 'react-dom'],
  ['react-dom-16.4.2', 'react-dom', '16.4.2', ['umd/react-dom.development.js', 'umd/react-dom.production.min.js'], 'react-dom'],
  ['yui-3.10.3', 'yui', '3.10.3', ['yui/yui.js', 'yui/yui-min.js', 'yui-core/yui-core-min.js'], 'yui'],
  ['yui-3.11.0', 'yui', '3.11.0', ['yui/yui.js', 'yui/yui-min.js', 'yui-core/yui-core-min.js'], 'yui'],
  ['highcharts-8.2.2', 'highcharts', '8.2.2', ['highcharts.js', 'highcharts.src.js'], 'highcharts'],
  ['highcharts-9.0.0', 'highcharts', '9.0.0', ['highcharts.js', 'highcharts.src.js'], 'highcharts'],
  ['video.js-7.14.2', 'video.js', '7.14.2', ['dist/video.js', 'dist/video.min.js'], 'video.js'],
  ['video.js-7.14.3', 'video.js', '7.14.3', ['dist/video.js', 'dist/video.min.js'], 'video.js'],
  ['bootstrap-select-1.13.5', 'bootstrap-select', '1.13.5', ['dist/js/bootstrap-select.js', 'dist/js/bootstrap-select.min.js'], 'bootstrap-select'],
  ['bootstrap-select-1.13.6', 'bootstrap-select', '1.13.6', ['dist/js/bootstrap-select.js', 'dist/js/bootstrap-select.min.js'], 'bootstrap-select'],
  ['tableexport.jquery.plugin-1.22.0', 'tableexport', '1.22.0', ['tableExport.min.js'], 'tableexport.jquery.plugin'],
  ['tableexport.jquery.plugin-1.25.0', 'tableexport', '1.25.0', ['tableExport.min.js'], 'tableexport.jquery.plugin'],
  ['jszip-3.7.1', 'jszip', '3.7.1', ['dist/jszip.js', 'dist/jszip.min.js'], 'jszip'],
  ['jszip-3.8.0', 'jszip', '3.8.0', ['dist/jszip.js', 'dist/jszip.min.js'], 'jszip'],
  ['echarts-6.0.0', 'echarts', '6.0.0', ['dist/echarts.js', 'dist/echarts.min.js'], 'echarts'],
  ['echarts-6.1.0', 'echarts', '6.1.0', ['dist/echarts.js', 'dist/echarts.min.js'], 'echarts'],
  ['froala-editor-4.3.0', 'froala', '4.3.0', ['js/froala_editor.min.js', 'js/froala_editor.pkgd.min.js'], 'froala-editor'],
  ['froala-editor-4.3.1', 'froala', '4.3.1', ['js/froala_editor.min.js', 'js/froala_editor.pkgd.min.js'], 'froala-editor'],
  ['quill-2.0.3', 'quill', '2.0.3', ['dist/quill.js'], 'quill'],
  ['mathjax-2.7.9', 'mathjax', '2.7.9', ['MathJax.js'], 'mathjax'],
  ['c3-0.4.10', 'c3', '0.4.10', ['c3.js', 'c3.min.js'], 'c3'],
  ['c3-0.4.11', 'c3', '0.4.11', ['c3.js', 'c3.min.js'], 'c3'],
  ['marked-18.0.1', 'marked', '18.0.1', ['lib/marked.umd.js'], 'marked'],
  ['marked-18.0.2', 'marked', '18.0.2', ['lib/marked.umd.js'], 'marked'],
  ['markdown-it-14.1.1', 'markdown-it', '14.1.1', ['dist/markdown-it.js', 'dist/markdown-it.min.js'], 'markdown-it'],
  ['markdown-it-14.2.0', 'markdown-it', '14.2.0', ['dist/markdown-it.js', 'dist/markdown-it.min.js'], 'markdown-it'],
  ['highlightjs-cdn-assets-10.3.2', 'highlight.js', '10.3.2', ['highlight.js', 'highlight.min.js'], '@highlightjs/cdn-assets'],
  ['highlightjs-cdn-assets-10.4.1', 'highlight.js', '10.4.1', ['highlight.js', 'highlight.min.js'], '@highlightjs/cdn-assets'],
  ['yui-3.18.1', 'yui', '3.18.1', ['yui/yui.js', 'yui/yui-min.js'], 'yui'],
  ['jquery-mobile-1.4.1', 'jquery-mobile', '1.4.1', ['dist/jquery.mobile.js', 'dist/jquery.mobile.min.js'], 'jquery-mobile'],
  ['pdfobject-2.3.1', 'pdfobject', '2.3.1', ['pdfobject.js', 'pdfobject.min.js'], 'pdfobject'],
  ['d3-3.5.17', 'd3', '3.5.17', ['d3.js'], 'd3'],
  ['d3-7.9.2', 'd3', '7.9.2', ['dist/d3.js', 'dist/d3.min.js'], 'd3'],
  ['flowplayer-6.0.5', 'flowplayer', '6.0.5', ['dist/flowplayer.js', 'dist/flowplayer.min.js'], 'flowplayer'],
  ['flowplayer-7.2.7', 'flowplayer', '7.2.7', ['dist/flowplayer.js', 'dist/flowplayer.min.js'], 'flowplayer'],
  ['easyxdm-2.4.19-pre.2', 'easyxdm', '2.4.19', ['lib/easyXDM.js', 'lib/easyXDM.debug.js'], null],
  ['angular-core-22.0.0', 'angular', '22.0.0', ['fesm2022/core.mjs'], '@angular/core'],
  ['angular-core-22.0.1', 'angular', '22.0.1', ['fesm2022/core.mjs'], '@angular/core'],
];

const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
const libraries = readJson('rules/data/js-libraries.json').libraries;
const generated = readJson('rules/data/js-advisories.json');
const supplement = readJson('rules/data/js-advisories-supplement.json');

export const advisoryDataDate = generated.source.date;

// The advisory keys of a library (js-libraries.json "advisories_from", default its name).
export function advisoryKeys(lib) {
  const row = libraries.find((l) => l.name === lib);
  return (row && row.advisories_from) || [lib];
}

// The ids of the advisories whose range contains `version`, as the engine loads them: the
// generated ones, then supplement entries sharing no id with those.
export function expectedAdvisories(lib, version) {
  const list = [];
  for (const key of advisoryKeys(lib)) list.push(...(generated.libraries[key] || []));
  for (const key of advisoryKeys(lib))
    for (const a of supplement.libraries[key] || [])
      if (!a.ids.some((id) => list.some((b) => b.ids.includes(id)))) list.push(a);
  return list.filter((a) => satisfies(version, a.range)).map((a) => a.ids[0]);
}
