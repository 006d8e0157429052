// The engine wrapper: loads the wasm ES module once and runs audits through its Session API
// (wasm/portal_check.d.ts). Works in Node and in a browser worker; no Node imports here.
//
// Errors: the wasm API returns them as values ({"ok":false,"error":{code,message}}); this module
// is the host boundary where they become thrown EngineError objects (.code = the engine's code,
// e.g. "invalid-argument", "resource-exhausted"; "internal" for a malformed engine reply).
//
// A module that stops (an Emscripten abort: WebAssembly.RuntimeError "Aborted(…)", a trap, or any
// other throw out of a call into it) is never used again: the engine object drops it and loads a
// fresh instance before the call's promise settles, and the call rejects with EngineError
// "engine-stopped" ("the engine stopped on this input (…); it was restarted"). The next audit on
// the same engine object runs on the fresh instance.

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

// One output of a finished session ("json" or "sarif"), read through the view outputBytes gives
// of the engine's own string (output() would copy the text twice inside the wasm heap, which never
// shrinks) and handed at once to convert(view) → its result (the view is valid only until the next
// call into the module). The call into the module runs through call(). Throws the engine's
// EngineError for an error value (an unknown format name: {"ok":false,…}), and EngineError
// "internal" when the output is not a report.
function readOutput(engine, session, format, convert) {
  const view = call(engine, () => session.outputBytes(format));
  if (startsWith(view, ERROR_VALUE_START)) reply(new TextDecoder().decode(view), `output(${format})`);
  if (view[0] !== 0x7b /* { */)
    throw new EngineError('internal', `output(${format}): the engine replied with text that is not a report`);
  return convert(view);
}

// How an error value begins ({"error":…,"ok":false}); a report begins otherwise.
const ERROR_VALUE_START = new TextEncoder().encode('{"error":');

function startsWith(bytes, prefix) {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; ++i) if (bytes[i] !== prefix[i]) return false;
  return true;
}

// The text of an output's bytes. Throws EngineError "resource-exhausted" when it is longer than one
// JavaScript string can be (V8: 2^29 - 24 characters, a report of about 40,000 pages): such an
// output exists only as bytes (auditHar's output: 'bytes').
function decodeOutput(bytes, format) {
  try {
    return new TextDecoder().decode(bytes);
  } catch {
    throw new EngineError('resource-exhausted', `the ${format === 'json' ? 'report' : 'SARIF'} is ${bytes.length} bytes, more than one JavaScript string can hold: it can only be written out as bytes (portal-check audit --format json|sarif)`);
  }
}

// What a call into the module threw when it was not an error value: an Error's message (e.g.
// "Aborted(Cannot enlarge memory arrays…)"), else the thrown value as text.
function describeThrow(e) {
  if (e && typeof e === 'object' && typeof e.message === 'string' && e.message) return `${e.name || 'Error'}: ${e.message}`;
  return `thrown ${typeof e} ${String(e)}`.slice(0, 200);
}

const RESTART = Symbol('restart');

// Runs fn(module), one synchronous stretch of calls into the engine's current module. → fn's
// result. An EngineError from fn (an error value) passes through; anything else thrown means the
// module stopped: the engine is marked (engine.stopped = the cause) and EngineError
// "engine-stopped" is thrown. The caller's async path then calls settle() to restart it.
function call(engine, fn) {
  if (engine.stopped) throw new EngineError('engine-stopped', `the engine stopped earlier (${engine.stopped}) and was not restarted`);
  try {
    return fn(engine.module);
  } catch (e) {
    if (e instanceof EngineError) throw e;
    engine.stopped = describeThrow(e);
    throw new EngineError('engine-stopped', `the engine stopped on this input (${engine.stopped})`);
  }
}

// After a failed engine call: when the module stopped, loads a fresh one and words the error.
// → the error to throw (EngineError "engine-stopped" naming the restart, or `e` unchanged).
async function settle(engine, e) {
  if (!(e instanceof EngineError) || e.code !== 'engine-stopped' || !engine.stopped) return e;
  const cause = engine.stopped;
  try {
    await engine[RESTART]();
    return new EngineError('engine-stopped', `the engine stopped on this input (${cause}); it was restarted`);
  } catch (r) {
    return new EngineError('engine-stopped', `the engine stopped on this input (${cause}); restarting it failed (${describeThrow(r)})`);
  }
}

// Before a run: a restart that failed earlier is tried again. Throws EngineError
// "engine-stopped" when it fails again.
async function ready(engine) {
  if (engine.module) return;
  try {
    await engine[RESTART]();
  } catch (r) {
    throw new EngineError('engine-stopped', `the engine could not be restarted (${describeThrow(r)})`);
  }
}

// loadEngine({moduleUrl, wasmBinary}) → Promise<{module, info: {name, version}, ruleset(),
//   restarts, stopped}>
//   moduleUrl: URL or path (file URL in Node) of build/wasm/portal_check.mjs, the Emscripten
//   MODULARIZE + EXPORT_ES6 factory. wasmBinary: the .wasm bytes (required in Node: the module is built
//   for the web and worker environments only, wasm/CMakeLists.txt, so its glue cannot read a file
//   path; optional in a browser, where the glue fetches it).
//   ruleset() → the embedded ruleset document (parsed once, cached).
//   module: the current instance (replaced after a restart: read it from the engine each time).
//   restarts: how many times a stopped module was replaced. stopped: null, or the cause while a
//   stopped module could not be replaced (every call then fails until a restart succeeds).
export async function loadEngine({ moduleUrl, wasmBinary } = {}) {
  if (!moduleUrl) throw new EngineError('invalid-argument', 'loadEngine: moduleUrl is required');
  const factory = (await import(String(moduleUrl))).default;
  if (typeof factory !== 'function') throw new EngineError('internal', 'loadEngine: the module has no default factory');
  const start = () => factory(wasmBinary ? { wasmBinary } : {});
  const module = await start();
  const info = reply(module.engineInfo(), 'engineInfo');
  let ruleset = null;
  const engine = {
    module,
    info,
    restarts: 0,
    stopped: null,
    ruleset() {
      if (!ruleset) ruleset = reply(call(engine, (m) => m.embeddedRuleset()), 'embeddedRuleset');
      return ruleset;
    },
    async [RESTART]() {
      engine.module = null;
      const fresh = await start();
      reply(fresh.engineInfo(), 'engineInfo');
      engine.module = fresh;
      engine.stopped = null;
      engine.restarts += 1;
    },
  };
  return engine;
}

// Feeds `har` (text, bytes or an async iterable of chunks) to feed(chunk) in chunks of at most
// chunkBytes, letting the event loop run between chunks. onChunk(bytesSoFar, totalBytes) after each.
async function feedAll(har, chunkBytes, feed, onChunk) {
  let fed = 0;
  if (typeof har === 'string' || har instanceof Uint8Array) {
    // Bytes, so that chunk boundaries never split a character (a string slice could split a
    // surrogate pair).
    const bytes = typeof har === 'string' ? new TextEncoder().encode(har) : har;
    const totalBytes = bytes.length;
    for (let at = 0; at === 0 || at < bytes.length; at += chunkBytes) {
      // Let a UI thread or worker breathe between chunks.
      if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const chunk = bytes.subarray(at, at + chunkBytes);
      feed(chunk);
      fed += chunk.length;
      onChunk(fed, totalBytes);
    }
  } else {
    feed(new Uint8Array(0));
    onChunk(fed, null);
    for await (const c of har) {
      const chunk = c instanceof Uint8Array ? c : new TextEncoder().encode(String(c));
      feed(chunk);
      fed += chunk.length;
      onChunk(fed, null);
    }
  }
}

// checkHar(engine, har, {chunkBytes = 1 MiB}) → Promise<void>
//   Reads the HAR's JSON exactly as auditHar's audit would, without auditing (the module's
//   HarCheck): resolves when the audit would read it all, else throws the EngineError the audit
//   would stop on (same code, same message), e.g. "duplicate member 'log' at byte 40". For paths
//   that also read the document with JSON.parse (evidence bundles), which would silently keep the
//   last of two same-named members. har: as for auditHar.
export async function checkHar(engine, har, { chunkBytes = 1 << 20 } = {}) {
  await ready(engine);
  let check = null;
  const owner = engine.module;
  try {
    check = call(engine, (m) => new m.HarCheck());
    await feedAll(har, chunkBytes, (chunk) => reply(call(engine, () => check.feed(chunk)), 'HarCheck.feed'), () => {});
    reply(call(engine, () => check.finish()), 'HarCheck.finish');
  } catch (e) {
    throw await settle(engine, e);
  } finally {
    if (check && engine.module === owner) try { check.delete(); } catch { /* the module stopped */ }
  }
}

// auditHar(engine, har, {target, ruleset, profiles, declarations, chunkBytes = 1 MiB, onProgress}) →
//   Promise<{report (object, parsed from reportText on first access), reportText (the engine's
//   JSON, byte-exact), sarifText, gradedHeaders}> (output 'bytes' and 'blob': below);
//   gradedHeaders: the graded page's response headers [[name, value], …] with secret values
//   redacted as in the report, [] when no page was graded (not part of the report: see
//   Auditor::GradedHeadersJson).
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
//   output: 'text' (default), 'bytes' or 'blob'. With 'bytes' the result also has reportBytes and
//   sarifBytes (Uint8Array, the engine's UTF-8 bytes) and reportText, sarifText and report are
//   made only when read (each getter throws EngineError "resource-exhausted" when the output is too
//   long for one JavaScript string — a report of more than about 40,000 pages; the bytes are
//   always there); report keeps only the parsed object, not the text it was parsed from. With
//   'text' that error is thrown by auditHar itself. With 'blob' the result is {gradedHeaders,
//   reportBlob, sarifBlob}: Blobs (types application/json, application/sarif+json) made straight
//   from the engine's bytes, with no copy in the JavaScript heap (read them back with
//   blob.arrayBuffer() or blob.stream()).
//   sarif: false → the SARIF is not asked for (the engine renders it only when asked: an audit
//   that needs only the report is cheaper, and the wasm memory, which never shrinks, does not grow
//   by its size: 37 MB for 1,000 pages); sarifText, sarifBytes and sarifBlob are then null.
//   onOutput(format, bytes): called for each output read ("json", then "sarif"), before the
//   result's own copy is made, with its UTF-8 bytes as a view of the engine's memory (no copy),
//   valid only during the call: for a caller that reads an output once (e.g. splits it) and keeps
//   no copy of it.
//   The session is always freed.
//   Throws EngineError on any engine error (bad HAR, limits, ...).
export async function auditHar(engine, har, { target, ruleset, profiles, declarations, chunkBytes = 1 << 20, onProgress, output = 'text', sarif = true, onOutput } = {}) {
  const options = {};
  if (target) options.target = target;
  if (ruleset) options.ruleset = ruleset;
  if (profiles && profiles.length > 0) options.profiles = profiles;
  if (declarations !== undefined && declarations !== null) options.declarations = declarations;
  await ready(engine);
  let session = null;
  const owner = engine.module;
  try {
    session = call(engine, (m) => new m.Session(JSON.stringify(options)));
    let entries = 0;
    await feedAll(har, chunkBytes, (chunk) => {
      ({ entries } = reply(call(engine, () => session.feed(chunk)), 'feed'));
    }, (bytes, totalBytes) => onProgress?.({ bytes, totalBytes, entries }));
    reply(call(engine, () => session.finish()), 'finish');
    const gradedHeaders = JSON.parse(call(engine, () => session.gradedHeaders()) || '[]');
    // The output `format` through convert(view), after onOutput; null for a SARIF not asked for.
    const read = (format, convert) => {
      if (format === 'sarif' && !sarif) return null;
      return readOutput(engine, session, format, (view) => {
        onOutput?.(format, view);
        return convert(view);
      });
    };
    if (output === 'blob') {
      const blob = (type) => (view) => new Blob([view], { type });
      return { gradedHeaders, reportBlob: read('json', blob('application/json')), sarifBlob: read('sarif', blob('application/sarif+json')) };
    }
    // Texts decoded and the report parsed on first use (then kept): a large report's objects cost
    // several times its text, and many callers only need the text.
    let reportText, sarifText, report;
    let reportBytes = null, sarifBytes = null;
    if (output === 'bytes') {
      reportBytes = read('json', (view) => view.slice());
      sarifBytes = read('sarif', (view) => view.slice());
    } else {
      reportText = read('json', (view) => decodeOutput(view, 'json'));
      sarifText = read('sarif', (view) => decodeOutput(view, 'sarif'));
    }
    if (!sarif) sarifText = null;
    const result = {
      gradedHeaders,
      get reportText() {
        if (reportText === undefined) reportText = decodeOutput(reportBytes, 'json');
        return reportText;
      },
      get sarifText() {
        if (sarifText === undefined) sarifText = decodeOutput(sarifBytes, 'sarif');
        return sarifText;
      },
      get report() {
        // From bytes, the text is decoded for the parse only (a report's text and its objects
        // together are what a large audit's memory peaks on).
        if (report === undefined) report = reply(reportText ?? decodeOutput(reportBytes, 'json'), 'output(json)');
        return report;
      },
    };
    return output === 'bytes' ? Object.assign(result, { reportBytes, sarifBytes }) : result;
  } catch (e) {
    throw await settle(engine, e);
  } finally {
    // Only on the instance that made it: after a restart the old one is dropped whole.
    if (session && engine.module === owner) try { session.delete(); } catch { /* the module stopped */ }
  }
}
