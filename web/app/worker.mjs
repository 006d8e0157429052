// The audit worker (a module worker, created lazily by main.mjs on the first audit).
// It loads the wasm engine ONCE (../wasm/portal_check.mjs relative to this file in the served
// layout, see README.md) through the shared host wrapper (../host/engine.mjs) and answers:
//
//   {type: 'audit', id, source: File | Blob | string, options: {target?, profiles?: [ids], declarations?}}
//     → {type: 'progress', id, bytes, totalBytes, entries}   after each chunk fed to the engine
//     → {type: 'done', id, reportText, sarifText}            reportText = the engine's JSON, byte-exact
//     or {type: 'error', id, code, message}                  code: the engine's code (e.g.
//                                                            "invalid-argument"), "engine-load" when
//                                                            the engine could not load, "read" when
//                                                            the file could not be read
//   {type: 'ruleset'} → {type: 'ruleset', text}              the engine's embedded ruleset (JSON text)
//                    or {type: 'error', id: null, code, message}
//
// A File/Blob is read in 1 MiB slices (blob.slice().arrayBuffer()) and fed chunk by chunk to
// Session.feed: the file is never whole in memory, and the page stays responsive on a 200 MB HAR.
// Audits run one after another in arrival order. Cancel = main.mjs terminates this worker.
import { loadEngine, auditHar } from '../host/engine.mjs';

const CHUNK_BYTES = 1 << 20;

let enginePromise = null;
function engine() {
  if (!enginePromise) {
    enginePromise = loadEngine({ moduleUrl: new URL('../wasm/portal_check.mjs', import.meta.url).href }).catch((e) => {
      enginePromise = null; // a later message may retry (e.g. after a transient network error)
      const err = new Error(e && e.message ? e.message : String(e));
      err.code = 'engine-load';
      throw err;
    });
  }
  return enginePromise;
}

class ReadError extends Error {
  constructor(message) {
    super(message);
    this.code = 'read';
  }
}

async function* slices(blob) {
  for (let at = 0; at < blob.size; at += CHUNK_BYTES) {
    let buffer;
    try {
      buffer = await blob.slice(at, at + CHUNK_BYTES).arrayBuffer();
    } catch (e) {
      throw new ReadError(e && e.message ? e.message : String(e));
    }
    yield new Uint8Array(buffer);
  }
}

async function audit({ id, source, options = {} }) {
  const eng = await engine();
  const isBlob = typeof Blob !== 'undefined' && source instanceof Blob;
  const totalBytes = isBlob ? source.size : null;
  const har = isBlob ? slices(source) : source;
  const { reportText, sarifText } = await auditHar(eng, har, {
    target: options.target,
    profiles: options.profiles,
    declarations: options.declarations,
    chunkBytes: CHUNK_BYTES,
    onProgress: ({ bytes, totalBytes: t, entries }) => {
      self.postMessage({ type: 'progress', id, bytes, totalBytes: t ?? totalBytes, entries });
    },
  });
  return { reportText, sarifText };
}

// One message at a time: a long audit yields between chunks, so without this queue a second audit
// could interleave with the first.
let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  const msg = event.data || {};
  queue = queue.then(async () => {
    try {
      if (msg.type === 'audit') {
        const { reportText, sarifText } = await audit(msg);
        self.postMessage({ type: 'done', id: msg.id, reportText, sarifText });
      } else if (msg.type === 'ruleset') {
        const eng = await engine();
        self.postMessage({ type: 'ruleset', text: eng.module.embeddedRuleset() });
      } else {
        self.postMessage({ type: 'error', id: msg.id ?? null, code: 'invalid-argument', message: `unknown message type: ${String(msg.type)}` });
      }
    } catch (e) {
      self.postMessage({
        type: 'error',
        id: msg.id ?? null,
        code: String((e && e.code) || 'internal'),
        message: String((e && e.message) || e),
      });
    }
  });
});
