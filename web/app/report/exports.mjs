// Exports (#exports): download buttons and the print button, plus the hidden printable dossier.
//
// renderExports(container, ctx) where ctx = {report, reportText, sarifText, ruleset, lang, t, label}
//   (reportText / sarifText: strings, or Blobs holding the engine's exact bytes; sarifText may
//   also be a function → Promise of one, called when its download is clicked: an audit's SARIF
//   is made only then).
//   Buttons: report JSON (the engine's exact reportText), SARIF (sarifText; disabled without it;
//   while an asked-for SARIF is being made the button is disabled, and a failure is said beside it),
//   the declarations file (the CLI's --declarations JSON), the label dossier JSON (organisation,
//   declarations and the report; for an opened bundle also verification: {state, signer}), and Print (window.print(); the print stylesheet shows only the
//   dossier). Returns {refreshDossier(), ensureDossier(), dossierReady}: the dossier is built in the
//   task after this call (dossierReady resolves then); refreshDossier() rebuilds it now (after the
//   label changes), ensureDossier() builds it now if it is still to come (before printing it or
//   reading it).
//   ctx.bundle (render.mjs): for a failed evidence bundle the label dossier JSON and Print are
//   disabled and the dossier slot holds only a "NOT VALID, nothing to print" notice, so that the
//   browser's own print command cannot print the bundle's grade either.
// downloadText(text, fileName, mime) → void: Blob + object URL + a temporary <a download>; text: a
//   string or a Blob (its bytes unchanged).
import { el, fill, downloadBlob } from './dom.mjs';
import { fileHost, isObject } from './model.mjs';
import { declarationsFile } from './checklist.mjs';
import { buildDossier } from './dossier.mjs';

// The engine's texts come as strings or, from an audit, as Blobs of their exact bytes.
function isText(v) {
  return typeof v === 'string' || (typeof Blob !== 'undefined' && v instanceof Blob);
}

function textLength(v) {
  return typeof v === 'string' ? v.length : v.size;
}

export function downloadText(text, fileName, mime) {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

function dossierJson(ctx) {
  let report = ctx.report;
  if (typeof ctx.reportText === 'string') {
    try { report = JSON.parse(ctx.reportText); } catch { report = ctx.report; }
  }
  const file = declarationsFile(ctx.label, ctx.ruleset);
  // An opened bundle's dossier says how far it was verified ('intact': signer not verified).
  const verification = isObject(ctx.bundle)
    ? { state: ctx.bundle.state, signer: ctx.bundle.signer ? { fingerprint: ctx.bundle.signer.fingerprint, trusted: ctx.bundle.signer.trusted, organization: ctx.bundle.signer.organization } : null }
    : undefined;
  return `${JSON.stringify({
    format: 'portal-check-label-dossier',
    version: 1,
    organization: file.organization || {},
    declarations: file,
    verification,
    report,
  }, null, 2)}\n`;
}

export function renderExports(container, ctx) {
  const { t, report } = ctx;
  const host = fileHost(report);
  const hintId = 'pc-print-hint';
  const button = (text, onClick, { disabled = false, primary = false, describedBy } = {}) => {
    const b = el('button', { type: 'button', class: primary ? 'pc-btn' : 'pc-btn pc-btn-secondary', disabled, 'aria-describedby': describedBy });
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  };
  const reportText = isText(ctx.reportText) ? ctx.reportText : (isObject(report) ? `${JSON.stringify(report, null, 2)}\n` : '');
  const sarifLater = typeof ctx.sarifText === 'function';
  const hasSarif = sarifLater || (isText(ctx.sarifText) && textLength(ctx.sarifText) > 0);
  const sarifNote = el('span', { class: 'pc-muted' }, hasSarif ? '' : ` ${t.noSarif}`);
  const sarifName = `portal-check-${host}-report.sarif`;
  const downloadSarif = async (b) => {
    if (!sarifLater) return downloadText(ctx.sarifText, sarifName, 'application/sarif+json');
    b.disabled = true;
    sarifNote.textContent = '';
    try {
      downloadText(await ctx.sarifText(), sarifName, 'application/sarif+json');
    } catch (e) {
      sarifNote.textContent = ` ${t.sarifFailed} (${(e && e.message) || e})`;
    } finally {
      b.disabled = false;
    }
  };
  const invalid = ctx.bundle?.state === 'failed';
  const buttons = el('ul', { class: 'pc-export-list' },
    el('li', null, button(t.dlReport, () => downloadText(reportText, `portal-check-${host}-report.json`, 'application/json'), { disabled: !reportText, primary: true })),
    el('li', null, button(t.dlSarif, (event) => downloadSarif(event.currentTarget), { disabled: !hasSarif }), sarifNote),
    el('li', null, button(t.dlDeclarations, () => downloadText(`${JSON.stringify(declarationsFile(ctx.label, ctx.ruleset), null, 2)}\n`,
      `portal-check-${host}-declarations.json`, 'application/json'))),
    el('li', null, button(t.dlDossier, () => downloadText(dossierJson(ctx), `portal-check-${host}-dossier.json`, 'application/json'), { disabled: invalid })),
    el('li', null, button(t.print, () => { ensureDossier(); window.print(); }, { primary: !invalid, describedBy: hintId, disabled: invalid })));
  const dossierSlot = el('div', { class: 'pc-dossier-slot' });
  // The dossier is hidden on screen (printed only): it is built in a task of its own, after the one
  // that draws the report, so that a big report's two renderings do not add up into one long task.
  let resolveReady;
  const dossierReady = new Promise((resolve) => { resolveReady = resolve; });
  let scheduled = null;
  const refreshDossier = () => {
    clearTimeout(scheduled);
    scheduled = null;
    if (invalid) dossierSlot.replaceChildren(el('article', { class: 'pc-dossier pc-dossier-void', lang: ctx.lang }, el('h2', null, t.dossierVoid)));
    else if (isObject(ctx.report)) dossierSlot.replaceChildren(buildDossier(ctx));
    else dossierSlot.replaceChildren();
    resolveReady();
  };
  const ensureDossier = () => {
    if (scheduled !== null) refreshDossier();
  };
  scheduled = setTimeout(refreshDossier, 0);
  fill(container,
    el('p', { class: 'pc-muted' }, t.exportsIntro),
    buttons,
    el('p', { id: hintId, class: 'pc-muted' }, invalid ? t.dossierVoid : t.printHint),
    dossierSlot,
  );
  return { refreshDossier, ensureDossier, dossierReady };
}
