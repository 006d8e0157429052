// The bad-input fixtures (tests/fixtures/bad-input/, README.md there) for the JS tests, expanded
// exactly as testing::BadInput does in the native suite.
//
// badInputNames() → the fixture file names (NAME.har and NAME.recipe.json), sorted.
// badInput(name) → Buffer: the document (a recipe's parts expanded: each part's text `repeat`
//   times, "{i}" → 0, 1, …, joined by `separator`).
// fuzzInputs() → [{name, bytes}]: every input the fuzzers kept for the C++ HAR targets
//   (tests/fuzz-regressions/<target>/ except the JavaScript target bundle-verify), as the HAR
//   document the target was given (the first byte, the target's chunk-size selector, removed).
//   Throws when a C++ target folder is not one whose input is a HAR (har_reader, auditor).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(ROOT, 'tests/fixtures/bad-input');
const FUZZ_DIR = path.join(ROOT, 'tests/fuzz-regressions');

export function badInputNames() {
  return fs.readdirSync(DIR).filter((n) => n.endsWith('.har') || n.endsWith('.recipe.json')).sort();
}

export function badInput(name) {
  const bytes = fs.readFileSync(path.join(DIR, name));
  if (!name.endsWith('.recipe.json')) return bytes;
  const parts = [];
  for (const { text, repeat = 1, separator = '' } of JSON.parse(bytes.toString('utf8')).parts) {
    const mark = text.indexOf('{i}');
    if (mark < 0 && separator === '') {
      parts.push(Buffer.from(text.repeat(repeat), 'utf8'));
      continue;
    }
    const pieces = [];
    for (let i = 0; i < repeat; i++) pieces.push(mark < 0 ? text : text.slice(0, mark) + i + text.slice(mark + 3));
    parts.push(Buffer.from(pieces.join(separator), 'utf8'));
  }
  return Buffer.concat(parts);
}

const HAR_TARGETS = new Set(['har_reader', 'auditor']);
const JS_TARGETS = new Set(['bundle-verify']);

export function fuzzInputs() {
  const out = [];
  for (const target of fs.readdirSync(FUZZ_DIR).sort()) {
    if (JS_TARGETS.has(target)) continue;
    if (!HAR_TARGETS.has(target)) throw new Error(`tests/fuzz-regressions/${target}: a C++ target this suite does not know how to replay`);
    for (const name of fs.readdirSync(path.join(FUZZ_DIR, target)).sort()) {
      if (name.startsWith('.')) continue;
      out.push({ name: `${target}/${name}`, bytes: fs.readFileSync(path.join(FUZZ_DIR, target, name)).subarray(1) });
    }
  }
  return out;
}
