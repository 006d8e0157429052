// One portfolio row from what a file turned out to be. Pure (no DOM): runs in the portfolio worker
// and in Node tests. Every string in a row comes from the file (hostile): the page renders it as
// text only.
//
// STATES: the row's state, in the order the state filter lists them:
//   'verified'        verifyBundle's own 'verified': every step passed, the replay included (its
//                     report is byte-identical to the engine's), signed by a key the reviewer
//                     registered;
//   'signer-verified' digests, signature by a registered key and released ruleset check out, but
//                     the replay has not run yet (the first pass checks integrity only; a replay
//                     is asked per row or for all): the report is vouched for by its signer, not
//                     yet re-derived from the evidence;
//   'intact-signed'   every step that ran passed, but the signing key is not one the reviewer
//                     registered (its fingerprint shown);
//   'intact-unsigned' the same, and the bundle carries no signature;
//   'failed'          a bundle that failed a step (problems say which and why): its contents are
//                     not a result, so no grade, criteria or findings are shown;
//   'report'          a saved report, not a bundle: nothing vouches for it;
//   'error'           not a report nor a bundle (not JSON, another JSON document, unreadable).
// stateOfVerification(result) → 'verified' | 'signer-verified' | 'intact-signed' | 'intact-unsigned' | 'failed' from
//   verifyBundle's result (web/host/bundle/verify.mjs), with or without its replay step.
// looksLikeBundle(value) → the parsed JSON claims to be a bundle (format member), or has a
//   bundle's digests and signatures: it is verified as one (and fails there when it is not).
// looksLikeReport(value) → an object with a checks array and an engine object (docs/report.md).
// reportFacts(report) → {site, grade, score, profiles: [{id, met, notMet, needsDeclaration,
//   notAssessed, notApplicable}], high}: site = the origin of the report's target (else of its
//   graded page, else its first page; the raw text when it is no URL; '' when none), grade and
//   score null when the report has none, high = failing results of severity high or critical.
// rowOf({name, size, kind, state, problems?, replay?, facts?, captureTime?, fingerprint?,
//   organization?, error?}) → the row the page shows: every field present (null when unknown).
import { isObject, str, checksOf, isFailing } from '../report/model.mjs';

export const STATES = ['verified', 'signer-verified', 'intact-signed', 'intact-unsigned', 'failed', 'report', 'error'];
const HIGH = new Set(['high', 'critical']);

export function stateOfVerification(result) {
  if (!result || result.state === 'failed' || result.failedStep) return 'failed';
  if (!result.signature?.present) return 'intact-unsigned';
  if (result.state === 'verified') return 'verified';
  return result.signature.ok === true && result.signer?.trusted === true ? 'signer-verified' : 'intact-signed';
}

export function looksLikeBundle(value) {
  if (!isObject(value)) return false;
  return value.format === 'portal-check-bundle' || (Object.hasOwn(value, 'digests') && Object.hasOwn(value, 'signatures'));
}

export function looksLikeReport(value) {
  return isObject(value) && Array.isArray(value.checks) && isObject(value.engine);
}

function originOf(text) {
  try {
    const u = new URL(text);
    return u.origin !== 'null' ? u.origin : text;
  } catch {
    return text;
  }
}

function siteOf(report) {
  const candidates = [report.target, report.grade?.page, Array.isArray(report.pages) ? report.pages[0] : null];
  const first = candidates.find((c) => typeof c === 'string' && c !== '');
  return first ? originOf(first) : '';
}

const count = (v) => (Number.isFinite(v) && v >= 0 ? v : 0);

function profileCounts(report) {
  if (!isObject(report.profiles)) return [];
  return Object.keys(report.profiles).sort().map((id) => {
    const p = report.profiles[id];
    let s = isObject(p?.summary) ? p.summary : null;
    if (!s) {
      // No summary: count the criteria's statuses.
      s = {};
      for (const c of Array.isArray(p?.criteria) ? p.criteria : []) if (isObject(c) && typeof c.status === 'string') s[c.status] = (s[c.status] ?? 0) + 1;
    }
    return {
      id, met: count(s.met), notMet: count(s['not-met']), needsDeclaration: count(s['needs-declaration']),
      notAssessed: count(s['not-assessed']), notApplicable: count(s['not-applicable']),
    };
  });
}

export function reportFacts(report) {
  const g = isObject(report.grade) ? report.grade : null;
  let high = 0;
  for (const c of checksOf(report)) if (isFailing(c) && HIGH.has(c.severity)) high += 1;
  return {
    site: siteOf(report),
    grade: g && typeof g.grade === 'string' && g.grade !== '' ? g.grade : null,
    score: g && Number.isFinite(g.score) ? g.score : null,
    profiles: profileCounts(report),
    high,
  };
}

export function rowOf({ name, size, kind, state, problems = [], replay = null, facts = null, captureTime = null, fingerprint = null, organization = null, error = null, site = null }) {
  return {
    name: str(name), size: Number(size) || 0, kind, state, problems, replay, error,
    site: facts ? facts.site : str(site),
    grade: facts?.grade ?? null, score: facts?.score ?? null,
    profiles: facts?.profiles ?? [], high: facts ? facts.high : null,
    captureTime: typeof captureTime === 'string' && captureTime !== '' ? captureTime : null,
    fingerprint: typeof fingerprint === 'string' && fingerprint !== '' ? fingerprint : null,
    organization: typeof organization === 'string' && organization !== '' ? organization : null,
  };
}
