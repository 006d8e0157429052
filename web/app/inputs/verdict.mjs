// What an opened evidence bundle's verification means for the reviewer, from verifyBundle's result
// (web/host/bundle/verify.mjs), and the problems' texts in the UI's language.
//
// verdictOf(result) → {
//   state: 'verified' (every step passed and a key the reviewer trusts signed it) | 'intact' (every
//     integrity step passed, but the bundle is unsigned or signed by a key the reviewer does not
//     trust) | 'failed' (anything else: the bundle's grade and findings are not a result),
//   failedStep: null | 'i-json' | 'structure' | 'digests' | 'signature' | 'ruleset' | 'replay',
//   problems: [{step, code, params}], signer: null | {fingerprint, trusted, organization},
//   rulesetStatus: 'released' | 'modified' | 'unknown-version' | null}.
//   result: verifyBundle's result exactly as it returns it (through the worker's structured clone):
//     it never rejects and always has these fields, so they are taken as they are.
// problemLines(verdict, lang) → [text]: each problem in 'vi' or 'en' (verify-messages.mjs; an
//   unknown code gets its generic line). verifyBundle's errors are the same problems in English.
// Every string in a result may come from the bundle (hostile): callers render them as text only.

import { verificationMessage } from '../../host/bundle/verify-messages.mjs';

export function verdictOf({ state, failedStep, problems, signer, rulesetStatus }) {
  return { state, failedStep, problems, signer, rulesetStatus };
}

export function problemLines(verdict, lang) {
  return verdict.problems.map((p) => verificationMessage(p, lang));
}
