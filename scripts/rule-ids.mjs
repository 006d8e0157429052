// The check ids of a rules directory: every <id>.json in it but ruleset.json and the *.cases.json
// files, sorted bytewise. It is the list the build embeds as the ruleset's "rules"
// (scripts/cmake/embed_ruleset.cmake); no file keeps it by hand. Node only (it reads the
// filesystem): the scripts and tests import it, the browser app reads the ids from the engine's
// ruleset document.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's rules/ directory.
export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'rules');

// true when the file name `name` of a rules directory is a rule file.
export function isRuleFile(name) {
  return name.endsWith('.json') && !name.endsWith('.cases.json') && name !== 'ruleset.json';
}

// → the ids of the rule files of `rulesDir` (file names less ".json"), in bytewise (UTF-8) order.
export function ruleIds(rulesDir = RULES_DIR) {
  return fs.readdirSync(rulesDir).filter(isRuleFile).map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
