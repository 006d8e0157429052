// The portfolio page (web/app/portfolio.html) opening many evidence bundles at once in Debian's
// Chromium (playwright-core, headless):
//   node bench/portfolio-bench.mjs [--bundles N (default 200)] [--runs R (default 3)] [--replay]
// The bundles are made first, in Node, with the project's own bundle code (createBundle, the
// same as `portal-check bundle`), from the fixture HARs of tests/fixtures/recorded/ and the
// readable ones of tests/fixtures/bad-input/, cycling through four profile choices and signed /
// unsigned (every bundle differs: its capture time is its index). Each run: a fresh browser
// context opens the page, the N files are set on its multi-file input, and the figure is the time
// from the input's change event to the full table (the page's data-portfolio-ms, measured with
// performance.now() inside the page: every bundle verified — digests, signature, ruleset origin
// and the byte-identical replay in the wasm engine — and the table rendered), plus the wall time
// seen from Node. With --replay, each run then presses "Replay every bundle not yet replayed" and
// times that too (replayMs: every bundle re-audited in the wasm engine, byte-identical check).
// Prints one JSON object with the command that reproduces it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from '../web/serve/static-server.mjs';
import { launchBrowser, openApp, foreignRequests, skipReason, ROOT } from '../tests/browser/harness.mjs';
import { loadNodeEngine } from '../web/cli/engine-files.mjs';
import { createBundle, serializeBundle, generateSigningKey } from '../web/host/bundle/index.mjs';
import { POOL_SIZE } from '../web/app/portfolio/pool.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const count = opt('--bundles', 200);
const runs = opt('--runs', 3);
const withReplay = args.includes('--replay');
const skip = skipReason();
if (skip) {
  process.stderr.write(`portfolio-bench: cannot run: ${skip}\n`);
  process.exit(3);
}

const PROFILES = [[], ['tnm-website-basic'], ['level-2', 'tnm-website-basic'], ['decree-137-trust', 'level-3']];

function fixtureHars() {
  const dirs = ['tests/fixtures/recorded', 'tests/fixtures/bad-input'].map((d) => path.join(ROOT, d));
  return dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.har')).map((f) => path.join(d, f)));
}

async function makeBundles(dir) {
  const engine = await loadNodeEngine();
  const key = await generateSigningKey();
  const hars = [];
  for (const file of fixtureHars()) {
    const harText = fs.readFileSync(file, 'utf8');
    try {
      // Only HARs the engine audits (the bad-input folder also holds documents it refuses).
      await createBundle({ engine, harText, options: {}, capture: { method: 'har-file', time: '2026-01-01T00:00:00Z', tool: 'bench' } });
      hars.push({ name: path.basename(file, '.har'), harText });
    } catch { /* not auditable: skipped */ }
  }
  const files = [];
  for (let i = 0; i < count; i++) {
    const { name, harText } = hars[i % hars.length];
    const profiles = PROFILES[Math.floor(i / hars.length) % PROFILES.length];
    const bundle = await createBundle({
      engine, harText, options: { profiles },
      capture: { method: 'har-file', time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), tool: 'portfolio-bench' },
      signingKey: i % 2 === 0 ? key : undefined,
    });
    const file = path.join(dir, `${String(i).padStart(3, '0')}-${name}.json`);
    fs.writeFileSync(file, serializeBundle(bundle));
    files.push(file);
  }
  return { files, hars: hars.map((h) => h.name) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-portfolio-bench-'));
try {
  const made0 = performance.now();
  const { files, hars } = await makeBundles(dir);
  const makeMs = performance.now() - made0;
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const app = await startAppServer({ port: 0 });
  const browser = await launchBrowser();
  const results = [];
  let foreign = [];
  try {
    for (let r = 0; r < runs; r++) {
      const { context, page, log } = await openApp(browser, `${app.url}portfolio.html`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      const wall0 = performance.now();
      await page.setInputFiles('#pf-files', files);
      await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'done', null, { timeout: 600000, polling: 100 });
      const wallMs = performance.now() - wall0;
      const facts = await page.evaluate(() => ({
        pageMs: Number(document.documentElement.dataset.portfolioMs),
        rows: document.querySelectorAll('#pf-rows tbody tr').length,
        states: [...document.querySelectorAll('#pf-rows tbody tr')].reduce((m, tr) => { m[tr.dataset.state] = (m[tr.dataset.state] ?? 0) + 1; return m; }, {}),
        workers: navigator.hardwareConcurrency,
      }));
      if (withReplay) {
        await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
        await page.click('#pf-replay-all');
        await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'done', null, { timeout: 1200000, polling: 100 });
        facts.replayMs = await page.evaluate(() => Number(document.documentElement.dataset.portfolioMs));
        facts.replayedIdentical = await page.evaluate(() => [...document.querySelectorAll('#pf-rows tbody tr')].filter((tr) => /giống hệt/.test(tr.innerText)).length);
      }
      foreign = foreign.concat(foreignRequests(log.requests));
      results.push({ ...facts, wallMs: Math.round(wallMs) });
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const page = results.map((r) => r.pageMs).sort((a, b) => a - b);
  console.log(JSON.stringify({
    command: `node bench/portfolio-bench.mjs --bundles ${count} --runs ${runs}${withReplay ? ' --replay' : ''}`,
    bundles: count, totalMiB: +(bytes / 1048576).toFixed(1), fixtureHars: hars.length, makeSeconds: +(makeMs / 1000).toFixed(1),
    poolSize: POOL_SIZE(results[0]?.workers), cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    medianSeconds: +(page[page.length >> 1] / 1000).toFixed(2), target: '< 20 s', runs: results, foreignRequests: foreign,
  }, null, 1));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
