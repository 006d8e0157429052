// A test stand-in for build/wasm/portal_check.mjs whose instances can be made to abort for real:
// the default export is the real Emscripten factory, instantiated through its instantiateWasm hook
// so that the glue's own `_abort` import (which calls the glue's abort(): ABORT set, a
// WebAssembly.RuntimeError "Aborted(…)" thrown — what a failed allocation or a C++ throw without
// exception support ends in) can be kept and called. Not a product file: the product module
// exports no abort.
//
// default(overrides) → Promise<module>: the real module, plus module.abortNow() (never returns).
// failNextStarts(n): the next n calls of the factory reject (an instance that cannot be created).
// The real module is imported from $PORTAL_CHECK_WASM_DIR or build/wasm, as the CLI does.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './bad-input.mjs';

const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || path.join(ROOT, 'build/wasm');
const real = (await import(pathToFileURL(path.join(wasmDir, 'portal_check.mjs')).href)).default;

let failing = 0;
export function failNextStarts(n) {
  failing = n;
}

export default async function createAbortable(overrides = {}) {
  if (failing > 0) {
    failing--;
    throw new Error('no memory for a new instance');
  }
  let abortImport = null;
  const module = await real({
    ...overrides,
    instantiateWasm(imports, receiveInstance) {
      for (const group of Object.values(imports)) {
        for (const fn of Object.values(group)) if (typeof fn === 'function' && fn.name === '_abort') abortImport = fn;
      }
      WebAssembly.instantiate(overrides.wasmBinary, imports).then(({ instance, module: compiled }) => receiveInstance(instance, compiled));
      return {};
    },
  });
  if (!abortImport) throw new Error('abortable-engine: the glue has no _abort import');
  module.abortNow = abortImport;
  return module;
}
