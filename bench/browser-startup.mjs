// Start-up of the wasm engine in Debian's Chromium (playwright-core, headless), N fresh page loads.
//   node bench/browser-startup.mjs [--runs N (default 15)]
// The app is served by the project's own static server (web/serve/static-server.mjs) on 127.0.0.1;
// every run uses a new browser context (its own empty HTTP and wasm code cache), so each figure is
// a cold start. Two measurements per run, each in its own fresh context, timed inside the page
// with performance.now():
//   page:   the engine factory (build/wasm/portal_check.mjs, already imported) given an
//           `instantiateWasm` hook that does WebAssembly.compileStreaming(fetch(portal_check.wasm))
//           then WebAssembly.instantiate(module, the glue's real imports) — compile (which includes
//           the loopback download it streams from) and instantiate are timed separately; `factory`
//           is the whole factory call up to a ready Module (runtime init included), `firstCall` the
//           first engine call (engineInfo()).
//   worker: what the app does on its first audit: new Worker(app/worker.mjs, {type: 'module'})
//           posted {type: 'ruleset'} until its reply (worker start, module imports, the glue's own
//           instantiateStreaming, engineInfo and the embedded ruleset text) = first usable engine;
//           with the worker's timeline (its time origin, when the glue and the .wasm were fetched).
// Prints one JSON object: median/min/max of each figure (ms) and every run's values.
import { startAppServer } from '../web/serve/static-server.mjs';
import { launchBrowser, foreignRequests, skipReason } from '../tests/browser/harness.mjs';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const runs = Number(opt('--runs', 15));
const skip = skipReason();
if (skip) {
  process.stderr.write(`browser-startup: cannot run: ${skip}\n`);
  process.exit(3);
}

const summary = (v) => ({ median: +median(v).toFixed(1), min: +Math.min(...v).toFixed(1), max: +Math.max(...v).toFixed(1) });

// Runs in the page (the app's index.html, so the app's own CSP applies).
async function pageStartup() {
  const { default: factory } = await import(new URL('../wasm/portal_check.mjs', location.href).href);
  const wasmUrl = new URL('../wasm/portal_check.wasm', location.href).href;
  const t = {};
  const f0 = performance.now();
  const module = await factory({
    instantiateWasm(imports, receive) {
      (async () => {
        const c0 = performance.now();
        const compiled = await WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' }));
        const c1 = performance.now();
        const instance = await WebAssembly.instantiate(compiled, imports);
        const c2 = performance.now();
        t.compile = c1 - c0;
        t.instantiate = c2 - c1;
        receive(instance, compiled);
      })();
      return {};
    },
  });
  t.factory = performance.now() - f0;
  const e0 = performance.now();
  const info = JSON.parse(module.engineInfo());
  t.firstCall = performance.now() - e0;
  t.compileInstantiate = t.compile + t.instantiate;
  t.engine = info.version || info.name || null;
  return t;
}

// Runs in the page: the app's worker, as main.mjs starts it, until the ruleset reply.
async function workerStartup() {
  const t0 = performance.now();
  const worker = new Worker(new URL('./worker.mjs', location.href), { type: 'module' });
  const text = await new Promise((resolve, reject) => {
    worker.addEventListener('message', (e) => (e.data?.type === 'ruleset' ? resolve(e.data.text) : reject(new Error(JSON.stringify(e.data)))));
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'worker error')));
    worker.postMessage({ type: 'ruleset' });
  });
  const ms = performance.now() - t0;
  window.benchWorker = worker; // terminated by closing the context, after its timeline is read
  return { firstEngine: ms, rulesetChars: text.length, startedAt: performance.timeOrigin + t0 };
}

// Runs in the worker (through Playwright's worker handle): where its time went, in ms from `startedAt`
// (the page's new Worker() call): the worker's own time origin (thread + script start) and the
// fetches of the glue and the .wasm (Resource Timing).
function workerTimeline(startedAt) {
  const rel = (t) => +(performance.timeOrigin + t - startedAt).toFixed(1);
  const res = (name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name));
  const glue = res('/wasm/portal_check.mjs');
  const wasm = res('/wasm/portal_check.wasm');
  return {
    workerOrigin: rel(0),
    glueFetched: glue ? rel(glue.responseEnd) : null,
    wasmFetchStart: wasm ? rel(wasm.startTime) : null,
    wasmFetched: wasm ? rel(wasm.responseEnd) : null,
  };
}

const app = await startAppServer({ port: 0 });
const browser = await launchBrowser();
const requests = [];
const perRun = [];
try {
  for (let r = 0; r < runs; r++) {
    const one = {};
    for (const [name, fn] of [['page', pageStartup], ['worker', workerStartup]]) {
      const context = await browser.newContext();
      context.on('request', (q) => requests.push(q.url()));
      const page = await context.newPage();
      await page.goto(app.url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      one[name] = await page.evaluate(fn);
      if (name === 'worker') {
        const [w] = page.workers();
        one.timeline = w ? await w.evaluate(workerTimeline, one.worker.startedAt) : null;
      }
      await context.close();
    }
    perRun.push(one);
    process.stderr.write(`[browser-startup] run ${r + 1}/${runs}: compile ${one.page.compile.toFixed(1)} + instantiate ${one.page.instantiate.toFixed(1)} ms; worker first engine ${one.worker.firstEngine.toFixed(1)} ms\n`);
  }
} finally {
  await browser.close();
  await app.close();
}

const col = (get) => perRun.map(get);
const foreign = foreignRequests(requests);
console.log(JSON.stringify({
  browser: 'chromium (Debian), headless, playwright-core',
  runs,
  engine: perRun[0]?.page.engine ?? null,
  compileInstantiateMs: summary(col((x) => x.page.compileInstantiate)),
  compileMs: summary(col((x) => x.page.compile)),
  instantiateMs: summary(col((x) => x.page.instantiate)),
  factoryMs: summary(col((x) => x.page.factory)),
  firstCallMs: summary(col((x) => x.page.firstCall)),
  workerFirstEngineMs: summary(col((x) => x.worker.firstEngine)),
  workerTimelineMs: Object.fromEntries(['workerOrigin', 'glueFetched', 'wasmFetchStart', 'wasmFetched']
    .filter((k) => perRun.every((x) => typeof x.timeline?.[k] === 'number')).map((k) => [k, summary(col((x) => x.timeline[k]))])),
  foreignRequests: foreign,
  all: perRun.map((x) => ({ compile: +x.page.compile.toFixed(1), instantiate: +x.page.instantiate.toFixed(1), factory: +x.page.factory.toFixed(1), firstCall: +x.page.firstCall.toFixed(1), workerFirstEngine: +x.worker.firstEngine.toFixed(1), workerTimeline: x.timeline })),
}));
if (foreign.length) process.exitCode = 1;
