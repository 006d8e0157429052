// The engine wrapper: loads the wasm ES module once and runs audits through its Session API
// (wasm/portal_check.d.ts). Works in Node and in a browser worker; no Node imports here.
//
// Errors: the wasm API returns them as values ({"ok":false,"error":{code,message}}); this module
// is the host boundary where they become thrown EngineError objects (.code = the engine's code,
// e.g. "invalid-argument", "resource-exhausted"; "internal" for a malformed engine reply).

export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

// Parses one engine reply. → the parsed object. Throws EngineError for an error value or a reply
// that is not JSON.
function reply(text, call) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EngineError('internal', `${call}: the engine replied with text that is not JSON`);
  }
  if (value && typeof value === 'object' && value.ok === false) {
    const err = value.error || {};
    throw new EngineError(String(err.code || 'unknown'), `${call}: ${String(err.message || 'engine error')}`);
  }
  return value;
}

// loadEngine({moduleUrl, wasmBinary}) → Promise<{module, info: {name, version}, ruleset()}>
//   moduleUrl: URL or path (file URL in Node) of build/wasm/portal_check.mjs, the Emscripten
//   MODULARIZE + EXPORT_ES6 factory. wasmBinary: the .wasm bytes (required in Node, where the glue
//   cannot fetch a file path — see TOOLCHAIN.md; optional in a browser, where the glue fetches it).
//   ruleset() → the embedded ruleset document (parsed once, cached).
export async function loadEngine({ moduleUrl, wasmBinary } = {}) {
  if (!moduleUrl) throw new EngineError('invalid-argument', 'loadEngine: moduleUrl is required');
  const factory = (await import(String(moduleUrl))).default;
  if (typeof factory !== 'function') throw new EngineError('internal', 'loadEngine: the module has no default factory');
  const module = await factory(wasmBinary ? { wasmBinary } : {});
  const info = reply(module.engineInfo(), 'engineInfo');
  let ruleset = null;
  return {
    module,
    info,
    ruleset() {
      if (!ruleset) ruleset = reply(module.embeddedRuleset(), 'embeddedRuleset');
      return ruleset;
    },
  };
}

// auditHar(engine, har, {target, ruleset, chunkBytes = 1 MiB, onProgress}) →
//   Promise<{report (object), reportText (the engine's JSON, byte-exact), sarifText}>
//   har: the HAR document as text (string) or as its UTF-8 bytes (Uint8Array); it reaches the
//   engine unchanged, fed in chunks of chunkBytes (Session.feed audits each entry as soon as its
//   last byte arrives, so memory stays bounded by the largest entry).
//   target: the audit's start URL (default: the HAR's log._portalCheck.target, else its first
//   entry's URL). ruleset: a ruleset document for replay.
//   onProgress({bytes, totalBytes, entries}) after each chunk. The session is always freed.
//   Throws EngineError on any engine error (bad HAR, limits, ...).
export async function auditHar(engine, har, { target, ruleset, chunkBytes = 1 << 20, onProgress } = {}) {
  const options = {};
  if (target) options.target = target;
  if (ruleset) options.ruleset = ruleset;
  // Bytes, so that chunk boundaries never split a character (a string slice could split a
  // surrogate pair).
  const bytes = typeof har === 'string' ? new TextEncoder().encode(har) : har;
  const session = new engine.module.Session(JSON.stringify(options));
  try {
    for (let at = 0; at < bytes.length || at === 0; at += chunkBytes) {
      const { entries } = reply(session.feed(bytes.subarray(at, at + chunkBytes)), 'feed');
      onProgress?.({ bytes: Math.min(at + chunkBytes, bytes.length), totalBytes: bytes.length, entries });
      if (bytes.length === 0) break;
      // Let a UI thread or worker breathe between chunks.
      if (at + chunkBytes < bytes.length) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    reply(session.finish(), 'finish');
    const reportText = session.output('json');
    const report = reply(reportText, 'output(json)');
    const sarifText = session.output('sarif');
    reply(sarifText, 'output(sarif)');
    return { report, reportText, sarifText };
  } finally {
    session.delete();
  }
}
