// Reading the report (docs/report.md) and the ruleset document (the engine's embedded
// ruleset: {ruleset: {version, rules}, rules: {id: rule}, profiles: {id: profile}, declarations:
// {declarations: [...]}}) defensively: any member may be missing or of the wrong type, in which
// case the view shows less, never throws.

import { isFailing } from '../../host/fix-priorities.mjs';

export const SEVERITIES = ['high', 'medium', 'low', 'info'];
export const FAMILIES = ['transport', 'header', 'cookie', 'form', 'page', 'site'];
// Criterion statuses (core/src/scoring/profile.h). "met" is the only one worded "đã đáp ứng đầy
// đủ" (Decree 331/2026 Art. 22(6)); not-met, not-assessed and needs-declaration are "chưa đáp ứng
// đầy đủ", each with its reason.
export const STATUSES = ['met', 'not-met', 'not-assessed', 'needs-declaration', 'not-applicable'];

export function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function str(v) {
  return typeof v === 'string' ? v : (v === null || v === undefined ? '' : String(v));
}

// A {vi, en} text in `lang`, else the other language, else "".
export function pick(localized, lang) {
  if (typeof localized === 'string') return localized;
  if (!isObject(localized)) return '';
  const text = localized[lang] ?? localized[lang === 'vi' ? 'en' : 'vi'];
  return typeof text === 'string' ? text : '';
}

// The report's results (objects only). Computed once per checks array (a 1,000-page report has
// ~43,000 results and every part of the view asks): callers must not modify the returned array.
const checksCache = new WeakMap();
export function checksOf(report) {
  const raw = report?.checks;
  if (!Array.isArray(raw)) return [];
  let list = checksCache.get(raw);
  if (!list) {
    list = raw.filter(isObject);
    checksCache.set(raw, list);
  }
  return list;
}

export function ruleOf(ruleset, id) {
  const rule = ruleset?.rules?.[id];
  return isObject(rule) ? rule : null;
}

export function severityOf(result) {
  return SEVERITIES.includes(result.severity) ? result.severity : 'info';
}

export function familyOf(ruleset, result) {
  const fam = ruleOf(ruleset, result.id)?.family;
  if (FAMILIES.includes(fam)) return fam;
  const prefix = str(result.id).split('.')[0];
  return FAMILIES.includes(prefix) ? prefix : 'site';
}

// isFailing: a result that fails on evidence the audit saw (fix-priorities.mjs: pass false and
// the outcome neither not-applicable, not-captured nor error), the one meaning of the name in the
// app and the CLI. isNotPassed: any result whose pass is false, those three outcomes included.
export { isFailing };

export function isNotPassed(result) {
  return result.pass === false;
}

// The state a result is shown with: 'fail' (isFailing), 'not-captured', 'not-applicable',
// 'error' (the check could not run) or 'pass'.
export function stateOf(result) {
  if (isFailing(result)) return 'fail';
  if (result.outcome === 'not-captured' || result.outcome === 'error') return result.outcome;
  if (result.outcome === 'not-applicable') return 'not-applicable';
  return result.pass === false ? 'not-captured' : 'pass';
}

export function titleOf(ruleset, id, lang) {
  return pick(ruleOf(ruleset, id)?.title, lang) || str(id);
}

export function messageOf(ruleset, result, lang) {
  const outcome = ruleOf(ruleset, result.id)?.outcomes?.[result.outcome];
  const own = result?.details?.message;
  return pick(outcome?.message, lang) || (typeof own === 'string' ? own : pick(own, lang));
}

export function remediationOf(ruleset, result, lang) {
  return pick(ruleOf(ruleset, result.id)?.outcomes?.[result.outcome]?.remediation, lang);
}

export function referencesOf(ruleset, id) {
  const refs = ruleOf(ruleset, id)?.references;
  return Array.isArray(refs) ? refs.filter(isObject) : [];
}

export function declarationCatalogue(ruleset) {
  const items = ruleset?.declarations?.declarations;
  return Array.isArray(items) ? items.filter((d) => isObject(d) && typeof d.id === 'string') : [];
}

export function profileDef(ruleset, id) {
  const p = ruleset?.profiles?.[id];
  return isObject(p) ? p : null;
}

export function reportProfiles(report) {
  const profiles = report?.profiles;
  if (!isObject(profiles)) return [];
  return Object.keys(profiles).sort().map((id) => ({
    id,
    criteria: Array.isArray(profiles[id]?.criteria) ? profiles[id].criteria.filter(isObject) : [],
    summary: isObject(profiles[id]?.summary) ? profiles[id].summary : null,
  }));
}

// Failing results (isFailing) per severity.
// Counted once per results list (checksOf); each call returns a fresh object.
const countsCache = new WeakMap();
export function failingCounts(report) {
  const checks = checksOf(report);
  let counts = countsCache.get(checks);
  if (!counts) {
    counts = { high: 0, medium: 0, low: 0, info: 0 };
    for (const r of checks) if (isFailing(r)) counts[severityOf(r)] += 1;
    countsCache.set(checks, counts);
  }
  return { ...counts };
}

// A host name safe in a file name: lower-case letters, digits, dots and dashes, at most 63
// characters; "site" when the target has none.
export function fileHost(report) {
  let host = '';
  try { host = new URL(str(report?.target)).hostname; } catch { host = ''; }
  host = host.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 63);
  return host || 'site';
}

export function versionsLine(report) {
  const engine = isObject(report?.engine) ? `${str(report.engine.name) || 'portal-check'} ${str(report.engine.version)}`.trim() : 'portal-check';
  const ruleset = isObject(report?.ruleset) ? str(report.ruleset.version) : '';
  return { engine, ruleset };
}
