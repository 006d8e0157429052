// Google's CSP Evaluator (npm csp_evaluator, its default checks for CSP3) against the engine's
// header.csp sub-findings (details.findings) on the same policies.
//
// Both sides are reduced to comparable keys "class|directive|value":
//   class      the sub-finding kind both tools report (CLASS_OF_TYPE / CLASS_OF_ISSUE below);
//   directive  the directive it is about (the effective one: default-src standing in for
//              script-src is reported on default-src by both);
//   value      the source expression, lower-cased, for source-level classes; "" otherwise.
// Left out of the comparison, on purpose:
//   - the evaluator's advisory "maybe" findings ('self' can be problematic, "no bypass found",
//     "restrict object-src to 'none'"), its Flash bypass list (no browser runs Flash since 2021),
//     its IP-source notes and its IGNORED notes (not findings);
//   - our findings outside the evaluator's checks (no-reporting, report-only-only, empty-policy,
//     duplicate-directive, ignored-in-meta, non-ascii-directive, strict-dynamic-without-nonce,
//     invalid-hash, unsafe-inline-style).
// Recall = shared keys / evaluator keys; precision = shared keys / our keys.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'package.json'));
const { CspEvaluator } = require('csp_evaluator/dist/evaluator.js');
const { CspParser } = require('csp_evaluator/dist/parser.js');
const { Type, Severity } = require('csp_evaluator/dist/finding.js');

const SOURCE_LEVEL = new Set(['unsafe-inline', 'unsafe-hashes', 'unsafe-eval', 'plain-scheme', 'wildcard',
  'allowlist-bypass', 'nonce-length', 'nonce-charset', 'src-http', 'missing-semicolon', 'invalid-keyword']);

const CLASS_OF_TYPE = {
  [Type.SCRIPT_UNSAFE_INLINE]: 'unsafe-inline',
  [Type.SCRIPT_UNSAFE_HASHES]: 'unsafe-hashes',
  [Type.SCRIPT_UNSAFE_EVAL]: 'unsafe-eval',
  [Type.PLAIN_URL_SCHEMES]: 'plain-scheme',
  [Type.PLAIN_WILDCARD]: 'wildcard',
  [Type.MISSING_DIRECTIVES]: 'missing-directive',
  [Type.SCRIPT_ALLOWLIST_BYPASS]: 'allowlist-bypass', // HIGH only, see evaluatorKeys
  [Type.NONCE_LENGTH]: 'nonce-length',
  [Type.NONCE_CHARSET]: 'nonce-charset',
  [Type.SRC_HTTP]: 'src-http',
  [Type.DEPRECATED_DIRECTIVE]: 'deprecated-directive',
  [Type.UNKNOWN_DIRECTIVE]: 'unknown-directive',
  [Type.MISSING_SEMICOLON]: 'missing-semicolon',
  [Type.INVALID_KEYWORD]: 'invalid-keyword',
};

const CLASS_OF_ISSUE = {
  'unsafe-inline': 'unsafe-inline',
  'unsafe-hashes': 'unsafe-hashes',
  'unsafe-eval': 'unsafe-eval',
  'plain-scheme': 'plain-scheme',
  wildcard: 'wildcard',
  'missing-object-src': 'missing-directive',
  'missing-script-src': 'missing-directive',
  'missing-base-uri': 'missing-directive',
  'jsonp-bypass-host': 'allowlist-bypass',
  'angular-bypass-host': 'allowlist-bypass',
  'short-nonce': 'nonce-length',
  'invalid-nonce': 'nonce-charset',
  'http-source': 'src-http',
  'deprecated-directive': 'deprecated-directive',
  'unknown-directive': 'unknown-directive',
  'invalid-directive-name': 'unknown-directive',
  'missing-semicolon': 'missing-semicolon',
  'invalid-keyword': 'invalid-keyword',
  'unquoted-keyword': 'invalid-keyword',
};

const key = (cls, directive, value) =>
  `${cls}|${directive.toLowerCase()}|${SOURCE_LEVEL.has(cls) ? String(value ?? '').toLowerCase() : ''}`;

// → Set of keys the evaluator reports on `policy`.
export function evaluatorKeys(policy) {
  const findings = new CspEvaluator(new CspParser(policy).csp).evaluate();
  const keys = new Set();
  for (const f of findings) {
    const cls = CLASS_OF_TYPE[f.type];
    if (!cls) continue;
    if (f.type === Type.SCRIPT_ALLOWLIST_BYPASS && f.severity !== Severity.HIGH) continue;
    keys.add(key(cls, f.directive, f.value));
  }
  return keys;
}

// → Set of keys of the engine's header.csp findings (`findings`: details.findings).
export function engineKeys(findings) {
  const keys = new Set();
  for (const f of findings) {
    const cls = CLASS_OF_ISSUE[f.issue];
    if (!cls) continue;
    // An invalid directive name ("script-src:") is the evaluator's unknown directive of that name.
    const directive = f.issue === 'invalid-directive-name' ? f.value : f.directive;
    keys.add(key(cls, directive, f.value));
  }
  return keys;
}

// rows: [{source, policy, ours: Set, theirs: Set}] → {recall, precision, byClass, missed, extra}
export function score(rows) {
  let shared = 0, theirsTotal = 0, oursTotal = 0;
  const byClass = {};
  const missed = [];
  const extra = [];
  const cls = (k) => k.split('|')[0];
  const bump = (c, field) => {
    byClass[c] ??= { shared: 0, evaluator: 0, ours: 0 };
    byClass[c][field]++;
  };
  for (const row of rows) {
    for (const k of row.theirs) {
      theirsTotal++;
      bump(cls(k), 'evaluator');
      if (row.ours.has(k)) {
        shared++;
        bump(cls(k), 'shared');
      } else missed.push({ ...row, key: k });
    }
    for (const k of row.ours) {
      oursTotal++;
      bump(cls(k), 'ours');
      if (!row.theirs.has(k)) extra.push({ ...row, key: k });
    }
  }
  return {
    policies: rows.length,
    recall: theirsTotal ? shared / theirsTotal : 1,
    precision: oursTotal ? shared / oursTotal : 1,
    shared, evaluator: theirsTotal, ours: oursTotal, byClass, missed, extra,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

export function formatScore(s, { examples = 3, explain = () => null } = {}) {
  const lines = [`CSP Evaluator side by side: ${s.policies} policies, recall ${pct(s.recall)} (${s.shared}/${s.evaluator}), ` +
    `precision ${pct(s.precision)} (${s.shared}/${s.ours})`];
  for (const [c, v] of Object.entries(s.byClass).sort())
    lines.push(`  ${c.padEnd(22)} evaluator ${String(v.evaluator).padStart(4)}  ours ${String(v.ours).padStart(4)}  shared ${String(v.shared).padStart(4)}`);
  for (const [title, list] of [['Only the evaluator', s.missed], ['Only the engine', s.extra]]) {
    const groups = new Map();
    for (const m of list) {
      const why = explain(m, title === 'Only the engine') ?? 'UNEXPLAINED';
      const g = `${m.key.split('|')[0]} — ${why}`;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(m);
    }
    if (groups.size) lines.push(`${title} (${list.length}):`);
    for (const [g, ms] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`  [${ms.length}] ${g}`);
      for (const m of ms.slice(0, examples)) lines.push(`        ${m.key}   in: ${m.policy}`);
    }
  }
  return lines.join('\n');
}
