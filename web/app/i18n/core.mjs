// The app shell's strings (index.html, main.mjs, inputs/**) in Vietnamese (default) and English.
// The report's strings live in i18n/report.mjs (the report engineer's).
//
// t(key, params?) → the string for the current language ({name} placeholders filled from params;
//   a missing key falls back to Vietnamese, then to the key itself, so a gap is visible, never blank).
// getLanguage() → "vi" | "en"; setLanguage(lang) → the language actually set (unknown → "vi"), saved
//   in localStorage when available and applied to <html lang>.
// translatePage(root = document) → fills every [data-i18n] element's text, and the attributes named
//   by data-i18n-placeholder / data-i18n-aria-label / data-i18n-title, from the dictionary.
//   Always text (textContent / setAttribute), never markup.

const STRINGS = {
  vi: {
    'app.title': 'portal-check — tự kiểm tra bảo mật cổng thông tin',
    'app.heading': 'portal-check',
    'app.tagline': 'Tự kiểm tra bảo mật cổng thông tin điện tử. Mọi dữ liệu được xử lý ngay trong trình duyệt này; không có gì được gửi đi.',
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'skip': 'Bỏ qua, tới báo cáo',
    'inputs.heading': 'Dữ liệu đầu vào',
    'profile.label': 'Bộ tiêu chí',
    'profile.tnm': 'Nhãn Tín Nhiệm Mạng — website (cơ bản)',
    'profile.level2': 'Cấp độ 2',
    'profile.level3': 'Cấp độ 3',
    'profile.observatory': 'Điểm tiêu đề kiểu Observatory',
    'profile.none': 'Không dùng bộ tiêu chí',
    'har.heading': 'Mở tệp HAR',
    'har.help': 'Tệp HAR xuất từ DevTools của Chrome/Firefox, Playwright hoặc ZAP. Tệp lớn (hàng trăm MB) vẫn được đọc từng phần.',
    'har.label': 'Chọn tệp HAR',
    'har.drop': 'Hoặc kéo và thả tệp HAR vào đây',
    'paste.heading': 'Dán phản hồi HTTP thô',
    'paste.help': 'Dòng trạng thái, các tiêu đề, một dòng trống, rồi nội dung (ví dụ: HTTP/1.1 200 OK).',
    'paste.responseLabel': 'Phản hồi HTTP thô',
    'paste.urlLabel': 'Địa chỉ trang (không bắt buộc)',
    'paste.run': 'Kiểm tra phản hồi',
    'self.heading': 'Tự kiểm tra cùng nguồn gốc',
    'self.help': 'Chỉ dùng được khi ứng dụng này được đặt trên chính cổng thông tin cần kiểm tra (cùng nguồn gốc). Trình duyệt duyệt các trang cùng nguồn gốc bằng fetch.',
    'self.hint': 'Một trang web không thể thấy Set-Cookie, thông tin TLS (chứng chỉ, phiên bản) và chuyển hướng từ http://; các mục đó được báo là “chưa thu thập”. Hãy dùng tệp HAR hoặc công cụ dòng lệnh (scripts/portal-check scan URL) để kiểm tra đầy đủ.',
    'self.startLabel': 'Đường dẫn bắt đầu',
    'self.pagesLabel': 'Số trang tối đa',
    'self.run': 'Bắt đầu tự kiểm tra',
    'bundle.heading': 'Mở gói bằng chứng đã lưu',
    'bundle.help': 'Tệp JSON của một gói bằng chứng: hiển thị báo cáo đã lưu trong gói (chưa xác minh chữ ký).',
    'bundle.label': 'Chọn tệp gói bằng chứng (JSON)',
    'run.heading': 'Tiến trình',
    'run.progressLabel': 'Tiến độ kiểm tra',
    'run.cancel': 'Huỷ',
    'run.idle': 'Chưa chạy kiểm tra nào.',
    'run.loading': 'Đang tải bộ máy kiểm tra…',
    'run.reading': 'Đã đọc {done} / {total} — {entries} trao đổi đã kiểm tra',
    'run.readingNoTotal': 'Đã đọc {done} — {entries} trao đổi đã kiểm tra',
    'run.crawling': 'Đang tải trang {done} / {total}: {url}',
    'run.crawled': 'Đã tải {pages} trang; đang kiểm tra…',
    'run.rendering': 'Đang hiển thị báo cáo…',
    'run.done': 'Xong: {entries} trao đổi, điểm tiêu đề {grade}.',
    'run.doneBundle': 'Đã mở báo cáo trong gói bằng chứng (chưa xác minh).',
    'run.cancelled': 'Đã huỷ',
    'run.failed': 'Lỗi',
    'report.heading': 'Báo cáo',
    'checklist.heading': 'Chuẩn bị hồ sơ nhãn',
    'exports.heading': 'Xuất báo cáo',
    'report.rawGrade': 'Điểm tiêu đề (kiểu Observatory): {grade} ({score} điểm)',
    'report.rawTarget': 'Địa chỉ kiểm tra: {target}',
    'report.rawCounts': '{checks} kết quả, {failed} không đạt',
    'error.engineLoad': 'Không tải được bộ máy kiểm tra (WebAssembly): {message}',
    'error.worker': 'Tiến trình kiểm tra gặp lỗi: {message}',
    'error.engine': 'Bộ máy kiểm tra báo lỗi ({code}): {message}',
    'error.read': 'Không đọc được tệp: {message}',
    'error.paste.empty': 'Chưa dán phản hồi HTTP nào.',
    'error.paste.statusLine': 'Dòng đầu tiên phải là dòng trạng thái, ví dụ “HTTP/1.1 200 OK” (nhận được: “{line}”).',
    'error.paste.status': 'Mã trạng thái không hợp lệ trong dòng trạng thái: “{line}”.',
    'error.paste.header': 'Dòng {n} không phải là tiêu đề “Tên: giá trị”: “{line}”.',
    'error.paste.fold': 'Dòng {n} là dòng nối tiếp nhưng không có tiêu đề nào trước đó.',
    'error.paste.url': 'Địa chỉ trang phải là URL http:// hoặc https:// đầy đủ (nhận được: “{url}”).',
    'error.self.origin': 'Đường dẫn bắt đầu phải cùng nguồn gốc với trang này ({origin}).',
    'error.self.pages': 'Số trang phải từ 1 đến {max}.',
    'error.self.file': 'Tự kiểm tra chỉ chạy khi ứng dụng được phục vụ qua http:// hoặc https://, không phải mở trực tiếp từ tệp.',
    'error.self.none': 'Không tải được trang nào từ {url}: {message}',
    'error.bundle.json': 'Tệp gói bằng chứng không phải JSON hợp lệ: {message}',
    'error.bundle.report': 'Gói bằng chứng không có “report” (báo cáo) cũng không có “evidence” (bằng chứng HAR).',
  },
  en: {
    'app.title': 'portal-check — portal security self-check',
    'app.heading': 'portal-check',
    'app.tagline': 'A security self-check for web portals. Everything is processed in this browser; nothing is sent anywhere.',
    'lang.switch': 'Tiếng Việt',
    'lang.switchLabel': 'Chuyển sang tiếng Việt',
    'skip': 'Skip to the report',
    'inputs.heading': 'Inputs',
    'profile.label': 'Criteria profile',
    'profile.tnm': 'Tín Nhiệm Mạng website label (basic)',
    'profile.level2': 'Security level 2',
    'profile.level3': 'Security level 3',
    'profile.observatory': 'Observatory-style header grade',
    'profile.none': 'No criteria profile',
    'har.heading': 'Open a HAR file',
    'har.help': 'A HAR file exported by Chrome/Firefox DevTools, Playwright or ZAP. Large files (hundreds of MB) are read piece by piece.',
    'har.label': 'Choose a HAR file',
    'har.drop': 'Or drag and drop a HAR file here',
    'paste.heading': 'Paste a raw HTTP response',
    'paste.help': 'Status line, headers, a blank line, then the body (e.g. HTTP/1.1 200 OK).',
    'paste.responseLabel': 'Raw HTTP response',
    'paste.urlLabel': 'Page URL (optional)',
    'paste.run': 'Check the response',
    'self.heading': 'Same-origin self-check',
    'self.help': 'Works only when this app is served from the portal being checked (same origin). The browser crawls same-origin pages with fetch.',
    'self.hint': 'A page script cannot see Set-Cookie, TLS details (certificate, version) or the redirect from http://; those are reported as “not captured”. Use a HAR file or the command line (scripts/portal-check scan URL) for a complete check.',
    'self.startLabel': 'Start path',
    'self.pagesLabel': 'Maximum pages',
    'self.run': 'Start the self-check',
    'bundle.heading': 'Open a saved evidence bundle',
    'bundle.help': 'An evidence bundle JSON file: shows the report saved in the bundle (its signature is not verified yet).',
    'bundle.label': 'Choose an evidence bundle file (JSON)',
    'run.heading': 'Progress',
    'run.progressLabel': 'Audit progress',
    'run.cancel': 'Cancel',
    'run.idle': 'No audit has run yet.',
    'run.loading': 'Loading the audit engine…',
    'run.reading': 'Read {done} of {total} — {entries} exchanges audited',
    'run.readingNoTotal': 'Read {done} — {entries} exchanges audited',
    'run.crawling': 'Fetching page {done} of {total}: {url}',
    'run.crawled': 'Fetched {pages} pages; auditing…',
    'run.rendering': 'Rendering the report…',
    'run.done': 'Done: {entries} exchanges, header grade {grade}.',
    'run.doneBundle': 'Opened the report saved in the evidence bundle (not verified).',
    'run.cancelled': 'Cancelled',
    'run.failed': 'Error',
    'report.heading': 'Report',
    'checklist.heading': 'Label preparation',
    'exports.heading': 'Export',
    'report.rawGrade': 'Header grade (Observatory-compatible): {grade} ({score} points)',
    'report.rawTarget': 'Audited address: {target}',
    'report.rawCounts': '{checks} results, {failed} failing',
    'error.engineLoad': 'Could not load the audit engine (WebAssembly): {message}',
    'error.worker': 'The audit worker failed: {message}',
    'error.engine': 'The engine reported an error ({code}): {message}',
    'error.read': 'Could not read the file: {message}',
    'error.paste.empty': 'No HTTP response was pasted.',
    'error.paste.statusLine': 'The first line must be a status line such as “HTTP/1.1 200 OK” (got: “{line}”).',
    'error.paste.status': 'Invalid status code in the status line: “{line}”.',
    'error.paste.header': 'Line {n} is not a “Name: value” header: “{line}”.',
    'error.paste.fold': 'Line {n} is a continuation line but no header comes before it.',
    'error.paste.url': 'The page URL must be a full http:// or https:// URL (got: “{url}”).',
    'error.self.origin': 'The start path must be on the same origin as this page ({origin}).',
    'error.self.pages': 'The number of pages must be between 1 and {max}.',
    'error.self.file': 'The self-check only runs when the app is served over http:// or https://, not opened from a file.',
    'error.self.none': 'No page could be fetched from {url}: {message}',
    'error.bundle.json': 'The evidence bundle is not valid JSON: {message}',
    'error.bundle.report': 'The evidence bundle has neither a “report” nor an “evidence” (HAR) member.',
  },
};

export const LANGUAGES = ['vi', 'en'];
const STORAGE_KEY = 'portal-check.lang';

function stored() {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (privacy mode, sandbox)
  }
}

let current = LANGUAGES.includes(stored()) ? stored() : 'vi';

export function getLanguage() {
  return current;
}

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'vi';
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, current);
  } catch {
    // not saved; the switch still works for this visit
  }
  if (globalThis.document) document.documentElement.lang = current;
  return current;
}

export function t(key, params) {
  const raw = STRINGS[current][key] ?? STRINGS.vi[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

// True when the key exists (for tests and for callers with optional strings).
export function has(key) {
  return key in STRINGS.vi;
}

export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [attr, data] of [['placeholder', 'i18nPlaceholder'], ['aria-label', 'i18nAriaLabel'], ['title', 'i18nTitle']]) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.dataset[data]));
  }
  if (root.title !== undefined && has('app.title')) root.title = t('app.title');
}

// Human-readable byte counts ("1,5 MB" in Vietnamese, "1.5 MB" in English).
export function formatBytes(n) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = Number(n) || 0;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  const digits = u === 0 ? 0 : 1;
  return `${v.toLocaleString(current === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[u]}`;
}
