// Leads the user to what just happened: after a run the app scrolls to and focuses the report,
// the verdict or the error (main.mjs); the summary bar's links do the same for their targets
// (summary-bar.mjs).
//
// bringIntoView(el) scrolls `el` to the top of the viewport (below the sticky summary bar: the
//   page's scroll-padding-top, app.css) and moves the focus to it without a second scroll. An
//   element that is not focusable gets tabindex="-1" first. Smooth scrolling unless the user
//   prefers reduced motion. No-op for null.
// isShown(el) → true when `el` exists, is not inside a [hidden] element and has a layout box.

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

export function prefersReducedMotion() {
  return !!globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export function isShown(el) {
  return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
}

export function bringIntoView(el) {
  if (!el) return;
  if (!el.matches(FOCUSABLE)) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  el.focus({ preventScroll: true });
}
