// docs/checks.md is generated from the rule files (scripts/generate-check-catalogue.mjs): it must be
// exactly what the generator makes of the committed rules, name every check of rules/ruleset.json
// and every outcome code of its rule file, and follow a change of a rule file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCheckCatalogue, OUTPUT } from '../../scripts/generate-check-catalogue.mjs';

const rulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

test('docs/checks.md is up to date with the rule files', () => {
  const committed = fs.readFileSync(OUTPUT, 'utf8');
  assert.ok(
    committed === generateCheckCatalogue(),
    'docs/checks.md is out of date: run node scripts/generate-check-catalogue.mjs and commit the result',
  );
});

test('the catalogue names every listed check and each of its outcome codes', () => {
  const catalogue = generateCheckCatalogue();
  const sections = catalogue.split(/^### /m).slice(1);
  const ids = readJson(path.join(rulesDir, 'ruleset.json')).rules;
  assert.equal(sections.length, ids.length);
  for (const id of ids) {
    const section = sections.find((s) => s.startsWith('`' + id + '`'));
    assert.ok(section, `no section for ${id}`);
    for (const outcome of Object.keys(readJson(path.join(rulesDir, `${id}.json`)).outcomes)) {
      assert.ok(section.includes('| `' + outcome + '` |'), `${id}: outcome ${outcome} missing`);
    }
  }
});

test('a changed rule file changes the catalogue, and a rule text stays text', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-catalogue-'));
  try {
    for (const name of fs.readdirSync(rulesDir)) {
      if (name.endsWith('.json')) fs.copyFileSync(path.join(rulesDir, name), path.join(copy, name));
    }
    const id = readJson(path.join(copy, 'ruleset.json')).rules[0];
    const file = path.join(copy, `${id}.json`);
    const rule = readJson(file);
    const [first] = Object.keys(rule.outcomes);
    rule.outcomes[first].message.en = 'Changed <b>message</b> | with a pipe';
    fs.writeFileSync(file, JSON.stringify(rule));
    const changed = generateCheckCatalogue(copy);
    assert.notEqual(changed, fs.readFileSync(OUTPUT, 'utf8'));
    assert.ok(changed.includes('Changed &lt;b&gt;message&lt;/b&gt; \\| with a pipe'), 'the message is escaped text');
    assert.ok(!changed.includes('<b>'));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
