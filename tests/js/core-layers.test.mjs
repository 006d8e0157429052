// The core's includes follow the pipeline (scripts/check-core-layers.mjs): none points against it,
// and the check notices one that does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLayerViolations, LAYERS } from '../../scripts/check-core-layers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('no include in core/ or wasm/ points against the pipeline', () => {
  const violations = findLayerViolations(ROOT);
  assert.deepEqual(violations.map((v) => `${v.file}:${v.line}: ${v.include}: ${v.why}`), []);
});

test('every folder of core/src is a stage of the pipeline', () => {
  const folders = fs.readdirSync(path.join(ROOT, 'core', 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.deepEqual([...folders].sort(), [...LAYERS].sort());
});

test('an include against the direction, a private header in the binding and a stray folder are reported', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-layers-'));
  try {
    const write = (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('core/src/evidence/exchange.h', '#include "util/json.h"\n#include "normalize/headers.h"\n');
    write('core/src/report/report_json.cc', '#include "scoring/grade.h"\n#include "checks/check.h"\n');
    write('core/src/checks/support/page_links.cc', '#include "engine/auditor.h"\n');
    write('core/src/engine/auditor.cc', '#include "report/sarif.h"\n#include "evidence/exchange.h"\n');
    write('core/src/misc/x.cc', '');
    write('wasm/binding.cc', '#include "portal_check/auditor.h"\n#include "engine/ruleset.h"\n');
    const found = findLayerViolations(root).map((v) => `${v.file}:${v.line}:${v.include}`).sort();
    assert.deepEqual(found, [
      'core/src/checks/support/page_links.cc:1:engine/auditor.h',
      'core/src/evidence/exchange.h:2:normalize/headers.h',
      'core/src/misc:0:',
      'wasm/binding.cc:2:engine/ruleset.h',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
