// Verifies an evidence bundle, in order: I-JSON → structure → each section's digest → signature
// against the trusted keys → the embedded ruleset is a released ruleset of the manifest's engine
// version → replay. It stops at the first failing step.
//
// verifyBundle({engine, bundleText, trustedKeys, trustedPublicJwk, acceptModifiedRuleset, replay}) →
//   Promise<{
//   state: 'verified' (every step passed and a trusted key signed) | 'intact' (nothing failed, but
//     the bundle is unsigned, signed only by keys not in trustedKeys, or its ruleset is modified or
//     of an unknown engine version and acceptModifiedRuleset was given) | 'failed',
//   ok: state === 'verified',
//   failedStep: null | 'i-json' | 'structure' | 'digests' | 'signature' | 'ruleset' | 'replay',
//   problems: [{step, code, params}] in the order found: the failing one(s) and the reasons an
//     intact bundle is not verified ('unsigned', 'unknown-signer' {fingerprint}, an accepted
//     'modified-ruleset' / 'unknown-engine-version'). Codes and params: verify-messages.mjs, which
//     words each in English and Vietnamese.
//   signer: null | {fingerprint, trusted, organization (from trustedKeys, else null)}: the first
//     valid signature by a trusted key, else the first valid signature's key.
//   rulesetStatus: null (not reached) | 'released' | 'modified' | 'unknown-version'
//     (ruleset-status.mjs).
//   sections: [{name, ok, expected (digests[name]), actual (computed)}] (empty when the structure
//     is wrong),
//   signature: {present, ok (null when unsigned or not reached), fingerprint, matchesTrusted (null
//     when no trusted key was given)},
//   replay: {ran, identical, bundleEngineVersion, currentEngineVersion, note, gradedHeaders?}
//     (gradedHeaders: the replayed audit's, auditHar's [[name, value], …], only when identical:
//     the graded page's headers behind the bundle's own report),
//   errors: each problem as one English line starting with its section or step}>.
//   trustedKeys: [{publicJwk, organization?}] (keyring.mjs parseKeyring gives them);
//   trustedPublicJwk: one more trusted key without an organisation (the --pubkey shorthand). An
//   unusable trusted key fails the signature step ('unusable-trusted-key' {index, detail}).
//   acceptModifiedRuleset: a ruleset that is not a release of the named engine version fails the
//   ruleset step unless true; then it is replayed all the same and the state is at most 'intact'.
//   replay (default true): false skips the replay step (a many-bundle overview checks integrity
//   first and replays on request): the note 'replay-not-run' is added, so the state is at most
//   'intact' and replay.ran is false.
//   Never rejects on bad input. Replay re-audits the embedded evidence with the EMBEDDED ruleset,
//   the manifest's target and profiles and the bundle's declarations, and requires the report text
//   to equal bundle.report byte for byte; without an engine it fails ('no-engine'). Its note states
//   an engine version difference.
import { auditHar } from '../engine.mjs';
import { parseBundleStrict, SECTIONS } from './format.mjs';
import { sectionDigest } from './digest.mjs';
import { checkSignature, signatureListProblem } from './signature.mjs';
import { trustIndex } from './keyring.mjs';
import { rulesetStatus } from './ruleset-status.mjs';
import { engineDeclarations } from './declarations.mjs';
import { verificationMessage } from './verify-messages.mjs';

// Lets a UI thread or worker breathe between long synchronous steps (parsing, canonicalizing or
// serializing a large section). In browsers scheduler.yield(): a chained setTimeout(0) is clamped
// to 4 ms by the HTML timer rules, which a page verifying many bundles pays several times per
// bundle. Node: setTimeout.
const breathe = typeof globalThis.scheduler?.yield === 'function'
  ? () => globalThis.scheduler.yield()
  : () => new Promise((resolve) => setTimeout(resolve, 0));

// The problems found so far and the first failing step.
class Findings {
  constructor() { this.problems = []; this.failedStep = null; }
  fail(step, code, params = {}) { this.problems.push({ step, code, params }); this.failedStep ??= step; }
  note(step, code, params = {}) { this.problems.push({ step, code, params }); }
}

// One English line for errors[], starting with the section or step (the digest messages and a bad
// signature's carry their own).
function errorLine(p) {
  const message = verificationMessage(p);
  if (p.code === 'internal') return `internal: ${message}`;
  if (p.step === 'digests' || p.code === 'bad-signature') return message;
  return `${p.step}: ${message}`;
}

async function checkSections(bundle, findings) {
  const sections = [];
  for (const name of SECTIONS) {
    await breathe();
    const expected = bundle.digests[name];
    let actual = null;
    try {
      actual = await sectionDigest(bundle[name]);
    } catch (e) {
      findings.fail('digests', 'not-canonical', { section: name, detail: e.message });
    }
    const ok = actual === expected;
    if (!ok && actual !== null) findings.fail('digests', 'digest-mismatch', { section: name });
    sections.push({ name, ok, expected, actual });
  }
  // The manifest names the ruleset by the same digest.
  if (bundle.manifest.ruleset.sha256 !== bundle.digests.ruleset) {
    findings.fail('digests', 'manifest-ruleset-digest');
    sections.find((s) => s.name === 'manifest').ok = false;
  }
  return sections;
}

async function checkSignatures(bundle, trust, findings) {
  const out = { present: bundle.signatures.length > 0, ok: null, fingerprint: null, matchesTrusted: trust.size > 0 ? false : null };
  let signer = null;
  const listProblem = signatureListProblem(bundle.signatures);
  if (listProblem) {
    findings.fail('signature', listProblem.code, listProblem.params);
    return { signature: out, signer };
  }
  if (!out.present) {
    findings.note('signature', 'unsigned');
    return { signature: out, signer };
  }
  out.ok = true;
  const count = bundle.signatures.length;
  for (const [index, entry] of bundle.signatures.entries()) {
    const r = await checkSignature(bundle, entry);
    if (index === 0) out.fingerprint = r.fingerprint;
    if (!r.ok) {
      out.ok = false;
      findings.fail('signature', 'bad-signature', { ...r.params, index, count, reason: r.reasonCode });
      continue;
    }
    const trusted = trust.get(entry.kid);
    if (trusted && !signer?.trusted) signer = { fingerprint: r.fingerprint, trusted: true, organization: trusted.organization };
    else if (!signer) signer = { fingerprint: r.fingerprint, trusted: false, organization: null };
  }
  if (!out.ok) return { signature: out, signer };
  if (trust.size > 0) out.matchesTrusted = signer.trusted;
  if (!signer.trusted) findings.note('signature', 'unknown-signer', { fingerprint: signer.fingerprint });
  return { signature: out, signer };
}

async function checkRuleset(bundle, engine, acceptModified, findings) {
  const { name, version } = bundle.manifest.engine;
  const status = await rulesetStatus({ name, version }, bundle.digests.ruleset, engine);
  if (status !== 'released') {
    const code = status === 'modified' ? 'modified-ruleset' : 'unknown-engine-version';
    const params = { engineName: name, engineVersion: version };
    if (acceptModified) findings.note('ruleset', code, params);
    else findings.fail('ruleset', code, params);
  }
  return status;
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

async function replay(engine, bundle, findings) {
  const out = {
    ran: false, identical: false, bundleEngineVersion: bundle.manifest.engine.version,
    currentEngineVersion: engine?.info?.version ?? null, note: '',
  };
  if (!engine) {
    out.note = 'skipped: no engine';
    findings.fail('replay', 'no-engine');
    return out;
  }
  const versions = {
    bundleEngine: `${bundle.manifest.engine.name} ${out.bundleEngineVersion}`,
    currentEngine: `${engine.info.name} ${out.currentEngineVersion}`,
  };
  let reportText, gradedHeaders;
  try {
    await breathe();
    const evidenceText = JSON.stringify(bundle.evidence);
    await breathe();
    ({ reportText, gradedHeaders } = await auditHar(engine, evidenceText, {
      target: bundle.manifest.target ?? undefined,
      ruleset: bundle.ruleset,
      profiles: bundle.manifest.profiles,
      declarations: engineDeclarations(bundle.declarations),
      sarif: false,
    }));
  } catch (e) {
    out.ran = true;
    const problem = { step: 'replay', code: 'replay-failed', params: { ...versions, message: `${e.code ? `${e.code}: ` : ''}${e.message}` } };
    out.note = verificationMessage(problem);
    findings.fail(problem.step, problem.code, problem.params);
    return out;
  }
  out.ran = true;
  out.identical = reportText === bundle.report;
  if (out.identical) {
    out.gradedHeaders = gradedHeaders;
    const differs = versions.bundleEngine !== versions.currentEngine;
    out.note = `${differs ? `the bundle was made by ${versions.bundleEngine}; replayed with ${versions.currentEngine}. ` : ''}the replayed report is byte-identical (${reportText.length} characters)`;
  } else {
    const problem = { step: 'replay', code: 'replay-differs', params: { ...versions, at: firstDifference(reportText, bundle.report) } };
    out.note = verificationMessage(problem);
    findings.fail(problem.step, problem.code, problem.params);
  }
  return out;
}

export async function verifyBundle({ engine, bundleText, trustedKeys, trustedPublicJwk, acceptModifiedRuleset = false, replay: replayWanted = true } = {}) {
  const findings = new Findings();
  const result = {
    ok: false, state: 'failed', failedStep: null, problems: findings.problems, signer: null, rulesetStatus: null,
    sections: [], signature: { present: false, ok: null, fingerprint: null, matchesTrusted: null },
    replay: { ran: false, identical: false, bundleEngineVersion: null, currentEngineVersion: engine?.info?.version ?? null, note: 'skipped: the bundle structure is invalid' },
    errors: [],
  };
  let step = 'i-json';
  try {
    const parsed = await parseBundleStrict(bundleText);
    if (parsed.error) {
      findings.fail(parsed.problem.step, parsed.problem.code, parsed.problem.params);
    } else {
      const { bundle } = parsed;
      result.signature.present = bundle.signatures.length > 0;
      const skipped = (why) => ({ ...result.replay, bundleEngineVersion: bundle.manifest.engine.version, note: `skipped: ${why}` });
      step = 'digests';
      await breathe();
      result.sections = await checkSections(bundle, findings);
      if (findings.failedStep) result.replay = skipped('a section digest does not match');
      if (!findings.failedStep) {
        step = 'signature';
        let trust = new Map();
        try {
          trust = await trustIndex([...(Array.isArray(trustedKeys) ? trustedKeys : []), ...(trustedPublicJwk ? [{ publicJwk: trustedPublicJwk }] : [])]);
        } catch (e) {
          findings.fail('signature', 'unusable-trusted-key', { index: e.index ?? 0, detail: e.detail ?? e.message });
        }
        if (!findings.failedStep) Object.assign(result, await checkSignatures(bundle, trust, findings));
        if (findings.failedStep) result.replay = skipped('the signature step failed');
      }
      if (!findings.failedStep) {
        step = 'ruleset';
        result.rulesetStatus = await checkRuleset(bundle, engine, acceptModifiedRuleset === true, findings);
        if (findings.failedStep) result.replay = skipped('the ruleset is not a released one');
      }
      if (!findings.failedStep && replayWanted === false) {
        findings.note('replay', 'replay-not-run');
        result.replay = skipped('not requested');
      } else if (!findings.failedStep) {
        step = 'replay';
        result.replay = await replay(engine, bundle, findings);
      }
    }
  } catch (e) {
    findings.fail(step, 'internal', { message: e && e.message ? e.message : String(e) });
  }
  result.failedStep = findings.failedStep;
  result.state = findings.failedStep ? 'failed' : findings.problems.length > 0 ? 'intact' : 'verified';
  result.ok = result.state === 'verified';
  result.errors = findings.problems.map(errorLine);
  return result;
}
