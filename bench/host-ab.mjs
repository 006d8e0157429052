// Two versions of the JS host (web/host/engine.mjs) on one wasm engine, per site, in one process.
//   node bench/host-ab.mjs A.mjs B.mjs [--reps N] [--sites N]     (defaults 9, 300)
// A and B: copies of engine.mjs (it imports nothing, so a copy works anywhere), e.g.
//   git show 88d8034:web/host/engine.mjs > /tmp/engine-a.mjs
// Each repetition runs A's auditHar then B's over the generated sites of observatory-bench.mjs
// (report only, read as text: sarif false), on the same engine (loadNodeEngine); then an empty
// HAR 1,000 times each. Prints per-site and per-empty-audit ms (medians over the repetitions) and
// B ÷ A. Both run in one process, alternating, so a slower hour moves both alike.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { benchSites } from './observatory-sites.mjs';
import { loadNodeEngine } from '../web/cli/engine-files.mjs';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const [pathA, pathB] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!pathA || !pathB) {
  console.error('usage: node bench/host-ab.mjs A.mjs B.mjs [--reps N] [--sites N]');
  process.exit(2);
}
const REPS = option('--reps', 9);
const hosts = [await import(pathToFileURL(resolve(pathA))), await import(pathToFileURL(resolve(pathB)))];
const engine = await loadNodeEngine();
const sites = benchSites({ count: option('--sites', 300) });
const EMPTY = new TextEncoder().encode('{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}');

// ms per audit of `inputs` through `host`'s auditHar.
async function pass(host, inputs) {
  const t = performance.now();
  for (const bytes of inputs) if ((await host.auditHar(engine, bytes, { sarif: false })).reportText.length === 0) throw new Error('empty report');
  return (performance.now() - t) / inputs.length;
}

const emptyInputs = Array(1000).fill(EMPTY);
for (const host of hosts) await pass(host, sites.map((s) => s.harBytes));  // warm-up
const runs = hosts.map(() => ({ site: [], empty: [] }));
for (let r = 0; r < REPS; r++) {
  for (const [i, host] of hosts.entries()) runs[i].site.push(await pass(host, sites.map((s) => s.harBytes)));
  for (const [i, host] of hosts.entries()) runs[i].empty.push(await pass(host, emptyInputs));
}
const [a, b] = runs.map((run) => ({ site: median(run.site), empty: median(run.empty) }));
console.log(`| host | site (${sites.length} sites), ms | empty HAR, ms |`);
console.log('|---|---|---|');
console.log(`| A ${pathA} | ${a.site.toFixed(3)} | ${a.empty.toFixed(3)} |`);
console.log(`| B ${pathB} | ${b.site.toFixed(3)} | ${b.empty.toFixed(3)} |`);
console.log(`| B ÷ A | ${(b.site / a.site).toFixed(3)} | ${(b.empty / a.empty).toFixed(3)} |`);
