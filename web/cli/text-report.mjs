// Renders a report (the engine's JSON contract, docs/report.md) as plain text for a
// terminal, in Vietnamese or English. Reads only the report and the ruleset document; every string
// that can come from the audited site (pages, details) or from data goes through plain().
//
// renderText(report, ruleset, {lang = "vi", limit = 0, server = null}) → text ending in "\n".
//   Sections: header (engine, ruleset, target), the header grade; "Fix these first"
//   (web/host/fix-priorities.mjs fixFirst: at most five check-level fixes, numbered, each with its
//   title, severity, pages and why it is there: grade points, criteria it clears, or severity only;
//   absent when nothing fails); the failing results, one block per check (failingGroups: most
//   severe first, then most results), titled "severity id — title (n pages)", then per outcome its
//   message (rules[id].outcomes[outcome].message[lang], falling back to the other language, then
//   to details.message, then to nothing) and its pages indented under it, at most
//   MAX_PAGES_PER_CHECK pages per check, then "… and n more pages"; page.vulnerable-library adds
//   one line per library and version over all its pages, with every advisory id (CVE, GHSA, …)
//   and fixed release, and the advisory data's date (web/host/library-lines.mjs); then the results
//   with outcome "error" and the engine's notices (limits reached, skipped input; at most 50
//   lines); then one summary line with counts.
//   limit > 0: at most `limit` failing checks (most severe first), then a line saying how many more.
//   server ("nginx" | "apache" | "iis" | "tomcat", web/host/server-snippets.mjs SERVERS): under
//   each "Fix these first" item and after each failing check's outcomes, that server's snippets
//   for the check's failing outcomes (rules/fixes, docs/fixes.md), each once: its label and file
//   kind, its code lines indented, then its note; nothing for a check without such a snippet.
//   When the report has "profiles": one table per profile (sorted by id), titled from
//   ruleset.profiles[id].title[lang]: one line per criterion in the profile's order (status, id,
//   title), under it the failing or inconclusive findings (at most 3, then "… n more"), the
//   declarations still missing or declared false, and the criterion's citations (report
//   "sources"), one line per law era (current law, legacy framework, not a legal text), each
//   "document, clause (status)"; then the profile's status counts. Statuses use the wording of
//   Decree 331/2026 Art. 22(6): only "met" is "ĐÃ ĐÁP ỨNG ĐẦY ĐỦ" / "FULLY MET".
import { plain } from './plain-text.mjs';
import { librarySummaryLines } from '../host/library-lines.mjs';
import { failingGroups, fixFirst, isFailing, reasonText, SEVERITY_ORDER } from '../host/fix-priorities.mjs';
import { serverSnippets } from '../host/server-snippets.mjs';

export { SEVERITY_ORDER };

// At most this many pages are listed under one failing check; the rest are counted.
export const MAX_PAGES_PER_CHECK = 10;

const L = {
  vi: {
    target: 'Mục tiêu', grade: 'Điểm tiêu đề bảo mật (tương thích Mozilla Observatory)', gradeWord: 'hạng',
    noGrade: 'không có điểm', uncounted: 'không tính (thiếu bằng chứng)', failing: 'Kết quả không đạt', none: 'Không có kết quả nào không đạt.',
    severity: { high: 'CAO', medium: 'TRUNG BÌNH', low: 'THẤP', info: 'THÔNG TIN' },
    site: '(toàn trang)', more: (n) => `… và ${n} mục kiểm tra không đạt khác (xem báo cáo đầy đủ)`,
    pages: (n) => `${n} trang`, morePages: (n) => `… và ${n} trang khác`,
    fixFirst: 'Việc cần làm trước', fixPages: (n, sev) => `mức ${sev}, ${n} trang`,
    summary: (c) => `Tổng cộng: ${c.total} kết quả; ${c.failing} không đạt (cao ${c.high}, trung bình ${c.medium}, ` +
      `thấp ${c.low}, thông tin ${c.info}); ${c.passing} đạt; ${c.na} không áp dụng hoặc không thu thập được; ${c.error} lỗi.`,
    rules: 'bộ quy tắc',
    profile: 'Tiêu chí',
    profileSummary: (n) => `Đã đáp ứng đầy đủ ${n.met}; chưa đáp ứng đầy đủ ${n['not-met'] + n['not-assessed'] + n['needs-declaration']} (không đạt ${n['not-met']}, chưa đánh giá được ${n['not-assessed']}, cần tự khai ${n['needs-declaration']}); không áp dụng ${n['not-applicable']}.`,
    status: {
      met: 'ĐÃ ĐÁP ỨNG ĐẦY ĐỦ', 'not-met': 'CHƯA ĐÁP ỨNG ĐẦY ĐỦ (KHÔNG ĐẠT)', 'not-assessed': 'CHƯA ĐÁP ỨNG ĐẦY ĐỦ (CHƯA ĐÁNH GIÁ)',
      'needs-declaration': 'CHƯA ĐÁP ỨNG ĐẦY ĐỦ (CẦN TỰ KHAI)', 'not-applicable': 'KHÔNG ÁP DỤNG',
    },
    law: { current: 'căn cứ hiện hành', legacy: 'khung pháp lý cũ', none: 'nguồn khác' },
    sourceStatus: { confirmed: 'đã đối chiếu', 'third-party': 'bên thứ ba', 'to-confirm': 'cần xác nhận' },
    undeclared: 'chưa khai', declaredFalse: 'khai là không', declaration: 'tự khai', moreFindings: (n) => `… và ${n} kết quả khác`,
    gradeAtLeast: (g) => `cần hạng ${g} trở lên`,
    problems: 'Lỗi và thông báo của bộ máy (giới hạn, dữ liệu bị bỏ qua)', entry: 'mục',
    moreProblems: (n) => `… và ${n} thông báo khác (xem báo cáo JSON)`,
    note: 'Lưu ý',
  },
  en: {
    target: 'Target', grade: 'Security header grade (Mozilla Observatory compatible)', gradeWord: 'grade',
    noGrade: 'no grade', uncounted: 'not counted (evidence missing)', failing: 'Failing results', none: 'No failing results.',
    severity: { high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
    site: '(site)', more: (n) => `… and ${n} more failing checks (see the full report)`,
    pages: (n) => (n === 1 ? '1 page' : `${n} pages`), morePages: (n) => (n === 1 ? '… and 1 more page' : `… and ${n} more pages`),
    fixFirst: 'Fix these first', fixPages: (n, sev) => `${sev} severity, ${n === 1 ? '1 page' : `${n} pages`}`,
    summary: (c) => `Total: ${c.total} results; ${c.failing} failing (high ${c.high}, medium ${c.medium}, ` +
      `low ${c.low}, info ${c.info}); ${c.passing} passing; ${c.na} not applicable or not captured; ${c.error} errors.`,
    rules: 'ruleset',
    profile: 'Criteria',
    profileSummary: (n) => `Fully met ${n.met}; not fully met ${n['not-met'] + n['not-assessed'] + n['needs-declaration']} (failing ${n['not-met']}, not assessed ${n['not-assessed']}, needs declaration ${n['needs-declaration']}); not applicable ${n['not-applicable']}.`,
    status: {
      met: 'FULLY MET', 'not-met': 'NOT FULLY MET (FAILS)', 'not-assessed': 'NOT FULLY MET (NOT ASSESSED)',
      'needs-declaration': 'NOT FULLY MET (NEEDS DECLARATION)', 'not-applicable': 'NOT APPLICABLE',
    },
    law: { current: 'current law', legacy: 'legacy framework', none: 'other source' },
    sourceStatus: { confirmed: 'checked', 'third-party': 'third-party', 'to-confirm': 'to confirm' },
    undeclared: 'not declared', declaredFalse: 'declared false', declaration: 'declaration', moreFindings: (n) => `… and ${n} more`,
    gradeAtLeast: (g) => `needs grade ${g} or better`,
    problems: 'Errors and engine notices (limits, skipped input)', entry: 'entry',
    moreProblems: (n) => `… and ${n} more (see the JSON report)`,
    note: 'Note',
  },
};

const NOT_APPLICABLE = new Set(['not-applicable', 'not-captured']);

// A {vi, en} text in `lang`, else the other language; "" for anything else.
function pick(localized, lang) {
  if (!localized || typeof localized !== 'object') return '';
  const text = localized[lang] ?? localized[lang === 'vi' ? 'en' : 'vi'];
  return typeof text === 'string' ? text : '';
}

// The message for one result: the rule's localized outcome message, else the engine's own
// details.message (a string, e.g. for the engine-wide "error" outcome), else "".
export function messageFor(ruleset, result, lang) {
  const outcome = ruleset?.rules?.[result.id]?.outcomes?.[result.outcome];
  const own = result?.details?.message;
  return pick(outcome?.message, lang) || (typeof own === 'string' ? own : pick(own, lang));
}

// The title of declaration `id` from the ruleset's catalogue, else the id.
function declarationTitle(ruleset, id, lang) {
  const items = Array.isArray(ruleset?.declarations?.declarations) ? ruleset.declarations.declarations : [];
  return pick(items.find((d) => d && d.id === id)?.title, lang) || String(id);
}

// A criterion's citations, one line per law era: "<era>: <document>, <clause> (<status>); …".
function citationLines(criterion, ruleset, t, lang) {
  const sources = Array.isArray(criterion?.sources) ? criterion.sources : [];
  const docs = Array.isArray(ruleset?.documents?.documents) ? ruleset.documents.documents : [];
  const lines = [];
  for (const law of Object.keys(t.law)) {
    const items = sources.filter((s) => s?.law === law).map((s) => {
      const name = pick(docs.find((d) => d?.id === s.document)?.short, lang) || s.document;
      return `${plain(name)}, ${plain(pick(s.clause, lang))} (${t.sourceStatus[s.status] ?? plain(s.status)})`;
    });
    if (items.length) lines.push(`${t.law[law]}: ${items.join('; ')}`);
  }
  return lines;
}

// The lines of the profiles section (none when the report has no profiles).
function profileLines(report, ruleset, t, lang) {
  const profiles = report?.profiles;
  if (!profiles || typeof profiles !== 'object') return [];
  const lines = [];
  const width = Math.max(...Object.values(t.status).map((s) => s.length));
  for (const id of Object.keys(profiles).sort()) {
    const def = ruleset?.profiles?.[id];
    const criteria = Array.isArray(profiles[id]?.criteria) ? profiles[id].criteria : [];
    const titles = new Map((Array.isArray(def?.criteria) ? def.criteria : []).map((c) => [c?.id, pick(c?.title, lang)]));
    lines.push(`${t.profile} ${plain(id)}${pick(def?.title, lang) ? ` — ${plain(pick(def.title, lang))}` : ''}:`);
    const count = Object.fromEntries(Object.keys(t.status).map((k) => [k, 0]));
    for (const c of criteria) {
      if (c?.status in count) count[c.status]++;
      const status = (t.status[c?.status] ?? plain(c?.status)).padEnd(width);
      const title = titles.get(c?.id);
      lines.push(`  ${status}  ${plain(c?.id)}${title ? `  ${plain(title)}` : ''}`);
      if (c?.min_grade && c.status !== 'not-applicable') lines.push(`  ${' '.repeat(width)}    ${t.gradeAtLeast(plain(c.min_grade))}`);
      const shown = (Array.isArray(c?.findings) ? c.findings : []).filter((f) => f?.effect === 'fails' || f?.effect === 'inconclusive');
      for (const f of shown.slice(0, 3)) {
        lines.push(`  ${' '.repeat(width)}    ${plain(f.check)}  ${plain(f.outcome)}  ${f.page == null ? t.site : plain(f.page)}`);
      }
      if (shown.length > 3) lines.push(`  ${' '.repeat(width)}    ${t.moreFindings(shown.length - 3)}`);
      for (const d of Array.isArray(c?.declarations) ? c.declarations : []) {
        if (d?.value === true) continue;
        const state = d?.value === false ? t.declaredFalse : t.undeclared;
        lines.push(`  ${' '.repeat(width)}    ${t.declaration} ${plain(d?.id)} (${plain(declarationTitle(ruleset, d?.id, lang))}): ${state}`);
      }
      for (const line of citationLines(c, ruleset, t, lang)) lines.push(`  ${' '.repeat(width)}    ${line}`);
    }
    lines.push(`  ${t.profileSummary(count)}`);
    lines.push('');
  }
  return lines;
}

// Results with the engine-wide outcome "error" (e.g. a limit reached: details.limit) and the
// report's notices, so nothing the engine skipped goes unsaid; at most MAX_PROBLEM_LINES lines.
const MAX_PROBLEM_LINES = 50;
function problemLines(report, checks, t) {
  const lines = [];
  for (const c of checks) {
    if (c?.outcome !== 'error') continue;
    const d = c.details ?? {};
    const why = [d.limit, d.reason, d.message].filter((x) => typeof x === 'string' && x).join(': ');
    lines.push(`  ${plain(c.id)}  error  ${c.page == null ? t.site : plain(c.page)}${why ? `  — ${plain(why)}` : ''}`);
  }
  const notices = Array.isArray(report?.notices) ? report.notices : [];
  for (const n of notices) {
    const where = Number.isInteger(n?.entry) ? ` (${t.entry} ${n.entry})` : '';
    lines.push(`  ${plain(n?.code ?? '')}${where}  — ${plain(n?.message ?? '')}`);
  }
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_PROBLEM_LINES);
  if (lines.length > shown.length) shown.push(`  ${t.moreProblems(lines.length - shown.length)}`);
  return [`${t.problems}:`, ...shown, ''];
}

// "Title" of a check in `lang` from a failingGroups/fixFirst item, "" when the ruleset has none.
const titleText = (item, lang) => (item.title ? plain(pick(item.title, lang)) : '');

// Where a snippet goes, by server and file kind (docs/fixes.md); others are file names.
const PLACE = {
  'nginx http': 'http { }', 'nginx server': 'server { }', 'nginx location': 'location { }',
  'apache server': 'httpd.conf / apache2.conf', 'apache virtualhost': '<VirtualHost>',
};

// The snippets of `server` for check `id` and its failing `outcomes`, each once, as lines indented
// by `pad`: "label [where]:", the code lines, then "Note: …". [] without a server or a snippet.
function snippetLines(id, outcomes, server, t, lang, pad) {
  if (!server) return [];
  const seen = new Set();
  const lines = [];
  for (const outcome of outcomes) {
    for (const s of serverSnippets(id, outcome)) {
      const key = `${s.server}\n${s.file}\n${s.code}`;
      if (s.server !== server || seen.has(key)) continue;
      seen.add(key);
      lines.push(`${pad}${plain(pick(s.label, lang))} [${plain(PLACE[`${s.server} ${s.file}`] ?? s.file)}]:`);
      for (const line of s.code.split('\n')) lines.push(`${pad}    ${plain(line)}`);
      if (s.note) lines.push(`${pad}  ${t.note}: ${plain(pick(s.note, lang))}`);
    }
  }
  return lines;
}

// The "Fix these first" section: numbered fixes, each with why it is listed (and, with a server,
// its snippets); none when nothing fails.
function fixFirstLines(report, ruleset, t, lang, groups, server) {
  const fixes = fixFirst(report, ruleset);
  if (fixes.length === 0) return [];
  const lines = [`${t.fixFirst}:`];
  fixes.forEach((f, i) => {
    const title = titleText(f, lang);
    const sev = t.severity[f.severity] ?? plain(f.severity);
    lines.push(`  ${i + 1}. ${plain(f.id)}${title ? ` — ${title}` : ''} (${t.fixPages(f.pages.length, sev)})`);
    for (const r of f.reasons) lines.push(`     ${plain(reasonText(r, lang))}`);
    const outcomes = groups.find((g) => g.id === f.id)?.outcomes ?? [];
    lines.push(...snippetLines(f.id, outcomes, server, t, lang, '     '));
  });
  lines.push('');
  return lines;
}

// One failing check: its heading, then per outcome its message and its pages (at most
// MAX_PAGES_PER_CHECK over the whole check), then the vulnerable libraries over all its pages,
// then (with a server) its snippets.
function checkBlockLines(group, ruleset, t, lang, server) {
  const sev = (t.severity[group.severity] ?? plain(group.severity)).padEnd(10);
  const title = titleText(group, lang);
  const lines = [`  ${sev} ${plain(group.id)}${title ? ` — ${title}` : ''} (${t.pages(group.pages.length)})`];
  const listed = new Set();
  for (const outcome of group.outcomes) {
    const results = group.results.filter((r) => r.outcome === outcome);
    const msg = messageFor(ruleset, results[0], lang);
    lines.push(`             ${plain(outcome)}${msg ? `  — ${plain(msg)}` : ''}`);
    for (const r of results) {
      const page = typeof r.page === 'string' ? r.page : null;
      if (listed.has(page) || listed.size >= MAX_PAGES_PER_CHECK) continue;
      listed.add(page);
      lines.push(`               ${page === null ? t.site : plain(page)}`);
    }
  }
  if (group.pages.length > listed.size) lines.push(`             ${t.morePages(group.pages.length - listed.size)}`);
  for (const l of librarySummaryLines(group.results.map((r) => r.details), lang)) lines.push(`             ${plain(l)}`);
  lines.push(...snippetLines(group.id, group.outcomes, server, t, lang, '             '));
  return lines;
}

export function renderText(report, ruleset, { lang = 'vi', limit = 0, server = null } = {}) {
  const t = L[lang] ?? L.vi;
  const checks = Array.isArray(report?.checks) ? report.checks : [];
  const lines = [];
  const engine = report?.engine ?? {};
  lines.push(plain(`${engine.name ?? 'portal-check'} ${engine.version ?? ''} · ${t.rules} ${report?.ruleset?.version ?? '?'}`));
  lines.push(`${t.target}: ${plain(report?.target ?? '')}`);
  const g = report?.grade;
  if (g && typeof g.grade === 'string' && typeof g.score === 'number') {
    lines.push(`${t.grade}: ${plain(g.score)}/100 — ${t.gradeWord} ${plain(g.grade)}`);
    const uncounted = Array.isArray(g.uncounted) ? g.uncounted.filter((x) => typeof x === 'string') : [];
    if (uncounted.length) lines.push(`  ${t.uncounted}: ${uncounted.map(plain).join(', ')}`);
  } else {
    const reason = g && g.reason ? pick(g.reason, lang) : '';
    lines.push(`${t.grade}: ${t.noGrade}${reason ? ` — ${plain(reason)}` : ''}`);
  }
  lines.push('');

  const groups = failingGroups(report, ruleset);
  lines.push(...fixFirstLines(report, ruleset, t, lang, groups, server));

  const shown = limit > 0 ? groups.slice(0, limit) : groups;
  if (groups.length === 0) lines.push(t.none);
  else {
    lines.push(`${t.failing}:`);
    let current = null;
    for (const group of shown) {
      if (group.severity !== current) {
        current = group.severity;
        lines.push(`  [${t.severity[current] ?? plain(current)}]`);
      }
      lines.push(...checkBlockLines(group, ruleset, t, lang, server));
    }
    if (shown.length < groups.length) lines.push(`  ${t.more(groups.length - shown.length)}`);
  }
  lines.push('');
  lines.push(...problemLines(report, checks, t));
  lines.push(...profileLines(report, ruleset, t, lang));

  const failing = checks.filter(isFailing);
  const count = { total: checks.length, failing: failing.length, passing: 0, na: 0, error: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const c of checks) {
    if (c?.outcome === 'error') count.error++;
    else if (NOT_APPLICABLE.has(c?.outcome)) count.na++;
    else if (c?.pass === true) count.passing++;
  }
  for (const c of failing) if (c.severity in count) count[c.severity]++;
  lines.push(t.summary(count));
  return lines.join('\n') + '\n';
}
