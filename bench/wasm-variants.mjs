// Two wasm builds of the engine side by side, interleaved in one Node process: the per-site cost
// (the generated sites of bench/observatory-sites.mjs, report only) and the cost per MB of a large
// HAR (e.g. out/bench/corpus-100.har). For choosing build flags (a size saving is kept only with
// its speed cost measured this way) and for before/after figures of two commits on a noisy
// machine. Each audit goes through the module's Session the same way for both builds (new
// Session, feed, finish, the report's bytes decoded, the graded headers parsed, delete), so a
// build of an older commit, whose host API differed, is timed on the same steps.
//   node bench/wasm-variants.mjs DIR_A DIR_B [--har FILE] [--sites N] [--reps R] [--feed-a M] [--feed-b M]
//                                [--profiles ID,ID] [--sarif]
// DIR_*: directories holding portal_check.{mjs,wasm} (build/wasm, or a variant's wasm/ dir).
// Prints one JSON object: per-site ms and MB/s medians of each build and the B ÷ A time ratios.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../web/host/engine.mjs';
import { benchSites } from './observatory-sites.mjs';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [dirA, dirB] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!dirA || !dirB) {
  process.stderr.write('usage: node bench/wasm-variants.mjs DIR_A DIR_B [--har FILE] [--sites N] [--reps R] [--feed-a bytes|buffer] [--feed-b bytes|buffer] [--profiles ID,ID] [--sarif]\n');
  process.exit(2);
}
const REPS = Number(option('--reps', 7));
// --profiles ID,ID: the audits evaluate these criteria profiles; --sarif: the SARIF is rendered
// and decoded too (as the app asks). Default: neither (as bundles, replays and the CLI's json).
const PROFILES = option('--profiles', '');
const SESSION_OPTIONS = JSON.stringify(PROFILES ? { profiles: PROFILES.split(',') } : {});
const SARIF = args.includes('--sarif');
const sites = benchSites({ count: Number(option('--sites', 300)) });
const harFile = option('--har', null);
const har = harFile ? readFileSync(harFile) : null;

async function load(dir) {
  return loadEngine({ moduleUrl: pathToFileURL(join(dir, 'portal_check.mjs')).href, wasmBinary: readFileSync(join(dir, 'portal_check.wasm')) });
}
const decoder = new TextDecoder();
// One audit of `bytes` through the Session; → the report's length (checked, so nothing is skipped).
// The bytes go in as the host feeds them (inputBuffer + feedInput) when both builds have that,
// else through feed(bytes) for both (a build older than it); --feed-a / --feed-b bytes|buffer
// choose for one build (the same build as A and B with two modes measures the host's feed).
function audit(engine, bytes) {
  const session = new engine.module.Session(SESSION_OPTIONS);
  try {
    let fed;
    if (engine.feedMode === 'buffer') {
      session.inputBuffer(bytes.length).set(bytes);
      fed = session.feedInput();
    } else {
      fed = session.feed(bytes);
    }
    const finished = session.finish();
    if (finished !== '{"ok":true}') throw new Error(`audit failed: ${fed} ${finished}`);
    JSON.parse(session.gradedHeaders() || '[]');
    const reportLength = decoder.decode(session.outputBytes('json')).length;
    if (SARIF && !decoder.decode(session.outputBytes('sarif')).length) throw new Error('no SARIF');
    return reportLength;
  } finally {
    session.delete();
  }
}
async function sitesMs(engine) {
  const t = performance.now();
  for (const site of sites) audit(engine, site.harBytes);
  return (performance.now() - t) / sites.length;
}
async function harMs(engine) {
  const t = performance.now();
  audit(engine, har);
  return performance.now() - t;
}

const engines = [await load(dirA), await load(dirB)];
const bothFeedInput = engines.every((e) => typeof e.module.Session.prototype.feedInput === 'function');
engines[0].feedMode = option('--feed-a', bothFeedInput ? 'buffer' : 'bytes');
engines[1].feedMode = option('--feed-b', bothFeedInput ? 'buffer' : 'bytes');
for (const e of engines) {
  if (!['bytes', 'buffer'].includes(e.feedMode)) throw new Error(`--feed-a/--feed-b: bytes or buffer, not ${e.feedMode}`);
}
const times = engines.map(() => ({ site: [], har: [] }));
for (let rep = -1; rep < REPS; rep++) {  // rep -1: warm-up
  const order = rep % 2 ? [1, 0] : [0, 1];
  for (const i of order) {
    const site = await sitesMs(engines[i]);
    const large = har ? await harMs(engines[i]) : 0;
    if (rep >= 0) {
      times[i].site.push(site);
      times[i].har.push(large);
    }
  }
}
const summary = (t) => ({
  siteMs: Number(median(t.site).toFixed(4)),
  ...(har ? { harMs: Number(median(t.har).toFixed(1)), harMBps: Number((har.length / 1e6 / (median(t.har) / 1000)).toFixed(2)) } : {}),
});
const a = summary(times[0]);
const b = summary(times[1]);
process.stdout.write(`${JSON.stringify({
  a: { dir: dirA, ...a }, b: { dir: dirB, ...b },
  siteRatio: Number((b.siteMs / a.siteMs).toFixed(3)),
  ...(har ? { harRatio: Number((b.harMs / a.harMs).toFixed(3)) } : {}),
  reps: REPS, sites: sites.length, har: harFile, profiles: PROFILES || null, sarif: SARIF, fed: engines.map((e) => (e.feedMode === 'buffer' ? 'inputBuffer+feedInput' : 'feed(bytes)')),
})}\n`);
