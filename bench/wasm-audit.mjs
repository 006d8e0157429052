// The wasm audit in Node versus the native audit, on the same HAR, interleaved in one run.
//   node bench/wasm-audit.mjs FILE.har [--reps N] [--native build/bench/bench/pc_bench_floor] [--memory-only]
// Each repetition: one native audit (a child process running pc_bench_floor --audit-once, timing
// only Create+Feed+Finish inside it) then one wasm audit in this process (auditHar of
// web/host/engine.mjs, HAR given as bytes, 1 MiB chunks; timed around auditHar only, after one
// warm-up). Prints one JSON object: medians, the wasm/native ratio, and this process's maxRSS.
// --memory-only: a single wasm audit, no native runs (for the peak-RSS figure); with --stream the
// HAR is given to auditHar as a file stream (1 MiB reads) instead of one buffer.
// The engine: build/wasm, or $PORTAL_CHECK_WASM_DIR when set.
import { readFileSync, createReadStream } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { loadEngine, auditHar } from '../web/host/engine.mjs';
import { median } from './median.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const reps = Number(opt('--reps', 5));
const native = opt('--native', join(root, 'build/bench/bench/pc_bench_floor'));
const memoryOnly = args.includes('--memory-only');

const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || join(root, 'build/wasm');  // as web/cli/engine-files.mjs
const wasmBinary = readFileSync(join(wasmDir, 'portal_check.wasm'));
const engine = await loadEngine({ moduleUrl: pathToFileURL(join(wasmDir, 'portal_check.mjs')), wasmBinary });
const stream = args.includes('--stream');
const har = stream ? null : readFileSync(file);
const harMB = (stream ? (await import('node:fs')).statSync(file).size : har.length) / 1e6;

async function wasmOnce() {
  const t0 = performance.now();
  const input = stream ? createReadStream(file, { highWaterMark: 1 << 20 }) : har;
  const { reportText } = await auditHar(engine, input);
  return { ms: performance.now() - t0, reportBytes: Buffer.byteLength(reportText) };
}

if (memoryOnly) {
  const r = await wasmOnce();
  const mem = process.memoryUsage();
  console.log(JSON.stringify({ har: file, harMB, stream, wasmMs: r.ms, reportBytes: r.reportBytes, maxRssMB: process.resourceUsage().maxRSS / 1024, heapUsedMB: mem.heapUsed / 1e6, externalMB: mem.external / 1e6, wasmMemoryMB: engine.module.HEAP8 ? engine.module.HEAP8.length / 1e6 : null }));
} else {
  await wasmOnce();  // warm-up (tier-up of the wasm code)
  const w = [], n = [], ratio = [];
  for (let r = 0; r < reps; r++) {
    const nm = Number(execFileSync(native, [file, '--audit-once']).toString().trim());
    const wm = (await wasmOnce()).ms;
    n.push(nm); w.push(wm); ratio.push(wm / nm);
  }
  console.log(JSON.stringify({ har: file, harMB, reps, nativeMs: median(n), wasmMs: median(w), nativeMsPerHarMB: median(n) / harMB, wasmMsPerHarMB: median(w) / harMB, ratioOfMedians: median(w) / median(n), medianOfRatios: median(ratio), nativeMsAll: n.map((x) => +x.toFixed(1)), wasmMsAll: w.map((x) => +x.toFixed(1)), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}
