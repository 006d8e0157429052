// Text lines, in Vietnamese or English, for the details of page.vulnerable-library: per library
// with advisories its title, version, how it was detected (file content, URL, inline) and each
// advisory id with its fixed release and first advisory URL; then the date of the advisory data.
// Shared by the CLI text report, the app's finding cards and the dossier. The lines are plain
// strings: callers render them as text (versions and URLs come from the audited site).
//
// libraryLines(details, lang = 'vi') → string[] ([] when no library has advisories). At most
// MAX_LIBRARIES libraries and MAX_ADVISORIES advisories per library are named; the rest counted.
export const MAX_LIBRARIES = 16;
export const MAX_ADVISORIES = 8;

const TEXTS = {
  vi: {
    detection: { 'file content': 'phát hiện qua nội dung tệp', URL: 'phát hiện qua URL', inline: 'phát hiện trong script nội tuyến' },
    fixed: (v) => `bản sửa ${v}`, noFix: 'chưa có bản sửa',
    moreAdvisories: (n) => `và ${n} khuyến cáo khác`, moreLibraries: (n) => `… và ${n} thư viện khác`,
    data: (date, source) => `Dữ liệu khuyến cáo ngày ${date}${source ? ` (${source})` : ''}.`,
  },
  en: {
    detection: { 'file content': 'detected from file content', URL: 'detected from the URL', inline: 'detected in an inline script' },
    fixed: (v) => `fixed in ${v}`, noFix: 'no fixed release',
    moreAdvisories: (n) => `and ${n} more advisories`, moreLibraries: (n) => `… and ${n} more libraries`,
    data: (date, source) => `Advisory data of ${date}${source ? ` (${source})` : ''}.`,
  },
};

const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function libraryLines(details, lang = 'vi') {
  const t = TEXTS[lang] ?? TEXTS.vi;
  const libs = Array.isArray(details?.libraries) ? details.libraries : [];
  const affected = libs.filter((l) => Array.isArray(l?.advisories) && l.advisories.length > 0);
  if (affected.length === 0) return [];
  const lines = [];
  for (const lib of affected.slice(0, MAX_LIBRARIES)) {
    const how = t.detection[str(lib.detection)] ?? str(lib.detection);
    const where = lib.url ? `, ${str(lib.url)}` : '';
    const advs = lib.advisories.slice(0, MAX_ADVISORIES).map((a) => {
      const fixed = !a?.fixed || a.fixed === 'none' ? t.noFix : t.fixed(str(a.fixed));
      const url = Array.isArray(a?.urls) && a.urls.length ? ` ${str(a.urls[0])}` : '';
      return `${str(a?.id)} (${fixed})${url}`;
    });
    if (lib.advisories.length > MAX_ADVISORIES) advs.push(t.moreAdvisories(lib.advisories.length - MAX_ADVISORIES));
    lines.push(`${str(lib.title || lib.library)} ${str(lib.version)} — ${how}${where}: ${advs.join('; ')}`);
  }
  if (affected.length > MAX_LIBRARIES) lines.push(t.moreLibraries(affected.length - MAX_LIBRARIES));
  const data = details?.advisory_data;
  if (data && data.date) lines.push(t.data(str(data.date), str(data.source)));
  return lines;
}
