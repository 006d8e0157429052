// The checklist's self-declared items (#checklist .pc-decls), compact and keyboard-efficient: one
// group per profile of the report (each item under the first profile that needs it; one group for
// the whole catalogue when the report has no profile), whose heading says how many are answered
// ("(đã khai 3/7)"); each item one row, a fieldset whose legend is the question and whose radios are
// the answer (yes / no / unknown; on a wide screen on the question's line), marked by its answer
// (a symbol and the row's border); its explanation, the criteria that need it with their current
// statuses, the legal basis and the note folded in a <details> under the row ("tnm.1 — Giải thích,
// căn cứ, ghi chú"). Tab stops: two per item (the radio group and the fold), the note too when
// the fold is open.
//
// renderDeclarations(needed, ctx, openKeys) → <section>, where needed: neededDeclarations() of
//   checklist.mjs, ctx: renderChecklist's, openKeys: the declaration ids whose fold was open in the
//   form this one replaces (kept open). An answer updates ctx.label, the row's mark and its
//   group's count, then calls ctx.onLabelChange({declarations: true}); a note calls
//   ctx.onLabelChange({notes: true}).
// NOTE_MAX: the longest note kept (declarations.schema.json).
import { el, truncatedText, uid } from './dom.mjs';
import { str, pick, reportProfiles } from './model.mjs';
import { statusBadge } from './report-view.mjs';
import { citationsOf, renderCitations } from './citations.mjs';

export const NOTE_MAX = 2000; // declarations.schema.json: note ≤ 2000 characters
const ANSWERS = ['yes', 'no', 'unknown'];
const MARK = { yes: '✓', no: '✗', unknown: '?' };

const answerOf = (label, id) => (ANSWERS.includes(label.declarations[id]?.answer) ? label.declarations[id].answer : 'unknown');
const isDeclared = (label, id) => answerOf(label, id) !== 'unknown';

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

function neededBy(n, ctx) {
  const { t, lang, ruleset } = ctx;
  if (!n.criteria.length) return null;
  return el('p', { class: 'pc-needed-by' }, `${t.declNeededBy}: `, n.criteria.map((c, i) => {
    const def = ruleset?.profiles?.[c.profile]?.criteria;
    const title = Array.isArray(def) ? pick(def.find((x) => x?.id === c.id)?.title, lang) : '';
    return [i ? '; ' : '', el('span', { class: 'pc-crit-id' }, c.id), title ? ` ${title} ` : ' ',
      el('span', { class: 'pc-needed-status', 'data-key': `${c.profile} ${c.id}` }, statusBadge(c.status, t))];
  }));
}

function foldSummaryText(n, label, t) {
  const ids = [...new Set(n.criteria.map((c) => c.id))].join(', ');
  const note = str(label.declarations[n.id]?.note).trim() ? ` (${t.declHasNote})` : '';
  return `${ids ? `${ids} — ` : ''}${t.declMore}${note}`;
}

// The fold under an item's row: explanation, criteria, basis, the note, the report's own value.
function itemFold(n, ctx, open) {
  const { t, lang, label } = ctx;
  const summary = el('summary', null, foldSummaryText(n, label, t));
  const noteId = uid('pc-note');
  const note = el('textarea', { id: noteId, rows: 2, maxlength: NOTE_MAX });
  note.value = str(label.declarations[n.id]?.note);
  note.addEventListener('input', () => {
    label.declarations[n.id] = { ...(label.declarations[n.id] || { answer: 'unknown' }), note: note.value };
    summary.textContent = foldSummaryText(n, label, t);
    ctx.onLabelChange({ notes: true });
  });
  const help = pick(n.item?.help, lang);
  const basis = declarationBasis(n, ctx);
  return el('details', { class: 'pc-decl-more', 'data-key': n.id, open },
    summary,
    el('div', { class: 'pc-decl-body' },
      help ? el('p', { class: 'pc-help' }, help) : null,
      el('p', { class: 'pc-muted' }, el('code', null, n.id)),
      neededBy(n, ctx),
      basis ? el('div', { class: 'pc-decl-basis' }, el('p', null, `${t.declBasis}:`), basis) : null,
      el('div', { class: 'pc-field' }, el('label', { for: noteId }, t.declNote), note),
      n.reportValue ? el('p', { class: 'pc-muted' }, `${t.declInReport}: ${t.declValue[String(n.reportValue.value)]}`,
        n.reportValue.note ? [' — ', truncatedText(n.reportValue.note, 200, t)] : '') : null));
}

function declarationItem(n, ctx, open, onAnswer) {
  const { t, lang, label } = ctx;
  const current = answerOf(label, n.id);
  const mark = el('span', { class: 'pc-decl-mark', 'aria-hidden': 'true' }, MARK[current]);
  const item = el('li', { class: 'pc-decl-item', 'data-key': n.id, 'data-state': current });
  const name = uid('pc-ans');
  const radios = el('div', { class: 'pc-radios' }, [['yes', t.declYes], ['no', t.declNo], ['unknown', t.declUnknown]].map(([value, text]) => {
    const id = uid('pc-r');
    const radio = el('input', { type: 'radio', id, name, value, checked: current === value });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      label.declarations[n.id] = { ...(label.declarations[n.id] || { note: '' }), answer: value };
      item.dataset.state = value;
      mark.textContent = MARK[value];
      onAnswer();
      ctx.onLabelChange({ declarations: true });
    });
    return el('span', { class: 'pc-check' }, radio, el('label', { for: id }, text));
  }));
  item.append(el('fieldset', { class: 'pc-decl-row' },
    el('legend', null, mark, ' ', pick(n.item?.title, lang) || n.id),
    radios,
    itemFold(n, ctx, open)));
  return item;
}

// needed → [{profile: id | null, items}] in the report's profile order (sorted ids): each item
// under the first profile that needs it, in catalogue order; one group (profile null) for the
// items no profile needs (the whole catalogue when the report has no profile).
function groupsOf(needed, report) {
  const order = reportProfiles(report).map((p) => p.id);
  const groups = new Map();
  for (const n of needed) {
    const profiles = n.criteria.map((c) => c.profile);
    const profile = order.find((p) => profiles.includes(p)) ?? null;
    if (!groups.has(profile)) groups.set(profile, []);
    groups.get(profile).push(n);
  }
  return [...order, null].filter((p) => groups.has(p)).map((profile) => ({ profile, items: groups.get(profile) }));
}

function declarationGroup(group, ctx, openKeys) {
  const { t, lang, ruleset, label } = ctx;
  const heading = uid('pc-decl-g');
  const title = group.profile === null ? t.declCatalogueGroup
    : `${t.profile}: ${pick(ruleset?.profiles?.[group.profile]?.title, lang) || group.profile}`;
  const count = el('span', { class: 'pc-decl-count' });
  const recount = () => {
    count.textContent = t.declProgress(group.items.filter((n) => isDeclared(label, n.id)).length, group.items.length);
  };
  recount();
  return el('section', { class: 'pc-decl-group', 'aria-labelledby': heading },
    el('h4', { id: heading }, title, ' (', count, ')'),
    el('ol', { class: 'pc-decl-list' }, group.items.map((n) => declarationItem(n, ctx, openKeys.has(n.id), recount))));
}

export function renderDeclarations(needed, ctx, openKeys) {
  const { t, report } = ctx;
  const heading = uid('pc-decl-h');
  const hasProfile = reportProfiles(report).length > 0;
  return el('section', { class: 'pc-decls', 'aria-labelledby': heading }, el('h3', { id: heading }, t.declHeading),
    el('p', null, t.declIntro),
    !hasProfile ? el('p', { class: 'pc-muted' }, t.declCatalogue) : null,
    needed.length ? groupsOf(needed, report).map((g) => declarationGroup(g, ctx, openKeys)) : el('p', null, t.declNoneNeeded),
    needed.length ? el('p', { class: 'pc-muted' }, t.declReaudit) : null);
}
