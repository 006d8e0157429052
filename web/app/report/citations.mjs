// A criterion's provenance as the report view, the checklist and the dossier show it: its
// citations (document, clause, status, law era, address) in the reader's language, grouped so that
// the current law and the legacy framework are told apart, and which half of a mixed criterion
// each check or declaration covers.
//
// citationsOf(criterion, def, ruleset) → [{document, title: {vi, en}, clause: {vi, en}, status (one
//   of SOURCE_STATUSES, or the source's own status string, shown as text; 'to-confirm' when absent), law,
//   url, note: {vi, en} | null}]: the report's own "sources" when present (the engine resolved them
//   from the ruleset that ran), else the profile definition's, resolved through the ruleset's
//   documents catalogue. Entries without a document or clause are dropped.
// renderCitations(citations, ctx) → <div class="pc-citations"> with one list per law era (current,
//   legacy, none), each entry "short title, clause — status" and the address as an https link.
// renderCovers(def, ctx) → <ul class="pc-covers"> or null when the definition has no "covers".
// lawsOf(citations) → the set of law eras cited.
import { el, siteText, safeRefLink } from './dom.mjs';
import { isObject, str, pick, titleOf, declarationCatalogue } from './model.mjs';

export const LAWS = ['current', 'legacy', 'none'];
export const SOURCE_STATUSES = ['confirmed', 'third-party', 'to-confirm'];

export function documentOf(ruleset, id) {
  const docs = ruleset?.documents?.documents;
  const d = Array.isArray(docs) ? docs.find((x) => isObject(x) && x.id === id) : null;
  return isObject(d) ? d : null;
}

export function citationsOf(criterion, def, ruleset) {
  const fromDef = Array.isArray(def?.sources) ? def.sources.filter(isObject) : [];
  const fromReport = Array.isArray(criterion?.sources) ? criterion.sources.filter(isObject) : null;
  const list = fromReport || fromDef;
  return list.map((s, i) => {
    const doc = documentOf(ruleset, s.document);
    const defEntry = fromDef[i] && fromDef[i].document === s.document ? fromDef[i] : null;
    return {
      document: str(s.document),
      title: doc?.short || null,
      clause: isObject(s.clause) ? s.clause : null,
      status: typeof s.status === 'string' && s.status ? s.status : 'to-confirm',
      law: LAWS.includes(s.law) ? s.law : (LAWS.includes(doc?.law) ? doc.law : 'none'),
      url: str(s.url || doc?.url),
      note: isObject(defEntry?.note) ? defEntry.note : null,
    };
  }).filter((c) => c.document && c.clause);
}

export function lawsOf(citations) {
  return new Set(citations.map((c) => c.law));
}

// A known status in the reader's language; any other status string as it is, as text.
function statusLabel(status, t) {
  if (SOURCE_STATUSES.includes(status)) return el('span', { class: `pc-src-status pc-src-${status}` }, `(${t.sourceStatus[status]})`);
  return el('span', { class: 'pc-src-status pc-src-other' }, '(', siteText(t.srcStatusOther(status)), ')');
}

function citationItem(c, ctx) {
  const { t, lang } = ctx;
  const name = pick(c.title, lang) || c.document;
  return el('li', { class: 'pc-citation', 'data-status': c.status, 'data-law': c.law },
    el('strong', null, siteText(name)), ', ', siteText(pick(c.clause, lang)),
    ' ', statusLabel(c.status, t),
    c.note ? el('span', { class: 'pc-muted' }, ' ', siteText(pick(c.note, lang))) : null,
    c.url ? [' ', safeRefLink(c.url, t.sourceAddress)] : null);
}

export function renderCitations(citations, ctx) {
  const { t } = ctx;
  if (!citations.length) return el('span', { class: 'pc-muted' }, t.empty);
  return el('div', { class: 'pc-citations' }, LAWS.map((law) => {
    const group = citations.filter((c) => c.law === law);
    if (!group.length) return null;
    return el('div', { class: 'pc-law', 'data-law': law },
      el('p', { class: 'pc-law-h' }, el('span', { class: `pc-law-tag pc-law-${law}` }, t.lawEra[law])),
      el('ul', { class: 'pc-plain' }, group.map((c) => citationItem(c, ctx))));
  }));
}

export function renderCovers(def, ctx) {
  const { t, lang, ruleset } = ctx;
  const covers = Array.isArray(def?.covers) ? def.covers.filter(isObject) : [];
  if (!covers.length) return null;
  const catalogue = new Map(declarationCatalogue(ruleset).map((d) => [d.id, d]));
  return el('ul', { class: 'pc-plain pc-covers' }, covers.map((half) => {
    const checks = Array.isArray(half.checks) ? half.checks : [];
    const decls = Array.isArray(half.declarations) ? half.declarations : [];
    const by = [
      ...checks.map((id) => el('span', { title: str(id) }, titleOf(ruleset, id, lang))),
      ...decls.map((id) => el('span', { title: str(id) }, `${t.declaredItem}: ${pick(catalogue.get(id)?.title, lang) || str(id)}`)),
    ];
    return el('li', { class: 'pc-cover', 'data-half': str(half.half) },
      el('strong', null, `${t.coverHalf[half.half] || str(half.half)}: `), pick(half.text, lang),
      by.length ? [' — ', `${t.coveredBy} `, by.map((n, i) => [i ? ', ' : '', n])] : null);
  }));
}
