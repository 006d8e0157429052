// The report split of web/host/report-parts.mjs (splitReport: the app worker's report parts, the
// CLI's exit code) and the engine host's ways of reading outputs that keep memory down
// (web/host/engine.mjs auditHar: output 'blob', onOutput): the head and the parts give back
// exactly the engine's report, strings holding JSON's structural characters and escapes are not
// cut, and the Blobs and the bytes are the engine's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { splitReport, ReportSplitter } from '../../web/host/report-parts.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { ROOT } from './bad-input.mjs';

const encode = (text) => new TextEncoder().encode(text);

// Splits `text` → {head, parts, report: JSON.parse(head) with the parts' checks}. pieceBytes:
// pushed to a ReportSplitter in pieces of that size (the same result is expected), else whole.
function split(text, maxPartBytes, pieceBytes = 0) {
  const parts = [];
  let head;
  if (pieceBytes) {
    const bytes = encode(text);
    const splitter = new ReportSplitter(maxPartBytes, (bytes) => parts.push(new TextDecoder().decode(bytes)));
    for (let at = 0; at < bytes.length; at += pieceBytes) splitter.push(bytes.slice(at, at + pieceBytes));
    head = splitter.end();
  } else {
    head = splitReport(encode(text), maxPartBytes, (json) => parts.push(json));
  }
  const report = JSON.parse(head);
  if (parts.length) report.checks = parts.flatMap((json) => JSON.parse(json));
  return { head, parts, report };
}

test('splitReport: head + parts give back the report; parts end with the check that reaches the size', () => {
  const checks = [
    { id: 'a', details: { s: 'brackets ] [ } { and , commas', q: 'a "quoted" \\ backslash\\', u: 'Tiếng Việt ✓ 𝄞' } },
    { id: 'b', list: [[1, 2], { x: [] }], n: -1.5e3, t: true, z: null },
    'a string element', 42, [], {},
    { id: 'checks', checks: [1, 2, 3] },
  ];
  const report = { engine: { version: '1' }, checks, notices: [{ code: 'x', message: '"checks": [' }], summary: { entries: 3 } };
  for (const text of [JSON.stringify(report), JSON.stringify(report, null, 2)]) {
    for (const size of [1, 40, 100, 1 << 20]) {
      const { head, parts, report: back } = split(text, size);
      assert.deepEqual(back, report, `size ${size}`);
      assert.deepEqual(Object.keys(back), Object.keys(report), 'keys in the engine\'s order');
      assert.deepEqual(JSON.parse(head).checks, []);
      if (size === 1) assert.equal(parts.length, checks.length, 'one check per part');
      if (size === 1 << 20) assert.equal(parts.length, 1);
    }
  }
});

test('ReportSplitter: the bytes in pieces of any size (characters cut too) give splitReport\'s parts and head', () => {
  const checks = [
    { id: 'a', details: { s: 'brackets ] [ } { and , commas', q: 'a "quoted" \\ backslash\\', u: 'Tiếng Việt ✓ 𝄞' } },
    { id: 'b', list: [[1, 2], { x: [] }] }, 'str', 7, { id: 'checks', checks: [1] },
  ];
  const reports = [
    { checks, grade: { page: 'Tiếng Việt' }, notices: [{ message: '"checks": [' }] },
    { a: 1 }, { checks: [] }, { x: { checks: [1, 2] }, checks: 'no' }, { chec: 1, checksx: [1], checks: [2] },
  ];
  for (const report of reports) {
    for (const text of [JSON.stringify(report), JSON.stringify(report, null, 2)]) {
      for (const size of [1, 40, 1 << 20]) {
        const whole = split(text, size);
        for (const pieceBytes of [1, 2, 3, 7, 64, text.length]) {
          const pieces = split(text, size, pieceBytes);
          assert.deepEqual(pieces.parts, whole.parts, `size ${size}, pieces of ${pieceBytes}`);
          assert.equal(pieces.head, whole.head);
          assert.deepEqual(pieces.report, report);
        }
      }
    }
  }
});

test('splitReport: no checks array, an empty one, and "checks" nested deeper are not split', () => {
  for (const report of [{ a: 1 }, { checks: [] }, { x: { checks: [1, 2] }, checks: 'no' }]) {
    const text = JSON.stringify(report, null, 2);
    const { parts, report: back } = split(text, 1);
    assert.deepEqual(parts, []);
    assert.deepEqual(back, report);
  }
});

test('auditHar: output "blob", and a report split from the engine\'s bytes', async () => {
  const engine = await loadNodeEngine();
  const har = fs.readFileSync(path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'));
  const text = await auditHar(engine, har);
  const blobs = await auditHar(engine, har, { output: 'blob' });
  assert.deepEqual(Buffer.from(await blobs.reportBlob.arrayBuffer()), Buffer.from(text.reportText));
  assert.deepEqual(Buffer.from(await blobs.sarifBlob.arrayBuffer()), Buffer.from(text.sarifText));
  assert.equal(blobs.reportBlob.type, 'application/json');
  assert.equal(blobs.sarifBlob.type, 'application/sarif+json');
  assert.deepEqual(blobs.gradedHeaders, text.gradedHeaders);
  const bytes = await auditHar(engine, har, { output: 'bytes', sarif: false });
  assert.equal(bytes.sarifBytes, null);
  assert.deepEqual(bytes.report, text.report);
  assert.equal(new TextDecoder().decode(bytes.reportBytes), text.reportText);
  assert.equal((await auditHar(engine, har, { output: 'blob', sarif: false })).sarifBlob, null);
  const { report } = split(text.reportText, 4096);
  assert.deepEqual(report, text.report);
});

test('auditHar onOutput: each output read gets its pieces first, the engine\'s own bytes', async () => {
  const engine = await loadNodeEngine();
  const har = fs.readFileSync(path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'));
  const seen = [];
  const result = await auditHar(engine, har, { output: 'blob', sarif: false, onOutput: (format, bytes) => seen.push([format, Buffer.from(bytes)]) });
  assert.deepEqual([...new Set(seen.map(([f]) => f))], ['json']);
  assert.deepEqual(Buffer.concat(seen.map(([, b]) => b)), Buffer.from(await result.reportBlob.arrayBuffer()));
  assert.equal(result.sarifBlob, null);
  const both = [];
  await auditHar(engine, har, { onOutput: (format) => both.push(format) });
  assert.deepEqual([...new Set(both)], ['json', 'sarif']);
});

test('auditHar sarif: \'later\': the SARIF made from the kept session, in every output form, until release()', async () => {
  const engine = await loadNodeEngine();
  const har = fs.readFileSync(path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'));
  const now = await auditHar(engine, har);
  for (const output of ['text', 'bytes', 'blob']) {
    const pieces = [];
    const later = await auditHar(engine, har, { output, sarif: 'later', onOutput: (format, bytes) => pieces.push([format, Buffer.from(bytes)]) });
    assert.equal(later.sarifText ?? later.sarifBytes ?? later.sarifBlob ?? null, null, `${output}: no SARIF yet`);
    const asText = async (v) => (typeof v === 'string' ? v : new TextDecoder().decode(v instanceof Uint8Array ? v : await v.arrayBuffer()));
    assert.equal(await asText(await later.sarifLater()), now.sarifText, output);
    assert.equal(await asText(await later.sarifLater()), now.sarifText, `${output}, again`);
    assert.equal(Buffer.concat(pieces.filter(([f]) => f === 'sarif').map(([, b]) => b)).toString(), now.sarifText + now.sarifText, 'onOutput gets its pieces');
    later.release();
    later.release();
    await assert.rejects(later.sarifLater(), (e) => e.code === 'failed-precondition');
  }
  // A kept session does not disturb the next audits.
  const kept = await auditHar(engine, har, { sarif: 'later' });
  assert.equal((await auditHar(engine, har)).reportText, now.reportText);
  assert.equal(await kept.sarifLater(), now.sarifText);
  kept.release();
});
