// Lints rules/ against its JSON schemas (rules/schema/), as Semgrep lints its rules: every rule,
// cases and data file is valid, ids match their file names, case names are unique. The rule files
// are every <id>.json of rules/ (scripts/rule-ids.mjs), so a file dropped in with a wrong name or a
// wrong id is named here; tests/unit/rule_consistency_test.cc names one no check implements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Ajv from 'ajv';
import { RULES_DIR as rulesDir, ruleIds } from '../../scripts/rule-ids.mjs';

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

test('ruleset.json is valid and keeps no list of rules (the rule files are the list)', () => {
  check('ruleset', path.join(rulesDir, 'ruleset.json'));
  assert.equal(validators.ruleset({ version: '2026.11.0', rules: ['header.csp'] }), false);
});

// A rule file's name is its id, of the form the rule schema gives ids: <family>.<name>.json.
const ID_PATTERN = new RegExp(read(path.join(rulesDir, 'schema', 'rule.schema.json')).properties.id.pattern);

// → one message per rule file of `dir` that is misnamed, not JSON, invalid, or whose id differs
// from its file name, each naming the file.
function ruleFileProblems(dir) {
  const problems = [];
  for (const id of ruleIds(dir)) {
    const file = `rules/${id}.json`;
    if (!ID_PATTERN.test(id)) {
      problems.push(`${file}: a rule file is named <family>.<name>.json (${ID_PATTERN.source}); a cases file ends in .cases.json`);
      continue;
    }
    let rule;
    try {
      rule = read(path.join(dir, `${id}.json`));
    } catch (e) {
      problems.push(`${file}: not JSON (${e.message})`);
      continue;
    }
    if (!validators.rule(rule)) problems.push(`${file}: ${ajv.errorsText(validators.rule.errors)}`);
    else if (rule.id !== id) problems.push(`${file}: its id "${rule.id}" differs from its file name`);
  }
  return problems;
}

test('every rule file is valid and its id matches its file name', () => {
  assert.ok(ruleIds().length >= 50, `only ${ruleIds().length} rule files`);
  assert.deepEqual(ruleFileProblems(rulesDir), []);
});

test('a rule file dropped in with a wrong name or a wrong id is named', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-rules-'));
  try {
    for (const name of fs.readdirSync(rulesDir)) {
      if (name.endsWith('.json')) fs.copyFileSync(path.join(rulesDir, name), path.join(copy, name));
    }
    const rule = read(path.join(rulesDir, 'header.cors.json'));
    const add = (name, body) => fs.writeFileSync(path.join(copy, name), body);
    add('Header.Foo.json', JSON.stringify({ ...rule, id: 'Header.Foo' }));
    add('header.foo.case.json', JSON.stringify({ cases: [] }));
    add('header.bar.json', JSON.stringify(rule));
    add('header.baz.json', '{"id": "header.baz",');
    add('header.ok.json', JSON.stringify({ ...rule, id: 'header.ok' }));
    const problems = ruleFileProblems(copy);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /^rules\/Header\.Foo\.json: a rule file is named <family>\.<name>\.json/);
    assert.equal(problems[1], 'rules/header.bar.json: its id "header.cors" differs from its file name');
    assert.match(problems[2], /^rules\/header\.baz\.json: not JSON/);
    assert.match(problems[3], /^rules\/header\.foo\.case\.json: a rule file is named/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
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
