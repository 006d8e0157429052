// The criteria statuses as the checklist's current answers make them, without running the audit
// again: the engine's report says what each criterion's checks showed (its findings, with their
// effect), and only the declaration half of the status depends on the answers.
//
// The status order is the engine's (core/src/scoring/profile.h, "Status of a criterion"), applied
// to what the report carries:
//   1. not-met            a finding with effect "fails", or a needed declaration answered "no"
//   2. not-assessed       a finding with effect "inconclusive"
//   3. needs-declaration  a needed declaration unanswered
//   4. not-applicable     no finding with effect "passes" and no declaration needed
//   5. met                everything else
// The engine keeps a criterion's findings in effect order (fails, inconclusive, passes) before it
// truncates them (findings_omitted), so a failing or inconclusive effect is never the one cut off.
// A grade criterion (min_grade) needs no declaration: its status is the engine's.
// Guard: the rule is first applied to the report's own declaration values; when that does not give
// the engine's status (a report this module does not understand), the engine's status is kept.
//
// statusFromEvidence(criterion, valueOf) → status string, where criterion is one report criterion
//   ({status, findings, declarations, min_grade}) and valueOf(id) → true | false | null the answer
//   to declaration id.
// withDeclarations(report, label) → the report with every profile criterion's status and
//   declaration values as the label's answers make them ({id: {answer: 'yes' | 'no' | 'unknown',
//   note}}; 'unknown' = not declared) and each profile's summary recounted; a shallow copy that
//   shares everything else (the checks array too). The report itself when it has no profile.
import { isObject, str, STATUSES } from './model.mjs';

function effects(criterion) {
  const found = { fails: false, inconclusive: false, passes: false };
  for (const f of Array.isArray(criterion.findings) ? criterion.findings : []) {
    if (isObject(f) && f.effect in found) found[f.effect] = true;
  }
  return found;
}

function declarationIds(criterion) {
  return (Array.isArray(criterion.declarations) ? criterion.declarations : [])
    .filter((d) => isObject(d) && typeof d.id === 'string').map((d) => d.id);
}

export function statusFromEvidence(criterion, valueOf) {
  if (criterion.min_grade !== undefined && criterion.min_grade !== null) return str(criterion.status);
  const e = effects(criterion);
  const values = declarationIds(criterion).map(valueOf);
  if (e.fails || values.includes(false)) return 'not-met';
  if (e.inconclusive) return 'not-assessed';
  if (values.includes(null)) return 'needs-declaration';
  if (!e.passes && values.length === 0) return 'not-applicable';
  return 'met';
}

const reportValue = (criterion) => (id) => {
  const d = criterion.declarations.find((x) => isObject(x) && x.id === id);
  return typeof d?.value === 'boolean' ? d.value : null;
};

const answerValue = (label) => (id) => {
  const a = label?.declarations?.[id];
  return a?.answer === 'yes' ? true : a?.answer === 'no' ? false : null;
};

function updatedCriterion(c, label) {
  if (!Array.isArray(c.declarations) || !c.declarations.length) return c;
  if (statusFromEvidence(c, reportValue(c)) !== c.status) return c;
  const valueOf = answerValue(label);
  const declarations = c.declarations.map((d) => {
    if (!isObject(d) || typeof d.id !== 'string') return d;
    const value = valueOf(d.id);
    const note = value === null ? undefined : str(label.declarations[d.id]?.note).trim();
    const out = { id: d.id, value };
    if (note) out.note = note;
    return out;
  });
  return { ...c, status: statusFromEvidence(c, valueOf), declarations };
}

export function withDeclarations(report, label) {
  if (!isObject(report) || !isObject(report.profiles)) return report;
  const profiles = {};
  for (const [id, p] of Object.entries(report.profiles)) {
    if (!isObject(p) || !Array.isArray(p.criteria)) { profiles[id] = p; continue; }
    const criteria = p.criteria.map((c) => (isObject(c) ? updatedCriterion(c, label) : c));
    const summary = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const c of criteria) if (isObject(c) && c.status in summary) summary[c.status] += 1;
    profiles[id] = { ...p, criteria, summary };
  }
  return { ...report, profiles };
}
