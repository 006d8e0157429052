// The wasm Session's output format is validated: "json" and "sarif" give the report and its SARIF
// form; any other name gives the engine's error value ({"ok":false,"error":{"code":
// "invalid-argument",…}}), never a report, through output() and outputBytes() alike; the JS host
// (web/host/engine.mjs) still reads both outputs. Input: a real recorded HAR (Chrome DevTools).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar, textCollector } from '../../web/host/engine.mjs';
import { ROOT } from './bad-input.mjs';

const HAR = fs.readFileSync(path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'));

test('an unknown output format is an error value; json and sarif are outputs', async () => {
  const engine = await loadNodeEngine();
  const session = new engine.module.Session('{}');
  try {
    assert.equal(JSON.parse(session.feed(HAR)).ok, true);
    assert.equal(JSON.parse(session.finish()).ok, true);
    const report = JSON.parse(session.output('json'));
    assert.notEqual(report.ok, false);
    assert.ok(Array.isArray(report.checks), 'the json output is the report');
    assert.equal(JSON.parse(session.output('sarif')).version, '2.1.0');
    for (const name of ['xml', 'JSON', '', 'sarif ', 'html']) {
      const reply = JSON.parse(session.output(name));
      assert.equal(reply.ok, false, name);
      assert.equal(reply.error.code, 'invalid-argument', name);
      assert.match(reply.error.message, /unknown format/, name);
      const bytes = JSON.parse(new TextDecoder().decode(session.outputBytes(name)));
      assert.deepEqual(bytes, reply, name);
    }
  } finally {
    session.delete();
  }
});

test('the JS host still reads the report and the SARIF', async () => {
  const engine = await loadNodeEngine();
  const { report, sarifText } = await auditHar(engine, HAR);
  assert.ok(Array.isArray(report.checks) && report.checks.length > 0);
  assert.equal(JSON.parse(sarifText).version, '2.1.0');
});

test('sarif: false leaves the SARIF unrendered and the report unchanged; a SARIF asked for after the report is the same bytes', async () => {
  const engine = await loadNodeEngine();
  const both = await auditHar(engine, HAR, { output: 'bytes' });
  const reportOnly = await auditHar(engine, HAR, { output: 'bytes', sarif: false });
  assert.deepEqual(reportOnly.reportBytes, both.reportBytes);
  assert.equal(reportOnly.sarifBytes, null);
  assert.equal(reportOnly.sarifText, null);
  assert.equal((await auditHar(engine, HAR, { sarif: false })).sarifText, null);
  // The engine renders the SARIF on its first request, from what Finish kept: asked once, twice,
  // or after the report, the bytes are the same.
  const session = new engine.module.Session('{}');
  try {
    session.feed(HAR);
    assert.equal(JSON.parse(session.finish()).ok, true);
    assert.deepEqual(new TextEncoder().encode(session.output('json')), both.reportBytes);
    const first = session.outputBytes('sarif').slice();
    assert.deepEqual(first, both.sarifBytes);
    assert.deepEqual(session.outputBytes('sarif').slice(), first);
  } finally {
    session.delete();
  }
});

test('the host decodes an output cut anywhere, even inside a character, as the whole bytes', () => {
  // Pieces of the engine never end inside a character (Session.writeOutput); the collector must
  // not depend on it: every cut of a text of 1- to 4-byte characters, and empty pieces.
  const text = '{"a":"Tín Nhiệm Mạng €𝄞 x"}\n';
  const bytes = new TextEncoder().encode(text);
  for (let cut = 0; cut <= bytes.length; cut++) {
    for (let cut2 = cut; cut2 <= bytes.length; cut2 += 3) {
      const sink = textCollector('json');
      for (const piece of [bytes.subarray(0, cut), new Uint8Array(0), bytes.subarray(cut, cut2), bytes.subarray(cut2)]) sink.add(piece);
      assert.equal(sink.done(), text, `cut at ${cut} and ${cut2}`);
    }
  }
  // A text ending inside a character ends as a whole decode would (U+FFFD).
  const sink = textCollector('json');
  sink.add(bytes.subarray(0, 3));
  sink.add(new Uint8Array([0xe1, 0xba]));
  assert.equal(sink.done(), new TextDecoder().decode(new Uint8Array([...bytes.subarray(0, 3), 0xe1, 0xba])));
});
