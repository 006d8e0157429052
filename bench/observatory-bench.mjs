// Per-site cost of an audit against the real Mozilla HTTP Observatory analyser, in one Node process.
//   node bench/observatory-bench.mjs [--sites N] [--reps R] [--fixed K]      (defaults 300, 5, 100)
//   node bench/observatory-bench.mjs --write-hars DIR   writes DIR/empty.har, DIR/one-entry.har and
//     DIR/site.har (the empty, one-entry and first-site HARs measured here, e.g. for callgrind) and stops
// The sites (observatory-sites.mjs): the side-by-side test's generated portals, each an https chain,
// an http chain and a CORS preflight. Per repetition, in an order that alternates (Observatory first
// on even repetitions, the engine first on odd ones), after one warm-up repetition:
//   - Observatory: its retriever's Requests object built for every site from the site's responses
//     (observatoryRetrieval: sessions, cookie jar, folded headers, http-equiv), timed on its own,
//     then the real scan() of src/scanner/index.js on each (every test of ALL_TESTS, its scorer and
//     grader; its retrieve() answered from the prepared object, observatory-retriever-hook.mjs);
//   - engine: auditHar of web/host/engine.mjs on each site's HAR bytes, one engine loaded once
//     (loadNodeEngine: build/wasm or $PORTAL_CHECK_WASM_DIR), the report decoded as text: once
//     without SARIF (sarif: false, as bundles, replays and the CLI's json and text formats ask) and
//     once with the SARIF decoded too (as the app and the CLI's sarif format ask);
//   - before the repetitions, on 3 freshly loaded engines: the first audit (an empty HAR: the
//     engine's once-per-module work, e.g. parsing the embedded ruleset), then a one-entry HAR twice
//     (its first run adds what is built on first use, e.g. the public suffix list);
//   - fixed cost: K audits of an empty HAR and K of a one-entry HAR (the first site's first entry)
//     through auditHar, and the same through the module's Session directly, phase by phase
//     (new Session = Auditor::Create, feed, finish, outputBytes json (a view into the wasm memory),
//     decode: the report to text + gradedHeaders parsed, as auditHar does; delete), and apart,
//     sarif: outputBytes('sarif') (rendered on that first request) + its decoding.
// Garbage collection: the pauses V8 reports (perf_hooks 'gc' entries) that began inside each
// Observatory and engine pass are summed, and printed as a share of the pass: both sides' times
// include their collections (the Observatory's share moves most between machines and loads).
// Prints markdown tables (medians over the repetitions) to stdout; progress goes to stderr.
// Needs the devDependency @mdn/mdn-http-observatory (its postinstall skipped: no HSTS preload list,
// see tests/support/observatory/no-preload-hook.mjs).
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { register } from 'node:module';
import { PerformanceObserver } from 'node:perf_hooks';
import { benchSites, observatoryRetrieval } from './observatory-sites.mjs';
import { prepare } from './observatory-prepared-retrieval.mjs';
import { loadNodeEngine } from '../web/cli/engine-files.mjs';
import { auditHar } from '../web/host/engine.mjs';
import { median } from './median.mjs';

register('./observatory-retriever-hook.mjs', import.meta.url);
const { scan } = await import('@mdn/mdn-http-observatory/src/scanner/index.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SITES = option('--sites', 300);
const REPS = option('--reps', 5);
const FIXED = option('--fixed', 100);
const log = (text) => process.stderr.write(`[observatory-bench] ${text}\n`);

const sites = benchSites({ count: SITES });
const harBytes = sites.reduce((sum, s) => sum + s.harBytes.length, 0);
const encoder = new TextEncoder();
const EMPTY_HAR = encoder.encode('{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}');
const firstHar = JSON.parse(new TextDecoder().decode(sites[0].harBytes));
firstHar.log.entries.length = 1;
const ONE_ENTRY_HAR = encoder.encode(JSON.stringify(firstHar));
const writeDir = args.includes('--write-hars') ? args[args.indexOf('--write-hars') + 1] : null;
if (writeDir) {
  mkdirSync(writeDir, { recursive: true });
  for (const [name, bytes] of [['empty', EMPTY_HAR], ['one-entry', ONE_ENTRY_HAR], ['site', sites[0].harBytes]]) writeFileSync(join(writeDir, `${name}.har`), bytes);
  log(`wrote empty.har, one-entry.har and site.har to ${writeDir}`);
  process.exit(0);
}
const engine = await loadNodeEngine();

// V8's collection pauses, as they are reported: [{start, end}] (ms on performance.now()'s clock).
const gcPauses = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });
// ms of collection pauses that began within [from, to]; entries are delivered on a later task, so
// it waits for a timer first (one setImmediate turn is not enough: measured).
async function gcMsBetween(from, to) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return gcPauses.filter((g) => g.start >= from && g.start <= to).reduce((sum, g) => sum + g.end - g.start, 0);
}

// Observatory over every site: → {prepareMs, scanMs, grades, scanGcMs (collections during scanMs)}.
async function observatoryPass() {
  let t = performance.now();
  const retrievals = sites.map(observatoryRetrieval);
  const prepareMs = performance.now() - t;
  const grades = [];
  t = performance.now();
  for (const requests of retrievals) {
    prepare(requests);
    grades.push((await scan(requests.hostname)).scan.grade);
  }
  const end = performance.now();
  return { prepareMs, scanMs: end - t, grades, scanGcMs: await gcMsBetween(t, end) };
}

// The engine over every site, the SARIF asked for or not: → {ms, reportBytes, gcMs}.
async function enginePass(sarif) {
  let reportBytes = 0;
  const t = performance.now();
  for (const site of sites) {
    const result = await auditHar(engine, site.harBytes, { sarif });
    reportBytes += result.reportText.length + (sarif ? result.sarifText.length : 0);
  }
  const end = performance.now();
  return { ms: end - t, reportBytes, gcMs: await gcMsBetween(t, end) };
}

// Mean ms of `count` auditHar calls on `bytes` (report only).
async function auditMean(bytes, count) {
  const t = performance.now();
  for (let i = 0; i < count; i++) await auditHar(engine, bytes, { sarif: false });
  return (performance.now() - t) / count;
}

// One audit through the module's Session, timed phase by phase. → {create, feed, finish, outputs, free}.
function sessionPhases(bytes) {
  const m = engine.module;
  const t0 = performance.now();
  const session = new m.Session('{}');
  const t1 = performance.now();
  session.inputBuffer(bytes.length).set(bytes);  // as auditHar feeds (web/host/engine.mjs feedBytes)
  const fed = session.feedInput();
  const t2 = performance.now();
  const finished = session.finish();
  const t3 = performance.now();
  const reportView = session.outputBytes('json').length;
  const t4 = performance.now();
  const report = decoder.decode(session.outputBytes('json'));
  JSON.parse(session.gradedHeaders() || '[]');
  const t5 = performance.now();
  const sarif = decoder.decode(session.outputBytes('sarif'));
  const t6 = performance.now();
  session.delete();
  const t7 = performance.now();
  if (!fed.startsWith('{"entries"') || finished !== '{"ok":true}' || !reportView || !report || !sarif) throw new Error(`session audit failed: ${fed} ${finished}`);
  return {
    create: t1 - t0, feed: t2 - t1, finish: t3 - t2, outputs: t4 - t3, decode: t5 - t4, free: t7 - t6, sarif: t6 - t5,
    reportBytes: reportView, sarifBytes: encoder.encode(sarif).length,
  };
}
const decoder = new TextDecoder();
const PHASES = ['create', 'feed', 'finish', 'outputs', 'decode', 'free'];
function phaseMedians(bytes, count) {
  const runs = Array.from({ length: count }, () => sessionPhases(bytes));
  return {
    ...Object.fromEntries([...PHASES, 'sarif'].map((p) => [p, median(runs.map((r) => r[p]))])),
    reportBytes: runs[0].reportBytes, sarifBytes: runs[0].sarifBytes,
  };
}

// First audits on freshly loaded engines. → [{emptyFirst, oneEntryFirst, oneEntrySecond}] (ms).
async function firstAudits(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const fresh = await loadNodeEngine();
    const timed = async (bytes) => {
      const t = performance.now();
      await auditHar(fresh, bytes);
      return performance.now() - t;
    };
    out.push({ emptyFirst: await timed(EMPTY_HAR), oneEntryFirst: await timed(ONE_ENTRY_HAR), oneEntrySecond: await timed(ONE_ENTRY_HAR) });
  }
  return out;
}

const fresh = await firstAudits(3);
log(`${sites.length} sites, ${(harBytes / sites.length / 1024).toFixed(2)} KiB of HAR per site on average; warm-up`);
const warm = await observatoryPass();
const warmEngine = await enginePass(false);
await enginePass(true);
await auditMean(EMPTY_HAR, FIXED);
await auditMean(ONE_ENTRY_HAR, FIXED);
const pct = (part, whole) => `${((100 * part) / whole).toFixed(0)} %`;
const runs = [];
for (let r = 0; r < REPS; r++) {
  const run = {};
  const passes = r % 2 === 0 ? ['observatory', 'engine', 'engineSarif'] : ['engineSarif', 'engine', 'observatory'];
  for (const pass of passes) run[pass] = pass === 'observatory' ? await observatoryPass() : await enginePass(pass === 'engineSarif');
  run.emptyMs = await auditMean(EMPTY_HAR, FIXED);
  run.oneEntryMs = await auditMean(ONE_ENTRY_HAR, FIXED);
  run.phases = { empty: phaseMedians(EMPTY_HAR, FIXED), oneEntry: phaseMedians(ONE_ENTRY_HAR, FIXED), site: phaseMedians(sites[0].harBytes, FIXED) };
  runs.push(run);
  log(`repetition ${r + 1}/${REPS} (${passes.join(' then ')}): Observatory ${((run.observatory.prepareMs + run.observatory.scanMs) / SITES).toFixed(2)} ms/site (${pct(run.observatory.scanGcMs, run.observatory.scanMs)} of scan() in GC), engine ${(run.engine.ms / SITES).toFixed(2)} ms/site (${pct(run.engine.gcMs, run.engine.ms)} in GC; with SARIF ${(run.engineSarif.ms / SITES).toFixed(2)})`);
}

const perSite = (f) => median(runs.map(f)) / SITES;
const scanMs = perSite((r) => r.observatory.scanMs);
const fullObservatoryMs = perSite((r) => r.observatory.prepareMs + r.observatory.scanMs);
const engineMs = perSite((r) => r.engine.ms);
const engineSarifMs = perSite((r) => r.engineSarif.ms);
const mbps = (msPerSite) => (harBytes / SITES / 1e6) / (msPerSite / 1000);
const fmt = (x, digits = 2) => x.toFixed(digits);
let commit = 'unknown';
try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
const gradeCounts = {};
for (const g of warm.grades) gradeCounts[g] = (gradeCounts[g] ?? 0) + 1;
const corsCounts = {};
for (const s of sites) corsCounts[s.cors] = (corsCounts[s.cors] ?? 0) + 1;

const out = [];
out.push(`${new Date().toISOString()}, commit ${commit}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}, Node ${process.version}, ${os.cpus().length} CPUs`);
out.push(`${SITES} sites, ${harBytes.toLocaleString('en')} bytes of HAR (mean ${(harBytes / SITES).toFixed(0)} B per site), median of ${REPS} interleaved repetitions; preflight answers ${JSON.stringify(corsCounts)}; Observatory grades ${JSON.stringify(gradeCounts)}; engine reports ${warmEngine.reportBytes.toLocaleString('en')} characters in all`);
out.push('');
out.push('| per site | ms | MB/s of HAR | Observatory ÷ engine |');
out.push('|---|---|---|---|');
out.push(`| Observatory: scan() (ALL_TESTS + scorer) on the prepared Requests | ${fmt(scanMs)} | ${fmt(mbps(scanMs))} | ${fmt(scanMs / engineMs)}× |`);
out.push(`| Observatory: building its Requests from the responses + scan() | ${fmt(fullObservatoryMs)} | ${fmt(mbps(fullObservatoryMs))} | ${fmt(fullObservatoryMs / engineMs)}× |`);
out.push(`| engine (wasm): auditHar of the site's HAR, the report | ${fmt(engineMs)} | ${fmt(mbps(engineMs))} | 1× |`);
out.push(`| engine (wasm): the same, report and SARIF | ${fmt(engineSarifMs)} | ${fmt(mbps(engineSarifMs))} | scan() ÷ this: ${fmt(scanMs / engineSarifMs)}× |`);
out.push('');
const gcShare = (f) => `${fmt(median(runs.map(f)) * 100, 0)} %`;
out.push(`Garbage collection pauses within the pass (median share over the repetitions): Observatory scan() ${gcShare((r) => r.observatory.scanGcMs / r.observatory.scanMs)}, engine ${gcShare((r) => r.engine.gcMs / r.engine.ms)}; scan() without its pauses ÷ engine without its pauses: ${fmt(median(runs.map((r) => (r.observatory.scanMs - r.observatory.scanGcMs) / (r.engine.ms - r.engine.gcMs))))}×.`);
out.push('');
out.push(`| engine audit (auditHar, mean of ${FIXED}) | ms | share of a site's audit |`);
out.push('|---|---|---|');
const emptyMs = median(runs.map((r) => r.emptyMs));
const oneEntryMs = median(runs.map((r) => r.oneEntryMs));
out.push(`| empty HAR (no entry): the fixed cost | ${fmt(emptyMs, 3)} | ${fmt((100 * emptyMs) / engineMs, 0)} % |`);
out.push(`| one-entry HAR (${ONE_ENTRY_HAR.length} B) | ${fmt(oneEntryMs, 3)} | ${fmt((100 * oneEntryMs) / engineMs, 0)} % |`);
out.push(`| mean site (${(harBytes / SITES).toFixed(0)} B: chains + preflight) | ${fmt(engineMs, 3)} | 100 % |`);
const freshMedian = (key) => fmt(median(fresh.map((f) => f[key])), 3);
out.push(`| first audit of a freshly loaded engine, empty HAR (median of ${fresh.length} engines) | ${freshMedian('emptyFirst')} | |`);
out.push(`| then its first one-entry HAR / its second one | ${freshMedian('oneEntryFirst')} / ${freshMedian('oneEntrySecond')} | |`);
out.push('');
out.push(`| Session phase (median of ${FIXED}, then of the repetitions), ms | ${PHASES.join(' | ')} | total | report bytes | then sarif (render + decode), ms | SARIF bytes |`);
out.push(`|---|${PHASES.map(() => '---').join('|')}|---|---|---|---|`);
for (const [what, key] of [['empty HAR', 'empty'], ['one-entry HAR', 'oneEntry'], [`first site (${sites[0].harBytes.length} B)`, 'site']]) {
  const values = PHASES.map((p) => median(runs.map((r) => r.phases[key][p])));
  const { reportBytes, sarifBytes } = runs[0].phases[key];
  const sarifMs = median(runs.map((r) => r.phases[key].sarif));
  out.push(`| ${what} | ${values.map((v) => fmt(v, 3)).join(' | ')} | ${fmt(values.reduce((a, b) => a + b), 3)} | ${reportBytes.toLocaleString('en')} | ${fmt(sarifMs, 3)} | ${sarifBytes.toLocaleString('en')} |`);
}
console.log(out.join('\n'));
