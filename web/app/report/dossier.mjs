// The printable label dossier: hidden on screen, the only thing printed (report.css and dossier.css
// @media print: A4, page numbers "Trang x/y" in the page margin). In order: the head of a
// Vietnamese administrative document (dossier-head.mjs: organisation and "Số: …", national name
// and motto, place and date, title), the site, the evidence capture time, grade, versions and
// organisation; a summary of the results; the criteria, one row per requirement in the wording of
// Decree 331/2026 (dossier-criteria.mjs); the libraries with advisories (dossier-libraries.mjs);
// the failing findings with remediation (one entry per check and outcome, with the pages it was
// found on); the declarations; every section digest of the evidence bundle and the key fingerprint
// or "not signed" (dossier-bundle.mjs); the versions; the signature and seal space. Same safety
// rules as the report view: text nodes only.
//
// buildDossier(ctx) → <article class="pc-dossier"> where ctx = {report, ruleset, lang, t, label,
//   bundle, bundleInfo, captureMethod, now?} (a self-check's grade carries capture-caveat.mjs's
//   caveat; now: the document's date, default the current time). ctx.report's criteria follow the
//   checklist's answers (render.mjs, criteria-status.mjs). ctx.bundle (render.mjs, an opened
//   evidence bundle): 'intact' puts a visible "signer not verified" stamp on the cover (with the
//   fingerprint, or "unsigned"); 'verified' names the trusted signer's organisation. The
//   organisation and declarations come from ctx.label, which render.mjs sets to the bundle's own
//   for an opened bundle.
import { el, siteText, visibleString } from './dom.mjs';
import {
  SEVERITIES, isObject, str, pick, checksOf, severityOf, isFailing, titleOf, messageOf, remediationOf,
  reportProfiles, failingCounts, versionsLine,
} from './model.mjs';
import { severityBadge, statusCounts, gradeClass } from './report-view.mjs';
import { ORG_FIELDS, neededDeclarations } from './checklist.mjs';
import { captureCaveat } from './capture-caveat.mjs';
import { libraryLines } from '../../host/library-lines.mjs';
import { dossierStrings } from '../i18n/dossier.mjs';
import { dossierHead } from './dossier-head.mjs';
import { dossierCriteria } from './dossier-criteria.mjs';
import { dossierLibraries } from './dossier-libraries.mjs';
import { dossierBundle, dossierSignature } from './dossier-bundle.mjs';

// At most this many distinct library lines (web/host/library-lines.mjs) per finding group.
const MAX_LIBRARY_LINES = 40;

const MAX_PAGES_PER_FINDING = 12;

function orgTable(ctx) {
  const { t, label } = ctx;
  const org = label?.organization || {};
  return el('table', { class: 'pc-table pc-d-org' }, el('tbody', null, ORG_FIELDS.map((k) => {
    const v = str(org[k]).trim();
    return el('tr', null, el('th', { scope: 'row' }, t.org[k]),
      el('td', null, v ? siteText(v) : el('span', { class: 'pc-muted' }, t.dossierNotFilled)));
  })));
}

function failingGroups(ctx) {
  const { report } = ctx;
  const groups = new Map();
  for (const r of checksOf(report)) {
    if (!isFailing(r)) continue;
    const key = `${str(r.id)}\u0000${str(r.outcome)}`;
    if (!groups.has(key)) groups.set(key, { result: r, sev: severityOf(r), pages: [], libraries: new Set() });
    const g = groups.get(key);
    for (const line of libraryLines(r.details, ctx.lang)) if (g.libraries.size < MAX_LIBRARY_LINES) g.libraries.add(line);
    if (SEVERITIES.indexOf(severityOf(r)) < SEVERITIES.indexOf(g.sev)) g.sev = severityOf(r);
    g.pages.push(r.page);
  }
  return [...groups.values()].sort((a, b) => SEVERITIES.indexOf(a.sev) - SEVERITIES.indexOf(b.sev)
    || str(a.result.id).localeCompare(str(b.result.id)));
}

function findingsSection(ctx) {
  const { t, ruleset, lang } = ctx;
  const groups = failingGroups(ctx);
  const counts = failingCounts(ctx.report);
  const items = groups.map((g) => {
    const r = g.result;
    const pages = g.pages.slice(0, MAX_PAGES_PER_FINDING).map((p) => el('li', null, p === null || p === undefined ? t.sitePage : siteText(visibleString(str(p)).slice(0, 300))));
    if (g.pages.length > MAX_PAGES_PER_FINDING) pages.push(el('li', { class: 'pc-muted' }, t.findingsOmitted(g.pages.length - MAX_PAGES_PER_FINDING)));
    return el('li', { class: 'pc-d-finding', 'data-severity': g.sev },
      el('h4', null, severityBadge(g.sev, t), ' ', titleOf(ruleset, r.id, lang), ' ', el('code', { class: 'pc-muted' }, siteText(`${str(r.id)} · ${str(r.outcome)}`))),
      el('p', null, siteText(messageOf(ruleset, r, lang))),
      remediationOf(ruleset, r, lang) ? el('p', null, el('strong', null, `${t.remediation}: `), siteText(remediationOf(ruleset, r, lang))) : null,
      g.libraries.size ? el('ul', { class: 'pc-d-libraries' }, [...g.libraries].map((l) => el('li', null, siteText(visibleString(l).slice(0, 2000))))) : null,
      el('p', { class: 'pc-d-pages-h' }, `${t.dossierPages}:`),
      el('ul', { class: 'pc-d-pages' }, pages));
  });
  return el('section', { class: 'pc-d-section' }, el('h3', null, t.dossierFindings),
    el('p', null, `${t.failingCounts}: `, SEVERITIES.map((s, i) => [i ? ' · ' : '', severityBadge(s, t), ` ${counts[s]}`])),
    items.length ? el('ol', { class: 'pc-d-findings' }, items) : el('p', null, t.dossierNoFindings));
}

function declarationsSection(ctx) {
  const { t, lang, label, report, ruleset } = ctx;
  const needed = neededDeclarations(report, ruleset);
  const rows = needed.map((n) => {
    const a = label?.declarations?.[n.id] || {};
    const answer = a.answer === 'yes' ? t.declYes : a.answer === 'no' ? t.declNo : t.declUnknown;
    return el('tr', null, el('th', { scope: 'row' }, pick(n.item?.title, lang) || n.id),
      el('td', null, n.criteria.map((c) => c.id).join(', ')),
      el('td', null, answer),
      el('td', null, str(a.note).trim() ? siteText(str(a.note)) : ''));
  });
  return el('section', { class: 'pc-d-section' }, el('h3', null, t.dossierDeclarations),
    rows.length
      ? el('table', { class: 'pc-table' }, el('thead', null, el('tr', null, el('th', { scope: 'col' }, t.criterion), el('th', { scope: 'col' }, t.declNeededBy),
        el('th', { scope: 'col' }, t.declAnswer), el('th', { scope: 'col' }, t.declNote))), el('tbody', null, rows))
      : el('p', null, t.declNoneNeeded));
}

// The verification state of an opened bundle on the cover, or null for an audit.
function bundleStamp(ctx) {
  const { t, bundle } = ctx;
  if (!isObject(bundle)) return null;
  if (bundle.state === 'verified') {
    const org = bundle.signer?.organization;
    return el('p', { class: 'pc-d-verified', id: 'pc-d-verified' }, org ? siteText(t.dossierVerifiedBy(org)) : t.dossierVerifiedUnnamed);
  }
  const fp = bundle.signer?.fingerprint;
  return el('div', { class: 'pc-d-stamp', id: 'pc-d-stamp', role: 'note' },
    el('p', { class: 'pc-d-stamp-title' }, t.dossierStamp),
    el('p', null, fp ? siteText(t.dossierStampUnknown(fp)) : t.dossierStampUnsigned));
}

// When the evidence was captured: the bundle's manifest time, else the audit's (ctx.bundleInfo).
function captureTime(ctx, d) {
  const at = str(ctx.bundleInfo?.capturedAt);
  return el('span', { class: 'pc-d-captured', id: 'pc-d-captured' }, at ? siteText(at) : d.captureUnknown);
}

export function buildDossier(ctx) {
  const { report, t, lang } = ctx;
  const d = dossierStrings(lang);
  const v = versionsLine(report);
  // A grade only when the engine gave one (a letter); otherwise the engine's reason.
  const g = isObject(report.grade) && typeof report.grade.grade === 'string' ? report.grade : null;
  const noGrade = isObject(report.grade) && isObject(report.grade.reason) && pick(report.grade.reason, lang)
    ? `${t.noGrade} ${pick(report.grade.reason, lang)}` : t.noGrade;
  const now = ctx.now instanceof Date ? ctx.now : new Date();
  const cover = el('section', { class: 'pc-cover' },
    dossierHead(ctx, d, now),
    bundleStamp(ctx),
    el('dl', { class: 'pc-meta-list' },
      el('dt', null, t.dossierSite), el('dd', null, report.target ? siteText(str(report.target)) : t.empty),
      el('dt', null, d.captureTime), el('dd', null, captureTime(ctx, d)),
      el('dt', null, t.grade), el('dd', null, g ? `${str(g.grade)} (${t.score} ${str(g.score)}/100)` : noGrade),
      el('dt', null, t.engine), el('dd', null, v.engine),
      el('dt', null, t.ruleset), el('dd', null, v.ruleset || t.empty)),
    el('h3', null, t.dossierOrg), orgTable(ctx));
  const profiles = reportProfiles(report);
  const counts = failingCounts(report);
  const summary = el('section', { class: 'pc-d-section', id: 'pc-d-summary' }, el('h3', null, d.summaryHeading),
    g ? el('p', { class: 'pc-grade-line' }, `${t.gradeHeading}: `, el('span', { class: `pc-grade-letter ${gradeClass(g.grade)}` }, str(g.grade)), ` ${t.score}: ${str(g.score)} / 100`,
      g.page ? [' — ', siteText(str(g.page))] : null)
      : el('p', null, noGrade),
    captureCaveat(ctx),
    el('p', null, `${t.failingCounts}: `, SEVERITIES.map((s, i) => [i ? ' · ' : '', severityBadge(s, t), ` ${counts[s]}`])),
    profiles.map((p) => el('p', null, `${p.id}: `, t.statusCounts(statusCounts(p)))));
  const versions = el('section', { class: 'pc-d-section pc-d-versions' }, el('h3', null, t.dossierVersions),
    el('p', null, t.generatedBy(v.engine, v.ruleset || '?')));
  return el('article', { class: 'pc-dossier', lang }, cover, summary, dossierCriteria(ctx, d), dossierLibraries(ctx, d),
    findingsSection(ctx), declarationsSection(ctx), dossierBundle(ctx, d), versions, dossierSignature(ctx, d));
}
