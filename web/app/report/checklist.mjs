// Label preparation (#checklist): the organisation details the label application asks for and the
// self-declared items the report's criteria need, with a yes / no / unknown answer and a note each.
// The answers live in a "label" object kept by render.mjs and saved in IndexedDB per audited site
// (site-records.mjs):
//   {organization: {name, unit_code, address, representative, contact_name, contact_email,
//    contact_phone, websites, doc_number, place, signatory, signatory_title}, declarations: {id:
//    {answer: 'yes' | 'no' | 'unknown', note}}} (doc_number, place and the signatory head and
//    sign the printable dossier: dossier.mjs)
//
// renderChecklist(container, ctx) where ctx = {report, ruleset, lang, t, label, storeState,
//   onLabelChange({declarations, notes}), setRecordsNode(node)}: renders the form; every edit
//   updates ctx.label and calls onLabelChange ({declarations: true} for an answer, whose criteria
//   statuses change at once; {notes: true} for a declaration's note); the saved sites' list goes
//   in the node given to setRecordsNode.
//   The organisation form is checklist-org.mjs's, the declared items checklist-declarations.mjs's;
//   a redraw (language switch, copied record) keeps the items' folds that were open.
// refreshNeededBy(container, ctx) → redraws the status badges of the "needed by" lines from
//   ctx.report (after an answer changed them) without rebuilding the form (focus stays).
// neededDeclarations(report, ruleset) → [{id, item (catalogue entry or null), criteria: [{profile,
//   id, status, sources}], reportValue: {value, note} | null}] in catalogue order (sources: the
//   report's citations of that criterion); when the report has no profile, the whole catalogue
//   (criteria empty).
// declarationsFile(label, ruleset) → the CLI's --declarations document
//   (rules/schema/declarations.schema.json): {version: 1, organization?, declarations}.
// emptyLabel() → a label with nothing filled in.
import { el, fill } from './dom.mjs';
import { isObject, str, declarationCatalogue, reportProfiles } from './model.mjs';
import { statusBadge } from './report-view.mjs';
import { ORG_FIELDS, ORG_MAX, renderOrgForm } from './checklist-org.mjs';
import { NOTE_MAX, renderDeclarations } from './checklist-declarations.mjs';

export { ORG_FIELDS };
const ID_PATTERN = /^[a-z0-9-]+\.[a-z0-9.-]+$/;

export function emptyLabel() {
  return { organization: Object.fromEntries(ORG_FIELDS.map((k) => [k, ''])), declarations: {} };
}

export function neededDeclarations(report, ruleset) {
  const catalogue = declarationCatalogue(ruleset);
  const byId = new Map();
  for (const p of reportProfiles(report)) {
    for (const c of p.criteria) {
      for (const d of Array.isArray(c.declarations) ? c.declarations.filter(isObject) : []) {
        if (typeof d.id !== 'string') continue;
        if (!byId.has(d.id)) byId.set(d.id, { id: d.id, criteria: [], reportValue: null });
        const entry = byId.get(d.id);
        entry.criteria.push({ profile: p.id, id: str(c.id), status: str(c.status), sources: c.sources });
        if (typeof d.value === 'boolean') entry.reportValue = { value: d.value, note: str(d.note) };
      }
    }
  }
  const anyProfile = reportProfiles(report).length > 0;
  const order = catalogue.map((d) => d.id);
  const ids = anyProfile ? [...byId.keys()].sort((a, b) => ((order.indexOf(a) + 1) || 1e9) - ((order.indexOf(b) + 1) || 1e9)) : order;
  return ids.map((id) => ({
    id,
    item: catalogue.find((d) => d.id === id) || null,
    criteria: byId.get(id)?.criteria || [],
    reportValue: byId.get(id)?.reportValue || null,
  }));
}

export function declarationsFile(label, ruleset) {
  const known = new Set(declarationCatalogue(ruleset).map((d) => d.id));
  const organization = {};
  for (const k of ORG_FIELDS) {
    const v = str(label?.organization?.[k]).trim();
    if (v) organization[k] = v.slice(0, ORG_MAX);
  }
  const declarations = {};
  const answers = isObject(label?.declarations) ? label.declarations : {};
  for (const id of Object.keys(answers).sort()) {
    const a = answers[id];
    if (!isObject(a) || (a.answer !== 'yes' && a.answer !== 'no')) continue;
    if (!ID_PATTERN.test(id) || (known.size && !known.has(id))) continue;
    const entry = { value: a.answer === 'yes' };
    const note = str(a.note).trim();
    if (note) entry.note = note.slice(0, NOTE_MAX);
    declarations[id] = entry;
  }
  const doc = { version: 1 };
  if (Object.keys(organization).length) doc.organization = organization;
  doc.declarations = declarations;
  return doc;
}

// Seeds answers the user has not given yet from the report's own declaration values.
export function seedFromReport(label, needed) {
  for (const n of needed) {
    if (label.declarations[n.id] || !n.reportValue) continue;
    label.declarations[n.id] = { answer: n.reportValue.value ? 'yes' : 'no', note: n.reportValue.note || '' };
  }
}

export function renderChecklist(container, ctx) {
  const { t, report, ruleset } = ctx;
  // What the user had open in the form this one replaces (a language switch, a copied record).
  const previousOrg = container.querySelector('details.pc-org-form');
  const openKeys = new Set([...container.querySelectorAll('details.pc-decl-more[open]')].map((d) => d.dataset.key));
  const statusLine = el('p', { class: 'pc-save-status', role: 'status', 'aria-live': 'polite' },
    ctx.storeState === 'memory' ? t.storeUnavailable : '');
  ctx.setStatusNode?.(statusLine);
  const clear = el('button', { type: 'button', class: 'pc-btn pc-btn-secondary' }, t.clearSaved);
  clear.addEventListener('click', () => ctx.onClear?.());
  const recordsNode = el('section', { class: 'pc-site-records', id: 'pc-site-records' });
  fill(container,
    statusLine,
    renderOrgForm(ctx, previousOrg),
    renderDeclarations(neededDeclarations(report, ruleset), ctx, openKeys),
    el('p', null, clear),
    recordsNode,
  );
  ctx.setRecordsNode?.(recordsNode);
}

export function refreshNeededBy(container, ctx) {
  const statusOf = new Map();
  for (const p of reportProfiles(ctx.report)) for (const c of p.criteria) statusOf.set(`${p.id} ${str(c.id)}`, str(c.status));
  for (const node of container.querySelectorAll('.pc-needed-status')) {
    const status = statusOf.get(node.dataset.key);
    if (status !== undefined) node.replaceChildren(statusBadge(status, ctx.t));
  }
}


