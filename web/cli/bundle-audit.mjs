// `portal-check audit BUNDLE --rules current`: re-audits a bundle's evidence with this engine's
// embedded rules (the bundle's target, profiles and declarations) and shows what changed.
//
// reauditBundle(engine, bundle) → Promise<{report (new, object), reportText, diff}> where diff is
//   diffReports(the bundle's report, the new one). EngineError from the audit propagates.
// renderDiffText({bundle, engine, diff}) → text ending in "\n": both rule versions, then the new,
//   resolved and changed findings, one line each (strings through plain()).
// diffJson({bundle, engine, diff}) → JSON text: {bundle: {engine, ruleset}, current: {engine,
//   ruleset}, new, resolved, changed}.
import { auditHar } from '../host/engine.mjs';
import { diffReports } from '../host/bundle/index.mjs';
import { engineDeclarations } from '../host/bundle/declarations.mjs';
import { plain } from './plain-text.mjs';

export async function reauditBundle(engine, bundle) {
  const { report, reportText } = await auditHar(engine, JSON.stringify(bundle.evidence), {
    target: bundle.manifest.target ?? undefined,
    profiles: bundle.manifest.profiles,
    declarations: engineDeclarations(bundle.declarations),
  });
  let old = null;
  try { old = JSON.parse(bundle.report); } catch { /* an unreadable old report has no findings */ }
  return { report, reportText, diff: diffReports(old, report) };
}

const versions = (bundle, engine) => ({
  bundle: { engine: bundle.manifest.engine, ruleset: bundle.manifest.ruleset.version },
  current: { engine: engine.info, ruleset: String(engine.ruleset().ruleset?.version ?? '') },
});

export function diffJson({ bundle, engine, diff }) {
  return `${JSON.stringify({ ...versions(bundle, engine), ...diff }, null, 1)}\n`;
}

export function renderDiffText({ bundle, engine, diff }) {
  const v = versions(bundle, engine);
  const at = (f) => (f.page === null ? '(site)' : f.page);
  let out = `bundle:  ${plain(v.bundle.engine.name)} ${plain(v.bundle.engine.version)}, rules ${plain(v.bundle.ruleset)}\n`;
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
