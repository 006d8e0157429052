// The advisory data of page.vulnerable-library is generated, not typed:
// rules/data/js-advisories.json must equal what scripts/generate-js-advisories.mjs makes from
// retire.js's repository file (the shared copy, ../shared/data/retirejs next to the repository, or
// PC_RETIREJS_DIR), and the hand-kept supplement must carry a public advisory URL per entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT, SUPPLEMENT, generateFromFile, generateJsAdvisories, normalizeVersion, satisfies, compareVersions } from '../../scripts/generate-js-advisories.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const retireDir = process.env.PC_RETIREJS_DIR || path.resolve(root, '../shared/data/retirejs');
const input = path.join(retireDir, 'jsrepository-v5.json');

test('the committed advisory file is the generator\'s output on the retire.js copy', (t) => {
  if (!fs.existsSync(input)) {
    t.skip(`no retire.js repository copy at ${input} (set PC_RETIREJS_DIR)`);
    return;
  }
  const { text, unmapped } = generateFromFile(input);
  assert.deepEqual(unmapped, [], 'every retire.js component has a library id in COMPONENT_IDS');
  assert.equal(fs.readFileSync(OUTPUT, 'utf8'), text, 'rules/data/js-advisories.json is stale: run node scripts/generate-js-advisories.mjs on the copy');
  const data = JSON.parse(text);
  assert.match(data.source.commit, /^[0-9a-f]{40}$/);
  assert.match(data.source.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(data.source.license, 'Apache-2.0');
  t.diagnostic(`${data.count} advisories for ${Object.keys(data.libraries).length} libraries, data of ${data.source.date}`);
});

test('conversion: ranges, excluded versions, placeholders, ids, order', () => {
  const repo = {
    lib: {
      vulnerabilities: [
        { atOrAbove: '1.12.3', below: '3.0.0-beta1', excludes: ['1.12.4-aem'], severity: 'medium', identifiers: { CVE: ['CVE-2015-9251'], githubID: 'GHSA-rmxg-73gg-4p98', summary: ' 3rd  party ' }, info: ['https://b', 'https://a', 'ftp://x'] },
        { below: '1.9.0b1', severity: 'low', identifiers: { issue: '11290' }, info: [] },
        { below: '2.999.999', severity: 'low', identifiers: { retid: '73' }, info: [] },
        { below: '1.0', severity: 'low', identifiers: { summary: 'no id' }, info: [] },
      ],
    },
    'retire-example': { vulnerabilities: [{ below: '0.0.2', severity: 'low', identifiers: { CVE: ['CVE-XXXX-XXXX'] } }] },
  };
  const { text, skipped, unmapped } = generateJsAdvisories(repo, { repository: 'o/r', commit: 'c', date: '2026-01-01' });
  assert.deepEqual(unmapped, ['lib']);
  assert.equal(skipped.length, 1);
  const list = JSON.parse(text).libraries.lib;
  assert.deepEqual(list.map((a) => [a.ids, a.range, a.fixed]), [
    [['lib issue 11290'], '<1.9.0-b1', '1.9.0-b1'],
    [['CVE-2015-9251', 'GHSA-rmxg-73gg-4p98'], '>=1.12.3 <1.12.4-aem || >1.12.4-aem <3.0.0-beta1', '3.0.0-beta1'],
    [['RETIRE-73'], '<2.999.999', 'none'],
  ]);
  assert.deepEqual(list[1].urls, ['https://a', 'https://b']);
  assert.equal(list[1].summary, '3rd party');
  assert.ok(satisfies('1.12.4', list[1].range) && !satisfies('1.12.4-aem', list[1].range) && !satisfies('3.0.0', list[1].range));
  assert.equal(normalizeVersion('3.0.RC3'), '3.0-RC3');
  assert.equal(normalizeVersion('1.0.0.beta.3'), '1.0.0-beta.3');
  assert.equal(compareVersions('4.24.0-lts', '4.24.0'), -1);
  assert.equal(text, generateJsAdvisories(repo, { repository: 'o/r', commit: 'c', date: '2026-01-01' }).text, 'deterministic');
});

test('every supplement entry has ids, a well-formed range and a public advisory URL, and is not in the generated data', () => {
  const supplement = JSON.parse(fs.readFileSync(SUPPLEMENT, 'utf8'));
  const generated = JSON.parse(fs.readFileSync(OUTPUT, 'utf8'));
  let n = 0;
  for (const [lib, list] of Object.entries(supplement.libraries)) {
    const known = new Set((generated.libraries[lib] || []).flatMap((a) => a.ids));
    for (const a of list) {
      n++;
      assert.ok(a.ids.length > 0, `${lib}: ids`);
      assert.ok(a.urls.some((u) => /^https:\/\/(nvd\.nist\.gov|github\.com)\//.test(u)), `${lib} ${a.ids[0]}: a public advisory URL`);
      assert.ok(a.fixed === 'none' || satisfies(a.fixed, '*'), `${lib} ${a.ids[0]}: fixed`);
      assert.ok(!a.ids.some((id) => known.has(id)), `${lib} ${a.ids[0]} is in the generated data now: delete it from the supplement`);
      assert.ok(typeof a.checked === 'string' && a.checked.length > 0, `${lib} ${a.ids[0]}: checked`);
    }
  }
  assert.ok(n >= 4);
});
