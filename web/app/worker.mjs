// The audit worker (a module worker, created lazily by worker-client.mjs on the first request).
// It loads the wasm engine ONCE (../wasm/portal_check.mjs relative to this file in the served
// layout, see README.md) through the shared host wrapper (../host/engine.mjs) and answers:
//
//   {type: 'audit', id, source: File | Blob | string, options: {target?, profiles?: [ids], declarations?}}
//     → {type: 'progress', id, bytes, totalBytes, entries}   after each chunk fed to the engine
//     → {type: 'report-part', id, bytes}                     the report's checks, a JSON array's
//                                                            UTF-8 bytes (Uint8Array, transferred),
//                                                            ≈ 64 KiB per message
//     → {type: 'done', id, head, reportBlob}                 head: the report's JSON with "checks": [];
//                                                            the page's report = JSON.parse(head) with
//                                                            checks = the parts' arrays concatenated
//                                                            (equal to JSON.parse(reportText));
//                                                            reportBlob: the engine's text,
//                                                            byte-exact (see audit)
//     or {type: 'error', id, code, message}                  code: the engine's code (e.g.
//                                                            "invalid-argument"), "engine-load" when
//                                                            the engine could not load, "read" when
//                                                            the file could not be read
//   {type: 'sarif', id} → {type: 'sarif', id, blob}          the last audit's SARIF (Blob, the
//                                                            engine's bytes), rendered now from the
//                                                            audit's kept outcome (see audit); or
//                                                            {type: 'error', id, code, message}
//                                                            ("failed-precondition": no audit kept)
//   {type: 'ruleset'} → {type: 'ruleset', text}              the engine's embedded ruleset (JSON text)
//                    or {type: 'error', id: null, code, message}
//
// A File/Blob is read in 1 MiB slices (blob.slice().arrayBuffer()) and fed chunk by chunk to
// Session.feed: the file is never whole in memory, and the page stays responsive on a large HAR.
// Audits run one after another in arrival order. Cancel = worker-client.mjs terminates this worker.
//
// Evidence bundles (../host/bundle/index.mjs, loaded on first use; everything that needs the engine
// or touches a whole bundle runs here, never on the page's thread):
//   {type: 'bundle-verify', id, source: File | Blob | string, trustedKeys?: [{publicJwk, organization?}]}
//     → {type: 'progress', id, phase: 'read' | 'verify', bytes, totalBytes}
//     → {type: 'bundle-verified', id, result (verifyBundle's), reportText, info, declarations (the
//       bundle's declarations section: {organization, declarations} or null), captureMethod (the
//       manifest's capture.method: how the bundle's evidence was captured)}; reportText, info,
//       declarations and captureMethod are null when verification failed at its I-JSON or structure step (the file
//       is not a readable bundle)
//   {type: 'bundle-create', id, source: the audited HAR (File | Blob | string), options, capture,
//    organization?, signingKey?: {privateKey (CryptoKey), publicJwk}} (bundle-panel.mjs sends
//    organization and signingKey only when present; both go to createBundle as they are)
//     → {type: 'bundle-created', id, reportText, info}
//   {type: 'rules-current', id} → re-audits the last opened/created bundle's evidence
//     (../host/bundle/reaudit.mjs, shared with the CLI) with this
//     engine's embedded ruleset → {type: 'rules-diff', id, diff: {new, resolved, changed}, reportText}
//   {type: 'dossier-zip', id, html, bundleName, htmlName} → {type: 'zip', id, blob}: a ZIP (stored,
//     no compression) holding the last bundle's exact text and the printable report.
//   {type: 'bundle-blob', id} → {type: 'blob', id, blob}: the last bundle's text as a Blob.
//   info = {reportDigest, fingerprint, signed} (infoOf)
// The last bundle stays here (a 50 MB text is never copied to the page; downloads go as Blobs).
import { loadEngine, auditHar } from '../host/engine.mjs';
import { zipStored } from './inputs/zip.mjs';
import { ReportSplitter } from '../host/report-parts.mjs';

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

// A File/Blob's bytes in slices of CHUNK_BYTES (the last one shorter), each read on its own
// (blob.slice().arrayBuffer()). A BYOB reader of blob.stream() reusing one buffer flattened the
// renderer's RSS during the feed but left its peak (after the audit) where it was, and a 50 MB
// bundle's verification read through it once never finished in the browser suite: not worth it.
async function* slices(blob) {
  for (let at = 0; at < blob.size; at += CHUNK_BYTES) yield new Uint8Array(await readBytes(() => blob.slice(at, at + CHUNK_BYTES).arrayBuffer()));
}

// read() → its promise's value; a failure to read is a ReadError.
async function readBytes(read) {
  try {
    return await read();
  } catch (e) {
    throw new ReadError(e && e.message ? e.message : String(e));
  }
}

// Runs the audit and hands it to the page so that the page never runs one long task for it (a
// large HAR gives report and SARIF texts of tens of megabytes: receiving such strings and parsing
// the report at once would block the page):
//   the report's checks as JSON arrays of about REPORT_PART_BYTES each, one message each
//   ({type: 'report-part', id, bytes}: UTF-8, transferred, not copied; the page decodes and parses
//   one per task), then
//   {type: 'done', id, head, reportBlob, gradedHeaders}: head = the report's JSON with
//   "checks": [] (keys in the engine's order), the engine's exact text as a Blob (for the
//   download; a Blob is handed over without copying its bytes through the page's thread), and
//   the graded page's response headers (auditHar's gradedHeaders: [[name, value], …]).
// Memory: the engine writes the report in pieces (auditHar's onOutput); each is split
// (../host/report-parts.mjs ReportSplitter) and becomes a Blob as it comes: the report is never a
// string, an array or parsed objects here, nor whole in the wasm memory (a 1,000-page report is
// 29 MB, its SARIF 37 MB). The SARIF is made only when the page asks for it ({type: 'sarif'}:
// its download was clicked), from the audit's session, kept until the next audit (auditHar
// sarif: 'later'; the wasm memory it holds is not given back to the system anyway).
// Parts are small so that the page's text of each (decoded for JSON.parse) stays out of V8's
// large-object space, which only a full collection empties: with 512 KiB parts, a 1,000-page
// report's part texts piled up there (renderer peak ≈ 309 MB; ≈ 292–301 with 64 KiB).
const REPORT_PART_BYTES = 64 * 1024;

let lastAudit = null; // auditHar's result of the last audit: sarifLater(), release()

async function audit({ id, source, options = {} }) {
  lastAudit?.release();
  lastAudit = null;
  const eng = await engine();
  const isBlob = typeof Blob !== 'undefined' && source instanceof Blob;
  const totalBytes = isBlob ? source.size : null;
  const har = isBlob ? slices(source) : source;
  const splitter = new ReportSplitter(REPORT_PART_BYTES, (bytes) => self.postMessage({ type: 'report-part', id, bytes }, [bytes.buffer]));
  const result = await auditHar(eng, har, {
    target: options.target,
    profiles: options.profiles,
    declarations: options.declarations,
    chunkBytes: CHUNK_BYTES,
    output: 'blob',
    sarif: 'later',
    onOutput: (format, piece) => {
      if (format === 'json') splitter.push(piece);
    },
    onProgress: ({ bytes, totalBytes: t, entries }) => {
      self.postMessage({ type: 'progress', id, bytes, totalBytes: t ?? totalBytes, entries });
    },
  });
  lastAudit = result;
  const { reportBlob, gradedHeaders } = result;
  self.postMessage({ type: 'done', id, head: splitter.end(), reportBlob, gradedHeaders });
}

async function sarif({ id }) {
  if (!lastAudit) throw Object.assign(new Error('no audit to make a SARIF of'), { code: 'failed-precondition' });
  return { type: 'sarif', id, blob: await lastAudit.sarifLater() };
}

// ---- bundles --------------------------------------------------------------------------------

let bundleModPromise = null;
function bundleModule() {
  if (!bundleModPromise) {
    bundleModPromise = import('../host/bundle/index.mjs').catch((e) => {
      bundleModPromise = null;
      const err = new Error(e && e.message ? e.message : String(e));
      err.code = 'bundle-load';
      throw err;
    });
  }
  return bundleModPromise;
}

// Reads a File/Blob as text in 1 MiB slices (streaming UTF-8 decode), posting progress.
async function readText(source, id) {
  if (typeof source === 'string') return source;
  if (!(typeof Blob !== 'undefined' && source instanceof Blob)) throw new ReadError('not a file');
  const decoder = new TextDecoder('utf-8');
  const parts = [];
  let bytes = 0;
  for await (const chunk of slices(source)) {
    parts.push(decoder.decode(chunk, { stream: true }));
    bytes += chunk.length;
    self.postMessage({ type: 'progress', id, phase: 'read', bytes, totalBytes: source.size, entries: 0 });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

let lastBundle = null; // {text, bundle}

// What the bundle panel and the dossier show of a bundle that passed verification's I-JSON and
// structure steps (format.mjs: digests.report is 64 hex digits, signatures an array) or was just
// created: {reportDigest: "sha256:<hex>", fingerprint, signed, digests: {section: "sha256:<hex>"}
// (every digested section, as the bundle states it), capturedAt (the manifest's capture time, a
// string, or null)}. fingerprint: the first signature's
// key fingerprint as verification found it (result.signature.fingerprint: null when the signature
// step did not run or that key is unusable), or the signing key's for a created bundle.
function infoOf(bundle, fingerprint) {
  const digests = {};
  for (const [section, hex] of Object.entries(bundle.digests)) if (typeof hex === 'string') digests[section] = `sha256:${hex}`;
  const time = bundle.manifest?.capture?.time;
  return { reportDigest: `sha256:${bundle.digests.report}`, fingerprint, signed: bundle.signatures.length > 0, digests, capturedAt: typeof time === 'string' ? time : null };
}

async function bundleVerify({ id, source, trustedKeys }) {
  const [eng, mod] = await Promise.all([engine(), bundleModule()]);
  const text = await readText(source, id);
  self.postMessage({ type: 'progress', id, phase: 'verify', bytes: text.length, totalBytes: text.length, entries: 0 });
  const result = await mod.verifyBundle({ engine: eng, bundleText: text, trustedKeys });
  // Verification reads the text first (I-JSON, then structure): a bundle that failed either step has
  // no contents to show; one that passed both has the bundle's shape, and parseBundle reads the
  // same value (no duplicate member can make it read another).
  const readable = result.failedStep !== 'i-json' && result.failedStep !== 'structure';
  const bundle = readable ? mod.parseBundle(text).bundle : null;
  lastBundle = bundle ? { text, bundle } : null;
  return {
    type: 'bundle-verified', id, result,
    reportText: bundle ? bundle.report : null,
    info: bundle ? infoOf(bundle, result.signature.fingerprint) : null,
    declarations: bundle ? bundle.declarations : null,
    captureMethod: bundle && typeof bundle.manifest?.capture?.method === 'string' ? bundle.manifest.capture.method : null,
  };
}

async function bundleCreate({ id, source, options = {}, capture, organization, signingKey }) {
  const [eng, mod] = await Promise.all([engine(), bundleModule()]);
  const harText = await readText(source, id);
  self.postMessage({ type: 'progress', id, phase: 'create', bytes: harText.length, totalBytes: harText.length, entries: 0 });
  const bundle = await mod.createBundle({ engine: eng, harText, options, capture, organization, signingKey });
  lastBundle = { text: mod.serializeBundle(bundle), bundle };
  const fingerprint = bundle.signatures.length ? await mod.fingerprint(bundle.signatures[0].publicKey) : null;
  return { type: 'bundle-created', id, reportText: bundle.report, info: infoOf(bundle, fingerprint) };
}

async function rulesCurrent({ id }) {
  if (!lastBundle) throw Object.assign(new Error('no bundle is open'), { code: 'invalid-argument' });
  const [eng, mod] = await Promise.all([engine(), bundleModule()]);
  const { diff, reportText } = await mod.reauditBundle(eng, lastBundle.bundle, {
    onProgress: ({ bytes, totalBytes, entries }) => self.postMessage({ type: 'progress', id, phase: 'audit', bytes, totalBytes, entries }),
  });
  return { type: 'rules-diff', id, diff, reportText, currentEngineVersion: eng.info && eng.info.version ? String(eng.info.version) : null };
}

// One message at a time: a long audit yields between chunks, so without this queue a second audit
// could interleave with the first.
let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  const msg = event.data || {};
  queue = queue.then(async () => {
    try {
      if (msg.type === 'audit') {
        await audit(msg);
      } else if (msg.type === 'bundle-verify') {
        self.postMessage(await bundleVerify(msg));
      } else if (msg.type === 'bundle-create') {
        self.postMessage(await bundleCreate(msg));
      } else if (msg.type === 'rules-current') {
        self.postMessage(await rulesCurrent(msg));
      } else if (msg.type === 'bundle-blob' || msg.type === 'dossier-zip') {
        if (!lastBundle) throw Object.assign(new Error('no bundle is open'), { code: 'invalid-argument' });
        if (msg.type === 'bundle-blob') {
          self.postMessage({ type: 'blob', id: msg.id, blob: new Blob([lastBundle.text], { type: 'application/json' }) });
        } else {
          const blob = zipStored([
            { name: String(msg.bundleName || 'bundle.json'), data: new TextEncoder().encode(lastBundle.text) },
            { name: String(msg.htmlName || 'report.html'), data: new TextEncoder().encode(String(msg.html || '')) },
          ]);
          self.postMessage({ type: 'zip', id: msg.id, blob });
        }
      } else if (msg.type === 'sarif') {
        self.postMessage(await sarif(msg));
      } else if (msg.type === 'ruleset') {
        const eng = await engine();
        self.postMessage({ type: 'ruleset', text: JSON.stringify(eng.ruleset()) });
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
