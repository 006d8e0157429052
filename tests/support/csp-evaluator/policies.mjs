// Content-Security-Policy texts for the side-by-side test with Google's CSP Evaluator
// (tests/js/csp-evaluator-side-by-side.test.mjs), from three sources:
//   generatedPolicies({seed, count})  seeded combinations of directives and sources that exercise
//                                     every sub-finding (keywords, nonces, hashes, schemes,
//                                     wildcards, bypass hosts, deprecated and unknown directives,
//                                     missing semicolons, unquoted keywords, http: report-uri)
//   realPolicies(dir)                 every Content-Security-Policy(-Report-Only) value in the HARs
//                                     of ../shared/data/real-har; null when the folder is absent
//   evaluatorTestPolicies()           the policy strings of csp_evaluator's own test files
//                                     (node_modules/csp_evaluator/**/*_test.ts), used as data
// Each returns [{source, policy}] without duplicates. A policy holding a ',' or a line break is
// left out: the evaluator reads one policy per string, a response header splits on commas.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../seeded-random.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'package.json'));
const { CspParser } = require('csp_evaluator/dist/parser.js');
const csp = require('csp_evaluator/dist/csp.js');

const usable = (policy) => policy.trim() !== '' && !/[,\r\n]/.test(policy);

function unique(source, policies) {
  const seen = new Set();
  const out = [];
  for (const p of policies) {
    const policy = p.trim();
    if (!usable(policy) || seen.has(policy)) continue;
    seen.add(policy);
    out.push({ source, policy });
  }
  return out;
}

// --------------------------------------------------------------------------------------------

const NONCE = "'nonce-R4nd0mN0nc3V4lu3xyz12'";
const HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const SCRIPT_SOURCES = [
  "'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'",
  "'report-sample'", "'wasm-unsafe-eval'", NONCE, "'nonce-abc123'", "'nonce-abcdefghij'", "'nonce-ab$cd!efgh'",
  HASH, "'sha256-abc'", 'https:', 'http:', 'data:', 'blob:', '*', 'https://*', 'https://cdn.example.gov.vn',
  'http://cdn.example.gov.vn', 'ajax.googleapis.com', 'https://www.google-analytics.com',
  'www.googletagmanager.com', '*.googleapis.com', 'https://cdnjs.cloudflare.com', 'cdn.jsdelivr.net',
  'https://www.google.com/tools/feedback/', 'accounts.google.com', 'https://*.example.com', '192.168.1.10',
  'self', 'nonce-abc', 'unsafe-inline', "'self", 'https://yandex.st/angularjs/1.2.16/angular-cookies.min.js',
  'https://yandex.st/', '*.gstatic.com', 'localhost',
];
const PLAIN_SOURCES = ["'self'", "'none'", 'https:', 'data:', 'http://img.example.gov.vn', 'https://img.example.gov.vn', '*', "'unsafe-inline'"];
const DIRECTIVES = {
  'default-src': SCRIPT_SOURCES,
  'script-src': SCRIPT_SOURCES,
  'script-src-elem': SCRIPT_SOURCES,
  'script-src-attr': ["'none'", "'unsafe-inline'", "'unsafe-hashes'", HASH],
  'object-src': ["'none'", "'self'", '*', 'https:', 'data:', 'https://cdn.example.gov.vn'],
  'base-uri': ["'none'", "'self'", '*', 'https:', 'data:'],
  'style-src': PLAIN_SOURCES,
  'img-src': PLAIN_SOURCES,
  'connect-src': PLAIN_SOURCES,
  'frame-ancestors': ["'none'", "'self'", '*', 'https://portal.example.gov.vn'],
  'form-action': ["'self'", 'http://forms.example.gov.vn'],
  'report-uri': ['/csp-report', 'https://report.example.gov.vn/csp', 'http://report.example.gov.vn/csp'],
  'report-to': ['csp-endpoint'],
  'upgrade-insecure-requests': [],
  'block-all-mixed-content': [],
  'reflected-xss': ['block'],
  'referrer': ['no-referrer'],
  'disown-opener': [],
  'prefetch-src': ["'self'"],
  'plugin-types': ['application/pdf'],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['default', "'none'"],
  'foo-src': ["'self'"],
  'script-src:': ["'self'"],
};


export function generatedPolicies({ seed = 20260102, count = 400 } = {}) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const names = Object.keys(DIRECTIVES);
  const weighted = [...names, 'script-src', 'script-src', 'default-src', 'object-src', 'base-uri'];
  const policies = [];
  for (let i = 0; i < count; i++) {
    const directives = [];
    const n = 1 + Math.floor(random() * 5);
    for (let d = 0; d < n; d++) {
      const name = pick(weighted);
      const pool = DIRECTIVES[name];
      const k = pool.length === 0 ? 0 : Math.floor(random() * 4) + (name.endsWith('-src') ? 1 : 0);
      const values = [];
      for (let v = 0; v < k; v++) values.push(pick(pool));
      directives.push([name, ...values].join(' '));
    }
    // One in ten forgets a semicolon.
    policies.push(random() < 0.1 ? directives.join(' ') : directives.join('; '));
  }
  return unique('generated', policies);
}

// --------------------------------------------------------------------------------------------

function harFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.har')).sort().map((f) => path.join(dir, f));
}

export function realPolicies(dir = path.resolve(root, '../shared/data/real-har')) {
  if (!fs.existsSync(dir)) return null;
  const policies = [];
  for (const file of harFiles(dir)) {
    let har;
    try {
      har = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      continue; // the corpus keeps a few deliberately invalid files
    }
    for (const entry of har?.log?.entries ?? [])
      for (const h of entry?.response?.headers ?? [])
        if (/^content-security-policy(-report-only)?$/i.test(h.name ?? '')) policies.push(String(h.value));
  }
  return unique('real-har', policies);
}

// --------------------------------------------------------------------------------------------

function testFiles(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    if (name.isDirectory() && name.name !== 'node_modules' && name.name !== 'dist') out.push(...testFiles(p));
    else if (name.name.endsWith('_test.ts')) out.push(p);
  }
  return out.sort();
}

// String literals of a TypeScript file ('…', "…", `…` without ${}), unescaped.
function stringLiterals(text) {
  const out = [];
  const re = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;
  for (const m of text.matchAll(re)) {
    if (m[1] === '`' && m[2].includes('${')) continue;
    out.push(m[2].replace(/\\(.)/g, '$1'));
  }
  return out;
}

export function evaluatorTestPolicies() {
  const dir = path.dirname(require.resolve('csp_evaluator/package.json'));
  const policies = [];
  for (const file of testFiles(dir)) {
    for (const literal of stringLiterals(fs.readFileSync(file, 'utf8'))) {
      const first = literal.trim().split(/[\s;]+/)[0]?.toLowerCase() ?? '';
      if (!csp.isDirective(first)) continue;
      if (Object.keys(new CspParser(literal).csp.directives).length === 0) continue;
      policies.push(literal);
    }
  }
  return unique('csp_evaluator tests', policies);
}
