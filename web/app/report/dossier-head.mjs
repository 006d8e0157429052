// The head of the printable dossier, laid out as a Vietnamese administrative document (Decree
// 30/2020/NĐ-CP on clerical work, Art. 8 and Annex I; e.g. the head of any decision published on
// https://vanban.chinhphu.vn): on the left the issuing organisation's name and the document number
// ("Số: …"), on the right the national name and motto ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM /
// Độc lập - Tự do - Hạnh phúc") over the place and date ("Hà Nội, ngày … tháng … năm …"); then the
// title. Blank fields print as dotted blanks to fill in by hand, never as invented values.
//
// dossierHead(ctx, d, now) → [<header class="pc-d-head">, <div class="pc-d-title">]; ctx.label's
//   organisation gives name, doc_number and place (user input: text only); d: dossierStrings;
//   now: the Date printed as the document's date.
import { el, siteText } from './dom.mjs';
import { str } from './model.mjs';

export function dossierHead(ctx, d, now) {
  const org = ctx.label?.organization || {};
  const name = str(org.name).trim();
  const number = str(org.doc_number).trim();
  const place = str(org.place).trim();
  const left = el('div', { class: 'pc-d-head-org' },
    el('p', { class: 'pc-d-head-name' }, name ? siteText(name) : d.orgBlank),
    el('p', { class: 'pc-d-head-rule', 'aria-hidden': 'true' }),
    el('p', { class: 'pc-d-docnumber', id: 'pc-d-docnumber' }, number ? siteText(d.docNumber(number)) : d.docNumberBlank));
  const right = el('div', { class: 'pc-d-head-nation' },
    el('p', { class: 'pc-d-nation', id: 'pc-d-nation' }, d.nationalName),
    el('p', { class: 'pc-d-motto' }, d.motto),
    el('p', { class: 'pc-d-head-rule', 'aria-hidden': 'true' }),
    el('p', { class: 'pc-d-placedate', id: 'pc-d-placedate' }, siteText(d.placeDate(place, now))));
  const title = el('div', { class: 'pc-d-title' },
    el('h2', null, d.title),
    el('p', { class: 'pc-d-title-about' }, d.titleAbout));
  return [el('header', { class: 'pc-d-head' }, left, right), title];
}
