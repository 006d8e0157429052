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
// refreshNeededBy(container, ctx) → redraws the status badges of the "needed by" lines from
//   ctx.report (after an answer changed them) without rebuilding the form (focus stays).
// neededDeclarations(report, ruleset) → [{id, item (catalogue entry or null), criteria: [{profile,
//   id, status, sources}], reportValue: {value, note} | null}] in catalogue order (sources: the
//   report's citations of that criterion); when the report has no profile, the whole catalogue
//   (criteria empty).
// declarationsFile(label, ruleset) → the CLI's --declarations document
//   (rules/schema/declarations.schema.json): {version: 1, organization?, declarations}.
// emptyLabel() → a label with nothing filled in.
import { el, fill, siteText, truncatedText, uid } from './dom.mjs';
import { isObject, str, pick, declarationCatalogue, reportProfiles } from './model.mjs';
import { statusBadge } from './report-view.mjs';
import { citationsOf, renderCitations } from './citations.mjs';

export const ORG_FIELDS = ['name', 'unit_code', 'address', 'representative', 'contact_name', 'contact_email', 'contact_phone', 'websites',
  'doc_number', 'place', 'signatory', 'signatory_title'];
const MULTILINE = new Set(['address', 'websites']);
const INPUT_TYPES = { contact_email: 'email', contact_phone: 'tel' };
const AUTOCOMPLETE = { name: 'organization', address: 'street-address', contact_name: 'name', contact_email: 'email', contact_phone: 'tel' };
const ORG_MAX = 1000;   // declarations.schema.json: organization values ≤ 1000 characters
const NOTE_MAX = 2000;  // declarations.schema.json: note ≤ 2000 characters
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

function orgField(key, ctx) {
  const { t, label, onLabelChange } = ctx;
  const id = uid('pc-org');
  const control = MULTILINE.has(key)
    ? el('textarea', { id, name: key, rows: key === 'websites' ? 4 : 2, maxlength: ORG_MAX, autocomplete: AUTOCOMPLETE[key] || 'off' })
    : el('input', { id, name: key, type: INPUT_TYPES[key] || 'text', maxlength: ORG_MAX, autocomplete: AUTOCOMPLETE[key] || 'off' });
  control.value = str(label.organization[key]);
  if (key === 'websites' && ctx.report?.target) {
    try { control.placeholder = new URL(str(ctx.report.target)).origin; } catch { /* no placeholder */ }
  }
  control.addEventListener('input', () => { label.organization[key] = control.value; onLabelChange(); });
  return el('div', { class: `pc-field pc-org-${key}` }, el('label', { for: id }, t.org[key]), control);
}

// The citations of every criterion that needs declaration `n` (each once), by law era.
function declarationBasis(n, ctx) {
  const seen = new Set();
  const all = [];
  for (const c of n.criteria) {
    const def = ctx.ruleset?.profiles?.[c.profile]?.criteria;
    const d = Array.isArray(def) ? def.find((x) => x?.id === c.id) : null;
    for (const cit of citationsOf({ sources: c.sources }, d, ctx.ruleset)) {
      const key = `${cit.document}\u0000${pick(cit.clause, 'vi')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(cit);
    }
  }
  return all.length ? renderCitations(all, ctx) : null;
}

function declarationItem(n, ctx) {
  const { t, lang, label, onLabelChange, ruleset } = ctx;
  const current = label.declarations[n.id] || { answer: 'unknown', note: '' };
  const legendId = uid('pc-decl');
  const fieldset = el('fieldset', { class: 'pc-decl-item', 'aria-labelledby': legendId });
  fieldset.append(el('legend', { id: legendId }, pick(n.item?.title, lang) || n.id, ' ', el('code', { class: 'pc-muted' }, n.id)));
  const help = pick(n.item?.help, lang);
  if (help) fieldset.append(el('p', { class: 'pc-help' }, help));
  if (n.criteria.length) {
    fieldset.append(el('p', { class: 'pc-needed-by' }, `${t.declNeededBy}: `, n.criteria.map((c, i) => {
      const def = ruleset?.profiles?.[c.profile]?.criteria;
      const title = Array.isArray(def) ? pick(def.find((x) => x?.id === c.id)?.title, lang) : '';
      return [i ? '; ' : '', el('span', { class: 'pc-crit-id' }, c.id), title ? ` ${title} ` : ' ',
        el('span', { class: 'pc-needed-status', 'data-key': `${c.profile} ${c.id}` }, statusBadge(c.status, t))];
    })));
  }
  const basis = declarationBasis(n, ctx);
  if (basis) fieldset.append(el('div', { class: 'pc-decl-basis' }, el('p', null, `${t.declBasis}:`), basis));
  const radios = el('div', { class: 'pc-radios', role: 'radiogroup', 'aria-label': t.declAnswer });
  const name = uid('pc-ans');
  for (const [value, text] of [['yes', t.declYes], ['no', t.declNo], ['unknown', t.declUnknown]]) {
    const id = uid('pc-r');
    const radio = el('input', { type: 'radio', id, name, value, checked: (current.answer || 'unknown') === value });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      label.declarations[n.id] = { ...(label.declarations[n.id] || { note: '' }), answer: value };
      onLabelChange({ declarations: true });
    });
    radios.append(el('span', { class: 'pc-check' }, radio, el('label', { for: id }, text)));
  }
  const noteId = uid('pc-note');
  const note = el('textarea', { id: noteId, rows: 2, maxlength: NOTE_MAX });
  note.value = str(current.note);
  note.addEventListener('input', () => {
    label.declarations[n.id] = { ...(label.declarations[n.id] || { answer: 'unknown' }), note: note.value };
    onLabelChange({ notes: true });
  });
  fieldset.append(radios, el('div', { class: 'pc-field' }, el('label', { for: noteId }, t.declNote), note));
  if (n.reportValue) {
    fieldset.append(el('p', { class: 'pc-muted' }, `${t.declInReport}: ${t.declValue[String(n.reportValue.value)]}`,
      n.reportValue.note ? [' — ', truncatedText(n.reportValue.note, 200, t)] : ''));
  }
  return el('li', null, fieldset);
}

export function renderChecklist(container, ctx) {
  const { t, report, ruleset } = ctx;
  const statusLine = el('p', { class: 'pc-save-status', role: 'status', 'aria-live': 'polite' },
    ctx.storeState === 'memory' ? t.storeUnavailable : '');
  ctx.setStatusNode?.(statusLine);
  const orgH = uid('pc-org-h');
  const declH = uid('pc-decl-h');
  const needed = neededDeclarations(report, ruleset);
  const hasProfile = reportProfiles(report).length > 0;
  const clear = el('button', { type: 'button', class: 'pc-btn pc-btn-secondary' }, t.clearSaved);
  clear.addEventListener('click', () => ctx.onClear?.());
  const recordsNode = el('section', { class: 'pc-site-records', id: 'pc-site-records' });
  fill(container,
    statusLine,
    el('section', { class: 'pc-org', 'aria-labelledby': orgH }, el('h3', { id: orgH }, t.orgHeading),
      el('div', { class: 'pc-org-grid' }, ORG_FIELDS.map((k) => orgField(k, ctx)))),
    el('section', { class: 'pc-decls', 'aria-labelledby': declH }, el('h3', { id: declH }, t.declHeading),
      el('p', null, t.declIntro),
      !hasProfile ? el('p', { class: 'pc-muted' }, t.declCatalogue) : null,
      needed.length ? el('ol', { class: 'pc-decl-list' }, needed.map((n) => declarationItem(n, ctx))) : el('p', null, t.declNoneNeeded),
      needed.length ? el('p', { class: 'pc-muted' }, t.declReaudit) : null),
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


