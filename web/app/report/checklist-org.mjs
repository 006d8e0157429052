// The checklist's organisation form (#checklist .pc-org): the details the label application and
// the printable dossier ask for, one labelled control each, folded in a <details> whose summary
// says how many are filled ("Đã điền 5/12 mục — <name>"). Two columns on wide screens, one on a
// phone (report.css).
//
// renderOrgForm(ctx, previous) → <section>, where ctx = {t, label, report, onLabelChange} (as
//   renderChecklist's) and previous: the form this one replaces (or null). The form is open while
//   the organisation has no name; once named it starts collapsed, unless the previous form was
//   open on a named organisation (opened by the user, or named while being filled: a language
//   switch keeps it open). Every edit updates
//   ctx.label.organization and the summary, then calls ctx.onLabelChange().
import { el, uid } from './dom.mjs';
import { str } from './model.mjs';

export const ORG_FIELDS = ['name', 'unit_code', 'address', 'representative', 'contact_name', 'contact_email', 'contact_phone', 'websites',
  'doc_number', 'place', 'signatory', 'signatory_title'];
export const ORG_MAX = 1000; // declarations.schema.json: organization values ≤ 1000 characters
const MULTILINE = new Set(['address', 'websites']);
const INPUT_TYPES = { contact_email: 'email', contact_phone: 'tel' };
const AUTOCOMPLETE = { name: 'organization', address: 'street-address', contact_name: 'name', contact_email: 'email', contact_phone: 'tel' };
const NAMED = 'org-named'; // data-key of a form rendered for a named organisation
const UNNAMED = 'org-unnamed';

const filledCount = (organization) => ORG_FIELDS.filter((k) => str(organization[k]).trim()).length;

function summaryText(organization, t) {
  const name = str(organization.name).trim();
  return `${t.orgFilled(filledCount(organization), ORG_FIELDS.length)}${name ? ` — ${name}` : ''}`;
}

function orgField(key, ctx, onEdit) {
  const { t, label } = ctx;
  const id = uid('pc-org');
  const control = MULTILINE.has(key)
    ? el('textarea', { id, name: key, rows: 2, maxlength: ORG_MAX, autocomplete: AUTOCOMPLETE[key] || 'off' })
    : el('input', { id, name: key, type: INPUT_TYPES[key] || 'text', maxlength: ORG_MAX, autocomplete: AUTOCOMPLETE[key] || 'off' });
  control.value = str(label.organization[key]);
  if (key === 'websites' && ctx.report?.target) {
    try { control.placeholder = new URL(str(ctx.report.target)).origin; } catch { /* no placeholder */ }
  }
  control.addEventListener('input', () => { label.organization[key] = control.value; onEdit(); });
  return el('div', { class: `pc-field pc-org-${key}` }, el('label', { for: id }, t.org[key]), control);
}

export function renderOrgForm(ctx, previous) {
  const { t, label } = ctx;
  const heading = uid('pc-org-h');
  const named = str(label.organization.name).trim() !== '';
  const keepOpen = previous?.open === true && previous.dataset.key === NAMED;
  // The summary is the organisation's own text (user input): a text node, never markup.
  const summary = el('summary', null, summaryText(label.organization, t));
  const onEdit = () => {
    summary.textContent = summaryText(label.organization, t);
    form.dataset.key = str(label.organization.name).trim() ? NAMED : UNNAMED;
    ctx.onLabelChange();
  };
  const form = el('details', { class: 'pc-org-form', 'data-key': named ? NAMED : UNNAMED, open: !named || keepOpen },
    summary, el('div', { class: 'pc-org-grid' }, ORG_FIELDS.map((k) => orgField(k, ctx, onEdit))));
  return el('section', { class: 'pc-org', 'aria-labelledby': heading }, el('h3', { id: heading }, t.orgHeading), form);
}
