// Text lines, in Vietnamese or English, for the details of page.vulnerable-library: per library
// with advisories its title, version, how it was detected (file content, URL, inline) and each
// advisory id with its fixed release and first advisory URL; then the date of the advisory data.
// Shared by the CLI text report, the app's finding cards and the dossier. The lines are plain
// strings: callers render them as text (versions and URLs come from the audited site).
//
// libraryLines(details, lang = 'vi') → string[] ([] when no library has advisories). At most
// MAX_LIBRARIES libraries and MAX_ADVISORIES advisories per library are named; the rest counted.
//
// librarySummaryLines(detailsList, lang = 'vi') → string[]: the same libraries merged over the
// details of several results (one check, many pages): one line per library and version, "title
// version: ids (fixed release); … (on N pages)", every id of an advisory (CVE, GHSA, …) joined by
// " / "; then the advisory data's date. Same limits as libraryLines.
//
// mergedLibraries(detailsList) → {libraries: [{name ("title version"), title, version, severity
//   (the worst advisory's, as the engine names it), advisories: [advisory objects as the engine
//   wrote them: {id, ids?, severity, fixed, urls?}], results (how many of the details name it)}],
//   data (the first advisory_data found, or null)}: the libraries with advisories merged by title
//   and version, in first-seen order, every advisory once (by id). Unbounded: callers cut. The
//   values come from the audited site's report: render them as text.
export const MAX_LIBRARIES = 16;
export const MAX_ADVISORIES = 8;

const TEXTS = {
  vi: {
    detection: { 'file content': 'phát hiện qua nội dung tệp', URL: 'phát hiện qua URL', inline: 'phát hiện trong script nội tuyến' },
    fixed: (v) => `bản sửa ${v}`, noFix: 'chưa có bản sửa',
    moreAdvisories: (n) => `và ${n} khuyến cáo khác`, moreLibraries: (n) => `… và ${n} thư viện khác`,
    onPages: (n) => `trên ${n} trang`,
    data: (date, source) => `Dữ liệu khuyến cáo ngày ${date}${source ? ` (${source})` : ''}.`,
  },
  en: {
    detection: { 'file content': 'detected from file content', URL: 'detected from the URL', inline: 'detected in an inline script' },
    fixed: (v) => `fixed in ${v}`, noFix: 'no fixed release',
    moreAdvisories: (n) => `and ${n} more advisories`, moreLibraries: (n) => `… and ${n} more libraries`,
    onPages: (n) => (n === 1 ? 'on 1 page' : `on ${n} pages`),
    data: (date, source) => `Advisory data of ${date}${source ? ` (${source})` : ''}.`,
  },
};

const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));

const affectedLibraries = (details) => (Array.isArray(details?.libraries) ? details.libraries : [])
  .filter((l) => Array.isArray(l?.advisories) && l.advisories.length > 0);

const fixedText = (a, t) => (!a?.fixed || a.fixed === 'none' ? t.noFix : t.fixed(str(a.fixed)));

// The advisories of one library, at most MAX_ADVISORIES named, each by format(advisory).
function advisoryList(advisories, t, format) {
  const advs = advisories.slice(0, MAX_ADVISORIES).map(format);
  if (advisories.length > MAX_ADVISORIES) advs.push(t.moreAdvisories(advisories.length - MAX_ADVISORIES));
  return advs.join('; ');
}

// Lines for `items` (one line each by format), at most MAX_LIBRARIES, then the data line.
function boundedLines(items, t, format, data) {
  const lines = items.slice(0, MAX_LIBRARIES).map(format);
  if (items.length > MAX_LIBRARIES) lines.push(t.moreLibraries(items.length - MAX_LIBRARIES));
  if (data && data.date) lines.push(t.data(str(data.date), str(data.source)));
  return lines;
}

export function libraryLines(details, lang = 'vi') {
  const t = TEXTS[lang] ?? TEXTS.vi;
  const affected = affectedLibraries(details);
  if (affected.length === 0) return [];
  return boundedLines(affected, t, (lib) => {
    const how = t.detection[str(lib.detection)] ?? str(lib.detection);
    const where = lib.url ? `, ${str(lib.url)}` : '';
    const advs = advisoryList(lib.advisories, t, (a) => {
      const url = Array.isArray(a?.urls) && a.urls.length ? ` ${str(a.urls[0])}` : '';
      return `${str(a?.id)} (${fixedText(a, t)})${url}`;
    });
    return `${str(lib.title || lib.library)} ${str(lib.version)} — ${how}${where}: ${advs}`;
  }, details?.advisory_data);
}

export function mergedLibraries(detailsList) {
  const merged = new Map();
  let data = null;
  for (const details of Array.isArray(detailsList) ? detailsList : []) {
    const affected = affectedLibraries(details);
    if (affected.length && !data && details?.advisory_data) data = details.advisory_data;
    const seenHere = new Set();
    for (const lib of affected) {
      const key = `${str(lib.title || lib.library)} ${str(lib.version)}`;
      let m = merged.get(key);
      if (!m) {
        m = { name: key, title: str(lib.title || lib.library), version: str(lib.version), severity: str(lib.severity), advisories: new Map(), results: 0 };
        merged.set(key, m);
      }
      if (!seenHere.has(key)) { m.results++; seenHere.add(key); }
      for (const a of lib.advisories) if (!m.advisories.has(str(a?.id))) m.advisories.set(str(a?.id), a);
    }
  }
  return { libraries: [...merged.values()].map((m) => ({ ...m, advisories: [...m.advisories.values()] })), data };
}

export function librarySummaryLines(detailsList, lang = 'vi') {
  const t = TEXTS[lang] ?? TEXTS.vi;
  const { libraries, data } = mergedLibraries(detailsList);
  if (libraries.length === 0) return [];
  return boundedLines(libraries, t, (m) => {
    const advs = advisoryList(m.advisories, t, (a) => {
      const ids = Array.isArray(a?.ids) && a.ids.length ? a.ids.map(str) : [str(a?.id)];
      return `${ids.join(' / ')} (${fixedText(a, t)})`;
    });
    return `${m.name}: ${advs} (${t.onPages(m.results)})`;
  }, data);
}
