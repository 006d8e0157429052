// Generates rules/data/js-advisories.json, the advisories of page.vulnerable-library, from
// retire.js's vulnerability repository (jsrepository-v5.json, Apache-2.0, RetireJS/retire.js).
// Never edit the output by hand: take a newer copy of the repository file and run
//
//   node scripts/generate-js-advisories.mjs PATH/jsrepository-v5.json            (writes the file)
//   node scripts/generate-js-advisories.mjs PATH/jsrepository-v5.json --check    (exit 1 when stale)
//
// The source repository, commit and date are read from a SOURCE.md next to the input (the line
// "... RetireJS/retire.js at commit <40 hex> (<YYYY-MM-DD>)") or given as --repository R
// --commit C --date D. Advisories the repository lacks live in rules/data/js-advisories-supplement.json
// (hand-kept, every entry with a public advisory URL); the engine reads both.
//
// Conversion, per retire.js vulnerability: ids = its CVEs then its GitHub advisory id (the first is
// the primary id; an entry with neither is kept under retire.js's own "retid" as RETIRE-<n>, else
// under its tracker reference such as "jquery issue 11974"); range = ">=atOrAbove <below" (normalize/semver.h syntax; retire.js
// versions such as "1.9.0b1" or "3.0.RC3" are rewritten "1.9.0-b1", "3.0-RC3"; "excludes" versions
// are cut out of the range); fixed = below, or "none" when below is a placeholder such as
// "2.999.999" (end of life, no fixed release); severity, summary and info URLs as given.
// Components are renamed to the project's library ids by COMPONENT_IDS (a component missing there
// keeps its lower-cased name and is reported on stderr). Output is sorted and stably formatted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(root, 'rules/data/js-advisories.json');
export const SUPPLEMENT = path.join(root, 'rules/data/js-advisories-supplement.json');

// retire.js component name → the project's library id (rules/data/js-libraries.json "name").
export const COMPONENT_IDS = {
  '@angular/core': 'angular',
  AlaSQL: 'alasql',
  DOMPurify: 'dompurify',
  DWR: 'dwr',
  ExtJS: 'extjs',
  YUI: 'yui',
  alpinejs: 'alpinejs',
  angularjs: 'angularjs',
  axios: 'axios',
  'backbone.js': 'backbone',
  'blueimp-file-upload': 'blueimp-file-upload',
  bootstrap: 'bootstrap',
  'bootstrap-select': 'bootstrap-select',
  c3: 'c3',
  'chart.js': 'chart.js',
  ckeditor: 'ckeditor4',
  ckeditor5: 'ckeditor5',
  d3: 'd3',
  dojo: 'dojo',
  easyXDM: 'easyxdm',
  echarts: 'echarts',
  ember: 'ember',
  flowplayer: 'flowplayer',
  froala: 'froala',
  handlebars: 'handlebars',
  highcharts: 'highcharts',
  highlightjs: 'highlight.js',
  jPlayer: 'jplayer',
  jquery: 'jquery',
  'jquery-deparam': 'jquery-deparam',
  'jquery-migrate': 'jquery-migrate',
  'jquery-mobile': 'jquery-mobile',
  'jquery-ui': 'jquery-ui',
  'jquery-ui-autocomplete': 'jquery-ui-autocomplete',
  'jquery-ui-dialog': 'jquery-ui-dialog',
  'jquery-ui-tooltip': 'jquery-ui-tooltip',
  'jquery-validation': 'jquery-validation',
  'jquery.datatables': 'datatables',
  'jquery.prettyPhoto': 'prettyphoto',
  'jquery.terminal': 'jquery.terminal',
  jszip: 'jszip',
  knockout: 'knockout',
  lodash: 'lodash',
  'markdown-it': 'markdown-it',
  marked: 'marked',
  mathjax: 'mathjax',
  'moment.js': 'moment',
  mootools: 'mootools',
  'mustache.js': 'mustache',
  nextjs: 'nextjs',
  'pdf.js': 'pdf.js',
  pdfobject: 'pdfobject',
  pendo: 'pendo',
  plupload: 'plupload',
  protobufjs: 'protobufjs',
  prototypejs: 'prototype',
  quill: 'quill',
  react: 'react',
  'react-dom': 'react-dom',
  'react-is': 'react-is',
  scheduler: 'scheduler',
  select2: 'select2',
  sessvars: 'sessvars',
  svelte: 'svelte',
  swfobject: 'swfobject',
  swiper: 'swiper',
  'tableexport.jquery.plugin': 'tableexport',
  threejs: 'three',
  tinyMCE: 'tinymce',
  'ua-parser-js': 'ua-parser-js',
  'underscore.js': 'underscore',
  'video.js': 'video.js',
  vue: 'vue',
  zrender: 'zrender',
};
// Entries of the repository that are not libraries.
const NOT_LIBRARIES = new Set(['dont check', 'retire-example']);

// ---------------------------------------------------------------- versions (normalize/semver.h)

// retire.js version text → semver.h syntax: "1.9.0b1" → "1.9.0-b1", "1.0.0.beta.3" → "1.0.0-beta.3",
// "3.0.RC3" → "3.0-RC3"; null when it does not start with a number.
export function normalizeVersion(text) {
  const m = /^(\d+(?:\.\d+){0,3})(?:[.-]?([0-9A-Za-z][0-9A-Za-z.-]*))?$/.exec(String(text).trim());
  if (!m) return null;
  return m[2] === undefined ? m[1] : `${m[1]}-${m[2]}`;
}

// { parts: [n...], pre: '' } as normalize/semver.h Parse reads it, or null.
export function parseVersion(text) {
  const m = /^[vV]?(\d{1,9}(?:\.\d{1,9}){0,3})(?:-([^+]+))?(?:\+.*)?$/.exec(String(text).trim());
  if (!m) return null;
  return { parts: m[1].split('.').map(Number), pre: m[2] || '' };
}

function comparePre(a, b) {
  if (!a || !b) return a === b ? 0 : (a ? -1 : 1);
  const pa = a.split('.'), pb = b.split('.');
  for (let i = 0; i < pa.length && i < pb.length; i++) {
    const na = /^\d{1,18}$/.test(pa[i]), nb = /^\d{1,18}$/.test(pb[i]);
    if (na && nb) {
      if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) < Number(pb[i]) ? -1 : 1;
    } else if (na !== nb) {
      return na ? -1 : 1;
    } else if (pa[i] !== pb[i]) {
      return pa[i] < pb[i] ? -1 : 1;
    }
  }
  return pa.length === pb.length ? 0 : (pa.length < pb.length ? -1 : 1);
}

// <0, 0, >0 as version text a is older than, equal to, newer than b (semver.h Compare).
export function compareVersions(a, b) {
  const x = typeof a === 'string' ? parseVersion(a) : a, y = typeof b === 'string' ? parseVersion(b) : b;
  for (let i = 0; i < 4; i++) {
    const p = x.parts[i] || 0, q = y.parts[i] || 0;
    if (p !== q) return p < q ? -1 : 1;
  }
  return comparePre(x.pre, y.pre);
}

// Whether version text `v` satisfies `range` (semver.h Satisfies; false for a malformed range).
export function satisfies(v, range) {
  const ver = parseVersion(v);
  if (!ver || !range) return false;
  return range.split('||').some((alt) => {
    const comps = alt.trim().split(/\s+/).filter(Boolean);
    return comps.length > 0 && comps.every((c) => {
      if (c === '*') return true;
      const [, op, bound] = /^(<=|>=|<|>|=)?(.*)$/.exec(c);
      const b = parseVersion(bound);
      if (!b) return false;
      const r = compareVersions(ver, b);
      return { '<': r < 0, '<=': r <= 0, '>': r > 0, '>=': r >= 0 }[op] ?? r === 0;
    });
  });
}

// ---------------------------------------------------------------- conversion

// A "below" that only closes an end-of-life line ("2.999.999", "999") names no fixed release.
const isPlaceholder = (v) => /(^|\.)9{3,}(\.|$)/.test(v);

function rangeOf(vuln) {
  const below = normalizeVersion(vuln.below);
  const low = vuln.atOrAbove !== undefined ? normalizeVersion(vuln.atOrAbove) : null;
  if (!below || (vuln.atOrAbove !== undefined && !low)) return null;
  const excludes = (vuln.excludes || []).map(normalizeVersion).filter(Boolean).sort(compareVersions);
  // Cut each excluded version out: [low, x) || (x, ...) ... || (last, below).
  const alts = [];
  let from = low ? `>=${low}` : '';
  for (const x of excludes) {
    alts.push(`${from} <${x}`.trim());
    from = `>${x}`;
  }
  alts.push(`${from} <${below}`.trim());
  return alts.join(' || ');
}

function idsOf(component, vuln) {
  const given = vuln.identifiers || {};
  const ids = [...(given.CVE || [])].filter((id) => /^CVE-/.test(id));
  if (given.githubID) ids.push(given.githubID);
  if (ids.length === 0 && given.retid) ids.push(`RETIRE-${given.retid}`);
  // Else the component's own tracker reference, as retire.js names it ("issue 11974", "osvdb 94317").
  for (const key of ['issue', 'bug', 'PR', 'osvdb', 'tenable', 'gist'])
    if (ids.length === 0 && given[key]) ids.push(`${component} ${key} ${[given[key]].flat()[0]}`);
  return [...new Set(ids)];
}

function convert(component, vuln) {
  const ids = idsOf(component, vuln);
  const range = rangeOf(vuln);
  if (ids.length === 0 || !range) return null;
  const below = normalizeVersion(vuln.below);
  const out = {
    ids,
    range,
    fixed: isPlaceholder(below) ? 'none' : below,
    severity: String(vuln.severity || 'medium').toLowerCase(),
  };
  if (vuln.identifiers?.summary) out.summary = String(vuln.identifiers.summary).trim().replace(/\s+/g, ' ');
  out.urls = [...new Set((vuln.info || []).filter((u) => /^https?:\/\//.test(u)))].sort();
  return out;
}

const lowerBound = (a) => (/^>=(\S+)/.exec(a.range) || [])[1] || '0';
function compareAdvisories(a, b) {
  const fa = a.fixed === 'none' ? '999999999' : a.fixed, fb = b.fixed === 'none' ? '999999999' : b.fixed;
  return compareVersions(fa, fb) || compareVersions(lowerBound(a), lowerBound(b)) ||
    (a.ids[0] < b.ids[0] ? -1 : a.ids[0] > b.ids[0] ? 1 : 0) || (a.range < b.range ? -1 : a.range > b.range ? 1 : 0);
}

// The source facts from a SOURCE.md: { repository, commit, date } (missing fields undefined).
export function readSourceNote(text) {
  const m = /([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+) at commit ([0-9a-f]{40}) \((\d{4}-\d{2}-\d{2})\)/.exec(text);
  return m ? { repository: m[1], commit: m[2], date: m[3] } : {};
}

// repository: the parsed jsrepository-v5.json; source: { repository, commit, date }.
// → { text, skipped: [component or advisory notes], unmapped: [component] }.
export function generateJsAdvisories(repository, source) {
  const libraries = {};
  const skipped = [], unmapped = [];
  for (const component of Object.keys(repository).sort()) {
    if (NOT_LIBRARIES.has(component)) continue;
    let id = COMPONENT_IDS[component];
    if (!id) {
      id = component.toLowerCase();
      unmapped.push(component);
    }
    for (const vuln of repository[component].vulnerabilities || []) {
      const adv = convert(component, vuln);
      if (!adv) {
        skipped.push(`${component}: ${JSON.stringify(vuln.identifiers || {})}`);
        continue;
      }
      (libraries[id] ||= []).push(adv);
    }
  }
  const sorted = {};
  for (const id of Object.keys(libraries).sort()) sorted[id] = libraries[id].sort(compareAdvisories);
  const count = Object.values(sorted).reduce((n, list) => n + list.length, 0);
  const data = {
    _comment:
      'Advisories of page.vulnerable-library, per library id (rules/data/js-libraries.json "name"). GENERATED by ' +
      'scripts/generate-js-advisories.mjs from retire.js\'s vulnerability repository (see source); do not edit by ' +
      'hand: run the generator on a newer copy. Each advisory: ids (its CVEs, then its GitHub advisory id; the first is the ' +
      'primary id; without either, retire.js\'s own RETIRE-n, else the component\'s tracker reference as retire.js ' +
      'gives it), range (affected versions, normalize/semver.h syntax), fixed ' +
      '(first fixed release, "none" when the line is end-of-life), severity (critical/high/medium/low), summary and ' +
      'urls (advisory pages). Advisories the repository lacks are in js-advisories-supplement.json.',
    source: {
      repository: source.repository,
      file: 'repository/jsrepository-v5.json',
      commit: source.commit,
      date: source.date,
      license: 'Apache-2.0',
      notice: 'retire.js vulnerability repository, Copyright 2018 Erlend Oftedal. Licensed under the Apache License, ' +
        'Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0). Converted (renamed components, ranges rewritten in ' +
        'this project\'s syntax) by scripts/generate-js-advisories.mjs.',
    },
    count,
    libraries: sorted,
  };
  return { text: `${JSON.stringify(data, null, 2)}\n`, skipped, unmapped };
}

// Reads the input file and its SOURCE.md (overridden by flags) → generateJsAdvisories's result.
export function generateFromFile(input, flags = {}) {
  const repository = JSON.parse(fs.readFileSync(input, 'utf8'));
  const notePath = path.join(path.dirname(input), 'SOURCE.md');
  const note = fs.existsSync(notePath) ? readSourceNote(fs.readFileSync(notePath, 'utf8')) : {};
  const source = { repository: flags.repository || note.repository, commit: flags.commit || note.commit, date: flags.date || note.date };
  for (const k of ['repository', 'commit', 'date'])
    if (!source[k]) throw new Error(`the source ${k} is unknown: give --${k} or a SOURCE.md next to ${input}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(source.date)) throw new Error(`--date must be YYYY-MM-DD, got ${source.date}`);
  return generateJsAdvisories(repository, source);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') flags.check = true;
    else if (['--repository', '--commit', '--date', '--out'].includes(args[i])) flags[args[i].slice(2)] = args[++i];
    else positional.push(args[i]);
  }
  if (positional.length !== 1) {
    console.error('usage: node scripts/generate-js-advisories.mjs PATH/jsrepository-v5.json [--check] [--out FILE] [--repository R --commit C --date YYYY-MM-DD]');
    process.exit(2);
  }
  const out = flags.out || OUTPUT;
  const { text, skipped, unmapped } = generateFromFile(positional[0], flags);
  for (const c of unmapped) console.error(`note: component "${c}" has no entry in COMPONENT_IDS; kept as "${c.toLowerCase()}"`);
  for (const s of skipped) console.error(`note: skipped (no CVE, GitHub or retire.js id, or unreadable versions): ${s}`);
  if (flags.check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(root, out)} is not what the generator makes from ${positional[0]}`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(out, text);
    console.log(`wrote ${path.relative(root, out)}`);
  }
}
