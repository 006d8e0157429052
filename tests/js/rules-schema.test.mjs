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
const CATALOGUES = ['declarations.json', 'documents.json'];
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
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !CATALOGUES.includes(f));
  assert.ok(files.length >= 5, `only ${files.length} profiles`);
  for (const f of files) {
    check('profile', path.join(dir, f));
    assert.equal(read(path.join(dir, f)).id, f.slice(0, -'.json'.length), `${f}: id does not match the file name`);
  }
});

test('both catalogues (declarations, documents) are valid', () => {
  for (const f of CATALOGUES) check('profile', path.join(rulesDir, 'profiles', f));
});

// Every citation of every profile names a catalogued document with an https address, a law era and
// a status, and its own status; the declarations and documents the profiles name exist.
test('every source of every profile has a status and an address, and every document a law era', () => {
  const dir = path.join(rulesDir, 'profiles');
  const documents = new Map(read(path.join(dir, 'documents.json')).documents.map((d) => [d.id, d]));
  const declarations = new Set(read(path.join(dir, 'declarations.json')).declarations.map((d) => d.id));
  const cited = new Set();
  let citations = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json') && !CATALOGUES.includes(x))) {
    const profile = read(path.join(dir, f));
    for (const id of profile.sources) {
      assert.ok(documents.has(id), `${f}: profile source ${id} is not catalogued`);
      cited.add(id);
    }
    for (const c of profile.criteria) {
      for (const s of c.sources) {
        citations += 1;
        cited.add(s.document);
        const doc = documents.get(s.document);
        assert.ok(doc, `${f} ${c.id}: document ${s.document} is not catalogued`);
        assert.match(doc.url, /^https:\/\/[^\s]+$/, `${s.document}: no address`);
        assert.ok(['current', 'legacy', 'none'].includes(doc.law), `${s.document}: law era ${doc.law}`);
        assert.ok(['confirmed', 'third-party', 'to-confirm'].includes(s.status), `${f} ${c.id}: status ${s.status}`);
        assert.ok(s.clause.vi && s.clause.en, `${f} ${c.id}: clause text`);
      }
      for (const d of c.declarations) assert.ok(declarations.has(d), `${f} ${c.id}: declaration ${d}`);
      for (const half of c.covers || []) {
        for (const x of half.checks) assert.ok(c.checks.includes(x), `${f} ${c.id}: covers ${x}`);
        for (const x of half.declarations) assert.ok(c.declarations.includes(x), `${f} ${c.id}: covers ${x}`);
      }
    }
  }
  assert.ok(citations >= 100, `only ${citations} citations`);
  // Current and legacy law are both cited, and no catalogued document is left uncited.
  assert.deepEqual([...documents.keys()].filter((id) => !cited.has(id)), []);
  assert.ok([...cited].some((id) => documents.get(id).law === 'current') && [...cited].some((id) => documents.get(id).law === 'legacy'));
});

test('the schema rejects a source without a status (the boolean to_confirm is gone)', () => {
  const profile = read(path.join(rulesDir, 'profiles', 'level-2.json'));
  const bad = structuredClone(profile);
  delete bad.criteria[0].sources[0].status;
  assert.equal(validators.profile(bad), false);
  const old = structuredClone(profile);
  old.criteria[0].sources[0] = { document: 'decree-331-2026', clause: 'x — clause to confirm', to_confirm: true };
  assert.equal(validators.profile(old), false);
  assert.equal(validators.profile(profile), true);
});

test('the schema rejects a rule with a missing translation (the lint can fail)', () => {
  const bad = { id: 'header.x', family: 'header', title: { vi: 'x' }, description: { vi: 'a', en: 'b' }, evidence: 'e', outcomes: {}, references: [] };
  assert.equal(validators.rule(bad), false);
});
