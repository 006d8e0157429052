// The known, deliberate differences between the engine's header.csp sub-findings and Google's CSP
// Evaluator (compare.mjs holds the comparison). explainDifference(m, ours) names the rule behind a
// key only one side reports (ours = true: only the engine reports it), or returns null when no
// documented difference explains it: the side-by-side test fails on those.
//
// Each rule is narrow (it looks at the very directive and value of the key), so a new kind of
// mismatch cannot hide behind it.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'package.json'));
const { CspParser } = require('csp_evaluator/dist/parser.js');

// Our minimum nonce length (normalize/csp_source.h kMinNonceChars): 16 base64 characters = 96 bits.
const MIN_NONCE = 16;
const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr', 'default-src'];

const parts = (m) => {
  const [cls, directive, value] = m.key.split('|');
  return { cls, directive, value, directives: new CspParser(m.policy).csp.directives };
};
const nonceValue = (v) => /^'nonce-(.+)'$/i.exec(v)?.[1];

export const DIFFERENCES = [
  {
    side: 'engine',
    why: 'directives deprecated or removed since the evaluator\'s list was written (block-all-mixed-content: CSP3 ' +
      'blocks mixed content anyway; plugin-types: plugins are gone; require-sri-for, navigate-to: never shipped / removed)',
    applies: (m) => {
      const p = parts(m);
      return p.cls === 'deprecated-directive' &&
        ['block-all-mixed-content', 'plugin-types', 'require-sri-for', 'navigate-to'].includes(p.directive);
    },
  },
  {
    side: 'engine',
    why: `a nonce shorter than ${MIN_NONCE} characters (96 bits) is guessable; the evaluator asks for 8`,
    applies: (m) => {
      const p = parts(m);
      const n = nonceValue(p.value);
      return p.cls === 'nonce-length' && n !== undefined && n.length >= 8 && n.length < MIN_NONCE;
    },
  },
  {
    side: 'engine',
    why: `'unsafe-inline' stays live next to a nonce shorter than ${MIN_NONCE} characters (a guessable nonce voids ` +
      'nothing); the evaluator drops it next to any nonce',
    applies: (m) => {
      const p = parts(m);
      const values = p.directives[p.directive] ?? [];
      const nonces = values.map(nonceValue).filter((n) => n !== undefined);
      const hashes = values.filter((v) => /^'sha(256|384|512)-/i.test(v));
      return p.cls === 'unsafe-inline' && nonces.length > 0 && nonces.every((n) => n.length < MIN_NONCE) &&
        hashes.length === 0;
    },
  },
  {
    side: 'engine',
    why: 'the evaluator runs its checks after \'strict-dynamic\' removed every unquoted value of the script list ' +
      '(so it misses typos there, and forgets them for object-src when they sit in default-src)',
    applies: (m) => {
      const p = parts(m);
      const values = p.directives[p.directive] ?? [];
      const fromScriptList = SCRIPT_DIRECTIVES.includes(p.directive) && values.includes("'strict-dynamic'");
      return fromScriptList && p.value !== '' && !p.value.startsWith("'") &&
        ['invalid-keyword', 'missing-semicolon', 'plain-scheme', 'wildcard'].includes(p.cls);
    },
  },
  {
    side: 'engine',
    why: 'a nonce in script-src-elem is relied on like one in script-src (a <base> injection redirects the relative ' +
      'src of a nonced <script>); the evaluator looks at script-src only',
    applies: (m) => {
      const p = parts(m);
      const elem = p.directives['script-src-elem'] ?? [];
      return p.cls === 'missing-directive' && p.directive === 'base-uri' &&
        elem.some((v) => /^'nonce-[a-zA-Z0-9+/_-]+[=]{0,2}'$/.test(v));
    },
  },
  {
    side: 'evaluator',
    why: 'an empty object-src (or default-src standing in for it) is \'none\' for browsers; the evaluator takes it for a ' +
      'missing directive',
    applies: (m) => {
      const p = parts(m);
      const list = p.directives['object-src'] ?? p.directives['default-src'];
      return p.cls === 'missing-directive' && p.directive === 'object-src' && Array.isArray(list) && list.length === 0;
    },
  },
  {
    side: 'evaluator',
    why: 'script-src-elem and script-src-attr together govern every script; the evaluator asks for script-src or ' +
      'default-src regardless',
    applies: (m) => {
      const p = parts(m);
      return p.cls === 'missing-directive' && p.directive === 'script-src' && 'script-src-elem' in p.directives &&
        'script-src-attr' in p.directives;
    },
  },
  {
    side: 'evaluator',
    why: 'the evaluator takes a bare "block" or "allow" for a keyword missing its quotes; CSP has no such keyword ' +
      '(they are values of reflected-xss, or a host named so)',
    applies: (m) => {
      const p = parts(m);
      return p.cls === 'invalid-keyword' && ['block', 'allow'].includes(p.value);
    },
  },
];

export function explainDifference(m, ours) {
  for (const d of DIFFERENCES) if (d.side === (ours ? 'engine' : 'evaluator') && d.applies(m)) return d.why;
  return null;
}
