// The report view (#report): header (target, versions, header grade), the profiles' criteria
// tables (status in the Decree 331/2026 Art. 22(6) wording, evidence with the half each check or
// declaration covers, citations by law era: citations.mjs), the findings with filters, and the
// engine's notices.
//
// renderReportView(container, ctx) → Promise resolved once the first page of finding cards is in
//   (they are added in batches, see progressive.mjs; the rest of the view is there at once),
//   where ctx = {report, ruleset, lang, t, filters, bundle, captureMethod}; the grade box of a
//   self-check (captureMethod "browser-same-origin") carries capture-caveat.mjs's caveat; a failed
//   bundle (ctx.bundle.state 'failed', render.mjs) gets its grade as plain text, never styled as
//   a grade; `filters` is a mutable object kept by the caller across re-renders (language
//   switch), so the user's filter choices survive: {severities: Set, page: '' | url | '\u0000site', family: '', query: '',
//   showPassing: false, groupBy: 'severity' | 'page'}.
// newFilters() → the default filters (failing results of every severity, grouped by severity).
import { el, fill, siteText, truncatedText, safeRefLink, uid } from './dom.mjs';
import { renderDetails, detailsSearchText } from './details.mjs';
import { citationsOf, renderCitations, renderCovers } from './citations.mjs';
import { libraryLines } from '../../host/library-lines.mjs';
import { appendInBatches } from './progressive.mjs';
import { foldForSearch } from './search-fold.mjs';
import { captureCaveat } from './capture-caveat.mjs';
import {
  SEVERITIES, FAMILIES, STATUSES, isObject, str, pick, checksOf, severityOf, familyOf, isFailing, titleOf,
  messageOf, remediationOf, referencesOf, declarationCatalogue, profileDef, reportProfiles, failingCounts,
  versionsLine,
} from './model.mjs';

export const SITE_PAGE = '\u0000site';
const PAGE_SIZE = 150;
const SEV_ICON = { high: '▲', medium: '◆', low: '▼', info: '●' };
const STATUS_ICON = { met: '✓', 'not-met': '✗', 'not-assessed': '!', 'needs-declaration': '?', 'not-applicable': '–' };

export function newFilters() {
  return { severities: new Set(SEVERITIES), page: '', family: '', query: '', showPassing: false, groupBy: 'severity' };
}

export function severityBadge(sev, t) {
  return el('span', { class: 'pc-sev', 'data-severity': sev },
    el('span', { class: 'pc-icon', 'aria-hidden': 'true' }, SEV_ICON[sev] || '●'), ' ', t.severity[sev] || sev);
}

export function statusBadge(status, t) {
  const known = STATUSES.includes(status);
  return el('span', { class: 'pc-status', 'data-status': known ? status : 'not-applicable' },
    el('span', { class: 'pc-icon', 'aria-hidden': 'true' }, STATUS_ICON[status] || '–'), ' ',
    known ? t.statusLabel[status] : str(status));
}

function pageLabel(page, t) {
  return page === null || page === undefined ? el('span', { class: 'pc-muted' }, t.sitePage) : truncatedText(str(page), 200, t);
}

// --- header -------------------------------------------------------------------------------

function renderHead(ctx) {
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
  return el('div', { class: 'pc-head' }, meta, renderGrade(ctx));
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
  const section = el('section', { class: 'pc-grade-box', 'aria-labelledby': hid }, el('h3', { id: hid }, t.gradeHeading));
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
  const counted = Array.isArray(g.counted) ? g.counted.filter((x) => typeof x === 'string') : [];
  if (counted.length) {
    const rows = counted.map((entry) => {
      const first = entry.indexOf(':');
      const last = entry.lastIndexOf(':');
      const test = first > 0 ? entry.slice(0, first) : entry;
      const result = first > 0 && last > first ? entry.slice(first + 1, last) : '';
      const mod = last > first ? entry.slice(last + 1) : '';
      return el('tr', null, el('th', { scope: 'row' }, siteText(test)), el('td', null, siteText(result, { code: true })), el('td', { class: 'pc-num' }, siteText(mod)));
    });
    section.append(el('details', { class: 'pc-counted' }, el('summary', null, t.gradeCounted),
      el('table', { class: 'pc-table' },
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, t.obsTest), el('th', { scope: 'col' }, t.obsResult), el('th', { scope: 'col' }, t.obsModifier))),
        el('tbody', null, rows))));
  }
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

export function criteriaTable(profile, ctx, { compact = false } = {}) {
  const { ruleset, lang, t } = ctx;
  const def = profileDef(ruleset, profile.id);
  const defCriteria = new Map((Array.isArray(def?.criteria) ? def.criteria : []).filter(isObject).map((c) => [c.id, c]));
  const head = [el('th', { scope: 'col' }, t.criterion), el('th', { scope: 'col' }, t.status), el('th', { scope: 'col' }, t.evidence),
    el('th', { scope: 'col' }, t.declarationsCol)];
  if (!compact) head.push(el('th', { scope: 'col' }, t.sources));
  const rows = profile.criteria.map((c) => {
    const d = defCriteria.get(c.id);
    const related = Array.isArray(d?.related_profiles) ? d.related_profiles.filter((x) => typeof x === 'string') : [];
    const cells = [
      el('th', { scope: 'row' }, el('span', { class: 'pc-crit-id' }, str(c.id)), ' ', pick(d?.title, lang) || '',
        d?.tier === 'advanced' ? el('span', { class: 'pc-tier' }, ` (${t.advancedTier})`) : null,
        isObject(d?.note) ? el('p', { class: 'pc-muted' }, pick(d.note, lang)) : null,
        related.length ? el('p', { class: 'pc-muted' }, `${t.relatedProfiles}: ${related.join(', ')}`) : null),
      el('td', null, statusBadge(c.status, t)),
      el('td', null, renderCriterionEvidence(c, d, ctx)),
      el('td', null, renderCriterionDeclarations(c, ctx)),
    ];
    if (!compact) cells.push(el('td', null, renderCitations(citationsOf(c, d, ruleset), ctx)));
    return el('tr', { 'data-status': STATUSES.includes(c.status) ? c.status : 'not-applicable' }, cells);
  });
  const caption = pick(def?.title, lang) || profile.id;
  return el('table', { class: 'pc-table pc-criteria' }, el('caption', null, `${t.profile}: ${caption}`),
    el('thead', null, el('tr', null, head)), el('tbody', null, rows));
}

export function statusCounts(profile) {
  const n = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const c of profile.criteria) if (c.status in n) n[c.status] += 1;
  return n;
}

export function renderCriteria(ctx) {
  const profiles = reportProfiles(ctx.report);
  if (!profiles.length) return null;
  const { t } = ctx;
  const hid = uid('pc-crit-h');
  return el('section', { class: 'pc-criteria-box', 'aria-labelledby': hid }, el('h3', { id: hid }, t.criteriaHeading),
    el('p', { class: 'pc-muted pc-status-wording' }, t.statusWording),
    el('p', { class: 'pc-muted pc-law-legend' }, t.lawLegend),
    profiles.map((p) => el('div', { class: 'pc-table-wrap' },
      criteriaTable(p, ctx),
      el('p', { class: 'pc-muted' }, t.statusCounts(statusCounts(p))))));
}

// --- findings --------------------------------------------------------------------------------

export function findingCard(result, ctx, headingLevel = 'h5') {
  const { ruleset, lang, t } = ctx;
  const sev = severityOf(result);
  const failing = isFailing(result);
  const card = el('article', { class: `pc-finding${failing ? ' pc-failing' : ' pc-passing'}`, 'data-severity': sev });
  const hid = uid('pc-f');
  card.setAttribute('aria-labelledby', hid);
  card.append(
    el(headingLevel, { id: hid, class: 'pc-finding-title' }, severityBadge(sev, t), ' ', titleOf(ruleset, result.id, lang)),
    el('p', { class: 'pc-finding-meta' },
      el('span', { class: failing ? 'pc-verdict pc-verdict-fail' : 'pc-verdict pc-verdict-pass' }, failing ? `✗ ${t.fail}` : `✓ ${t.pass}`),
      ' · ', el('code', { title: t.checkId }, siteText(str(result.id))),
      ' · ', `${t.outcome}: `, el('code', null, siteText(str(result.outcome))),
      ' · ', `${t.page}: `, pageLabel(result.page, t)));
  const message = messageOf(ruleset, result, lang);
  if (message) card.append(el('p', { class: 'pc-message' }, siteText(message)));
  const libs = libraryLines(result.details, lang);
  if (libs.length) card.append(el('ul', { class: 'pc-plain pc-libraries' }, libs.map((l) => el('li', null, siteText(l)))));
  const remediation = failing ? remediationOf(ruleset, result, lang) : '';
  if (remediation) card.append(el('p', { class: 'pc-remediation' }, el('strong', null, `${t.remediation}: `), siteText(remediation)));
  if (isObject(result.observatory)) {
    const o = result.observatory;
    card.append(el('p', { class: 'pc-muted pc-obs' }, `${t.observatory}: `, siteText(str(o.test)), ' / ',
      el('code', null, siteText(str(o.result))), ' / ', siteText(str(o.modifier))));
  }
  const details = el('details', { class: 'pc-evidence', open: failing });
  details.append(el('summary', null, t.evidenceDetails));
  const fillEvidence = () => {
    if (details.dataset.filled) return;
    details.dataset.filled = '1';
    details.append(renderDetails(result.details, t));
    const refs = referencesOf(ruleset, result.id);
    if (refs.length) {
      details.append(el('p', { class: 'pc-refs-h' }, `${t.references}:`),
        el('ul', { class: 'pc-plain pc-refs' }, refs.map((r) => el('li', null, safeRefLink(r.url, pick(r.title, lang) || str(r.title) || str(r.url))))));
    }
  };
  if (failing) fillEvidence();
  else details.addEventListener('toggle', fillEvidence);
  card.append(details);
  return card;
}

function searchText(result, ctx) {
  const cacheKey = `search:${ctx.lang}`;
  if (!ctx.cache.has(result)) ctx.cache.set(result, {});
  const entry = ctx.cache.get(result);
  if (entry[cacheKey] === undefined) {
    entry[cacheKey] = foldForSearch([result.id, result.outcome, titleOf(ctx.ruleset, result.id, ctx.lang), messageOf(ctx.ruleset, result, ctx.lang),
      remediationOf(ctx.ruleset, result, ctx.lang), str(result.page), detailsSearchText(result.details)].join('\n'));
  }
  return entry[cacheKey];
}

function matches(result, ctx) {
  const f = ctx.filters;
  if (!f.showPassing && !isFailing(result)) return false;
  if (!f.severities.has(severityOf(result))) return false;
  if (f.page === SITE_PAGE ? result.page !== null && result.page !== undefined : f.page && result.page !== f.page) return false;
  if (f.family && familyOf(ctx.ruleset, result) !== f.family) return false;
  if (f.query) {
    const words = foldForSearch(f.query).split(/\s+/).filter(Boolean);
    const hay = searchText(result, ctx);
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

// The report's pages (its page list, then any other page a result names) and whether any result
// is site-wide; computed once per results list (checksOf).
const pagesCache = new WeakMap();
function pagesOf(report) {
  const checks = checksOf(report);
  if (!pagesCache.has(checks)) pagesCache.set(checks, collectPages(report, checks));
  return pagesCache.get(checks);
}

function collectPages(report, checks) {
  const seen = new Set();
  const pages = [];
  for (const p of Array.isArray(report.pages) ? report.pages : []) if (typeof p === 'string' && !seen.has(p)) { seen.add(p); pages.push(p); }
  let site = false;
  for (const r of checks) {
    if (r.page === null || r.page === undefined) site = true;
    else if (typeof r.page === 'string' && !seen.has(r.page)) { seen.add(r.page); pages.push(r.page); }
  }
  return { pages, site };
}

function labelled(control, text, cls) {
  const id = uid('pc-ctl');
  control.id = id;
  return el('div', { class: cls || 'pc-field' }, el('label', { for: id }, text), control);
}

function renderFilters(ctx, onChange) {
  const { report, t, filters } = ctx;
  const counts = failingCounts(report);
  const fieldset = el('fieldset', { class: 'pc-sev-filter' }, el('legend', null, t.severityFilter));
  for (const sev of SEVERITIES) {
    const id = uid('pc-sev');
    const box = el('input', { type: 'checkbox', id, checked: filters.severities.has(sev) });
    box.addEventListener('change', () => {
      if (box.checked) filters.severities.add(sev); else filters.severities.delete(sev);
      onChange();
    });
    fieldset.append(el('span', { class: 'pc-check' }, box, el('label', { for: id }, severityBadge(sev, t), ` (${counts[sev]})`)));
  }

  const { pages, site } = pagesOf(report);
  const pageSelect = el('select', null, el('option', { value: '' }, t.allPages));
  for (const p of pages) {
    const o = el('option', { value: p }, p.length > 120 ? `${p.slice(0, 120)}…` : p);
    pageSelect.append(o);
  }
  if (site) pageSelect.append(el('option', { value: SITE_PAGE }, t.sitePage));
  pageSelect.value = filters.page;
  if (pageSelect.value !== filters.page) filters.page = '';
  pageSelect.addEventListener('change', () => { filters.page = pageSelect.value; onChange(); });

  const famSelect = el('select', null, el('option', { value: '' }, t.allFamilies), FAMILIES.map((f) => el('option', { value: f }, t.family[f])));
  famSelect.value = filters.family;
  famSelect.addEventListener('change', () => { filters.family = famSelect.value; onChange(); });

  const search = el('input', { type: 'search', placeholder: t.searchHint, autocomplete: 'off', spellcheck: 'false' });
  search.value = filters.query;
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { filters.query = search.value.trim(); onChange(); }, 150);
  });

  const passId = uid('pc-pass');
  const pass = el('input', { type: 'checkbox', id: passId, checked: filters.showPassing });
  pass.addEventListener('change', () => { filters.showPassing = pass.checked; onChange(); });

  const group = el('fieldset', { class: 'pc-group-by' }, el('legend', null, t.groupBy));
  const groupName = uid('pc-grp-name');
  for (const [value, text] of [['severity', t.groupSeverity], ['page', t.groupPage]]) {
    const id = uid('pc-grp');
    const radio = el('input', { type: 'radio', name: groupName, id, value, checked: filters.groupBy === value });
    radio.addEventListener('change', () => { if (radio.checked) { filters.groupBy = value; onChange(); } });
    group.append(el('span', { class: 'pc-check' }, radio, el('label', { for: id }, text)));
  }

  return el('div', { class: 'pc-filters', role: 'search', 'aria-label': t.filters },
    fieldset,
    labelled(pageSelect, t.pageFilter),
    labelled(famSelect, t.familyFilter),
    labelled(search, t.search, 'pc-field pc-search'),
    el('div', { class: 'pc-field pc-inline' }, pass, el('label', { for: passId }, t.showPassing)),
    group);
}

function groupResults(results, ctx) {
  const { filters, t } = ctx;
  if (filters.groupBy === 'page') {
    const { pages } = pagesOf(ctx.report);
    const order = new Map(pages.map((p, i) => [p, i]));
    const groups = new Map();
    for (const r of results) {
      const key = r.page === null || r.page === undefined ? SITE_PAGE : str(r.page);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === SITE_PAGE) - (b === SITE_PAGE) || (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    return keys.map((k) => ({
      key: k,
      heading: k === SITE_PAGE ? t.sitePage : k,
      site: true,
      items: groups.get(k).sort((a, b) => SEVERITIES.indexOf(severityOf(a)) - SEVERITIES.indexOf(severityOf(b)) || (isFailing(b) - isFailing(a))),
    }));
  }
  return SEVERITIES.map((sev) => ({ key: sev, sev, items: results.filter((r) => severityOf(r) === sev).sort((a, b) => isFailing(b) - isFailing(a)) }))
    .filter((g) => g.items.length);
}

// The current render of each results list: a newer renderResults makes the older one's remaining
// batches stop.
const listGeneration = new WeakMap();

// Fills `list` with the results that pass the filters: group headings at once, the first PAGE_SIZE
// cards in batches (progressive.mjs), then the "show more" button. → Promise resolved when this
// render's cards are all in (or a newer render replaced it).
function renderResults(list, status, ctx) {
  const { t, report } = ctx;
  const generation = (listGeneration.get(list) || 0) + 1;
  listGeneration.set(list, generation);
  const isCurrent = () => listGeneration.get(list) === generation;
  const all = checksOf(report);
  const results = all.filter((r) => matches(r, ctx));
  status.textContent = t.shown(results.length, all.length);
  const groups = groupResults(results, ctx);
  const nodes = [];
  const firstPage = [];
  const pending = [];
  for (const g of groups) {
    const hid = uid('pc-g');
    const heading = g.sev
      ? el('h4', { id: hid }, severityBadge(g.sev, t), ` (${g.items.length})`)
      : el('h4', { id: hid, class: 'pc-page-h' }, g.key === SITE_PAGE ? g.heading : siteText(g.heading), ` (${g.items.length})`);
    const section = el('section', { class: 'pc-group', 'aria-labelledby': hid }, heading);
    const body = el('div', { class: 'pc-group-body' });
    section.append(body);
    for (const r of g.items) (firstPage.length < PAGE_SIZE ? firstPage : pending).push([body, r]);
    nodes.push(section);
  }
  if (!results.length) nodes.push(el('p', { class: 'pc-empty' }, t.none));
  list.replaceChildren(...nodes);
  const appendCard = ([body, r]) => {
    const card = findingCard(r, ctx);
    body.append(card);
    return card;
  };
  return appendInBatches(firstPage, appendCard, { isCurrent }).then((complete) => {
    if (!complete || !pending.length) return;
    const more = el('button', { type: 'button', class: 'pc-btn pc-more-results' }, t.showMore(Math.min(PAGE_SIZE, pending.length)));
    more.addEventListener('click', () => {
      const batch = pending.splice(0, PAGE_SIZE);
      more.disabled = true;
      let first = null;
      appendInBatches(batch, (item) => {
        const card = appendCard(item);
        if (!first) {
          first = card;
          card.setAttribute('tabindex', '-1');
          card.focus();
        }
      }, { isCurrent }).then(() => {
        more.disabled = false;
        if (pending.length) more.textContent = t.showMore(Math.min(PAGE_SIZE, pending.length));
        else more.remove();
      });
    });
    list.append(more);
  });
}

function renderFindings(ctx) {
  const { t } = ctx;
  const hid = uid('pc-find-h');
  const status = el('p', { class: 'pc-shown', role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'pc-results' });
  let done = null;
  const update = () => { done = renderResults(list, status, ctx); };
  const counts = failingCounts(ctx.report);
  const section = el('section', { class: 'pc-findings', 'aria-labelledby': hid },
    el('h3', { id: hid }, t.findingsHeading),
    el('p', { class: 'pc-counts' }, `${t.failingCounts}: `, SEVERITIES.map((s, i) => [i ? ' · ' : '', severityBadge(s, t), ` ${counts[s]}`])),
    renderFilters(ctx, update), status, list);
  update();
  return { section, done };
}

export function renderReportView(container, ctx) {
  const { report, t } = ctx;
  if (!isObject(report)) {
    fill(container, el('p', null, t.noReport));
    return Promise.resolve();
  }
  const findings = renderFindings(ctx);
  fill(container,
    renderHead(ctx),
    renderNotices(ctx),
    renderCriteria(ctx),
    findings.section,
  );
  return findings.done;
}
