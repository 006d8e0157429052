// The dossier's criteria table, one row per requirement in the per-requirement format of Decree
// 331/2026/NĐ-CP (Art. 22(6): the deployment for each requirement; Art. 36(10): each criterion or
// requirement "đã đáp ứng đầy đủ" / "chưa đáp ứng đầy đủ", with the plan or roadmap for those not
// met): requirement (id, title), its basis (the profile's citations, current law first, then the
// legacy framework, each with its clause and how far it is confirmed, as the profile words it: a
// clause "to confirm" says so; a criterion with no current-law citation says that), the result in the decree's wording with the tool's reason, and an empty
// column for the organisation's plan.
//
// dossierCriteria(ctx, d) → <section> or null when the report has no profile. ctx.report: the report
//   whose criteria already follow the checklist's answers (criteria-status.mjs).
import { el, siteText } from './dom.mjs';
import { str, pick, isObject, profileDef, reportProfiles } from './model.mjs';
import { citationsOf, renderCitations } from './citations.mjs';
import { statusCounts } from './report-view.mjs';

function resultCell(status, d) {
  if (status === 'met') return el('strong', { class: 'pc-d-met' }, d.fullyMet);
  if (status === 'not-applicable') return el('span', null, d.notApplicable);
  return [el('strong', { class: 'pc-d-notmet' }, d.notFullyMet), d.reason[status] ? [el('br'), `(${d.reason[status]})`] : null];
}

function profileTable(profile, ctx, d) {
  const { ruleset, lang, t } = ctx;
  const def = profileDef(ruleset, profile.id);
  const defs = new Map((Array.isArray(def?.criteria) ? def.criteria : []).filter(isObject).map((c) => [c.id, c]));
  const rows = profile.criteria.map((c, i) => {
    const cd = defs.get(c.id);
    const citations = citationsOf(c, cd, ruleset);
    const current = citations.filter((x) => x.law === 'current');
    return el('tr', { 'data-status': str(c.status), 'data-key': str(c.id) },
      el('td', { class: 'pc-num' }, String(i + 1)),
      el('th', { scope: 'row' }, el('span', { class: 'pc-crit-id' }, siteText(str(c.id))), ' ', pick(cd?.title, lang) || ''),
      el('td', null, current.length ? null : el('p', { class: 'pc-muted' }, d.noCurrentBasis), renderCitations(citations, ctx)),
      el('td', { class: 'pc-d-result' }, resultCell(str(c.status), d)),
      el('td', { class: 'pc-d-plan' }, ''));
  });
  return el('table', { class: 'pc-table pc-d-criteria' },
    el('caption', null, `${t.profile}: ${pick(def?.title, lang) || profile.id}`),
    el('thead', null, el('tr', null, [d.colNo, d.colRequirement, d.colBasis, d.colResult, d.colPlan].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows));
}

export function dossierCriteria(ctx, d) {
  const profiles = reportProfiles(ctx.report);
  if (!profiles.length) return null;
  return el('section', { class: 'pc-d-section', id: 'pc-d-criteria' }, el('h3', null, ctx.t.criteriaHeading),
    el('p', { class: 'pc-status-wording' }, d.criteriaIntro),
    el('p', { class: 'pc-status-wording' }, ctx.t.statusWording),
    el('p', { class: 'pc-law-legend' }, ctx.t.lawLegend),
    profiles.map((p) => [profileTable(p, ctx, d), el('p', null, ctx.t.statusCounts(statusCounts(p)))]));
}
