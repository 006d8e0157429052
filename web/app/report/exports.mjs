// Exports (#exports): download buttons and the print button, plus the hidden printable dossier.
//
// renderExports(container, ctx) where ctx = {report, reportText, sarifText, ruleset, lang, t, label}.
//   Buttons: report JSON (the engine's exact reportText), SARIF (sarifText; disabled without it),
//   the declarations file (the CLI's --declarations JSON), the label dossier JSON (organisation,
//   declarations and the report), and Print (window.print(); the print stylesheet shows only the
//   dossier). Returns {refreshDossier()} to rebuild the dossier after the label changes.
// downloadText(text, fileName, mime) → void: Blob + object URL + a temporary <a download>.
import { el, fill } from './dom.mjs';
import { fileHost, isObject } from './model.mjs';
import { declarationsFile } from './checklist.mjs';
import { buildDossier } from './dossier.mjs';

export function downloadText(text, fileName, mime) {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;  // our own blob: URL, never data from the site
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function dossierJson(ctx) {
  let report = ctx.report;
  if (typeof ctx.reportText === 'string') {
    try { report = JSON.parse(ctx.reportText); } catch { report = ctx.report; }
  }
  const file = declarationsFile(ctx.label, ctx.ruleset);
  return `${JSON.stringify({
    format: 'portal-check-label-dossier',
    version: 1,
    organization: file.organization || {},
    declarations: file,
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
  const reportText = typeof ctx.reportText === 'string' ? ctx.reportText : (isObject(report) ? `${JSON.stringify(report, null, 2)}\n` : '');
  const hasSarif = typeof ctx.sarifText === 'string' && ctx.sarifText.length > 0;
  const buttons = el('ul', { class: 'pc-export-list' },
    el('li', null, button(t.dlReport, () => downloadText(reportText, `portal-check-${host}-report.json`, 'application/json'), { disabled: !reportText, primary: true })),
    el('li', null, button(t.dlSarif, () => downloadText(ctx.sarifText, `portal-check-${host}-report.sarif`, 'application/sarif+json'), { disabled: !hasSarif }),
      hasSarif ? null : el('span', { class: 'pc-muted' }, ` ${t.noSarif}`)),
    el('li', null, button(t.dlDeclarations, () => downloadText(`${JSON.stringify(declarationsFile(ctx.label, ctx.ruleset), null, 2)}\n`,
      `portal-check-${host}-declarations.json`, 'application/json'))),
    el('li', null, button(t.dlDossier, () => downloadText(dossierJson(ctx), `portal-check-${host}-dossier.json`, 'application/json'))),
    el('li', null, button(t.print, () => window.print(), { primary: true, describedBy: hintId })));
  const dossierSlot = el('div', { class: 'pc-dossier-slot' });
  const refreshDossier = () => {
    if (isObject(ctx.report)) dossierSlot.replaceChildren(buildDossier(ctx));
    else dossierSlot.replaceChildren();
  };
  refreshDossier();
  fill(container,
    el('p', { class: 'pc-muted' }, t.exportsIntro),
    buttons,
    el('p', { id: hintId, class: 'pc-muted' }, t.printHint),
    dossierSlot,
  );
  return { refreshDossier };
}
