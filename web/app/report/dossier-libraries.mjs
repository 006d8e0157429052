// The dossier's library table: every JavaScript library the audit found with security advisories
// (page.vulnerable-library results, merged over pages by web/host/library-lines.mjs, the same
// extraction the CLI and the finding cards use): library, version, advisory ids (CVE, GHSA, …),
// severity, fixed release, number of pages; then the advisory data's date.
//
// dossierLibraries(ctx, d) → <section id="pc-d-libraries">. At most MAX_DOSSIER_LIBRARIES rows and
// MAX_DOSSIER_ADVISORIES advisories per row (the rest counted). Versions and ids come from the
// audited site's report: text only.
import { el, siteText } from './dom.mjs';
import { checksOf, str } from './model.mjs';
import { mergedLibraries } from '../../host/library-lines.mjs';

export const MAX_DOSSIER_LIBRARIES = 60;
export const MAX_DOSSIER_ADVISORIES = 12;
const CHECK = 'page.vulnerable-library';

function advisoryIds(a) {
  const ids = Array.isArray(a?.ids) && a.ids.length ? a.ids.map(str) : [str(a?.id)];
  return ids.filter(Boolean).join(' / ');
}

export function dossierLibraries(ctx, d) {
  const details = checksOf(ctx.report).filter((r) => r.id === CHECK && r.pass === false).map((r) => r.details);
  const { libraries, data } = mergedLibraries(details);
  const head = el('h3', null, d.librariesHeading);
  if (!libraries.length) return el('section', { class: 'pc-d-section', id: 'pc-d-libraries' }, head, el('p', null, d.libNone));
  const rows = libraries.slice(0, MAX_DOSSIER_LIBRARIES).map((lib) => {
    const shown = lib.advisories.slice(0, MAX_DOSSIER_ADVISORIES);
    const advs = el('ul', { class: 'pc-plain' }, shown.map((a) => el('li', null, siteText(advisoryIds(a)),
      a?.severity ? [' (', d.severity[str(a.severity)] || siteText(str(a.severity)), ')'] : '',
      `; ${d.libFixed}: `, !a?.fixed || a.fixed === 'none' ? d.noFix : siteText(str(a.fixed)))));
    if (lib.advisories.length > shown.length) advs.append(el('li', { class: 'pc-muted' }, `+${lib.advisories.length - shown.length}`));
    return el('tr', null,
      el('th', { scope: 'row' }, siteText(lib.title)),
      el('td', null, siteText(lib.version)),
      el('td', null, advs),
      el('td', null, d.severity[lib.severity] || siteText(lib.severity)),
      el('td', { class: 'pc-num' }, String(lib.results)));
  });
  return el('section', { class: 'pc-d-section', id: 'pc-d-libraries' }, head,
    el('table', { class: 'pc-table pc-d-libtable' },
      el('thead', null, el('tr', null, [d.libLibrary, d.libVersion, d.libAdvisories, d.libSeverity, d.libPages].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, rows)),
    libraries.length > MAX_DOSSIER_LIBRARIES ? el('p', { class: 'pc-muted' }, d.libMore(libraries.length - MAX_DOSSIER_LIBRARIES)) : null,
    data?.date ? el('p', { class: 'pc-muted' }, siteText(d.libData(str(data.date)))) : null);
}
