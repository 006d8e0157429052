// Finds and loads the built wasm engine for Node.
//
// wasmDir() → the folder holding portal_check.mjs and portal_check.wasm: $PORTAL_CHECK_WASM_DIR
//   when set, else build/wasm under the repository root.
// loadNodeEngine() → Promise<engine> (see web/host/engine.mjs loadEngine). Throws an Error with
//   code "engine-missing" when the artifacts are not there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine } from '../host/engine.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function wasmDir() {
  return process.env.PORTAL_CHECK_WASM_DIR ? path.resolve(process.env.PORTAL_CHECK_WASM_DIR) : path.join(REPO_ROOT, 'build', 'wasm');
}

export async function loadNodeEngine() {
  const dir = wasmDir();
  const moduleFile = path.join(dir, 'portal_check.mjs');
  const wasmFile = path.join(dir, 'portal_check.wasm');
  for (const f of [moduleFile, wasmFile]) {
    if (!fs.existsSync(f)) {
      const e = new Error(`the wasm engine is not built: ${f} is missing (run scripts/build, or set PORTAL_CHECK_WASM_DIR)`);
      e.code = 'engine-missing';
      throw e;
    }
  }
  return loadEngine({ moduleUrl: pathToFileURL(moduleFile).href, wasmBinary: fs.readFileSync(wasmFile) });
}
