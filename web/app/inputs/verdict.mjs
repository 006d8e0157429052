// What an opened evidence bundle's verification means for the reviewer, from verifyBundle's result
// (web/host/bundle/verify.mjs), and the problems' texts in the UI's language.
//
// verdictOf(result) → {
//   state: 'verified' (every step passed and a key the reviewer trusts signed it) | 'intact' (every
//     integrity step passed, but the bundle is unsigned or signed by a key the reviewer does not
//     trust) | 'failed' (anything else: the bundle's grade and findings are not a result),
//   failedStep: null | 'i-json' | 'structure' | 'digests' | 'signature' | 'ruleset' | 'replay',
//   problems: [{step, code, params}], signer: null | {fingerprint, trusted, organization},
//   rulesetStatus: 'released' | 'modified' | 'unknown-version' | null,
//   errors: [one-line English texts] (verifyBundle's errors, the fallback for problem texts)}.
//   result: verifyBundle's result (anything: a missing or malformed result, or one without a known
//     state, is 'failed');
// problemLines(verdict, lang) → [text]: each problem in 'vi' or 'en' (verify-messages.mjs); a result
//   without problem codes (malformed) gives verifyBundle's error texts.
// Every string in a result may come from the bundle (hostile): callers render them as text only.

import { verificationMessage } from '../../host/bundle/verify-messages.mjs';

export const VERDICT_STATES = ['verified', 'intact', 'failed'];

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (v === undefined || v === null ? '' : String(v));
const errorText = (e) => (isObj(e) ? str(e.message ?? JSON.stringify(e)) : str(e));

function signerOf(s) {
  if (!isObj(s)) return null;
  return { fingerprint: s.fingerprint ? str(s.fingerprint) : null, trusted: s.trusted === true, organization: typeof s.organization === 'string' && s.organization ? s.organization : null };
}

export function verdictOf(result) {
  const r = isObj(result) ? result : { ok: false, errors: ['no verification result'] };
  const errors = Array.isArray(r.errors) ? r.errors.map(errorText) : [];
  if (VERDICT_STATES.includes(r.state)) {
    // ok === (state === 'verified') by verifyBundle's contract; a result that breaks it fails.
    const state = (r.state === 'verified') === (r.ok === true) ? r.state : 'failed';
    return {
      state,
      failedStep: state === 'failed' ? (typeof r.failedStep === 'string' ? r.failedStep : 'structure') : null,
      problems: Array.isArray(r.problems) ? r.problems.filter(isObj) : [],
      signer: signerOf(r.signer),
      rulesetStatus: typeof r.rulesetStatus === 'string' ? r.rulesetStatus : null,
      errors,
    };
  }
  return { state: 'failed', failedStep: 'structure', problems: [], signer: null, rulesetStatus: null, errors };
}

export function problemLines(verdict, lang) {
  const problems = Array.isArray(verdict?.problems) ? verdict.problems : [];
  if (problems.length) {
    return problems.map((p) => {
      try { return str(verificationMessage(p, lang)) || str(p.code); } catch { return str(p.code); }
    });
  }
  return Array.isArray(verdict?.errors) ? verdict.errors : [];
}
