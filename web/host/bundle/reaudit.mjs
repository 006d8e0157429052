// Re-audit of a bundle's evidence with the running engine's rules, shared by the CLI
// (`portal-check audit BUNDLE --rules current`, web/cli/bundle-audit.mjs) and the browser app's
// worker ("Re-audit with current rules"). Browser- and Node-safe.
//
// reauditBundle(engine, bundle, {onProgress}) → Promise<{report (new, object), reportText, diff}>
//   bundle: a parsed bundle (format.mjs parseBundle: evidence an object, report a string). The
//   audit gets the bundle's own target, profiles and declarations (declarations.mjs
//   engineDeclarations: the same input creating the bundle gave the engine).
//   diff: diffReports(the bundle's report, the new one); a bundle report that is not JSON counts
//   as a report with no findings. onProgress: auditHar's. EngineError from the audit propagates.
import { auditHar } from '../engine.mjs';
import { diffReports } from './diff.mjs';
import { engineDeclarations } from './declarations.mjs';

export async function reauditBundle(engine, bundle, { onProgress } = {}) {
  const manifest = bundle.manifest ?? {};
  const { report, reportText } = await auditHar(engine, JSON.stringify(bundle.evidence), {
    target: manifest.target || undefined,
    profiles: Array.isArray(manifest.profiles) ? manifest.profiles : undefined,
    declarations: engineDeclarations(bundle.declarations),
    sarif: false,
    onProgress,
  });
  let old = null;
  try { old = JSON.parse(bundle.report); } catch { /* an unreadable old report has no findings */ }
  return { report, reportText, diff: diffReports(old, report) };
}
