// The capture page's texts, Vietnamese (default) and English, in the app's language setting
// (web/app/i18n/core.mjs getLanguage). captureText(key, params) → string; {name} is replaced.
import { getLanguage } from '../app/i18n/core.mjs';

const STRINGS = {
  vi: {
    title: 'portal-check — ghi lại trang',
    what: 'Đang ghi lại trang này như một người truy cập lần đầu (http và https, chuỗi chuyển hướng, cookie, TLS, tối đa {pages} trang cùng site), trong một thẻ riêng. Không có gì được gửi khỏi máy này.',
    cancel: 'Hủy',
    again: 'Ghi lại lần nữa',
    progress: 'Đã gửi {requests} yêu cầu, {pages} trang.',
    auditing: 'Đã ghi xong; đang mở báo cáo…',
    cancelled: 'Đã hủy. Trình gỡ lỗi đã được tách khỏi thẻ ghi.',
    lost: 'Việc ghi đã dừng vì thẻ ghi bị đóng hoặc trình gỡ lỗi bị hủy.',
    badTarget: 'Chỉ kiểm tra được trang http:// hoặc https://. Hãy mở trang của cổng thông tin rồi bấm nút portal-check.',
    noAnswer: 'Không nhận được trả lời nào từ {target} ({error}).',
    failed: 'Không ghi được: {error}',
  },
  en: {
    title: 'portal-check — capturing the site',
    what: 'Recording this site as a first-time visitor would see it (http and https, redirect chains, cookies, TLS, up to {pages} pages of the site) in a tab of its own. Nothing leaves this machine.',
    cancel: 'Cancel',
    again: 'Capture again',
    progress: '{requests} requests sent, {pages} pages.',
    auditing: 'Capture done; opening the report…',
    cancelled: 'Cancelled. The debugger was detached from the capture tab.',
    lost: 'The capture stopped: its tab was closed or the debugging was cancelled.',
    badTarget: 'Only http:// and https:// pages can be checked. Open a page of the portal, then click the portal-check button.',
    noAnswer: 'No answer at all from {target} ({error}).',
    failed: 'The capture failed: {error}',
  },
};

export function captureText(key, params) {
  const lang = getLanguage() === 'en' ? 'en' : 'vi';
  const raw = STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
  return params ? raw.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : raw;
}
