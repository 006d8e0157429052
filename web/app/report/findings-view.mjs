// The report view's findings (#report-findings): filters, then one collapsed group per failing
// check ("title — N pages", severity, the message and remediation once, the pages inside), then
// the checks that passed, were not applicable or could not see their evidence, in one collapsed
// section. A group's contents are built when it is first opened, and its page list shows
// PAGES_SHOWN pages, then PAGES_STEP more per click: a 1,000-page report never puts thousands of
// results in the DOM at once (FINDINGS_DOM_BUDGET in tests/browser/app-findings.test.mjs).
//
// renderFindings(ctx, anchors) → {section, done, openGroup(checkId)}
//   ctx: the report view's context (report-view.mjs), with ctx.filters kept across re-renders:
//   {severities: Set, page: '' | url | SITE_PAGE, family: '', query: '', showPassing: false}.
//   A search opens up to OPEN_ON_SEARCH of the failing groups it hits, each listing only the
//   matching pages; showPassing opens the section of other checks. anchors(checkId) → the element
//   id of that check's group (the fix list links to it). ctx.serverSnippets (optional):
//   (checkId, outcome) → [{server, label, language, code}] shown with the remediation
//   (snippet-blocks.mjs). openGroup(checkId) opens the check's group (clearing filters that hide
//   it), scrolls to it and focuses its summary; false when the check has no failing group.
//   done: a Promise resolved once the view is in (kept for callers that wait on it).
import { el, siteText, truncatedText, safeRefLink, uid } from './dom.mjs';
import { renderDetails, detailsSearchText } from './details.mjs';
import { libraryLines } from '../../host/library-lines.mjs';
import { foldForSearch } from './search-fold.mjs';
import { groupFindings } from './check-groups.mjs';
import { snippetBlocks } from './snippet-blocks.mjs';
import {
  SEVERITIES, FAMILIES, isObject, str, pick, checksOf, severityOf, familyOf, isFailing, titleOf, messageOf,
  remediationOf, referencesOf, failingCounts, stateOf,
} from './model.mjs';

export const SITE_PAGE = '\u0000site';
export const PAGES_SHOWN = 10;
export const PAGES_STEP = 100;
export const OPEN_ON_SEARCH = 10;
const MAX_LIBRARY_LINES = 12;
const SEV_ICON = { high: '▲', medium: '◆', low: '▼', info: '●' };
const STATE_ICON = { fail: '✗', pass: '✓', 'not-applicable': '–', 'not-captured': '?', error: '!' };

export function newFilters() {
  return { severities: new Set(SEVERITIES), page: '', family: '', query: '', showPassing: false };
}

export function severityBadge(sev, t) {
  return el('span', { class: 'pc-sev', 'data-severity': sev },
    el('span', { class: 'pc-icon', 'aria-hidden': 'true' }, SEV_ICON[sev] || '●'), ' ', t.severity[sev] || sev);
}

function stateBadge(state, t) {
  return el('span', { class: `pc-state pc-state-${state}`, 'data-state': state },
    el('span', { class: 'pc-icon', 'aria-hidden': 'true' }, STATE_ICON[state] || '–'), ' ', t.state[state] || state);
}

function pageLabel(page, t) {
  return page === null || page === undefined ? el('span', { class: 'pc-muted' }, t.sitePage) : truncatedText(str(page), 200, t);
}

// --- filters ---------------------------------------------------------------------------------

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

// The filters' test of one result (showPassing decides whether the other checks' section is
// open, not which results are kept).
function matcher(ctx) {
  const f = ctx.filters;
  const words = f.query ? foldForSearch(f.query).split(/\s+/).filter(Boolean) : [];
  return (result) => {
    if (isFailing(result) && !f.severities.has(severityOf(result))) return false;
    if (f.page === SITE_PAGE ? result.page !== null && result.page !== undefined : f.page && result.page !== f.page) return false;
    if (f.family && familyOf(ctx.ruleset, result) !== f.family) return false;
    if (words.length) {
      const hay = searchText(result, ctx);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
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
  for (const p of pages) pageSelect.append(el('option', { value: p }, p.length > 120 ? `${p.slice(0, 120)}…` : p));
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

  return el('div', { class: 'pc-filters', role: 'search', 'aria-label': t.filters },
    fieldset,
    labelled(pageSelect, t.pageFilter),
    labelled(famSelect, t.familyFilter),
    labelled(search, t.search, 'pc-field pc-search'),
    el('div', { class: 'pc-field pc-inline' }, pass, el('label', { for: passId }, t.showPassing)));
}

// --- one group ---------------------------------------------------------------------------------

// A result's evidence, built when its <details> is first opened.
function evidenceDetails(result, ctx, open = false) {
  const { t } = ctx;
  const details = el('details', { class: 'pc-evidence' }, el('summary', null, t.evidenceDetails));
  const fill = () => {
    if (details.dataset.filled) return;
    details.dataset.filled = '1';
    details.append(renderDetails(result.details, t));
  };
  details.addEventListener('toggle', fill);
  if (open) { details.open = true; fill(); }
  return details;
}

function pageItem(result, ctx) {
  const { t, lang, ruleset } = ctx;
  const state = stateOf(result);
  return el('li', { class: 'pc-page-item', 'data-state': state },
    pageLabel(result.page, t), ' · ', stateBadge(state, t), ' · ', `${t.outcome}: `, el('code', null, siteText(str(result.outcome))),
    state !== 'fail' && messageOf(ruleset, result, lang) ? el('span', { class: 'pc-muted' }, ' — ', siteText(messageOf(ruleset, result, lang))) : null,
    evidenceDetails(result, ctx));
}

// The group's page list: PAGES_SHOWN items, then a button adding PAGES_STEP more per click.
function pageList(results, ctx) {
  const { t } = ctx;
  const list = el('ul', { class: 'pc-plain pc-page-list' });
  let at = 0;
  const addUpTo = (n) => {
    const end = Math.min(results.length, at + n);
    const first = at;
    for (; at < end; at++) list.append(pageItem(results[at], ctx));
    return list.children[first] || null;
  };
  addUpTo(PAGES_SHOWN);
  if (at >= results.length) return list;
  const more = el('button', { type: 'button', class: 'pc-linkbtn pc-more-pages' });
  const label = () => { more.textContent = t.morePages(Math.min(PAGES_STEP, results.length - at), results.length - at); };
  label();
  more.addEventListener('click', () => {
    const first = addUpTo(PAGES_STEP);
    if (at >= results.length) more.remove(); else label();
    if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
  });
  return el('div', null, list, more);
}

// What the group says once: per distinct outcome its message, remediation and server examples;
// the libraries named; the Observatory result; the references.
function groupBody(group, ctx, failing) {
  const { ruleset, lang, t } = ctx;
  const body = [];
  const outcomes = [];
  for (const r of group.results) if (!outcomes.some((o) => o.outcome === r.outcome)) outcomes.push(r);
  for (const r of outcomes.slice(0, 12)) {
    const message = messageOf(ruleset, r, lang);
    const remediation = failing ? remediationOf(ruleset, r, lang) : '';
    const snippets = failing && typeof ctx.serverSnippets === 'function' ? snippetBlocks(ctx.serverSnippets(group.id, r.outcome), lang) : null;
    body.push(el('div', { class: 'pc-outcome' },
      outcomes.length > 1 ? el('p', { class: 'pc-finding-meta' }, `${t.outcome}: `, el('code', null, siteText(str(r.outcome)))) : null,
      message ? el('p', { class: 'pc-message' }, siteText(message)) : null,
      remediation ? el('p', { class: 'pc-remediation' }, el('strong', null, `${t.remediation}: `), siteText(remediation)) : null,
      snippets));
  }
  if (failing) {
    const libs = new Set();
    for (const r of group.results) {
      for (const line of libraryLines(r.details, lang)) if (libs.size < MAX_LIBRARY_LINES) libs.add(line);
      if (libs.size >= MAX_LIBRARY_LINES) break;
    }
    if (libs.size) body.push(el('ul', { class: 'pc-plain pc-libraries' }, [...libs].map((l) => el('li', null, siteText(l)))));
  }
  const obs = group.results.find((r) => isObject(r.observatory))?.observatory;
  if (obs) {
    body.push(el('p', { class: 'pc-muted pc-obs' }, `${t.observatory}: `, siteText(str(obs.test)), ' / ',
      el('code', null, siteText(str(obs.result))), ' / ', siteText(str(obs.modifier))));
  }
  const refs = referencesOf(ruleset, group.id);
  if (refs.length) {
    body.push(el('p', { class: 'pc-refs-h' }, `${t.references}:`),
      el('ul', { class: 'pc-plain pc-refs' }, refs.map((r) => el('li', null, safeRefLink(r.url, pick(r.title, lang) || str(r.title) || str(r.url)),
        isObject(r.title) ? null : el('span', { class: 'pc-muted' }, t.inEnglish)))));
  }
  body.push(el('p', { class: 'pc-pages-h' }, t.groupPages(group.pageCount)), pageList(group.results, ctx));
  return body;
}

// A collapsed <details> for one check; its body is built on first open (or at once when open).
function groupElement(group, ctx, { failing, open, id }) {
  const { t, ruleset, lang } = ctx;
  const pagesText = group.pages.length === 1 && group.pages[0] === null ? t.siteWide : t.pagesCount(group.pageCount);
  const badge = failing ? severityBadge(group.severity, t) : stateBadge(group.state, t);
  const details = el('details', { class: `pc-check-group ${failing ? 'pc-failing' : 'pc-other'}`, id, 'data-severity': failing ? group.severity : null,
    'data-state': failing ? 'fail' : group.state, 'data-key': group.id },
  el('summary', null, el('span', { class: 'pc-group-title' }, badge, ' ', el('strong', null, titleOf(ruleset, group.id, lang)), ` — ${pagesText}`),
    ' ', el('code', { class: 'pc-muted', title: t.checkId }, siteText(group.id))));
  const fillBody = () => {
    if (details.dataset.filled) return;
    details.dataset.filled = '1';
    details.append(el('div', { class: 'pc-group-body' }, groupBody(group, ctx, failing)));
  };
  details.addEventListener('toggle', () => { if (details.open) fillBody(); });
  if (open) { details.open = true; fillBody(); }
  return details;
}

function withPageCount(group) {
  const pages = group.pages ?? [...new Set(group.results.map((r) => (typeof r.page === 'string' ? r.page : null)))];
  return { ...group, pages, pageCount: pages.length };
}

// --- the whole list ----------------------------------------------------------------------------

function renderGroups(list, status, ctx, anchors) {
  const { t, report, filters } = ctx;
  const total = checksOf(report).length;
  const { failing, other, failingResults } = groupFindings(report, ctx.ruleset, matcher(ctx));
  status.textContent = t.shownGroups(failing.length, failingResults, total);
  const searching = !!filters.query;
  const nodes = failing.map((g, i) => groupElement(withPageCount(g), ctx, { failing: true, open: searching && i < OPEN_ON_SEARCH, id: anchors(g.id) }));
  if (!failing.length) nodes.push(el('p', { class: 'pc-empty' }, t.noFailing));
  if (other.length) {
    const counts = { pass: 0, 'not-applicable': 0, 'not-captured': 0, error: 0 };
    for (const g of other) for (const k of Object.keys(counts)) counts[k] += g.counts[k];
    const section = el('details', { class: 'pc-other-groups' },
      el('summary', null, t.otherGroups(other.length), el('span', { class: 'pc-muted' }, ` — ${t.otherCounts(counts)}`)));
    const fillOther = () => {
      if (section.dataset.filled) return;
      section.dataset.filled = '1';
      section.append(el('div', { class: 'pc-group-body' },
        other.map((g, i) => groupElement(withPageCount(g), ctx, { failing: false, open: searching && i < OPEN_ON_SEARCH, id: null }))));
    };
    section.addEventListener('toggle', () => { if (section.open) fillOther(); });
    if (filters.showPassing) { section.open = true; fillOther(); }
    nodes.push(section);
  }
  list.replaceChildren(...nodes);
}

export function renderFindings(ctx, anchors) {
  const { t } = ctx;
  const status = el('p', { class: 'pc-shown', role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'pc-results' });
  const update = () => renderGroups(list, status, ctx, anchors);
  const counts = failingCounts(ctx.report);
  const hid = uid('pc-find-h');
  const filtersBox = () => renderFilters(ctx, update);
  let filtersNode = filtersBox();
  const section = el('section', { class: 'pc-findings', id: 'report-findings', 'aria-labelledby': hid },
    el('h3', { id: hid }, t.findingsHeading),
    el('p', { class: 'pc-counts' }, `${t.failingCounts}: `, SEVERITIES.map((s, i) => [i ? ' · ' : '', severityBadge(s, t), ` ${counts[s]}`])),
    filtersNode, status, list);
  update();
  const openGroup = (checkId) => {
    let node = list.ownerDocument.getElementById(anchors(checkId));
    if (!node) {
      Object.assign(ctx.filters, newFilters(), { showPassing: ctx.filters.showPassing });
      const fresh = filtersBox();
      filtersNode.replaceWith(fresh);
      filtersNode = fresh;
      update();
      node = list.ownerDocument.getElementById(anchors(checkId));
    }
    if (!node) return false;
    node.open = true;
    node.dispatchEvent(new Event('toggle'));
    node.scrollIntoView({ block: 'start' });
    node.querySelector('summary')?.focus();
    return true;
  };
  return { section, done: Promise.resolve(), openGroup };
}
