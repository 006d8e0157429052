// What one portfolio file is, and its row: a bundle (verified with the shared bundle code,
// web/host/bundle/verify.mjs: I-JSON, structure, digests, signature, ruleset origin, replay with
// the engine), a saved report, or neither. No DOM; runs in the portfolio worker and in Node.
//
// rowOfText({name, size, text, engine, trustedKeys, verifyBundle, replay}) → Promise<row> (row.mjs
//   rowOf). replay (default true): run verification's replay step (false: integrity, signature and
//   ruleset origin only; the row's replay.ran is then false).
//   engine: the loaded wasm engine (host/engine.mjs loadEngine), needed for the replay;
//   verifyBundle: the bundle API's (passed in so this module loads without the bundle code in
//   tests that need no bundle). Never rejects: anything unexpected becomes an 'error' row.
import { looksLikeBundle, looksLikeReport, reportFacts, rowOf, stateOfVerification } from './row.mjs';
import { isObject } from '../report/model.mjs';

function parseJson(text) {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

// The site a failed bundle claims (shown to identify the row; its state says it is no result).
function claimedSite(bundle) {
  if (typeof bundle?.manifest?.target === 'string') return bundle.manifest.target;
  if (typeof bundle?.report === 'string') {
    const r = parseJson(bundle.report).value;
    if (looksLikeReport(r)) return reportFacts(r).site;
  }
  return '';
}

async function bundleRow({ name, size, text, value, engine, trustedKeys, verifyBundle, replay }) {
  const result = await verifyBundle({ engine, bundleText: text, trustedKeys, replay });
  const state = stateOfVerification(result);
  const common = { name, size, kind: 'bundle', state, problems: result.problems, replay: { ran: result.replay.ran, identical: result.replay.identical } };
  const fingerprint = result.signer?.fingerprint ?? result.signature?.fingerprint ?? null;
  const captureTime = value?.manifest?.capture?.time ?? null;
  if (state === 'failed') {
    return rowOf({ ...common, site: claimedSite(value), fingerprint, captureTime });
  }
  // Passed every step that ran (with the replay, the report text is the engine's; without it, the
  // digests and the signature vouch for it): its facts are shown, the replay column says which.
  const report = parseJson(value.report).value;
  if (!looksLikeReport(report)) {
    // Only possible without the replay (which compares the report byte for byte): the digests
    // match a report section that is no report, so there is nothing to show.
    return rowOf({ ...common, state: 'failed', site: claimedSite(value), fingerprint, captureTime, error: { code: 'report-unreadable', detail: '' } });
  }
  return rowOf({ ...common, facts: reportFacts(report), fingerprint, organization: result.signer?.organization ?? null, captureTime });
}

export async function rowOfText({ name, size, text, engine, trustedKeys = [], verifyBundle, replay = true }) {
  try {
    const parsed = parseJson(text);
    if (parsed.error !== undefined) {
      return rowOf({ name, size, kind: 'unknown', state: 'error', error: { code: text.trim() === '' ? 'empty' : 'not-json', detail: parsed.error } });
    }
    const value = parsed.value;
    if (looksLikeBundle(value)) return await bundleRow({ name, size, text, value, engine, trustedKeys, verifyBundle, replay });
    if (looksLikeReport(value)) return rowOf({ name, size, kind: 'report', state: 'report', facts: reportFacts(value) });
    return rowOf({ name, size, kind: 'unknown', state: 'error', error: { code: 'not-portfolio-file', detail: isObject(value) ? 'object' : Array.isArray(value) ? 'array' : typeof value } });
  } catch (e) {
    return rowOf({ name, size, kind: 'unknown', state: 'error', error: { code: 'internal', detail: String(e?.message ?? e) } });
  }
}
