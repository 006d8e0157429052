// The report view (#report): header (target, versions) beside the header grade (#report-grade,
// with its Observatory-style table: observatory-table.mjs) and the fix list under it
// (fix-list.mjs), the engine's notices, the profiles' criteria tables (#report-criteria: status in
// the Decree 331/2026 Art. 22(6) wording, evidence with the half each check or declaration
// covers, citations by law era: citations.mjs), and the findings grouped per check
// (#report-findings: findings-view.mjs).
//
// renderReportView(container, ctx) → Promise resolved once the view is in, where ctx = {report,
//   ruleset, lang, t, filters, bundle, captureMethod, gradedHeaders, serverSnippets}; the grade
//   box of a self-check (captureMethod "browser-same-origin") carries capture-caveat.mjs's
//   caveat; a failed bundle (ctx.bundle.state 'failed', render.mjs) gets its grade as plain text,
//   never styled as a grade, and neither the Observatory table nor the fix list; `filters` is a
//   mutable object kept by the caller across re-renders (language switch), so the user's filter
//   choices survive (findings-view.mjs newFilters).
import { el, fill, siteText, truncatedText, uid } from './dom.mjs';
import { citationsOf, renderCitations, renderCovers } from './citations.mjs';
import { captureCaveat } from './capture-caveat.mjs';
import { renderFindings, severityBadge, newFilters, SITE_PAGE } from './findings-view.mjs';
import { renderFixList } from './fix-list.mjs';
import { renderObservatoryTable } from './observatory-table.mjs';
import {
  STATUSES, isObject, str, pick, titleOf, declarationCatalogue, profileDef, reportProfiles, versionsLine,
} from './model.mjs';

export { severityBadge, newFilters, SITE_PAGE };
const STATUS_ICON = { met: '✓', 'not-met': '✗', 'not-assessed': '!', 'needs-declaration': '?', 'not-applicable': '–' };


export function statusBadge(status, t) {
  const known = STATUSES.includes(status);
  return el('span', { class: 'pc-status', 'data-status': known ? status : 'not-applicable' },
    el('span', { class: 'pc-icon', 'aria-hidden': 'true' }, STATUS_ICON[status] || '–'), ' ',
    known ? t.statusLabel[status] : str(status));
}


// --- header -------------------------------------------------------------------------------

function renderHead(ctx, fixList) {
  const { report, t } = ctx;
  const v = versionsLine(report);
  const meta = el('dl', { class: 'pc-meta-list' },
    el('dt', null, t.target), el('dd', null, report.target ? truncatedText(str(report.target), 300, t) : t.empty),
    el('dt', null, t.engine), el('dd', null, v.engine),
    el('dt', null, t.ruleset), el('dd', null, v.ruleset || t.empty));
  if (isObject(report.summary)) {
    meta.append(el('dt', null, t.inputSummary), el('dd', null,
      t.summaryLine({ entries: Number(report.summary.entries) || 0, pages: Number(report.summary.pages) || 0 })));
  }
  return el('div', { class: 'pc-head' }, meta, el('div', { class: 'pc-grade-col' }, renderGrade(ctx), fixList));
}

export function gradeClass(letter) {
  const l = str(letter).charAt(0);
  if (l === 'A') return 'pc-grade-a';
  if (l === 'B' || l === 'C') return 'pc-grade-c';
  return 'pc-grade-f';
}

function renderGrade(ctx) {
  const { report, t } = ctx;
  const g = isObject(report.grade) ? report.grade : null;
  const hid = uid('pc-grade-h');
  const section = el('section', { class: 'pc-grade-box', id: 'report-grade', 'aria-labelledby': hid }, el('h3', { id: hid }, t.gradeHeading));
  if (!g || typeof g.grade !== 'string') {
    // No grade: say why (the engine's reason, in the UI's language) and which graded checks it
    // would have needed; never a letter or a score.
    const reason = g && isObject(g.reason) ? pick(g.reason, ctx.lang) : '';
    section.append(el('p', { class: 'pc-no-grade', role: 'status' }, el('strong', null, t.noGrade)));
    if (reason) section.append(el('p', null, reason));
    const caveat = captureCaveat(ctx);
    if (caveat) section.append(caveat);
    return section;
  }
  if (ctx.bundle?.state === 'failed') {
    // A failed bundle's grade is what the bundle claims, not a result: plain text, no grade styling.
    section.append(el('p', { class: 'pc-grade-void' }, siteText(t.gradeVoid(str(g.grade), str(g.score)))));
    return section;
  }
  section.append(
    el('p', { class: 'pc-grade-line' },
      el('span', { class: `pc-grade-letter ${gradeClass(g.grade)}` }, el('span', { class: 'pc-sr' }, `${t.grade} `), str(g.grade)),
      el('span', { class: 'pc-grade-score' }, `${t.score}: `, el('strong', null, str(g.score)), ' / 100')),
    el('p', null, `${t.gradedPage}: `, g.page ? truncatedText(str(g.page), 200, t) : t.empty),
    el('p', { class: 'pc-muted' }, t.gradeNote));
  const caveat = captureCaveat(ctx);
  if (caveat) section.append(caveat);
  const uncounted = Array.isArray(g.uncounted) ? g.uncounted.filter((x) => typeof x === 'string') : [];
  if (uncounted.length)
    section.append(el('p', { class: 'pc-uncounted' }, t.gradeUncounted, ' ',
      uncounted.map((id, i) => [i ? ', ' : '', el('span', { title: id }, titleOf(ctx.ruleset, id, ctx.lang))])));
  const table = renderObservatoryTable(ctx);
  if (table) section.append(table);
  return section;
}

function renderNotices(ctx) {
  const { report, t } = ctx;
  const notices = Array.isArray(report.notices) ? report.notices.filter(isObject) : [];
  if (!notices.length) return null;
  const hid = uid('pc-notices-h');
  return el('section', { class: 'pc-notices', 'aria-labelledby': hid }, el('h3', { id: hid }, t.notices),
    el('ul', null, notices.slice(0, 500).map((n) => el('li', null,
      el('code', null, siteText(str(n.code))),
      typeof n.entry === 'number' ? ` (${t.noticeEntry(n.entry)})` : '', ': ', truncatedText(str(n.message), 400, t)))));
}

// --- criteria ------------------------------------------------------------------------------

export function findingLine(f, ctx) {
  const { ruleset, lang, t } = ctx;
  return el('li', { class: `pc-effect-${str(f.effect)}` },
    el('span', { class: 'pc-effect' }, `${t.effect[f.effect] || str(f.effect)}: `),
    titleOf(ruleset, f.check, lang), ' ', el('code', null, siteText(str(f.outcome))),
    f.page ? [' — ', truncatedText(str(f.page), 120, t)] : [' — ', el('span', { class: 'pc-muted' }, t.sitePage)]);
}

function renderCriterionEvidence(c, def, ctx) {
  const { t, ruleset, lang } = ctx;
  const cell = [];
  const findings = Array.isArray(c.findings) ? c.findings.filter(isObject) : [];
  const shown = findings.filter((f) => f.effect !== 'passes');
  const passes = findings.length - shown.length;
  if (c.min_grade) cell.push(el('p', null, t.minGrade(str(c.min_grade))));
  const checks = Array.isArray(c.checks) ? c.checks : [];
  if (!checks.length && !c.min_grade) cell.push(el('p', { class: 'pc-muted' }, t.noChecks));
  else if (checks.length) cell.push(el('p', { class: 'pc-checks' }, checks.map((id, i) => [i ? ', ' : '', el('span', { title: str(id) }, titleOf(ruleset, id, lang))])));
  if (shown.length) {
    const list = el('ul', { class: 'pc-plain pc-crit-findings' }, shown.slice(0, 5).map((f) => findingLine(f, ctx)));
    const more = shown.length - 5 + (Number(c.findings_omitted) || 0);
    if (more > 0) list.append(el('li', { class: 'pc-muted' }, t.findingsOmitted(more)));
    cell.push(list);
  }
  if (passes > 0) cell.push(el('p', { class: 'pc-muted' }, t.morePasses(passes)));
  const covers = renderCovers(def, ctx);
  if (covers) cell.push(covers);
  return cell;
}

function renderCriterionDeclarations(c, ctx) {
  const { ruleset, lang, t } = ctx;
  const decls = Array.isArray(c.declarations) ? c.declarations.filter(isObject) : [];
  if (!decls.length) return el('span', { class: 'pc-muted' }, t.empty);
  const catalogue = new Map(declarationCatalogue(ruleset).map((d) => [d.id, d]));
  return el('ul', { class: 'pc-plain' }, decls.map((d) => {
    const key = d.value === true ? 'true' : d.value === false ? 'false' : 'null';
    return el('li', null, pick(catalogue.get(d.id)?.title, lang) || str(d.id), ': ',
      el('span', { class: `pc-decl pc-decl-${key}` }, t.declValue[key]),
      d.note ? [' — ', truncatedText(str(d.note), 200, t)] : '');
  }));
}

// criteriaTable(profile, ctx, {compact, folded}) → the profile's criteria as a table. compact: no
// sources column (the dossier's). folded (the report view's): three columns, the criterion, its
// status, and its evidence, declarations and sources in a collapsed <details> per row, so a
// phone shows eleven short rows rather than a table tens of screens tall.
export function criteriaTable(profile, ctx, { compact = false, folded = false } = {}) {
  const { ruleset, lang, t } = ctx;
  const def = profileDef(ruleset, profile.id);
  const defCriteria = new Map((Array.isArray(def?.criteria) ? def.criteria : []).filter(isObject).map((c) => [c.id, c]));
  const head = [el('th', { scope: 'col' }, t.criterion), el('th', { scope: 'col' }, t.status)];
  if (folded) head.push(el('th', { scope: 'col' }, t.criterionDetails));
  else {
    head.push(el('th', { scope: 'col' }, t.evidence), el('th', { scope: 'col' }, t.declarationsCol));
    if (!compact) head.push(el('th', { scope: 'col' }, t.sources));
  }
  const rows = profile.criteria.map((c) => {
    const d = defCriteria.get(c.id);
    const related = Array.isArray(d?.related_profiles) ? d.related_profiles.filter((x) => typeof x === 'string') : [];
    const cells = [
      el('th', { scope: 'row' }, el('span', { class: 'pc-crit-id' }, str(c.id)), ' ', pick(d?.title, lang) || '',
        d?.tier === 'advanced' ? el('span', { class: 'pc-tier' }, ` (${t.advancedTier})`) : null,
        isObject(d?.note) ? el('p', { class: 'pc-muted' }, pick(d.note, lang)) : null,
        related.length ? el('p', { class: 'pc-muted' }, `${t.relatedProfiles}: ${related.join(', ')}`) : null),
      el('td', null, statusBadge(c.status, t)),
    ];
    if (folded) {
      cells.push(el('td', null, el('details', { class: 'pc-crit-more' }, el('summary', null, t.criterionDetails),
        el('p', { class: 'pc-crit-part' }, `${t.evidence}:`), renderCriterionEvidence(c, d, ctx),
        el('p', { class: 'pc-crit-part' }, `${t.declarationsCol}:`), renderCriterionDeclarations(c, ctx),
        el('p', { class: 'pc-crit-part' }, `${t.sources}:`), renderCitations(citationsOf(c, d, ruleset), ctx))));
    } else {
      cells.push(el('td', null, renderCriterionEvidence(c, d, ctx)), el('td', null, renderCriterionDeclarations(c, ctx)));
      if (!compact) cells.push(el('td', null, renderCitations(citationsOf(c, d, ruleset), ctx)));
    }
    return el('tr', { 'data-status': STATUSES.includes(c.status) ? c.status : 'not-applicable' }, cells);
  });
  const caption = pick(def?.title, lang) || profile.id;
  return el('table', { class: `pc-table pc-criteria${folded ? ' pc-folded' : ''}` }, el('caption', null, `${t.profile}: ${caption}`),
    el('thead', null, el('tr', null, head)), el('tbody', null, rows));
}

export function statusCounts(profile) {
  const n = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const c of profile.criteria) if (c.status in n) n[c.status] += 1;
  return n;
}

function renderCriteria(ctx) {
  const profiles = reportProfiles(ctx.report);
  if (!profiles.length) return null;
  const { t } = ctx;
  const hid = uid('pc-crit-h');
  return el('section', { class: 'pc-criteria-box', id: 'report-criteria', 'aria-labelledby': hid }, el('h3', { id: hid }, t.criteriaHeading),
    el('p', { class: 'pc-muted pc-status-wording' }, t.statusWording),
    el('p', { class: 'pc-muted pc-law-legend' }, t.lawLegend),
    profiles.map((p) => el('div', { class: 'pc-table-wrap' },
      criteriaTable(p, ctx, { folded: true }),
      el('p', { class: 'pc-muted' }, t.statusCounts(statusCounts(p))))));
}

export function renderReportView(container, ctx) {
  const { report, t } = ctx;
  if (!isObject(report)) {
    fill(container, el('p', null, t.noReport));
    return Promise.resolve();
  }
  // Element ids of the findings' check groups, generated here (never from report data) so the
  // fix list, rendered first, can link to groups rendered after it.
  const anchorIds = new Map();
  const anchors = (checkId) => {
    if (!anchorIds.has(checkId)) anchorIds.set(checkId, `pc-check-${anchorIds.size + 1}`);
    return anchorIds.get(checkId);
  };
  let findings = null;
  const openGroup = (checkId) => findings?.openGroup(checkId) ?? false;
  const head = renderHead(ctx, renderFixList(ctx, anchors, openGroup));
  findings = renderFindings(ctx, anchors);
  fill(container,
    head,
    renderNotices(ctx),
    renderCriteria(ctx),
    findings.section,
  );
  return findings.done;
}
