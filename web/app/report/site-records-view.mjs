// The saved sites' list under the checklist: one row per site record (site-records.mjs) with the
// site, the organisation name saved for it, when it was last saved, and two buttons: copy that
// record's organisation details to the site of this report, delete the record.
//
// renderSiteRecords(node, ctx) where ctx = {lang, origin (this report's site), records:
//   [{origin, name, updated}], onCopyRecord(origin), onDeleteRecord(origin)}. Names and origins
//   are user input or site data: text only.
import { el, fill, siteText } from './dom.mjs';
import { dossierStrings } from '../i18n/dossier.mjs';
import { NO_SITE } from './site-records.mjs';

export function renderSiteRecords(node, ctx) {
  const d = dossierStrings(ctx.lang);
  const records = Array.isArray(ctx.records) ? ctx.records : [];
  const rows = records.map((r) => {
    const here = r.origin === ctx.origin;
    const copy = el('button', { type: 'button', class: 'pc-btn pc-btn-secondary pc-record-copy', disabled: here }, d.recordsCopy);
    copy.addEventListener('click', () => ctx.onCopyRecord?.(r.origin));
    const del = el('button', { type: 'button', class: 'pc-btn pc-btn-secondary pc-record-delete' }, d.recordsDelete);
    del.addEventListener('click', () => ctx.onDeleteRecord?.(r.origin));
    return el('tr', { 'data-key': r.origin },
      el('th', { scope: 'row' }, r.origin === NO_SITE ? d.recordsNoSite : siteText(r.origin), here ? ` ${d.recordsThis}` : ''),
      el('td', null, r.name ? siteText(r.name) : el('span', { class: 'pc-muted' }, d.recordsNoName)),
      el('td', null, r.updated ? siteText(r.updated.slice(0, 19).replace('T', ' ')) : ''),
      el('td', null, copy, ' ', del));
  });
  fill(node, el('h3', null, d.recordsHeading), el('p', { class: 'pc-muted' }, d.recordsIntro),
    rows.length ? el('table', { class: 'pc-table pc-records' }, el('tbody', null, rows)) : el('p', null, d.recordsNone));
}
