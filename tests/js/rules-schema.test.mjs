// Lints rules/ against its JSON schemas (rules/schema/), as Semgrep lints its rules: every rule,
// cases and data file is valid, ids are unique and match their file names, case names are unique.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const rulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(
  ['rule', 'cases', 'ruleset', 'data', 'profile'].map((k) => [k, ajv.compile(read(path.join(rulesDir, 'schema', `${k}.schema.json`)))]),
);

function check(kind, file) {
  const validate = validators[kind];
  const ok = validate(read(file));
  assert.ok(ok, `${path.relative(rulesDir, file)}: ${ajv.errorsText(validate.errors)}`);
}

test('ruleset.json is valid and lists each id once', () => {
  check('ruleset', path.join(rulesDir, 'ruleset.json'));
});

test('every rule file is valid and its id matches its file name', () => {
  const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json') && f !== 'ruleset.json');
  assert.ok(files.length >= 21, `only ${files.length} rule files`);
  for (const f of files) {
    check('rule', path.join(rulesDir, f));
    assert.equal(read(path.join(rulesDir, f)).id, f.slice(0, -'.json'.length), `${f}: id does not match the file name`);
  }
});

test('every cases file is valid and its case names are unique', () => {
  const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.cases.json'));
  for (const f of files) {
    check('cases', path.join(rulesDir, f));
    const names = read(path.join(rulesDir, f)).cases.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `${f}: duplicate case names`);
  }
});

test('every data list is valid', () => {
  const dir = path.join(rulesDir, 'data');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) check('data', path.join(dir, f));
});

test('every profile is valid and its id matches its file name', () => {
  const dir = path.join(rulesDir, 'profiles');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'declarations.json');
  assert.ok(files.length >= 4, `only ${files.length} profiles`);
  for (const f of files) {
    check('profile', path.join(dir, f));
    assert.equal(read(path.join(dir, f)).id, f.slice(0, -'.json'.length), `${f}: id does not match the file name`);
  }
});

test('the schema rejects a rule with a missing translation (the lint can fail)', () => {
  const bad = { id: 'header.x', family: 'header', title: { vi: 'x' }, description: { vi: 'a', en: 'b' }, evidence: 'e', outcomes: {}, references: [] };
  assert.equal(validators.rule(bad), false);
});
