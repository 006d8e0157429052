#!/usr/bin/env node
// The core's folders are the pipeline's stages, and an include may only point down the pipeline:
//
//   util → evidence → ruleset → normalize → checks (checks/support: their shared helpers)
//        → scoring (results joined with their rules, grade, profiles) → report → engine
//
// A folder may include its own headers and those of every folder before it; engine/ (the
// auditor) may include them all; every folder may include the public headers (portal_check/).
// The public headers include only each other, and the WebAssembly binding (wasm/) only them.
//
// Usage: node scripts/check-core-layers.mjs [ROOT]  — prints each include against the direction
// and exits 1 when there is one (0 when none). findLayerViolations(root) is the same check.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYERS = ['util', 'evidence', 'ruleset', 'normalize', 'checks', 'scoring', 'report', 'engine'];
const PUBLIC = 'portal_check';

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => /\.(h|cc)$/.test(f))
    .map((f) => path.join(dir, f));
}

function includesOf(file) {
  const found = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const m = /^\s*#\s*include\s+"([^"]+)"/.exec(line);
    if (m) found.push({ target: m[1], line: i + 1 });
  });
  return found;
}

// The folders `from` may include ('*' = any core folder).
function allowedFrom(from) {
  if (from === 'engine') return new Set([...LAYERS, PUBLIC]);
  const at = LAYERS.indexOf(from);
  return new Set([...LAYERS.slice(0, at + 1), PUBLIC]);
}

// Every include against the direction under `root` (the repository): [{file, line, include, why}].
export function findLayerViolations(root) {
  const violations = [];
  const src = path.join(root, 'core', 'src');
  const unknownFolders = fs.existsSync(src)
    ? fs.readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory() && !LAYERS.includes(d.name))
    : [];
  for (const d of unknownFolders)
    violations.push({ file: path.join('core/src', d.name), line: 0, include: '', why: 'a folder that is not a stage of the pipeline (add it to LAYERS in scripts/check-core-layers.mjs)' });
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file).split(path.sep)[0];
    if (!LAYERS.includes(from)) continue;
    const allowed = allowedFrom(from);
    for (const { target, line } of includesOf(file)) {
      const to = target.split('/')[0];
      if (!target.includes('/') || allowed.has(to)) continue;
      violations.push({ file: path.relative(root, file), line, include: target, why: `${from}/ may not include ${to}/ (it comes later in the pipeline)` });
    }
  }
  const onlyPublic = [path.join(root, 'core', 'include'), path.join(root, 'wasm')];
  for (const dir of onlyPublic)
    for (const file of sourceFiles(dir))
      for (const { target, line } of includesOf(file))
        if (target.split('/')[0] !== PUBLIC)
          violations.push({ file: path.relative(root, file), line, include: target, why: 'only the public headers (portal_check/) may be included here' });
  return violations;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = findLayerViolations(root);
  for (const v of violations) console.log(`${v.file}:${v.line}: #include "${v.include}": ${v.why}`);
  process.exit(violations.length ? 1 : 0);
}
