// Keeps web/host/bundle/released-rulesets.mjs true (run by tests/golden/generate.mjs, i.e.
// scripts/golden): adds the current engine's embedded ruleset digest under its name and version.
//
// recordReleasedRuleset({name, version}, digest) → true when the file changed. The file is
// rewritten whole in its generated form (the header comment, then the table as JSON).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEASED_RULESETS } from '../../web/host/bundle/released-rulesets.mjs';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'host', 'bundle', 'released-rulesets.mjs');

export function recordReleasedRuleset({ name, version }, digest) {
  const table = structuredClone(RELEASED_RULESETS);
  const digests = ((table[name] ??= {})[version] ??= []);
  if (digests.includes(digest)) return false;
  digests.push(digest);
  const text = fs.readFileSync(FILE, 'utf8');
  const header = text.slice(0, text.indexOf('export const RELEASED_RULESETS'));
  fs.writeFileSync(FILE, `${header}export const RELEASED_RULESETS = Object.freeze(${JSON.stringify(table, null, 1)});\n`);
  return true;
}
