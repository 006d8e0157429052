// The app shell's strings (index.html, main.mjs, inputs/**) in Vietnamese (default) and English.
// The report's strings live in i18n/report.mjs (the report engineer's); the start page's (the
// three actions, the HAR guide, the summary bar) in i18n/start.mjs, merged here.
//
// t(key, params?) → the string for the current language ({name} placeholders filled from params;
//   a missing key falls back to Vietnamese, then to the key itself, so a gap is visible, never blank).
// getLanguage() → "vi" | "en"; setLanguage(lang) → the language actually set (unknown → "vi"), saved
//   in localStorage when available and applied to <html lang>.
// translatePage(root = document) → fills every [data-i18n] element's text, and the attributes named
//   by data-i18n-placeholder / data-i18n-aria-label / data-i18n-title, from the dictionary.
//   Always text (textContent / setAttribute), never markup.

import { START_STRINGS } from './start.mjs';

const STRINGS = {
  vi: {
    ...START_STRINGS.vi,
    'app.title': 'portal-check — tự kiểm tra bảo mật cổng thông tin',
    'app.heading': 'portal-check',
    'app.tagline': 'Tự kiểm tra bảo mật cổng thông tin điện tử. Mọi dữ liệu được xử lý ngay trong trình duyệt này; không có gì được gửi đi.',
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'skip': 'Bỏ qua, tới báo cáo',
    'profile.label': 'Bộ tiêu chí',
    'profile.tnm': 'Nhãn Tín Nhiệm Mạng — website (cơ bản)',
    'profile.d137': 'Tiêu chí tín nhiệm mạng — Nghị định 137/2024',
    'profile.level2': 'Cấp độ 2',
    'profile.level3': 'Cấp độ 3',
    'profile.observatory': 'Điểm tiêu đề kiểu Observatory',
    'profile.none': 'Không dùng bộ tiêu chí',
    'har.label': 'Chọn tệp HAR',
    'har.drop': 'Hoặc kéo và thả tệp HAR vào đây',
    'paste.help': 'Dòng trạng thái, các tiêu đề, một dòng trống, rồi nội dung (ví dụ: HTTP/1.1 200 OK). Kết quả của curl -siL (nhiều phản hồi liên tiếp) được kiểm tra như một chuỗi chuyển hướng bắt đầu từ địa chỉ trang.',
    'paste.responseLabel': 'Phản hồi HTTP thô',
    'paste.urlLabel': 'Địa chỉ trang (không bắt buộc)',
    'paste.run': 'Kiểm tra phản hồi',
    'self.help': 'Chỉ dùng được khi ứng dụng này được đặt trên chính cổng thông tin cần kiểm tra (cùng nguồn gốc). Trình duyệt duyệt các trang cùng nguồn gốc bằng fetch.',
    'self.hint': 'Một trang web không thể thấy Set-Cookie, thông tin TLS (chứng chỉ, phiên bản) và chuyển hướng từ http://; các mục đó được báo là “chưa thu thập”. Hãy dùng tệp HAR hoặc công cụ dòng lệnh (scripts/portal-check scan URL) để kiểm tra đầy đủ.',
    'self.startLabel': 'Đường dẫn bắt đầu',
    'self.pagesLabel': 'Số trang tối đa',
    'self.run': 'Bắt đầu tự kiểm tra',
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
    'run.cancelled': 'Đã huỷ',
    'run.failed': 'Lỗi',
    'report.heading': 'Báo cáo',
    'checklist.heading': 'Chuẩn bị hồ sơ nhãn',
    'exports.heading': 'Xuất báo cáo',
    'capture.downloadHar': 'Tải HAR',
    'capture.downloadHarHint': 'Tệp HAR do tiện ích ghi lại, chưa che thông tin. Lần ghi không gửi cookie của bạn, nhưng tệp giữ nguyên các cookie và mã phiên mà trang đã cấp cho lần ghi: chỉ gửi cho người được phép xem.',
    'error.extensionCapture': 'Không tìm thấy bản ghi từ tiện ích; hãy bấm nút tiện ích lại.',
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
    'error.paste.onlyInterim': 'Chỉ có phản hồi tạm thời (1xx, ví dụ 100 Continue), không có phản hồi cuối cùng (nhận được: “{line}”).',
    'error.paste.tooManyRedirects': 'Chuỗi chuyển hướng có {count} lần chuyển hướng; tối đa là {max} (như trình duyệt).',
    'error.paste.noLocation': 'Phản hồi chuyển hướng ở dòng {n} (mã {status}) không có tiêu đề Location nên không biết phản hồi sau thuộc địa chỉ nào.',
    'error.paste.location': 'Tiêu đề Location của phản hồi ở dòng {n} không phải là URL http:// hoặc https:// (nhận được: “{location}”).',
    'error.self.origin': 'Đường dẫn bắt đầu phải cùng nguồn gốc với trang này ({origin}).',
    'error.self.pages': 'Số trang phải từ 1 đến {max}.',
    'error.self.file': 'Tự kiểm tra chỉ chạy khi ứng dụng được phục vụ qua http:// hoặc https://, không phải mở trực tiếp từ tệp.',
    'error.self.none': 'Không tải được trang nào từ {url}: {message}',
    'error.bundle.json': 'Tệp gói bằng chứng không phải JSON hợp lệ: {message}',
    'error.bundle.report': 'Gói bằng chứng không có “report” (báo cáo) cũng không có “evidence” (bằng chứng HAR).',
    'bundle.help': "Tệp JSON của một gói bằng chứng: kiểm tra mã băm từng phần, chữ ký, rồi chạy lại kiểm tra trên bằng chứng trong gói và so sánh với báo cáo đã lưu.",
    'bundle.trustedLabel': "Khoá công khai đã đăng ký (JWK, không bắt buộc)",
    'bundle.trustedNone': "Chưa chọn khoá công khai: chữ ký chỉ được kiểm tra với khoá ghi trong gói.",
    'bundle.trustedSet': "Khoá công khai dùng để đối chiếu: {fingerprint}",
    'bundle.sectionHeading': "Gói bằng chứng",
    'bundle.create': "Tạo gói bằng chứng",
    'bundle.createHint': "Gói gồm bằng chứng đã che thông tin nhạy cảm (cookie, token, mật khẩu), bộ quy tắc, thông tin tổ chức và nội dung tự khai ở mục trên, báo cáo, mã băm và chữ ký (nếu đã có khoá).",
    'bundle.download': "Tải gói bằng chứng (JSON)",
    'bundle.dossier': "Tải hồ sơ đề nghị (ZIP: gói bằng chứng + báo cáo in)",
    'bundle.rulesCurrent': "Kiểm tra lại với bộ quy tắc hiện tại",
    'bundle.verifyHeading': "Kết quả xác minh gói bằng chứng",
    'bundle.createdHeading': "Đã tạo gói bằng chứng",
    'bundle.createdSigned': "Đã tạo gói bằng chứng và ký bằng khoá của tổ chức. Báo cáo bên dưới là báo cáo trong gói (chạy trên bằng chứng đã che).",
    'bundle.createdUnsigned': "Đã tạo gói bằng chứng (chưa ký: chưa có khoá). Báo cáo bên dưới là báo cáo trong gói (chạy trên bằng chứng đã che).",
    'bundle.allOk': "Gói hợp lệ: mọi phần khớp mã băm và chạy lại cho báo cáo giống hệt.",
    'bundle.sectionsFail': "Gói KHÔNG hợp lệ: các phần bị thay đổi: {names}.",
    'bundle.notOk': "Gói KHÔNG hợp lệ (xem chi tiết bên dưới).",
    'bundle.section': "Phần",
    'bundle.digestStatus': "Mã băm SHA-256",
    'bundle.ok': "Khớp",
    'bundle.fail': "Không khớp",
    'bundle.signature': "Chữ ký",
    'bundle.sigAbsent': "gói chưa ký",
    'bundle.sigBad': "chữ ký KHÔNG hợp lệ",
    'bundle.sigUntrusted': "chữ ký hợp lệ nhưng khoá ký không khớp với khoá công khai đã đăng ký",
    'bundle.sigTrusted': "hợp lệ, khớp với khoá công khai đã đăng ký",
    'bundle.sigGood': "hợp lệ (với khoá ghi trong gói; hãy đối chiếu dấu vân tay)",
    'bundle.fingerprint': "Dấu vân tay khoá công khai",
    'bundle.trustedKey': "Khoá đối chiếu",
    'bundle.unsigned': "chưa ký",
    'bundle.none': "—",
    'bundle.reportDigest': "Mã băm SHA-256 của báo cáo",
    'bundle.replay': "Chạy lại",
    'bundle.replayNotRun': "không chạy được",
    'bundle.replayIdentical': "báo cáo chạy lại giống hệt báo cáo trong gói (từng byte)",
    'bundle.replayDiffers': "báo cáo chạy lại KHÁC báo cáo trong gói",
    'bundle.versionDiffers': "Gói được tạo bằng bộ máy phiên bản {bundle}; bộ máy hiện tại là {current}.",
    'bundle.versionSame': "Bộ máy phiên bản {version}.",
    'bundle.diffHeading': "So sánh với bộ quy tắc hiện tại",
    'bundle.diffEngine': "Kiểm tra lại bằng chứng trong gói với bộ máy và bộ quy tắc hiện tại (phiên bản {version}). Báo cáo bên trên là kết quả mới.",
    'bundle.diff.new': "Vấn đề mới ({n})",
    'bundle.diff.resolved': "Vấn đề đã khắc phục / không còn ({n})",
    'bundle.diff.changed': "Vấn đề thay đổi ({n})",
    'bundle.diff.none': "Không có.",
    'bundle.diff.more': "… và {n} mục nữa.",
    'keys.heading': "Khoá ký của tổ chức",
    'keys.help': "Cặp khoá ECDSA P-256 để ký gói bằng chứng. Khoá được lưu trong trình duyệt này (IndexedDB) và có thể xuất ra tệp để sao lưu hoặc dùng với công cụ dòng lệnh; khoá bí mật không bao giờ nằm trong gói. Hãy giữ tệp khoá bí mật cẩn thận.",
    'keys.none': "Chưa có khoá: gói bằng chứng sẽ không được ký.",
    'keys.loaded': "Đã có khoá ký (lưu trong trình duyệt này). Gói bằng chứng sẽ được ký.",
    'keys.fingerprint': "Dấu vân tay khoá công khai",
    'keys.create': "Tạo cặp khoá",
    'keys.export': "Xuất khoá bí mật (JWK)",
    'keys.exportPublic': "Xuất khoá công khai (JWK)",
    'keys.forget': "Xoá khoá khỏi trình duyệt",
    'keys.import': "Nhập khoá bí mật từ tệp JWK",
    'run.doneBundleOk': "Đã xác minh gói bằng chứng: hợp lệ.",
    'run.doneBundleFail': "Đã mở gói bằng chứng: KHÔNG hợp lệ (xem mục Gói bằng chứng).",
    'run.doneBundleIntact': "Đã mở gói bằng chứng: toàn vẹn, chưa xác minh người ký.",
    'bundle.trustedOrgLabel': "Tên tổ chức sở hữu khoá này (không bắt buộc)",
    'bundle.sigUnknown': "hợp lệ, nhưng khoá ký chưa được bạn tin cậy (hãy đối chiếu dấu vân tay)",
    'verdict.kicker': "Kết quả xác minh gói bằng chứng",
    'verdict.title.verified': "HỢP LỆ — đã xác minh người ký",
    'verdict.title.intact': "Toàn vẹn, chưa xác minh người ký",
    'verdict.title.failed': "KHÔNG HỢP LỆ",
    'verdict.lead.verified': "Mọi phần khớp mã băm, chữ ký hợp lệ bằng khoá bạn tin cậy, và chạy lại cho báo cáo giống hệt. Báo cáo bên dưới là kết quả của gói này.",
    'verdict.lead.unsigned': "Mọi phần khớp mã băm và chạy lại cho báo cáo giống hệt, nhưng gói KHÔNG có chữ ký: không xác định được ai đã tạo gói. Báo cáo bên dưới chưa được xác minh người ký.",
    'verdict.lead.unknownSigner': "Mọi phần khớp mã băm và chạy lại cho báo cáo giống hệt, nhưng gói được ký bằng một khoá bạn chưa tin cậy. Hãy đối chiếu dấu vân tay với khoá công khai tổ chức đã đăng ký, hoặc chọn khoá đó ở mục “Khoá công khai đã đăng ký”. Báo cáo bên dưới chưa được xác minh người ký.",
    'verdict.lead.failed': "Gói đã bị thay đổi hoặc không kiểm chứng được (bước: {step}). Hạng và các phát hiện ghi trong gói KHÔNG phải là kết quả kiểm tra; không tải được hồ sơ đề nghị và không in được.",
    'verdict.organization': "Tổ chức ký (khoá bạn tin cậy)",
    'verdict.organizationUnnamed': "khoá bạn tin cậy (chưa ghi tên tổ chức)",
    'verdict.noSignature': "Gói chưa ký: không có dấu vân tay khoá nào.",
    'verdict.keyNotTrusted': "(khoá chưa được tin cậy)",
    'verdict.showReport': "Hiện nội dung gói (KHÔNG HỢP LỆ, không phải kết quả)",
    'verdict.hideReport': "Ẩn nội dung gói không hợp lệ",
    'verdict.voidReportHeading': "Nội dung gói KHÔNG HỢP LỆ — không phải kết quả kiểm tra",
    'run.bundleCreated': "Đã tạo gói bằng chứng.",
    'run.bundle.verify': "Đang xác minh gói bằng chứng (mã băm, chữ ký, chạy lại)…",
    'run.bundle.create': "Đang tạo gói bằng chứng (che thông tin nhạy cảm, kiểm tra lại, ký)…",
    'run.bundle.audit': "Đang kiểm tra lại với bộ quy tắc hiện tại…",
    'error.bundle.parse': "Không đọc được gói bằng chứng: {message}",
    'error.bundleLoad': "Không tải được thư viện gói bằng chứng: {message}",
    'error.key.json': "Tệp khoá không phải JSON hợp lệ: {message}",
    'error.key.kind': "Tệp khoá không phải khoá EC P-256 (JWK).",
    'error.key.public': "Đây là khoá công khai; hãy chọn tệp khoá bí mật (có trường “d”).",
    'error.key.import': "Không nhập được khoá: {message}",
    'error.key.other': "Lỗi khoá ký: {message}",
  },
  en: {
    ...START_STRINGS.en,
    'app.title': 'portal-check — portal security self-check',
    'app.heading': 'portal-check',
    'app.tagline': 'A security self-check for web portals. Everything is processed in this browser; nothing is sent anywhere.',
    'lang.switch': 'Tiếng Việt',
    'lang.switchLabel': 'Chuyển sang tiếng Việt',
    'skip': 'Skip to the report',
    'profile.label': 'Criteria profile',
    'profile.tnm': 'Tín Nhiệm Mạng website label (basic)',
    'profile.d137': 'Network-trust criteria — Decree 137/2024',
    'profile.level2': 'Security level 2',
    'profile.level3': 'Security level 3',
    'profile.observatory': 'Observatory-style header grade',
    'profile.none': 'No criteria profile',
    'har.label': 'Choose a HAR file',
    'har.drop': 'Or drag and drop a HAR file here',
    'paste.help': 'Status line, headers, a blank line, then the body (e.g. HTTP/1.1 200 OK). The output of curl -siL (several responses in a row) is audited as a redirect chain starting at the page URL.',
    'paste.responseLabel': 'Raw HTTP response',
    'paste.urlLabel': 'Page URL (optional)',
    'paste.run': 'Check the response',
    'self.help': 'Works only when this app is served from the portal being checked (same origin). The browser crawls same-origin pages with fetch.',
    'self.hint': 'A page script cannot see Set-Cookie, TLS details (certificate, version) or the redirect from http://; those are reported as “not captured”. Use a HAR file or the command line (scripts/portal-check scan URL) for a complete check.',
    'self.startLabel': 'Start path',
    'self.pagesLabel': 'Maximum pages',
    'self.run': 'Start the self-check',
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
    'run.cancelled': 'Cancelled',
    'run.failed': 'Error',
    'report.heading': 'Report',
    'checklist.heading': 'Label preparation',
    'exports.heading': 'Export',
    'capture.downloadHar': 'Download HAR',
    'capture.downloadHarHint': 'The HAR the extension recorded, not redacted. The capture sent none of your cookies, but the file keeps the cookies and session ids the site issued to the capture: share it only with those allowed to see them.',
    'error.extensionCapture': 'The extension\'s capture was not found; click the extension\'s button again.',
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
    'error.paste.onlyInterim': 'Only interim responses (1xx, e.g. 100 Continue) and no final response (got: “{line}”).',
    'error.paste.tooManyRedirects': 'The redirect chain holds {count} redirects; at most {max} are accepted (as browsers do).',
    'error.paste.noLocation': 'The redirect at line {n} (status {status}) has no Location header, so the next response\'s URL is unknown.',
    'error.paste.location': 'The Location header of the response at line {n} is not an http:// or https:// URL (got: “{location}”).',
    'error.self.origin': 'The start path must be on the same origin as this page ({origin}).',
    'error.self.pages': 'The number of pages must be between 1 and {max}.',
    'error.self.file': 'The self-check only runs when the app is served over http:// or https://, not opened from a file.',
    'error.self.none': 'No page could be fetched from {url}: {message}',
    'error.bundle.json': 'The evidence bundle is not valid JSON: {message}',
    'error.bundle.report': 'The evidence bundle has neither a “report” nor an “evidence” (HAR) member.',
    'bundle.help': "An evidence bundle JSON file: checks each section’s digest and the signature, then re-runs the audit on the bundle’s evidence and compares it with the saved report.",
    'bundle.trustedLabel': "Registered public key (JWK, optional)",
    'bundle.trustedNone': "No public key chosen: the signature is only checked against the key inside the bundle.",
    'bundle.trustedSet': "Public key to compare with: {fingerprint}",
    'bundle.sectionHeading': "Evidence bundle",
    'bundle.create': "Create evidence bundle",
    'bundle.createHint': "The bundle holds the redacted evidence (cookies, tokens, passwords masked), the ruleset, the organisation details and declarations from above, the report, digests and a signature (when a key is loaded).",
    'bundle.download': "Download the evidence bundle (JSON)",
    'bundle.dossier': "Download the application dossier (ZIP: bundle + printable report)",
    'bundle.rulesCurrent': "Re-audit with current rules",
    'bundle.verifyHeading': "Evidence bundle verification",
    'bundle.createdHeading': "Evidence bundle created",
    'bundle.createdSigned': "Evidence bundle created and signed with the organisation’s key. The report below is the bundle’s (audited on the redacted evidence).",
    'bundle.createdUnsigned': "Evidence bundle created (unsigned: no key loaded). The report below is the bundle’s (audited on the redacted evidence).",
    'bundle.allOk': "Valid bundle: every section matches its digest and the replay gives an identical report.",
    'bundle.sectionsFail': "INVALID bundle: changed sections: {names}.",
    'bundle.notOk': "INVALID bundle (see the details below).",
    'bundle.section': "Section",
    'bundle.digestStatus': "SHA-256 digest",
    'bundle.ok': "Matches",
    'bundle.fail': "Does not match",
    'bundle.signature': "Signature",
    'bundle.sigAbsent': "the bundle is unsigned",
    'bundle.sigBad': "the signature is NOT valid",
    'bundle.sigUntrusted': "the signature is valid but the signing key does not match the registered public key",
    'bundle.sigTrusted': "valid, matches the registered public key",
    'bundle.sigGood': "valid (with the key inside the bundle; compare the fingerprint)",
    'bundle.fingerprint': "Public key fingerprint",
    'bundle.trustedKey': "Key compared with",
    'bundle.unsigned': "unsigned",
    'bundle.none': "—",
    'bundle.reportDigest': "SHA-256 digest of the report",
    'bundle.replay': "Replay",
    'bundle.replayNotRun': "could not run",
    'bundle.replayIdentical': "the replayed report is byte-identical to the bundle’s report",
    'bundle.replayDiffers': "the replayed report DIFFERS from the bundle’s report",
    'bundle.versionDiffers': "The bundle was made by engine version {bundle}; the current engine is {current}.",
    'bundle.versionSame': "Engine version {version}.",
    'bundle.diffHeading': "Compared with the current rules",
    'bundle.diffEngine': "The bundle’s evidence re-audited with the current engine and rules (version {version}). The report above is the new result.",
    'bundle.diff.new': "New findings ({n})",
    'bundle.diff.resolved': "Resolved findings ({n})",
    'bundle.diff.changed': "Changed findings ({n})",
    'bundle.diff.none': "None.",
    'bundle.diff.more': "… and {n} more.",
    'keys.heading': "Organisation signing key",
    'keys.help': "An ECDSA P-256 key pair to sign evidence bundles. It is kept in this browser (IndexedDB) and can be exported to a file for a backup or for the command-line tool; the private key never goes into a bundle. Keep the private key file safe.",
    'keys.none': "No key: evidence bundles will be unsigned.",
    'keys.loaded': "A signing key is loaded (kept in this browser). Evidence bundles will be signed.",
    'keys.fingerprint': "Public key fingerprint",
    'keys.create': "Create a key pair",
    'keys.export': "Export the private key (JWK)",
    'keys.exportPublic': "Export the public key (JWK)",
    'keys.forget': "Remove the key from this browser",
    'keys.import': "Import a private key from a JWK file",
    'run.doneBundleOk': "Evidence bundle verified: valid.",
    'run.doneBundleFail': "Evidence bundle opened: NOT valid (see Evidence bundle).",
    'run.doneBundleIntact': "Evidence bundle opened: intact, signer not verified.",
    'bundle.trustedOrgLabel': "Organisation that owns this key (optional)",
    'bundle.sigUnknown': "valid, but the signing key is not one you trust (compare the fingerprint)",
    'verdict.kicker': "Evidence bundle verification",
    'verdict.title.verified': "VALID — signer verified",
    'verdict.title.intact': "Intact, signer not verified",
    'verdict.title.failed': "NOT VALID",
    'verdict.lead.verified': "Every section matches its digest, the signature is valid with a key you trust, and the replay gives an identical report. The report below is this bundle's result.",
    'verdict.lead.unsigned': "Every section matches its digest and the replay gives an identical report, but the bundle is NOT signed: nobody can tell who made it. The report below has no verified signer.",
    'verdict.lead.unknownSigner': "Every section matches its digest and the replay gives an identical report, but the bundle is signed with a key you do not trust yet. Compare the fingerprint with the organisation's registered public key, or choose that key under “Registered public key”. The report below has no verified signer.",
    'verdict.lead.failed': "The bundle was changed or cannot be verified (step: {step}). The grade and findings written in it are NOT an audit result; the application dossier cannot be downloaded or printed.",
    'verdict.organization': "Signing organisation (a key you trust)",
    'verdict.organizationUnnamed': "a key you trust (no organisation name given)",
    'verdict.noSignature': "The bundle is unsigned: there is no key fingerprint.",
    'verdict.keyNotTrusted': "(key not trusted)",
    'verdict.showReport': "Show the bundle's contents (NOT VALID, not a result)",
    'verdict.hideReport': "Hide the invalid bundle's contents",
    'verdict.voidReportHeading': "Contents of a bundle that is NOT VALID — not an audit result",
    'run.bundleCreated': "Evidence bundle created.",
    'run.bundle.verify': "Verifying the evidence bundle (digests, signature, replay)…",
    'run.bundle.create': "Creating the evidence bundle (redaction, audit, signature)…",
    'run.bundle.audit': "Re-auditing with the current rules…",
    'error.bundle.parse': "Could not read the evidence bundle: {message}",
    'error.bundleLoad': "Could not load the evidence bundle library: {message}",
    'error.key.json': "The key file is not valid JSON: {message}",
    'error.key.kind': "The key file is not an EC P-256 key (JWK).",
    'error.key.public': "This is a public key; choose the private key file (with a “d” member).",
    'error.key.import': "Could not import the key: {message}",
    'error.key.other': "Signing key error: {message}",
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
