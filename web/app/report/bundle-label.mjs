// The label (organisation and declaration answers, the shape checklist.mjs keeps) written inside an
// opened evidence bundle, so that the bundle's dossier shows the bundle's own organisation and
// declarations, never the reviewer's locally entered ones.
//
// labelFromBundle(section) → {organization: {ORG_FIELDS: string}, declarations: {id: {answer:
//   'yes' | 'no' | 'unknown', note}}}. section: the bundle's "declarations" section ({organization,
//   declarations: {id: {value: boolean, note?}}}, web/host/bundle/declarations.mjs) or anything else
//   (then an empty label). Values are copied as strings only: they are hostile and rendered as text.
import { emptyLabel, ORG_FIELDS } from './checklist.mjs';
import { isObject } from './model.mjs';

export function labelFromBundle(section) {
  const label = emptyLabel();
  if (!isObject(section)) return label;
  const org = isObject(section.organization) ? section.organization : {};
  for (const k of ORG_FIELDS) {
    if (typeof org[k] === 'string') label.organization[k] = org[k];
  }
  const items = isObject(section.declarations) ? section.declarations : {};
  for (const [id, d] of Object.entries(items)) {
    if (!isObject(d)) continue;
    const answer = d.value === true ? 'yes' : d.value === false ? 'no' : 'unknown';
    label.declarations[id] = { answer, note: typeof d.note === 'string' ? d.note : '' };
  }
  return label;
}
