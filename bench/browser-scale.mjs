// The browser app auditing a big HAR in Debian's Chromium (playwright-core, headless): does the page
// stay responsive, and does the report render?
//   node bench/browser-scale.mjs [FILE.har (default out/bench/corpus-1000.har)] [--timeout-s S (default 900)]
//        [--cpuprofile FILE.cpuprofile]
// The app is served by the project's own static server (web/serve/static-server.mjs) on 127.0.0.1;
// the HAR goes in through the app's own input (#har-file), so the app's worker reads it in 1 MiB
// slices exactly as for a user. Measured in the page:
//   - every main-thread long task (PerformanceObserver 'longtask', ≥ 50 ms, from page load to the
//     end): the longest, their count and sum, the five longest with their start (ms after the file
//     was chosen);
//   - long animation frames (PerformanceObserver 'long-animation-frame': the task plus the style,
//     layout and paint it caused, with the scripts that ran in it): the five longest;
//   - a heartbeat (setTimeout every 20 ms) whose worst lateness is an independent check of the same;
//   - the status line's changes (#progress-text) with their time: when the audit left the worker
//     ("rendering") and when the report was done;
//   - total time (file chosen → report shown and the app idle), the findings shown (.pc-finding
//     cards in #report) and the results line ("Showing n of m results").
//   - memory (see "memory" in the output): every Chromium process of this run (the browser, its
//     zygotes, GPU/utility/network processes, the renderers) sampled every 100 ms from
//     /proc/<pid>/status and smaps_rollup (bench/process-memory.mjs) from the file's choice to the
//     end: the renderer doing the work (the page and its dedicated audit worker, with the worker's
//     wasm memory, live in one renderer process: the renderer with the largest peak) with its
//     kernel high-water mark VmHWM (exact peak RSS), its sampled peak RSS, anonymous RSS and PSS;
//     the peak over the samples of the whole browser's summed RSS and summed PSS; and the page's
//     V8 heap (CDP Performance.getMetrics JSHeapUsedSize / JSHeapTotalSize, every 250 ms; the
//     worker's heap is not in it).
// --cpuprofile: also records a V8 CPU profile of the page's main thread (CDP Profiler, 1 ms samples)
// into FILE and prints its heaviest functions (self and inclusive ms) to stderr: where a long task
// spends its time.
// Prints one JSON object. Exit 1 when the report did not render or a request left 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../web/serve/static-server.mjs';
import { sampleTree } from './process-memory.mjs';
import { ROOT, launchBrowser, waitForReport, waitIdle, foreignRequests, skipReason } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const valued = new Set(['--timeout-s', '--cpuprofile']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const harFile = path.resolve(positional[0] || path.join(ROOT, 'out/bench/corpus-1000.har'));
const timeoutMs = Number(opt('--timeout-s', 900)) * 1000;
const cpuprofile = opt('--cpuprofile', null);
const skip = skipReason() || (fs.existsSync(harFile) ? false : `${harFile} is missing (node bench/make-corpus.mjs out/bench)`);
if (skip) {
  process.stderr.write(`browser-scale: cannot run: ${skip}\n`);
  process.exit(3);
}

// Installed before the app's scripts: long tasks, heartbeat lateness, status-line changes.
function instrument() {
  const probe = { longtasks: [], frames: [], maxLateMs: 0, maxLateAt: 0, status: [], t0: null };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        probe.frames.push({
          start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((x) => ({ invoker: x.invoker, source: `${x.sourceFunctionName || ''} ${x.sourceURL.replace(/^.*\/(app|host|wasm)\//, '$1/')}:${x.sourceCharPosition}`, duration: Math.round(x.duration) })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  let expected = performance.now() + 20;
  const beat = () => {
    const now = performance.now();
    if (now - expected > probe.maxLateMs) { probe.maxLateMs = now - expected; probe.maxLateAt = expected; }
    expected = now + 20;
    setTimeout(beat, 20);
  };
  setTimeout(beat, 20);
  document.addEventListener('DOMContentLoaded', () => {
    const node = document.getElementById('progress-text');
    if (!node) return;
    new MutationObserver(() => {
      const text = node.textContent;
      const last = probe.status[probe.status.length - 1];
      // Progress lines repeat with new byte counts: keep the first and last of each kind.
      const kind = text.replace(/[\d.,]+/g, '#');
      if (last && last.kind === kind) { last.lastAt = performance.now(); last.lastText = text; } else probe.status.push({ kind, text, at: performance.now() });
    }).observe(node, { childList: true, characterData: true, subtree: true });
  });
}

// Self and inclusive time per function (ms) of a CDP Profiler profile, heaviest first.
function heaviest(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) || 0) + (profile.timeDeltas[i + 1] ?? 0));
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(app|host|wasm)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const incl = new Map();
  for (const [id, us] of selfUs) {
    const key = name(byId.get(id));
    self.set(key, (self.get(key) || 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + us); }
    }
  }
  const list = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  return { self: list(self), inclusive: list(incl) };
}

const app = await startAppServer({ port: 0 });
const browser = await launchBrowser();
let result;
try {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  const session = await (async () => {
    // openApp's log, on a context that carries the init script.
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e?.message || e)));
    await page.goto(app.url, { waitUntil: 'load' });
    return { page, requests, pageErrors };
  })();
  const { page } = session;
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  let cdp = null;
  if (cpuprofile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  // The page's V8 heap, sampled beside the processes (a failed sample is skipped).
  const metricsCdp = await context.newCDPSession(page);
  await metricsCdp.send('Performance.enable');
  const heap = { usedPeak: 0, totalPeak: 0, samples: 0 };
  let heapTimer = null;
  const heapTick = async () => {
    try {
      const { metrics } = await metricsCdp.send('Performance.getMetrics');
      const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
      heap.usedPeak = Math.max(heap.usedPeak, get('JSHeapUsedSize'));
      heap.totalPeak = Math.max(heap.totalPeak, get('JSHeapTotalSize'));
      heap.samples++;
    } catch { /* the page is busy or closing */ }
    if (heapTimer) heapTimer = setTimeout(heapTick, 250);
  };
  heapTimer = setTimeout(heapTick, 0);
  const sampler = sampleTree(process.pid, { intervalMs: 100 });
  const t0 = await page.evaluate(() => (window.__bench.t0 = performance.now()));
  const wall0 = Date.now();
  await page.setInputFiles('#har-file', harFile);
  let rendered = true;
  let renderError = null;
  try {
    await waitForReport(page, { timeout: timeoutMs });
    await waitIdle(page, { timeout: 120000 });
  } catch (e) {
    rendered = false;
    renderError = String(e?.message || e).split('\n')[0];
  }
  const totalWallMs = Date.now() - wall0;
  // Let a last long task (if any) be reported before reading.
  await page.waitForTimeout(500);
  const tree = sampler.stop();
  clearTimeout(heapTimer);
  heapTimer = null;
  const renderer = tree.processes.find((p) => p.type === 'renderer') || null;
  // The renderer's RSS about every second, in ms after the file was chosen.
  const rendererTimeline = renderer ? sampler.rssTimeline(renderer.pid).filter((_, i) => i % 10 === 0) : [];
  const memory = {
    what: 'MB = KiB/1024; renderer = the Chromium renderer with the largest peak (page + audit worker + its wasm memory); hwmMB = its kernel VmHWM; browser totals = largest per-sample sum over every Chromium process',
    renderer,
    browserPeakTotalRssMB: tree.peakTotalRssMB,
    browserPeakTotalPssMB: tree.peakTotalPssMB,
    pageJsHeapUsedPeakMB: +(heap.usedPeak / 2 ** 20).toFixed(1),
    pageJsHeapTotalPeakMB: +(heap.totalPeak / 2 ** 20).toFixed(1),
    samples: tree.samples,
    heapSamples: heap.samples,
    processes: tree.processes,
    rendererRssTimeline: rendererTimeline,
  };
  const probe = await page.evaluate(() => {
    const b = window.__bench;
    return {
      longtasks: b.longtasks, frames: b.frames, maxLateMs: b.maxLateMs, maxLateAt: b.maxLateAt, status: b.status, now: performance.now(),
      findingsShown: document.querySelectorAll('#report .pc-finding').length,
      resultsLine: document.querySelector('#report .pc-shown')?.textContent || null,
      progressText: document.getElementById('progress-text')?.textContent || null,
      error: document.getElementById('run-error')?.hidden === false ? document.getElementById('run-error').textContent : null,
      domNodes: document.getElementsByTagName('*').length,
    };
  });
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(cpuprofile, JSON.stringify(profile));
    const h = heaviest(profile);
    process.stderr.write(`[browser-scale] CPU profile ${cpuprofile}\n  self:\n    ${h.self.join('\n    ')}\n  inclusive:\n    ${h.inclusive.join('\n    ')}\n`);
  }
  const rel = (t) => +(t - t0).toFixed(0);
  const during = probe.longtasks.filter((l) => l.start >= t0).sort((a, b) => b.duration - a.duration);
  const all = probe.longtasks;
  const frames = probe.frames.filter((f) => f.start >= t0).sort((a, b) => b.duration - a.duration);
  const rendering = probe.status.find((s) => /Đang hiển thị báo cáo|Rendering the report/.test(s.kind) && s.at >= t0);
  result = {
    har: path.relative(ROOT, harFile),
    harMB: +(fs.statSync(harFile).size / 1e6).toFixed(1),
    rendered: rendered && !probe.error,
    renderError: renderError || probe.error,
    totalMs: totalWallMs,
    longestTaskMs: during.length ? +during[0].duration.toFixed(0) : 0,
    longTasks: { count: during.length, sumMs: +during.reduce((s, l) => s + l.duration, 0).toFixed(0), top5: during.slice(0, 5).map((l) => ({ atMs: rel(l.start), durationMs: +l.duration.toFixed(0) })) },
    longestTaskIncludingPageLoadMs: all.length ? +Math.max(...all.map((l) => l.duration)).toFixed(0) : 0,
    longestFrameMs: frames.length ? +frames[0].duration.toFixed(0) : 0,
    longFrames: frames.slice(0, 5).map((f) => ({ atMs: rel(f.start), durationMs: +f.duration.toFixed(0), renderMs: +f.render.toFixed(0), styleLayoutMs: +f.styleLayout.toFixed(0), scripts: f.scripts.filter((x) => x.duration >= 5) })),
    heartbeatMaxLateMs: +probe.maxLateMs.toFixed(0),
    heartbeatMaxLateAtMs: rel(probe.maxLateAt),
    status: probe.status.filter((s) => s.at >= t0).map((s) => ({ atMs: rel(s.at), text: s.text, ...(s.lastAt ? { lastAtMs: rel(s.lastAt), lastText: s.lastText } : {}) })),
    renderingStartedAtMs: rendering ? rel(rendering.at) : null,
    findingsShown: probe.findingsShown,
    resultsLine: probe.resultsLine,
    progressText: probe.progressText,
    domElements: probe.domNodes,
    pageErrors: session.pageErrors,
    foreignRequests: foreignRequests(session.requests),
    memory,
  };
} finally {
  await browser.close();
  await app.close();
}
console.log(JSON.stringify(result));
if (!result.rendered || result.foreignRequests.length) process.exitCode = 1;
