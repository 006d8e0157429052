// The one bundle re-audit (web/host/bundle/reaudit.mjs) used by the CLI (`audit BUNDLE --rules
// current`) and the app's worker: a bundle re-audited by the engine that made it has no new,
// resolved or changed findings, whether its declarations section names an organisation or not (a
// section without one holds organization: null, which the engine's declarations option refuses, so
// the re-audit must give the engine exactly what creating the bundle gave it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine } from '../../web/host/engine.mjs';
import { createBundle, parseBundle, serializeBundle, reauditBundle } from '../../web/host/bundle/index.mjs';
import { captureDemoHar, demoDeclarations } from './bundle-helpers.mjs';

const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || path.resolve('build/wasm');
const capture = { method: 'cli-live', time: '2026-01-01T00:00:00Z', tool: 'portal-check test' };

let engine;
let harText;
test.before(async () => {
  engine = await loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
  harText = await captureDemoHar();
});

for (const [name, organization] of [['without an organisation', undefined], ['with an organisation', { name: 'Sở Thông tin' }]]) {
  test(`a bundle with declarations ${name} re-audits to no change`, async () => {
    const declarations = { version: 1, declarations: demoDeclarations.declarations };
    const made = await createBundle({ engine, harText, options: { profiles: ['tnm-website-basic'], declarations }, capture, organization });
    assert.equal(made.declarations.organization, organization ?? null);
    const { bundle } = parseBundle(serializeBundle(made));
    const { report, diff } = await reauditBundle(engine, bundle, {});
    assert.ok(report.profiles, 'the bundle\'s profiles were applied');
    assert.deepEqual(report.profiles, JSON.parse(bundle.report).profiles);
    assert.deepEqual(diff, { new: [], resolved: [], changed: [] });
  });
}

test('a bundle report that is not JSON counts as one with no findings', async () => {
  const made = await createBundle({ engine, harText, options: {}, capture });
  const { bundle } = parseBundle(serializeBundle(made));
  const { diff } = await reauditBundle(engine, { ...bundle, report: 'not json' });
  assert.ok(diff.new.length > 0);
  assert.equal(diff.resolved.length, 0);
});
