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

// Writes one output of a finished session ("json" or "sarif") to onPiece(view), piece by piece
// (Session.writeOutput: pieces of at most 1 MiB, never cut inside a character, concatenated the
// engine's exact bytes; the output is never whole in the wasm heap, which never shrinks). Each
// view is a view of the engine's memory, valid only during its onPiece call. The call into the
// module runs through call(); what onPiece throws is thrown after the call returns (no exception
// crosses the module; later pieces are then skipped). Throws the engine's EngineError for an
// error value (an unknown format name: {"ok":false,…}), and EngineError "internal" when the
// output is not a report.
function writeOutput(engine, session, format, onPiece) {
  let failure = null;
  let first = true;
  const replyText = call(engine, () => session.writeOutput(format, (view) => {
    if (failure) return;
    try {
      if (first && view[0] !== 0x7b /* { */) throw new EngineError('internal', `output(${format}): the engine replied with text that is not a report`);
      first = false;
      onPiece(view);
    } catch (e) {
      failure = e;
    }
  }));
  if (failure) throw failure;
  reply(replyText, `output(${format})`);
  if (first) throw new EngineError('internal', `output(${format}): the engine wrote nothing`);
}

// Collectors of an output's pieces, one per auditHar output form: {add(view), done() → value}.
// Blob: one Blob per piece (a piece leaves the worker's memory for the browser's blob storage as
// it comes; the output Blob is made of those, without copying them again).
function blobCollector(type) {
  const parts = [];
  return { add: (view) => parts.push(new Blob([view])), done: () => new Blob(parts, { type }) };
}

// Bytes: one Uint8Array (a single piece is kept as it is copied; several are joined once).
function bytesCollector() {
  const parts = [];
  return {
    add: (view) => parts.push(view.slice()),
    done: () => {
      if (parts.length === 1) return parts[0];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts.splice(0)) { out.set(p, at); at += p.length; }
      return out;
    },
  };
}

// Text: decoded piece by piece. Throws EngineError "resource-exhausted" when it is longer than
// one JavaScript string can be (see decodeOutput). A piece that ends in an ASCII byte cannot end
// inside a character and is decoded whole (it also flushes what an earlier piece left pending);
// only a piece ending in another byte is decoded as a stream, which keeps a partial character for
// the next piece (Node's streaming decode costs ≈ 6× a whole one: 13 against 2 µs for a site's
// 18 KB report). Exported for its test only.
export function textCollector(format) {
  const decoder = new TextDecoder();
  const parts = [];
  let bytes = 0;
  let pending = false;
  return {
    add: (view) => {
      if (view.length === 0) return;
      bytes += view.length;
      pending = view[view.length - 1] >= 0x80;
      parts.push(decoder.decode(view, pending ? { stream: true } : undefined));
    },
    done: () => {
      try {
        if (pending) parts.push(decoder.decode());
        return parts.join('');
      } catch {
        throw tooLong(format, bytes);
      }
    },
  };
}

// The text of an output's bytes. Throws EngineError "resource-exhausted" when it is longer than one
// JavaScript string can be (V8: 2^29 - 24 characters, a report of about 40,000 pages): such an
// output exists only as bytes (auditHar's output: 'bytes').
function decodeOutput(bytes, format) {
  try {
    return new TextDecoder().decode(bytes);
  } catch {
    throw tooLong(format, bytes.length);
  }
}

function tooLong(format, bytes) {
  return new EngineError('resource-exhausted', `the ${format === 'json' ? 'report' : 'SARIF'} is ${bytes} bytes, more than one JavaScript string can hold: it can only be written out as bytes (portal-check audit --format json|sarif)`);
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

// Feeds one chunk (a Uint8Array) to a Session or HarCheck: copied into the module's input buffer
// with one TypedArray.set, then fed from there (the module's feed(bytes) would have embind copy
// it byte by byte). → the module's reply.
function feedBytes(target, chunk) {
  target.inputBuffer(chunk.length).set(chunk);
  return target.feedInput();
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
    await feedAll(har, chunkBytes, (chunk) => reply(call(engine, () => feedBytes(check, chunk)), 'HarCheck.feed'), () => {});
    reply(call(engine, () => check.finish()), 'HarCheck.finish');
  } catch (e) {
    throw await settle(engine, e);
  } finally {
    if (check && engine.module === owner) try { check.delete(); } catch { /* the module stopped */ }
  }
}

// An audit's outputs (auditHar's result for outputs 'text' and 'bytes'): texts decoded and the
// report parsed on first use, then kept (a large report's objects cost several times its text, and
// many callers only need the text). A class with its getters on the prototype, not an object
// literal with getters: a literal's getters are closures over auditHar's whole scope, and with them
// every audit's outputs outlived V8's young generation (measured: an empty HAR's audit in Node
// 0.25 → 0.12 ms, the difference almost all scavenges; BENCHMARKS.md).
class AuditResult {
  #reportText;
  #sarifText;
  #report;

  // outputs: {reportText, sarifText} (output 'text') or {reportBytes, sarifBytes} (output
  // 'bytes', kept as the result's own properties); sarifText/sarifBytes null when not asked for.
  constructor(gradedHeaders, { reportText, sarifText, reportBytes, sarifBytes }) {
    this.gradedHeaders = gradedHeaders;
    this.#reportText = reportText;
    this.#sarifText = sarifText;
    if (reportBytes !== undefined) {
      this.reportBytes = reportBytes;
      this.sarifBytes = sarifBytes;
    }
  }

  get reportText() {
    if (this.#reportText === undefined) this.#reportText = decodeOutput(this.reportBytes, 'json');
    return this.#reportText;
  }

  get sarifText() {
    if (this.#sarifText === undefined) this.#sarifText = this.sarifBytes && decodeOutput(this.sarifBytes, 'sarif');
    return this.#sarifText;
  }

  get report() {
    // From bytes, the text is decoded for the parse only (a report's text and its objects
    // together are what a large audit's memory peaks on).
    if (this.#report === undefined) this.#report = reply(this.#reportText ?? decodeOutput(this.reportBytes, 'json'), 'output(json)');
    return this.#report;
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
//   from the engine's bytes piece by piece, with no copy of the whole in the JavaScript heap (read
//   them back with blob.arrayBuffer() or blob.stream()).
//   Every output is read from the engine in pieces (Session.writeOutput): it is never whole in the
//   wasm memory, which never shrinks.
//   sarif: false → the SARIF is not asked for (the engine renders it only when asked: an audit
//   that needs only the report is cheaper); sarifText, sarifBytes and sarifBlob are then null.
//   sarif: 'later' → the same, and the session is kept (not freed) so that the SARIF can be asked
//   for later: the result also has sarifLater() → Promise of the SARIF in the output's form
//   (text, bytes or Blob: the same bytes as with sarif: true), any number of times, and
//   release() → frees the session (sarifLater() then rejects with EngineError
//   "failed-precondition"); the caller must release it (a kept session holds the audit's outcome
//   in the wasm memory: ≈ 40 MB for 1,000 pages). After an engine restart sarifLater() rejects
//   with EngineError "engine-stopped".
//   onOutput(format, piece): called for each piece of each output read ("json", then "sarif";
//   with sarif: 'later', also at each sarifLater()), in order, before the result's own copy of it
//   is made, with the piece's UTF-8 bytes as a view of the engine's memory (no copy), valid only
//   during the call: for a caller that reads an output once (e.g. splits it,
//   report-parts.mjs ReportSplitter) and keeps no copy of it. The pieces concatenated are the
//   output's bytes; a piece never ends inside a character.
//   The session is freed, except with sarif: 'later' (above).
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
      ({ entries } = reply(call(engine, () => feedBytes(session, chunk)), 'feed'));
    }, (bytes, totalBytes) => onProgress?.({ bytes, totalBytes, entries }));
    reply(call(engine, () => session.finish()), 'finish');
    const gradedHeaders = JSON.parse(call(engine, () => session.gradedHeaders()) || '[]');
    // The output `format` in the result's form, read piece by piece after onOutput; null for a
    // SARIF not asked for now.
    const read = (format, { now = true } = {}) => {
      if (format === 'sarif' && now && (sarif === 'later' || !sarif)) return null;
      const sink = output === 'blob' ? blobCollector(format === 'json' ? 'application/json' : 'application/sarif+json')
        : output === 'bytes' ? bytesCollector() : textCollector(format);
      writeOutput(engine, session, format, (view) => {
        onOutput?.(format, view);
        sink.add(view);
      });
      return sink.done();
    };
    // (After the reads: keepSession takes the session.)
    const later = () => (sarif === 'later' ? keepSession() : {});
    if (output === 'blob') return { gradedHeaders, reportBlob: read('json'), sarifBlob: read('sarif'), ...later() };
    const result = output === 'bytes'
      ? new AuditResult(gradedHeaders, { reportBytes: read('json'), sarifBytes: read('sarif') })
      : new AuditResult(gradedHeaders, { reportText: read('json'), sarifText: read('sarif') });
    return Object.assign(result, later());

    // sarif: 'later': the session is handed to {sarifLater, release} instead of being freed.
    function keepSession() {
      const kept = session;
      session = null;
      let released = false;
      return {
        async sarifLater() {
          if (released) throw new EngineError('failed-precondition', 'sarifLater: the audit\'s session was released');
          if (engine.module !== owner) throw new EngineError('engine-stopped', 'sarifLater: the engine was restarted since this audit; its outcome is gone');
          session = kept;
          try {
            return read('sarif', { now: false });
          } catch (e) {
            throw await settle(engine, e);
          } finally {
            session = null;
          }
        },
        release() {
          if (released) return;
          released = true;
          if (engine.module === owner) try { kept.delete(); } catch { /* the module stopped */ }
        },
      };
    }
  } catch (e) {
    throw await settle(engine, e);
  } finally {
    // Only on the instance that made it: after a restart the old one is dropped whole.
    if (session && engine.module === owner) try { session.delete(); } catch { /* the module stopped */ }
  }
}
