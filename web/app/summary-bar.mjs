// The report's summary bar (index.html #summary-bar): sticky at the top once a report is on
// screen, it names the grade and the number of failing checks and links to the report's parts
// (Điểm · Tiêu chí · Kết quả · Hồ sơ · Xuất). A link is shown only while its target (data-target,
// else data-fallback) is on the page and not hidden; the bar is hidden when no link is. The report
// view renders its parts progressively, so the links follow the page (a MutationObserver on
// <main>, coalesced to one update per frame).
//
// initSummaryBar({t}) wires the bar (once); t: i18n/core.mjs's t. It keeps the bar's height in
//   the page's --summary-h (0 while hidden): app.css pads scrolling by it, so nothing scrolled to
//   or focused lands under the bar, however its links wrap.
// setSummary(report) sets the status from a parsed engine report (docs/report.md: grade.grade,
//   summary.failed {high, medium, low, info}; failing = high + medium + low, as "info" results
//   are not-captured or informational), or clears it for null (an error, a failed bundle whose
//   grade is no result).
// refreshSummary() re-renders the status in the current language and the links' visibility.
import { bringIntoView, isShown } from './lead.mjs';

const bar = document.getElementById('summary-bar');
const status = document.getElementById('summary-status');
let translate = (k) => k;
let summary = null; // {grade: string | null, failed: number} or null
let scheduled = false;

function targetOf(link) {
  for (const id of [link.dataset.target, link.dataset.fallback]) {
    const el = id ? document.getElementById(id) : null;
    if (isShown(el)) return el;
  }
  return null;
}

// Reads only numbers and a short grade string from the report; anything else counts as absent.
function summaryOf(report) {
  if (!report || typeof report !== 'object') return null;
  const f = report.summary?.failed;
  const n = (v) => (Number.isSafeInteger(v) && v >= 0 ? v : 0);
  const failed = f && typeof f === 'object' ? n(f.high) + n(f.medium) + n(f.low) : null;
  const g = report.grade?.grade;
  const grade = typeof g === 'string' && g.length <= 3 ? g : null;
  if (failed === null && grade === null) return null;
  return { grade, failed: failed ?? 0 };
}

export function refreshSummary() {
  scheduled = false;
  let any = false;
  for (const link of bar.querySelectorAll('a[data-target]')) {
    const shown = !!targetOf(link);
    if (link.parentElement.hidden === shown) link.parentElement.hidden = !shown;
    any ||= shown;
  }
  const text = !summary ? ''
    : summary.grade ? translate('summary.status', summary) : translate('summary.statusNoGrade', summary);
  // Only real changes are written: the bar is inside the observed <main>, so an unchanged write
  // would wake the observer again.
  if (status.textContent !== text) status.textContent = text;
  if (bar.hidden === any) bar.hidden = !any;
  keepHeight();
}

// The bar's height in --summary-h, at once (a scroll may follow right away) and on every resize.
function keepHeight() {
  const h = `${bar.hidden ? 0 : bar.offsetHeight}px`;
  const root = document.documentElement;
  if (root.style.getPropertyValue('--summary-h') !== h) root.style.setProperty('--summary-h', h);
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(refreshSummary);
}

export function setSummary(report) {
  summary = summaryOf(report);
  refreshSummary();
}

export function initSummaryBar({ t }) {
  translate = t;
  bar.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-target]');
    if (!link) return;
    const target = targetOf(link);
    if (!target) return;
    e.preventDefault();
    bringIntoView(target);
  });
  new ResizeObserver(keepHeight).observe(bar);
  new MutationObserver(schedule).observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
}
