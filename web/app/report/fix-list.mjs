// "Việc cần làm trước / Fix these first", under the grade: fix-priorities.mjs fixFirst (at most
// MAX_FIXES checks, ranked by grade points, then criteria cleared, then severity), each naming the
// check, why (reasonText in the UI's language) and linking to the check's group in the findings.
//
// renderFixList(ctx, anchors, openGroup) → <section id="report-fixes"> (an empty list says there
//   is nothing to fix), or null for a failed evidence bundle (nothing in it is a result). anchors(checkId) → the group's element id; openGroup(checkId) opens and
//   focuses the group (findings-view.mjs), called on the link's click so a collapsed or filtered
//   group still opens. The link's href is "#" + that id (ours, never from the report).
import { el, uid } from './dom.mjs';
import { fixFirst, reasonText } from '../../host/fix-priorities.mjs';
import { titleOf } from './model.mjs';
import { severityBadge } from './findings-view.mjs';

function groupLink(id, anchor, text, openGroup) {
  const a = document.createElement('a');
  a.href = `#${anchor}`; // an id this view generated (pc-check-N), never report data
  a.className = 'pc-fix-link';
  a.textContent = text;
  a.addEventListener('click', (event) => {
    if (openGroup(id)) event.preventDefault();
  });
  return a;
}

export function renderFixList(ctx, anchors, openGroup) {
  const { report, ruleset, lang, t } = ctx;
  if (ctx.bundle?.state === 'failed') return null;
  const fixes = fixFirst(report, ruleset);
  const hid = uid('pc-fix-h');
  const section = el('section', { class: 'pc-fixes', id: 'report-fixes', 'aria-labelledby': hid },
    el('h3', { id: hid }, t.fixFirstHeading));
  if (!fixes.length) {
    section.append(el('p', { class: 'pc-muted' }, t.fixFirstNone));
    return section;
  }
  section.append(el('p', { class: 'pc-muted' }, t.fixFirstIntro),
    el('ol', { class: 'pc-fix-list' }, fixes.map((f) => el('li', { 'data-key': f.id },
      severityBadge(f.severity, t), ' ', groupLink(f.id, anchors(f.id), titleOf(ruleset, f.id, lang), openGroup),
      el('span', { class: 'pc-muted' }, ` (${t.fixFailing(f.failing, f.pages.length)})`),
      el('ul', { class: 'pc-fix-reasons' }, f.reasons.map((r) => el('li', null, reasonText(r, lang))))))));
  return section;
}
