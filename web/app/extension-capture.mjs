// The app page inside the portal-check extension: which capture the extension handed over, and the
// file name of its HAR download. Pure (no DOM); main.mjs opens the capture
// (../extension/handoff.mjs takeCapture) and audits it like an opened HAR file.
//
// extensionCaptureKey(loc = location) → the key string of `#extension-capture=<key>` (percent-
//   decoded) when the page runs as an extension page (protocol `chrome-extension:`), else null
//   (an ordinary served app never reads the hash this way).
// captureHarFileName(target, started, now = new Date()) → 'portal-check-<host>-<yyyymmdd-hhmm>.har':
//   host as the report's other exports name it (report/model.mjs fileHost: 'site' when target is
//   not a URL), the time `started` (ISO 8601 string or ms since the epoch; `now` when missing or
//   not a time) in the browser's local time zone, as the user reads a download's name.
import { fileHost } from './report/model.mjs';

export const EXTENSION_CAPTURE_HASH = '#extension-capture=';

export function extensionCaptureKey(loc = globalThis.location) {
  if (loc?.protocol !== 'chrome-extension:') return null;
  const hash = String(loc.hash ?? '');
  if (!hash.startsWith(EXTENSION_CAPTURE_HASH)) return null;
  let key;
  try { key = decodeURIComponent(hash.slice(EXTENSION_CAPTURE_HASH.length)); } catch { return null; }
  return key === '' ? null : key;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

export function captureHarFileName(target, started, now = new Date()) {
  let when = typeof started === 'string' || typeof started === 'number' ? new Date(started) : now;
  if (Number.isNaN(when.getTime())) when = now;
  const stamp = `${pad(when.getFullYear(), 4)}${pad(when.getMonth() + 1)}${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  return `portal-check-${fileHost({ target })}-${stamp}.har`;
}
