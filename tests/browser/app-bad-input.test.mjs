// The app's worker (web/app/worker.mjs, in Debian's Chromium) refuses a HAR the engine reads
// differently from JSON.parse — duplicate member names, a number out of double's range — with the
// message the command line prints for `audit` and for `bundle` of the same file: both for an audit
// and for the creation of an evidence bundle. The page shows that message. A HAR that both read
// alike (lone surrogates, read as U+FFFD) is audited and bundled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { ROOT, skipReason, startAppSession } from './harness.mjs';
import { badInput } from '../js/bad-input.mjs';

const SKIP = skipReason();
const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
const REFUSED = ['duplicate-root-log.har', 'duplicate-log-entries.har', 'duplicate-in-page.har', 'duplicate-in-entry.har', 'number-1e400.har'];
let run, dir, session;

before(async () => {
  if (SKIP) return;
  run = await startAppSession('pc-app-bad-input-', { root: process.env.PC_APP_ROOT || undefined });
  ({ dir, session } = run);
});
after(async () => { await run?.close(); });

function cli(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

// In the page: a worker of the app's own module, asked to audit `text` and to create a bundle of
// it. → {audit: {type, code?, message?}, bundle: {type, code?, message?}}
function inWorker(page, text) {
  return page.evaluate(async (har) => {
    const worker = new Worker(new URL('./worker.mjs', location.href), { type: 'module' });
    const ask = (msg) => new Promise((resolve) => {
      const on = (event) => {
        const m = event.data || {};
        if (m.id !== msg.id || m.type === 'progress' || m.type === 'report-part') return;
        worker.removeEventListener('message', on);
        resolve({ type: m.type, code: m.code, message: m.message });
      };
      worker.addEventListener('message', on);
      worker.postMessage(msg);
    });
    try {
      const audit = await ask({ type: 'audit', id: 1, source: new Blob([har]), options: {} });
      const bundle = await ask({ type: 'bundle-create', id: 2, source: new Blob([har]), options: {}, capture: { method: 'har-file', time: '2026-01-01T00:00:00Z', tool: 'test' } });
      return { audit, bundle };
    } finally {
      worker.terminate();
    }
  }, text);
}

test('the worker refuses the same HARs with the message the CLI prints for audit and bundle', { skip: SKIP, timeout: 180000 }, async () => {
  for (const name of REFUSED) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, badInput(name));
    const bundle = await cli(['bundle', file, '--out', path.join(dir, `${name}.bundle.json`)]);
    assert.equal(bundle.code, 2, bundle.stderr);
    const message = bundle.stderr.slice(`portal-check: ${file}: `.length).trimEnd();
    assert.equal(bundle.stderr, `portal-check: ${file}: ${message}\n`);
    const r = await inWorker(session.page, badInput(name).toString('utf8'));
    assert.deepEqual(r.bundle, { type: 'error', code: 'invalid-argument', message }, `${name}: bundle in the worker`);
    const audit = await cli(['audit', file]);
    if (audit.code === 2) {
      assert.equal(audit.stderr, bundle.stderr, `${name}: audit and bundle on the command line`);
      assert.deepEqual(r.audit, { type: 'error', code: 'invalid-argument', message }, `${name}: audit in the worker`);
    } else {
      // An unreadable entry skipped with a notice: the worker's audit finishes as the CLI's does.
      assert.equal(r.audit.type, 'done', name);
    }
  }
});

test('the page shows the refusal of a HAR with duplicate members', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  const file = path.join(dir, 'dup.har');
  fs.writeFileSync(file, badInput('duplicate-root-log.har'));
  await page.setInputFiles('#har-file', file);
  await page.waitForFunction(() => !document.querySelector('#run-error').hidden, null, { timeout: 30000 });
  assert.match(await page.locator('#run-error').innerText(), /duplicate member 'log' at byte 38/);
});

test('a HAR with lone surrogates is audited and bundled by the worker', { skip: SKIP, timeout: 60000 }, async () => {
  const r = await inWorker(session.page, badInput('lone-surrogates.har').toString('utf8'));
  assert.equal(r.audit.type, 'done', JSON.stringify(r.audit));
  assert.equal(r.bundle.type, 'bundle-created', JSON.stringify(r.bundle));
});
