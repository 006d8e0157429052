// Verifies an evidence bundle: structure → each section's digest → signature → replay.
//
// verifyBundle({engine, bundleText, trustedPublicJwk}) → Promise<{
//   ok: every step passed (an unsigned bundle can be ok unless a trusted key was given),
//   sections: [{name, ok, expected (digests[name]), actual (computed)}] (empty when the structure
//     is wrong),
//   signature: {present, ok (null when unsigned), fingerprint, matchesTrusted (null when no
//     trusted key was given)},
//   replay: {ran, identical, bundleEngineVersion, currentEngineVersion, note},
//   errors: one-line messages, each naming the section or step that failed}>.
//   Never rejects on bad input. Replay re-audits the embedded evidence with the EMBEDDED ruleset,
//   the manifest's target and profiles and the bundle's declarations, and requires the report text
//   to equal bundle.report byte for byte; it is skipped when the structure or a digest failed, or
//   without an engine. The note states an engine version difference.
import { auditHar } from '../engine.mjs';
import { parseBundle, SECTIONS } from './format.mjs';
import { sectionDigest } from './digest.mjs';
import { checkSignature } from './signature.mjs';
import { thumbprint, fingerprint } from './keys.mjs';
import { engineDeclarations } from './declarations.mjs';

// Lets a UI thread or worker breathe between long synchronous steps (a 50 MB section takes
// hundreds of milliseconds to parse, canonicalize or serialize).
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

async function checkSections(bundle, errors) {
  const sections = [];
  for (const name of SECTIONS) {
    await breathe();
    const expected = bundle.digests[name];
    let actual = null;
    try {
      actual = await sectionDigest(bundle[name]);
    } catch (e) {
      errors.push(`${name}: cannot be canonicalized (${e.message})`);
    }
    const ok = actual === expected;
    if (!ok && actual !== null) errors.push(`${name}: the SHA-256 digest does not match digests.${name} (the ${name} section or its digest was changed)`);
    sections.push({ name, ok, expected, actual });
  }
  // The manifest names the ruleset by the same digest (a changed ruleset fails under "ruleset").
  if (bundle.manifest.ruleset.sha256 !== bundle.digests.ruleset) {
    errors.push('manifest: ruleset.sha256 differs from digests.ruleset');
    sections.find((s) => s.name === 'manifest').ok = false;
  }
  return sections;
}

async function checkSignatures(bundle, trustedPublicJwk, errors) {
  const out = { present: bundle.signatures.length > 0, ok: null, fingerprint: null, matchesTrusted: null };
  let trustedKid = null;
  if (trustedPublicJwk !== undefined && trustedPublicJwk !== null) {
    out.matchesTrusted = false;
    try {
      trustedKid = await thumbprint(trustedPublicJwk);
    } catch (e) {
      errors.push(`signature: the trusted public key is unusable (${e.message})`);
    }
  }
  if (!out.present) {
    if (out.matchesTrusted === false) errors.push('signature: the bundle is unsigned, but a trusted key was given');
    return out;
  }
  out.ok = true;
  for (const [i, entry] of bundle.signatures.entries()) {
    const r = await checkSignature(bundle, entry);
    if (i === 0) out.fingerprint = r.fingerprint;
    if (!r.ok) {
      out.ok = false;
      errors.push(`signature${bundle.signatures.length > 1 ? ` ${i + 1}` : ''}: ${r.reason}`);
    } else if (trustedKid !== null && entry.kid === trustedKid) {
      out.matchesTrusted = true;
    }
  }
  if (out.matchesTrusted === false && trustedKid !== null) {
    const fp = await fingerprint(trustedPublicJwk);
    errors.push(`signature: not made by the trusted key (${fp}); the bundle's key is ${out.fingerprint ?? 'unusable'}`);
  }
  return out;
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

async function replay(engine, bundle, errors) {
  const out = {
    ran: false, identical: false, bundleEngineVersion: bundle.manifest.engine.version,
    currentEngineVersion: engine?.info?.version ?? null, note: '',
  };
  const versionNote = out.currentEngineVersion !== null && out.bundleEngineVersion !== out.currentEngineVersion
    ? `the bundle was made by ${bundle.manifest.engine.name} ${out.bundleEngineVersion}; replayed with ${engine.info.name} ${out.currentEngineVersion}. `
    : '';
  if (!engine) { out.note = 'skipped: no engine'; return out; }
  let reportText;
  try {
    await breathe();
    const evidenceText = JSON.stringify(bundle.evidence);
    await breathe();
    ({ reportText } = await auditHar(engine, evidenceText, {
      target: bundle.manifest.target ?? undefined,
      ruleset: bundle.ruleset,
      profiles: bundle.manifest.profiles,
      declarations: engineDeclarations(bundle.declarations),
    }));
  } catch (e) {
    out.ran = true;
    out.note = `${versionNote}the engine could not replay the evidence (${e.code ? `${e.code}: ` : ''}${e.message})`;
    errors.push(`replay: ${out.note}`);
    return out;
  }
  out.ran = true;
  out.identical = reportText === bundle.report;
  if (out.identical) {
    out.note = `${versionNote}the replayed report is byte-identical (${reportText.length} characters)`;
  } else {
    out.note = `${versionNote}the replayed report differs from the bundle's report from character ${firstDifference(reportText, bundle.report)}`;
    errors.push(`replay: ${out.note}`);
  }
  return out;
}

export async function verifyBundle({ engine, bundleText, trustedPublicJwk } = {}) {
  const errors = [];
  const result = {
    ok: false, sections: [], signature: { present: false, ok: null, fingerprint: null, matchesTrusted: null },
    replay: { ran: false, identical: false, bundleEngineVersion: null, currentEngineVersion: engine?.info?.version ?? null, note: 'skipped: the bundle structure is invalid' },
    errors,
  };
  try {
    const parsed = parseBundle(bundleText);
    if (parsed.error) { errors.push(`structure: ${parsed.error}`); return result; }
    const { bundle } = parsed;
    await breathe();
    result.sections = await checkSections(bundle, errors);
    result.signature = await checkSignatures(bundle, trustedPublicJwk, errors);
    if (result.sections.every((s) => s.ok)) {
      result.replay = await replay(engine, bundle, errors);
    } else {
      result.replay = { ...result.replay, bundleEngineVersion: bundle.manifest.engine.version, note: 'skipped: a section digest does not match' };
    }
    result.ok = errors.length === 0 && result.replay.ran && result.replay.identical;
  } catch (e) {
    errors.push(`internal: ${e && e.message ? e.message : String(e)}`);
    result.ok = false;
  }
  return result;
}
