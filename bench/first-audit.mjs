// What a freshly loaded engine costs before its first report, for two wasm builds side by side
// (e.g. the embedded data inflated at start-up against a build that kept it uncompressed):
//   node bench/first-audit.mjs DIR_A DIR_B [--rounds N]      (default 7)
// Each round, in alternating order, creates a new instance of each build from its bytes (already
// read and compiled by V8 once, as a page that reloads would) and times, on it: the instantiation,
// its first audit (an empty HAR: the once-per-module work, e.g. the ruleset parsed) and then its
// first one-entry audit (out/bench/fixed-cost/one-entry.har: what is built on first use, e.g. the
// public suffix list). Prints the medians of each build as one JSON object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 7;
const dirs = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (dirs.length !== 2) {
  process.stderr.write('usage: node bench/first-audit.mjs DIR_A DIR_B [--rounds N]\n');
  process.exit(2);
}
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const EMPTY = new TextEncoder().encode('{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}');
const ONE = readFileSync(join(root, 'out/bench/fixed-cost/one-entry.har'));  // scripts/bench writes it
const builds = [];
for (const dir of dirs) {
  builds.push({
    dir,
    create: (await import(pathToFileURL(join(dir, 'portal_check.mjs')).href)).default,
    wasmBinary: readFileSync(join(dir, 'portal_check.wasm')),
    times: { instantiate: [], firstEmpty: [], firstOneEntry: [] },
  });
}
// One audit through the module's Session (report rendered and viewed, as a host reads it).
function audit(module, bytes) {
  const session = new module.Session('{}');
  try {
    const fed = session.feed(bytes);
    if (!fed.startsWith('{"entries"') || session.finish() !== '{"ok":true}') throw new Error(`audit failed: ${fed}`);
    if (!session.outputBytes('json').length) throw new Error('no report');
  } finally {
    session.delete();
  }
}
for (let round = 0; round < rounds; round++) {
  for (const build of round % 2 ? builds : [...builds].reverse()) {
    const t0 = performance.now();
    const module = await build.create({ wasmBinary: build.wasmBinary });
    const t1 = performance.now();
    audit(module, EMPTY);
    const t2 = performance.now();
    audit(module, ONE);
    const t3 = performance.now();
    build.times.instantiate.push(t1 - t0);
    build.times.firstEmpty.push(t2 - t1);
    build.times.firstOneEntry.push(t3 - t2);
  }
}
const summary = (b) => Object.fromEntries(Object.entries(b.times).map(([k, v]) => [k + 'Ms', Number(median(v).toFixed(2))]));
process.stdout.write(`${JSON.stringify({ a: { dir: builds[0].dir, ...summary(builds[0]) }, b: { dir: builds[1].dir, ...summary(builds[1]) }, rounds })}\n`);
