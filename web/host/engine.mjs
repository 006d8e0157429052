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
    const e = new EngineError(String(err.code || 'unknown'), String(err.message || `${call}: engine error`));
    e.call = call;
    throw e;
  }
  return value;
}

// The text of one output of a finished session ("json" or "sarif"). Throws EngineError "internal"
// when there is none (an output is never an error value: errors come from feed and finish). Read through outputBytes (a view of the engine's own
// bytes, decoded at once) when the module has it: output() copies the text twice inside the wasm
// heap, which never shrinks. Not parsed here: see auditHar's report.
function outputText(session, format) {
  const text = typeof session.outputBytes === 'function'
    ? new TextDecoder().decode(session.outputBytes(format))
    : session.output(format);
  if (!text.startsWith('{'))
    throw new EngineError('internal', `output(${format}): the engine replied with text that is not a report`);
  return text;
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

// auditHar(engine, har, {target, ruleset, profiles, declarations, chunkBytes = 1 MiB, onProgress}) →
//   Promise<{report (object, parsed from reportText on first access), reportText (the engine's
//   JSON, byte-exact), sarifText}>
//   har: the HAR document as text (string), as its bytes (Uint8Array), or as an async iterable of
//   byte chunks (a file stream); it reaches the engine unchanged, fed in chunks (Session.feed
//   audits each entry as soon as its last byte arrives, so memory stays bounded by the largest
//   entry).
//   target: the audit's start URL (default: the HAR's log._portalCheck.target, else its first
//   entry's URL). ruleset: a ruleset document for replay.
//   profiles: criteria profile ids (e.g. ["tnm-website-basic", "level-2"]); the report gains
//   "profiles" only when non-empty. declarations: the applicant's declarations object
//   (rules/schema/declarations.schema.json). Unknown profile or invalid declarations → EngineError
//   "invalid-argument".
//   onProgress({bytes, totalBytes, entries}) after each chunk (totalBytes is null for a stream).
//   The session is always freed.
//   Throws EngineError on any engine error (bad HAR, limits, ...).
export async function auditHar(engine, har, { target, ruleset, profiles, declarations, chunkBytes = 1 << 20, onProgress } = {}) {
  const options = {};
  if (target) options.target = target;
  if (ruleset) options.ruleset = ruleset;
  if (profiles && profiles.length > 0) options.profiles = profiles;
  if (declarations !== undefined && declarations !== null) options.declarations = declarations;
  const session = new engine.module.Session(JSON.stringify(options));
  try {
    let fed = 0;
    let totalBytes = null;
    const feed = (chunk) => {
      const { entries } = reply(session.feed(chunk), 'feed');
      fed += chunk.length;
      onProgress?.({ bytes: fed, totalBytes, entries });
    };
    if (typeof har === 'string' || har instanceof Uint8Array) {
      // Bytes, so that chunk boundaries never split a character (a string slice could split a
      // surrogate pair).
      const bytes = typeof har === 'string' ? new TextEncoder().encode(har) : har;
      totalBytes = bytes.length;
      feed(bytes.subarray(0, chunkBytes));
      for (let at = chunkBytes; at < bytes.length; at += chunkBytes) {
        // Let a UI thread or worker breathe between chunks.
        await new Promise((resolve) => setTimeout(resolve, 0));
        feed(bytes.subarray(at, at + chunkBytes));
      }
    } else {
      feed(new Uint8Array(0));
      for await (const chunk of har) feed(chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk)));
    }
    reply(session.finish(), 'finish');
    const reportText = outputText(session, 'json');
    const sarifText = outputText(session, 'sarif');
    // Parsed on first use (then kept): a large report's objects cost several times its text, and
    // many callers only need the text.
    let report;
    return {
      get report() {
        if (report === undefined) report = reply(reportText, 'output(json)');
        return report;
      },
      reportText,
      sarifText,
    };
  } finally {
    session.delete();
  }
}
