// The vulnerable-library lines of the reports (web/host/library-lines.mjs): library, version,
// detection, advisory ids with fixed releases and URLs, the advisory data's date, in both
// languages; bounded; and, in the CLI text report, printed as plain text (a hostile URL cannot
// inject terminal control sequences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryLines, MAX_LIBRARIES, MAX_ADVISORIES } from '../../web/host/library-lines.mjs';
import { renderText } from '../../web/cli/text-report.mjs';

const details = (n = 1, advs = 2) => ({
  libraries: [
    { library: 'bootstrap', title: 'Bootstrap', version: '5.3.3', detection: 'file content', advisories: [] },
    ...Array.from({ length: n }, (_, i) => ({
      library: 'jquery', title: 'jQuery', version: `3.4.${i}`, detection: 'URL', url: 'https://cdn.example/\u001b[31mjquery-3.4.1.min.js',
      advisories: Array.from({ length: advs }, (_, j) => ({ id: `CVE-2020-1102${j}`, ids: [`CVE-2020-1102${j}`], fixed: j ? 'none' : '3.5.0', urls: [`https://nvd.nist.gov/vuln/detail/CVE-2020-1102${j}`] })),
    })),
  ],
  advisory_data: { date: '2026-08-22', source: 'RetireJS/retire.js@fd8d0d6f1da4' },
});

test('lines name library, version, detection, each advisory with its fixed release, and the data date', () => {
  const en = libraryLines(details(), 'en');
  assert.deepEqual(en, [
    'jQuery 3.4.0 — detected from the URL, https://cdn.example/\u001b[31mjquery-3.4.1.min.js: CVE-2020-11020 (fixed in 3.5.0) https://nvd.nist.gov/vuln/detail/CVE-2020-11020; CVE-2020-11021 (no fixed release) https://nvd.nist.gov/vuln/detail/CVE-2020-11021',
    'Advisory data of 2026-08-22 (RetireJS/retire.js@fd8d0d6f1da4).',
  ]);
  const vi = libraryLines(details(), 'vi');
  assert.match(vi[0], /^jQuery 3\.4\.0 — phát hiện qua URL, .*CVE-2020-11020 \(bản sửa 3\.5\.0\).*CVE-2020-11021 \(chưa có bản sửa\)/);
  assert.equal(vi[1], 'Dữ liệu khuyến cáo ngày 2026-08-22 (RetireJS/retire.js@fd8d0d6f1da4).');
  assert.deepEqual(libraryLines({ libraries: [] }, 'en'), []);
  assert.deepEqual(libraryLines(null, 'en'), []);
});

test('at and past the limits', () => {
  assert.equal(libraryLines(details(MAX_LIBRARIES, MAX_ADVISORIES), 'en').length, MAX_LIBRARIES + 1);
  assert.ok(!libraryLines(details(1, MAX_ADVISORIES), 'en')[0].includes('more advisories'));
  const past = libraryLines(details(MAX_LIBRARIES + 3, MAX_ADVISORIES + 2), 'en');
  assert.equal(past.length, MAX_LIBRARIES + 2);
  assert.equal(past[MAX_LIBRARIES], '… and 3 more libraries');
  assert.match(past[0], /; and 2 more advisories$/);
});

test('the CLI text report prints the lines under the finding, as plain text', () => {
  const report = { target: 'https://x.gov.vn/', checks: [{ id: 'page.vulnerable-library', outcome: 'vulnerable', pass: false, severity: 'high', page: 'https://x.gov.vn/', details: details() }] };
  for (const lang of ['vi', 'en']) {
    const text = renderText(report, {}, { lang });
    assert.ok(!text.includes('\u001b'), 'no raw escape character');
    assert.ok(text.includes('CVE-2020-11020'), text);
    assert.ok(text.includes('2026-08-22'), text);
  }
});
