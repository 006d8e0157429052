// The verdict banner of an opened evidence bundle (#verdict-section, above the report): the first
// thing the reviewer sees. Valid with a trusted signer, intact with an unknown or absent signer, or
// NOT VALID (role=alert; the bundle's grade and findings stay hidden behind a toggle and are never
// presented as its result). Titles and explanations from i18n/core.mjs ("verdict.*"); step names and
// problem texts from web/host/bundle/verify-messages.mjs (through verdict.mjs problemLines). Every value from the bundle (fingerprints, organisation, problem
// texts) goes in as text (report/dom.mjs), never markup.
//
// renderVerdict(container, {verdict, lang, reportShown, onToggleReport}) → void. verdict: from
//   verdictOf; reportShown: whether a failed bundle's contents are currently expanded;
//   onToggleReport(): called by the show/hide button (failed bundles only; null: no contents to
//   show, no button).
import { el, fill, siteText } from '../report/dom.mjs';
import { t } from '../i18n/core.mjs';
import { problemLines } from './verdict.mjs';
import { stepName } from '../../host/bundle/verify-messages.mjs';

const MAX_PROBLEMS = 50;

function leadKey(verdict) {
  if (verdict.state === 'verified') return 'verdict.lead.verified';
  if (verdict.state === 'failed') return 'verdict.lead.failed';
  return verdict.signer ? 'verdict.lead.unknownSigner' : 'verdict.lead.unsigned';
}

function signerLines(verdict) {
  const s = verdict.signer;
  if (!s) return el('p', { class: 'verdict-signer', id: 'verdict-signer' }, t('verdict.noSignature'));
  return el('dl', { class: 'verdict-signer', id: 'verdict-signer' },
    verdict.state === 'verified' ? [el('dt', null, t('verdict.organization')),
      el('dd', { id: 'verdict-organization' }, s.organization ? siteText(s.organization) : t('verdict.organizationUnnamed'))] : null,
    el('dt', null, t('bundle.fingerprint')),
    el('dd', null, s.fingerprint ? el('code', { id: 'verdict-fingerprint' }, siteText(s.fingerprint)) : t('bundle.none'),
      s.trusted ? null : [' ', el('span', { class: 'verdict-untrusted' }, t('verdict.keyNotTrusted'))]));
}

export function renderVerdict(container, { verdict, lang, reportShown = false, onToggleReport = null }) {
  const failed = verdict.state === 'failed';
  const lines = problemLines(verdict, lang);
  const toggle = failed && onToggleReport ? el('button', { type: 'button', id: 'verdict-show-report', class: 'verdict-toggle', 'aria-expanded': String(reportShown), 'aria-controls': 'report-section' },
    t(reportShown ? 'verdict.hideReport' : 'verdict.showReport')) : null;
  toggle?.addEventListener('click', () => onToggleReport());
  fill(container, el('div', { id: 'bundle-verdict', class: `verdict verdict-${verdict.state}`, role: failed ? 'alert' : 'status', 'data-state': verdict.state },
    el('p', { class: 'verdict-kicker' }, t('verdict.kicker')),
    el('h2', { id: 'verdict-title', class: 'verdict-title' },
      el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, failed ? '✗' : verdict.state === 'verified' ? '✓' : '!'), ' ',
      t(`verdict.title.${verdict.state}`)),
    el('p', { class: 'verdict-lead', id: 'verdict-lead' },
      t(leadKey(verdict), { step: verdict.failedStep ? stepName(verdict.failedStep, lang) : '' })),
    failed ? null : signerLines(verdict),
    lines.length ? el('ul', { class: 'verdict-problems', id: 'verdict-problems' },
      lines.slice(0, MAX_PROBLEMS).map((line) => el('li', null, siteText(line)))) : null,
    lines.length > MAX_PROBLEMS ? el('p', null, t('bundle.diff.more', { n: lines.length - MAX_PROBLEMS })) : null,
    toggle));
}
