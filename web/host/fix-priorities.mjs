// What a webmaster should fix, computed from a parsed report (docs/report.md) and, optionally, the
// ruleset document (engine.ruleset(): rule titles, rules/data/observatory.json). Pure: no DOM, no
// file system. Shared by the CLI text report and any other view of a report. Strings that come
// from the audited site (pages) are returned as they are: callers render them as text.
//
// failingGroups(report, ruleset?) → [{id, title, severity, outcomes, pages, results}], one per
//   check with at least one failing result (pass false, outcome not not-captured / not-applicable
//   / error): title {vi, en} from ruleset.rules[id].title (null without one); severity the most
//   severe of its failing results; outcomes its distinct failing outcomes in report order; pages
//   its distinct pages in report order (null = the site as a whole); results the failing results.
//   Sorted by severity (high → info), then by number of failing results (most first), then id.
//
// fixFirst(report, ruleset?) → at most MAX_FIXES items {id, title, severity, pages, failing,
//   points, scoreGain, criteria, reasons} (failing: its number of failing results), check-level fixes ranked by
//   1. points: what the check's counted grade modifiers cost (report.grade.counted entries
//      "test:result:modifier" whose negative modifier belongs to one of the check's failing
//      results: the graded page's, else the site-level one; the Observatory's *-invalid-cert
//      results belong to transport.certificate); 0 when the check is not counted;
//   2. criteria: how many report.profiles criteria are not-met only because of this check (every
//      finding with effect "fails" is the check's, no declaration is false, no min_grade): each
//      {profile, id}; fixing the check clears their failure (they may still need a declaration);
//   3. severity, then number of failing results, then id.
//   scoreGain: how much the score itself would rise if only this check were fixed, with the
//   Observatory arithmetic (start at 100, add penalties, add bonuses only at or above
//   minimum_score_for_extra_credit, floor at 0); it can be less than points when the score is
//   floored at 0. null when there is no grade or (with bonuses counted) no observatory data.
//   reasons: [{kind: "points", points, scoreGain}], [{kind: "criterion", profile, id}] …, and
//   {kind: "severity", severity} when neither applies (the fix raises nothing measurable).
//   Never lists a passing, not-captured, not-applicable or error result.
export const MAX_FIXES = 5;

export const SEVERITY_ORDER = ['high', 'medium', 'low', 'info'];

const NOT_A_FAILURE = new Set(['not-applicable', 'not-captured', 'error']);

const severityRank = (s) => { const i = SEVERITY_ORDER.indexOf(s); return i < 0 ? SEVERITY_ORDER.length : i; };

// A result that fails on evidence the audit saw.
export function isFailing(result) {
  return !!result && result.pass === false && typeof result.id === 'string' && !NOT_A_FAILURE.has(result.outcome);
}

function titleOf(ruleset, id) {
  const t = ruleset?.rules?.[id]?.title;
  return t && typeof t === 'object' && (typeof t.vi === 'string' || typeof t.en === 'string') ? { vi: t.vi ?? t.en, en: t.en ?? t.vi } : null;
}

export function failingGroups(report, ruleset) {
  const checks = Array.isArray(report?.checks) ? report.checks : [];
  const byId = new Map();
  for (const r of checks) {
    if (!isFailing(r)) continue;
    let g = byId.get(r.id);
    if (!g) { g = { id: r.id, title: titleOf(ruleset, r.id), severity: r.severity, outcomes: [], pages: [], results: [] }; byId.set(r.id, g); }
    if (severityRank(r.severity) < severityRank(g.severity)) g.severity = r.severity;
    if (!g.outcomes.includes(r.outcome)) g.outcomes.push(r.outcome);
    const page = typeof r.page === 'string' ? r.page : null;
    if (!g.pages.includes(page)) g.pages.push(page);
    g.results.push(r);
  }
  return [...byId.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)
    || b.results.length - a.results.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// The report's counted modifiers, parsed: [{test, result, modifier}] (malformed entries skipped).
function countedModifiers(grade) {
  const list = Array.isArray(grade?.counted) ? grade.counted : [];
  const out = [];
  for (const entry of list) {
    if (typeof entry !== 'string') continue;
    const first = entry.indexOf(':');
    const last = entry.lastIndexOf(':');
    const modifier = Number(entry.slice(last + 1));
    if (first <= 0 || last <= first || !Number.isInteger(modifier)) continue;
    out.push({ test: entry.slice(0, first), result: entry.slice(first + 1, last), modifier });
  }
  return out;
}

// Observatory results that an untrusted certificate causes whatever the header or redirect says
// (transport_hsts.cc, transport_redirect.cc): fixing the header would not remove them, fixing the
// certificate does, so their modifiers belong to the certificate check when it fails.
const CAUSED_BY = { 'hsts-invalid-cert': 'transport.certificate', 'redirection-invalid-cert': 'transport.certificate' };

// The check id a counted modifier belongs to: CAUSED_BY's check when it fails, else the failing
// result with that Observatory test and result on the graded page, else site-level, else anywhere
// (the grade's own order of choice); null when no failing result carries it.
function ownerOf(counted, groups, gradedPage) {
  const cause = CAUSED_BY[counted.result];
  if (cause && groups.some((g) => g.id === cause)) return cause;
  const candidates = [];
  for (const g of groups) {
    for (const r of g.results) {
      const o = r.observatory;
      if (o && o.test === counted.test && o.result === counted.result) candidates.push(r);
    }
  }
  const pick = candidates.find((r) => r.page === gradedPage) ?? candidates.find((r) => r.page == null) ?? candidates[0];
  return pick ? pick.id : null;
}

// The Observatory score of a list of modifiers; null when bonuses would need the missing minimum.
function observatoryScore(modifiers, minimumForExtraCredit) {
  const penalties = modifiers.filter((m) => m < 0).reduce((a, m) => a + m, 0);
  const bonuses = modifiers.filter((m) => m > 0).reduce((a, m) => a + m, 0);
  let score = 100 + penalties;
  if (bonuses > 0) {
    if (!Number.isFinite(minimumForExtraCredit)) return null;
    if (score >= minimumForExtraCredit) score += bonuses;
  }
  return Math.max(0, score);
}

// Criteria (over every profile) whose failure comes only from check `id`: [{profile, id}].
function criteriaClearedBy(report, id) {
  const out = [];
  const profiles = report?.profiles && typeof report.profiles === 'object' ? report.profiles : {};
  for (const profile of Object.keys(profiles).sort()) {
    const criteria = Array.isArray(profiles[profile]?.criteria) ? profiles[profile].criteria : [];
    for (const c of criteria) {
      if (c?.status !== 'not-met' || c.min_grade) continue;
      if ((Array.isArray(c.declarations) ? c.declarations : []).some((d) => d?.value === false)) continue;
      const failing = (Array.isArray(c.findings) ? c.findings : []).filter((f) => f?.effect === 'fails');
      if (failing.length > 0 && failing.every((f) => f.check === id)) out.push({ profile, id: String(c.id) });
    }
  }
  return out;
}

export function fixFirst(report, ruleset) {
  return rankedFixes(report, ruleset).slice(0, MAX_FIXES);
}

// Every failing check as a fix, in fixFirst's order (fixFirst is its first MAX_FIXES items).
export function rankedFixes(report, ruleset) {
  const groups = failingGroups(report, ruleset);
  const grade = report?.grade;
  const graded = typeof grade?.score === 'number' && typeof grade?.grade === 'string';
  const counted = graded ? countedModifiers(grade) : [];
  const owners = counted.map((c) => ownerOf(c, groups, grade?.page ?? null));
  const minimum = ruleset?.data?.observatory?.minimum_score_for_extra_credit;
  const items = groups.map((g) => {
    const own = counted.filter((c, i) => owners[i] === g.id && c.modifier < 0);
    const points = own.reduce((a, c) => a - c.modifier, 0);
    let scoreGain = null;
    if (graded) {
      const before = observatoryScore(counted.map((c) => c.modifier), minimum);
      const after = observatoryScore(counted.map((c, i) => (owners[i] === g.id && c.modifier < 0 ? 0 : c.modifier)), minimum);
      if (before !== null && after !== null) scoreGain = after - before;
    }
    const criteria = criteriaClearedBy(report, g.id);
    const reasons = [];
    if (points > 0) reasons.push({ kind: 'points', points, scoreGain });
    for (const c of criteria) reasons.push({ kind: 'criterion', profile: c.profile, id: c.id });
    if (reasons.length === 0) reasons.push({ kind: 'severity', severity: g.severity });
    return { id: g.id, title: g.title, severity: g.severity, pages: g.pages, failing: g.results.length, points, scoreGain, criteria, reasons };
  });
  items.sort((a, b) => b.points - a.points || b.criteria.length - a.criteria.length
    || severityRank(a.severity) - severityRank(b.severity) || b.failing - a.failing || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return items;
}

const REASON_TEXT = {
  vi: {
    points: (r) => `+${r.points} điểm tiêu đề bảo mật${r.scoreGain !== null && r.scoreGain < r.points ? ` (nếu chỉ sửa mục này: +${r.scoreGain}, vì điểm đang ở mức sàn 0)` : ''}`,
    criterion: (r) => `gỡ lỗi không đạt của tiêu chí ${r.id} (${r.profile})`,
    severity: (r) => `mức độ ${({ high: 'cao', medium: 'trung bình', low: 'thấp', info: 'thông tin' })[r.severity] ?? r.severity}; không làm tăng điểm hay đóng tiêu chí nào`,
  },
  en: {
    points: (r) => `+${r.points} points of the security header score${r.scoreGain !== null && r.scoreGain < r.points ? ` (fixing only this: +${r.scoreGain}, as the score is floored at 0)` : ''}`,
    criterion: (r) => `clears the failure of criterion ${r.id} (${r.profile})`,
    severity: (r) => `${r.severity} severity; raises no score and clears no criterion`,
  },
};

// One reason of a fixFirst item as text in `lang` ("vi" or "en"); criterion and profile ids are
// the report's, so callers render the text as plain text.
export function reasonText(reason, lang = 'vi') {
  const t = REASON_TEXT[lang] ?? REASON_TEXT.vi;
  return (t[reason?.kind] ?? (() => ''))(reason);
}
