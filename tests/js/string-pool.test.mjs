// StringPool (web/app/string-pool.mjs): the page keeps one copy of each string of a report's parts.
// On real reports: the engine's report of every real HAR (when the corpus is present) and of the
// committed recorded fixtures comes back deep-equal after interning, and equal strings share one copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { StringPool } from '../../web/app/string-pool.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';

const REAL_HAR_DIR = new URL('../../../shared/data/real-har/', import.meta.url);

test('interning keeps every value, in place, and answers a later equal string with an equal one', () => {
  const pool = new StringPool();
  const url = ['https://example.vn/', 'a'].join('');
  const a = JSON.parse(`[{"page":"${url}","details":{"list":["x","${url}"],"n":1,"t":true,"z":null}},{"page":"${url}"}]`);
  const copy = structuredClone(a);
  assert.equal(pool.intern(a), a, 'changed in place, same array returned');
  assert.deepEqual(a, copy);
  assert.equal(pool.intern('plain'), 'plain');
  assert.equal(pool.intern(null), null);
  assert.equal(pool.intern(7), 7);
  // A second part: its strings are the first part's copies (same value; identity is not
  // observable in JS, so the test checks the pool answers with what it kept).
  const b = pool.intern(JSON.parse(`[{"page":"${url}"}]`));
  assert.equal(b[0].page, a[0].page);
});

test('deep nesting is walked without recursion', () => {
  let v = 'leaf';
  for (let i = 0; i < 100000; i++) v = i % 2 ? [v] : { k: v };
  const pool = new StringPool();
  assert.doesNotThrow(() => pool.intern(v));
});

test('real reports come back deep-equal after interning', async () => {
  const engine = await loadNodeEngine();
  const files = [];
  if (fs.existsSync(REAL_HAR_DIR)) {
    for (const f of fs.readdirSync(REAL_HAR_DIR)) if (f.endsWith('.har')) files.push(new URL(f, REAL_HAR_DIR));
  } else {
    console.log('# real-HAR corpus (../shared/data/real-har) absent: only the recorded fixtures');
  }
  const fixtures = new URL('../fixtures/recorded/', import.meta.url);
  if (fs.existsSync(fixtures)) for (const f of fs.readdirSync(fixtures)) if (f.endsWith('.har')) files.push(new URL(f, fixtures));
  assert.ok(files.length > 0, 'some HAR to audit');
  const pool = new StringPool();
  let audited = 0;
  for (const file of files) {
    let reportText;
    try {
      ({ reportText } = await auditHar(engine, fs.readFileSync(file), { sarif: false }));
    } catch {
      continue; // a HAR the engine refuses has no report to intern
    }
    const checks = JSON.parse(reportText).checks;
    assert.deepEqual(pool.intern(JSON.parse(reportText).checks), checks, path.basename(file.pathname));
    audited++;
  }
  assert.ok(audited > 0);
});
