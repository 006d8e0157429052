// docs/checks.md is generated from the rule files (scripts/generate-check-catalogue.mjs): it must be
// exactly what the generator makes of the committed rules, name every check of rules/ (every rule
// file, scripts/rule-ids.mjs) and every outcome code of its rule file, and follow a change of a rule
// file or a new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCheckCatalogue, OUTPUT } from '../../scripts/generate-check-catalogue.mjs';
import { RULES_DIR as rulesDir, ruleIds } from '../../scripts/rule-ids.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

test('docs/checks.md is up to date with the rule files', () => {
  const committed = fs.readFileSync(OUTPUT, 'utf8');
  assert.ok(
    committed === generateCheckCatalogue(),
    'docs/checks.md is out of date: run node scripts/generate-check-catalogue.mjs and commit the result',
  );
});

test('the catalogue names every check and each of its outcome codes', () => {
  const catalogue = generateCheckCatalogue();
  const sections = catalogue.split(/^### /m).slice(1);
  const ids = ruleIds();
  assert.ok(ids.length >= 50, `only ${ids.length} rule files`);
  assert.equal(sections.length, ids.length);
  for (const id of ids) {
    const section = sections.find((s) => s.startsWith('`' + id + '`'));
    assert.ok(section, `no section for ${id}`);
    for (const outcome of Object.keys(readJson(path.join(rulesDir, `${id}.json`)).outcomes)) {
      assert.ok(section.includes('| `' + outcome + '` |'), `${id}: outcome ${outcome} missing`);
    }
  }
});

test('a changed rule file changes the catalogue, a new one adds a check, and a rule text stays text', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-catalogue-'));
  try {
    for (const name of fs.readdirSync(rulesDir)) {
      if (name.endsWith('.json')) fs.copyFileSync(path.join(rulesDir, name), path.join(copy, name));
    }
    const id = ruleIds(copy)[0];
    const file = path.join(copy, `${id}.json`);
    const rule = readJson(file);
    const [first] = Object.keys(rule.outcomes);
    rule.outcomes[first].message.en = 'Changed <b>message</b> | with a pipe';
    fs.writeFileSync(file, JSON.stringify(rule));
    const changed = generateCheckCatalogue(copy);
    assert.notEqual(changed, fs.readFileSync(OUTPUT, 'utf8'));
    assert.ok(changed.includes('Changed &lt;b&gt;message&lt;/b&gt; \\| with a pipe'), 'the message is escaped text');
    assert.ok(!changed.includes('<b>'));
    // A rule file dropped in is a check of the catalogue: no list to edit.
    fs.writeFileSync(path.join(copy, 'header.zz-new.json'), JSON.stringify({ ...rule, id: 'header.zz-new', family: 'header' }));
    const added = generateCheckCatalogue(copy);
    assert.ok(added.includes('### `header.zz-new`'), 'the new rule file has a section');
    assert.ok(added.includes(`: ${ruleIds().length + 1} checks.`), 'the count includes it');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
