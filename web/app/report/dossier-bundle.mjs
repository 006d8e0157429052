// The dossier's evidence-bundle block and signature block.
//
// dossierBundle(ctx, d) → <section id="pc-d-bundle">: the SHA-256 digest of every section of the
//   evidence bundle (manifest, evidence, ruleset, declarations, report: web/host/bundle/format.mjs
//   SECTIONS) so that a reviewer can match the paper with the bundle file, and the signing key's
//   fingerprint when the bundle is signed, or a plain statement that it is not; without a bundle,
//   that there is none. ctx.bundleInfo (render.mjs setBundleInfo): {reportDigest, fingerprint,
//   signed, digests: {section: hex}, capturedAt} or null. Digests and fingerprints of an opened
//   bundle come from the file: text only.
// dossierSignature(ctx, d) → <section class="pc-sign">: "NGƯỜI ĐẠI DIỆN", "(Ký tên, đóng dấu)", space
//   for the signature and the seal, then the signatory's name (checklist: signatory, else the
//   representative) and position, as Decree 30/2020/NĐ-CP Annex I places them.
import { el, siteText } from './dom.mjs';
import { isObject, str } from './model.mjs';

export const BUNDLE_SECTIONS = ['manifest', 'evidence', 'ruleset', 'declarations', 'report'];

function digestOf(info, section) {
  const digests = isObject(info.digests) ? info.digests : {};
  const v = str(digests[section]);
  if (v) return v.startsWith('sha256:') ? v : `sha256:${v}`;
  return section === 'report' ? str(info.reportDigest) : '';
}

export function dossierBundle(ctx, d) {
  const { t } = ctx;
  const info = isObject(ctx.bundleInfo) ? ctx.bundleInfo : null;
  const hasBundle = !!(info && (info.reportDigest || isObject(info.digests)));
  const parts = [el('h3', null, d.bundleHeading)];
  if (!hasBundle) {
    parts.push(el('p', { class: 'pc-d-nobundle' }, d.noBundle));
  } else {
    // One line per digest, never wrapped (dossier.css): a reviewer compares it character by character.
    parts.push(el('p', null, `${d.sectionDigests}:`), el('dl', { class: 'pc-d-digests' },
      BUNDLE_SECTIONS.map((s) => [el('dt', { 'data-key': s }, `${d.section[s]}:`),
        el('dd', null, digestOf(info, s) ? el('code', { class: 'pc-d-digest' }, siteText(digestOf(info, s))) : el('span', { class: 'pc-muted' }, t.empty))])));
    if (info.fingerprint) {
      parts.push(el('p', { class: 'pc-d-signed' }, `${d.signedWith}: `, el('code', { class: 'pc-d-fingerprint' }, siteText(str(info.fingerprint)))),
        el('p', { class: 'pc-muted' }, t.dossierFingerprintHint));
    } else {
      parts.push(el('p', { class: 'pc-d-unsigned', id: 'pc-d-unsigned' }, d.unsignedBundle));
    }
  }
  return el('section', { class: 'pc-d-section pc-d-bundle', id: 'pc-d-bundle' }, parts);
}

export function dossierSignature(ctx, d) {
  const org = ctx.label?.organization || {};
  const name = str(org.signatory).trim() || str(org.representative).trim();
  const title = str(org.signatory_title).trim();
  return el('section', { class: 'pc-sign', id: 'pc-d-sign' },
    el('p', { class: 'pc-sign-head' }, title ? siteText(title.toUpperCase()) : d.signHeading),
    el('p', { class: 'pc-sign-note' }, d.signNote),
    el('div', { class: 'pc-sign-space' }),
    el('p', { class: 'pc-sign-name' }, name ? siteText(name) : ''));
}
