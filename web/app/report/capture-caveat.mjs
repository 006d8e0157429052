// The caveat shown with the grade when the evidence came from the app's same-origin self-check
// (inputs/self-check.mjs, capture method "browser-same-origin"): a script in the page cannot see
// Set-Cookie (so neither HttpOnly cookies), the TLS certificate and version, the http:// redirect,
// nor response headers the browser does not expose to it, so the grade leaves those out.
//
// captureCaveat(ctx) → a <p class="pc-caveat"> (visible text, both in the report view and in the
//   printable dossier) when ctx.captureMethod is SELF_CHECK_METHOD, else null. ctx.t: the report
//   strings (i18n/report.mjs: selfCheckCaveatTitle, selfCheckCaveat).
import { el } from './dom.mjs';

export const SELF_CHECK_METHOD = 'browser-same-origin';

export function captureCaveat(ctx) {
  if (ctx.captureMethod !== SELF_CHECK_METHOD) return null;
  const { t } = ctx;
  return el('p', { class: 'pc-caveat', role: 'note' }, el('strong', null, t.selfCheckCaveatTitle), ' ', t.selfCheckCaveat);
}
