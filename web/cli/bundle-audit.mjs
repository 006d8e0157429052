// `portal-check audit BUNDLE --rules current`: re-audits a bundle's evidence with this engine's
// embedded rules (the bundle's target, profiles and declarations) and shows what changed.
//
// (The re-audit itself is web/host/bundle/reaudit.mjs reauditBundle, shared with the app's worker.)
// refusalOf(verification) → null when the bundle may be re-audited, else the one-line reason it is
//   refused: it failed verification at some step — except a replay that failed only because the
//   bundle was made by another engine version (a report of another version is not expected to
//   replay byte for byte; the output then says its findings are compared with an unreplayed report).
// renderDiffText({bundle, engine, diff, verification, lang}) → text ending in "\n": the
//   verification state (verifyBundle's result; its problems unless verified), both rule versions,
//   then the new, resolved and changed findings, one line each (strings through plain()).
// diffJson({bundle, engine, diff, verification}) → JSON text: {verification: {state, failedStep,
//   signer, rulesetStatus, problems}, bundle: {engine, ruleset}, current: {engine, ruleset}, new,
//   resolved, changed}.
import { plain } from './plain-text.mjs';
import { verificationMessage, verdictMessage, stepName } from '../host/bundle/verify-messages.mjs';

// A failed replay of a bundle made by another engine version: expected, not a tampering sign.
const crossVersionReplay = (v) => v.failedStep === 'replay' && v.replay.bundleEngineVersion !== v.replay.currentEngineVersion;

export function refusalOf(verification) {
  if (verification.state !== 'failed' || crossVersionReplay(verification)) return null;
  const first = verification.problems.find((p) => p.step === verification.failedStep);
  return `the bundle failed verification at the ${stepName(verification.failedStep)} step` +
    `${first ? ` (${verificationMessage(first)})` : ''}; it is not re-audited (portal-check verify shows every step)`;
}

function verificationText(v, lang) {
  if (crossVersionReplay(v)) {
    const first = v.problems.find((p) => p.step === 'replay');
    return `verification: ${lang === 'vi' ? 'báo cáo trong gói không chạy lại được bằng phiên bản engine này; các phát hiện "đã khắc phục" và "thay đổi" được so với một báo cáo chưa được tái lập' : "the bundle's report cannot be replayed by this engine version; resolved and changed findings compare with a report this engine did not reproduce"}\n` +
      `  ${plain(verificationMessage(first, lang))}\n`;
  }
  let out = `verification: ${plain(verdictMessage(v, lang))}\n`;
  if (v.state !== 'verified') for (const p of v.problems) out += `  ${plain(verificationMessage(p, lang))}\n`;
  return out;
}

const versions = (bundle, engine) => ({
  bundle: { engine: bundle.manifest.engine, ruleset: bundle.manifest.ruleset.version },
  current: { engine: engine.info, ruleset: String(engine.ruleset().ruleset?.version ?? '') },
});

export function diffJson({ bundle, engine, diff, verification }) {
  const { state, failedStep, signer, rulesetStatus, problems } = verification;
  return `${JSON.stringify({ verification: { state, failedStep, signer, rulesetStatus, problems }, ...versions(bundle, engine), ...diff }, null, 1)}\n`;
}

export function renderDiffText({ bundle, engine, diff, verification, lang = 'en' }) {
  const v = versions(bundle, engine);
  const at = (f) => (f.page === null ? '(site)' : f.page);
  let out = verificationText(verification, lang);
  out += `bundle:  ${plain(v.bundle.engine.name)} ${plain(v.bundle.engine.version)}, rules ${plain(v.bundle.ruleset)}\n`;
  out += `current: ${plain(v.current.engine.name)} ${plain(v.current.engine.version)}, rules ${plain(v.current.ruleset)}\n`;
  out += `new findings: ${diff.new.length}\n`;
  for (const f of diff.new) out += `  + ${plain(f.severity)} ${plain(f.id)} ${plain(f.outcome)} ${plain(at(f))}\n`;
  out += `resolved findings: ${diff.resolved.length}\n`;
  for (const f of diff.resolved) out += `  - ${plain(f.severity)} ${plain(f.id)} ${plain(f.outcome)} ${plain(at(f))}\n`;
  out += `changed findings: ${diff.changed.length}\n`;
  for (const c of diff.changed) {
    out += `  ~ ${plain(c.id)} ${plain(at(c))}: ${plain(c.from.severity)} ${plain(c.from.outcome)} → ${plain(c.to.severity)} ${plain(c.to.outcome)}\n`;
  }
  return out;
}
