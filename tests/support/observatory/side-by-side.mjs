// Runs the Observatory side by side with the wasm engine over the generated sites and prints the
// agreement figures:
//
//   node tests/support/observatory/side-by-side.mjs [--seed N] [--combinations N] [--examples N]
//
// (PC_WASM_DIR selects the engine build, default build/wasm.) The test
// tests/js/observatory-side-by-side.test.mjs asserts on the same run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../../web/host/engine.mjs';
import { generateSites } from './sites.mjs';
import { siteHar } from './site-har.mjs';
import { observatoryScan } from './site-observatory.mjs';
import { compareSite, summarize, formatSummary } from './compare.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function loadWasmEngine(wasmDir = process.env.PC_WASM_DIR || path.join(root, 'build/wasm')) {
  return loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
}

// → {rows: [{site, har, report, scan, comparison}], summary}
export async function runSideBySide({ engine, seed, combinations } = {}) {
  engine ??= await loadWasmEngine();
  const rows = [];
  for (const site of generateSites({ seed, combinations })) {
    const har = siteHar(site);
    const { report } = await auditHar(engine, JSON.stringify(har));
    const scan = observatoryScan(site);
    rows.push({ site, har, report, scan, comparison: compareSite(report, scan) });
  }
  return { rows, summary: summarize(rows) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const { summary } = await runSideBySide({ seed: arg('seed', undefined), combinations: arg('combinations', undefined) });
  console.log(formatSummary(summary, { examples: arg('examples', 3) }));
}
