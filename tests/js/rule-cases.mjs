// The rule cases of rules/*.cases.json as HARs, for the JS suites that audit every case (parity
// native vs wasm, redaction proof). The HAR wrapping matches the native runner's
// (tests/support/test_support.cc HarFromEntries): {"log": {"version": "1.2", "creator", "entries"}}.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');

// → [{name: "<file>#<index>", har: <HAR object>, target: <start URL or ''>}], files in name order.
export function ruleCaseHars(creator = 'portal-check-tests') {
  const out = [];
  for (const file of fs.readdirSync(rulesDir).filter((f) => f.endsWith('.cases.json')).sort()) {
    const { cases } = JSON.parse(fs.readFileSync(path.join(rulesDir, file), 'utf8'));
    cases.forEach((c, i) => out.push({
      name: `${file}#${i}`,
      har: { log: { version: '1.2', creator: { name: creator, version: '1' }, entries: c.entries } },
      target: c.target || '',
    }));
  }
  return out;
}
