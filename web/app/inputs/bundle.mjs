// The evidence-bundle panel (#bundle-panel): what verification found (per-section digests, the
// signature and the key fingerprint, the replay: identical or not, the engine version note), what
// creation produced (report digest, fingerprint), and the re-audit diff with the current rules.
// The work itself (parse, digests, signature, replay, diff) runs in the worker (worker.mjs); this
// module only renders its results. Every value from the bundle (section names, errors, finding ids,
// versions) is site- or file-controlled: text nodes only (report/dom.mjs), never markup.
//
// renderVerification(container, {result, verdict, info, trusted}) (verdict: inputs/verdict.mjs
// verdictOf(result); the summary and problem texts follow it, in the UI's language) ·
// renderCreated(container, {info}) · renderDiff(container, diff) · verificationOk(result) → boolean.
import { el, fill, siteText } from '../report/dom.mjs';
import { t, getLanguage } from '../i18n/core.mjs';
import { problemLines } from './verdict.mjs';

const str = (v) => (v === undefined || v === null ? '' : String(v));
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function badge(ok, okKey = 'bundle.ok', failKey = 'bundle.fail') {
  return el('span', { class: ok ? 'bp-badge bp-ok' : 'bp-badge bp-fail' }, t(ok ? okKey : failKey));
}

export function verificationOk(result) {
  return !!(result && result.ok);
}

// The report digest and the key fingerprint of info ({reportDigest, fingerprint, signed}, worker.mjs
// infoOf; {} for a file that is not a readable bundle): "unsigned" only for a bundle without a
// signature, "—" when the fingerprint is not known.
function keyLine(info) {
  return el('dl', { class: 'bp-meta' },
    el('dt', null, t('bundle.reportDigest')), el('dd', null, el('code', { class: 'bp-digest' }, info.reportDigest ? siteText(info.reportDigest) : t('bundle.none'))),
    el('dt', null, t('bundle.fingerprint')), el('dd', null, info.fingerprint ? el('code', { class: 'bp-fingerprint' }, siteText(info.fingerprint))
      : t(info.signed === false ? 'bundle.unsigned' : 'bundle.none')));
}

const SUMMARY_CLASS = { verified: 'bp-summary bp-ok', intact: 'bp-summary bp-warn', failed: 'bp-summary bp-fail' };

// `result` is verifyBundle's (always whole: sections, signature, replay), `verdict` its verdictOf.
export function renderVerification(container, { result, verdict, info = {}, trusted = null }) {
  const { sections, signature: sig, replay } = result;
  const failing = sections.filter((s) => !s.ok).map((s) => str(s.name));
  const lines = problemLines(verdict, getLanguage());
  const rows = sections.map((s) => el('tr', { class: s.ok ? 'bp-row-ok' : 'bp-row-fail', 'data-key': str(s.name) },
    el('th', { scope: 'row' }, siteText(str(s.name))), el('td', null, badge(!!s.ok))));
  let sigText;
  let sigOk;
  if (!sig.present) { sigText = t('bundle.sigAbsent'); sigOk = null; }
  else if (!sig.ok) { sigText = t('bundle.sigBad'); sigOk = false; }
  else if (verdict.signer?.trusted) { sigText = t('bundle.sigTrusted'); sigOk = true; }
  else if (sig.matchesTrusted === false) { sigText = t('bundle.sigUntrusted'); sigOk = null; }
  else { sigText = t('bundle.sigUnknown'); sigOk = null; }
  let replayText;
  let replayOk;
  if (!replay.ran) { replayText = t('bundle.replayNotRun'); replayOk = false; }
  else if (replay.identical) { replayText = t('bundle.replayIdentical'); replayOk = true; }
  else { replayText = t('bundle.replayDiffers'); replayOk = false; }
  const versions = replay.bundleEngineVersion && replay.currentEngineVersion && str(replay.bundleEngineVersion) !== str(replay.currentEngineVersion)
    ? t('bundle.versionDiffers', { bundle: str(replay.bundleEngineVersion), current: str(replay.currentEngineVersion) })
    : replay.currentEngineVersion ? t('bundle.versionSame', { version: str(replay.currentEngineVersion) }) : '';
  fill(container,
    el('h3', null, t('bundle.verifyHeading')),
    el('p', { class: SUMMARY_CLASS[verdict.state] || SUMMARY_CLASS.failed, id: 'bundle-summary', 'data-state': verdict.state },
      verdict.state === 'failed' && failing.length ? t('bundle.sectionsFail', { names: failing.join(', ') }) : t(`verdict.title.${verdict.state}`)),
    el('table', { class: 'pc-table bp-sections', id: 'bundle-sections' },
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, t('bundle.section')), el('th', { scope: 'col' }, t('bundle.digestStatus')))),
      el('tbody', null, rows)),
    el('p', { id: 'bundle-signature', class: sigOk === false ? 'bp-fail' : sigOk ? 'bp-ok' : 'bp-muted' }, `${t('bundle.signature')}: `, sigText),
    sig.fingerprint
      ? el('p', null, `${t('bundle.fingerprint')}: `, el('code', { class: 'bp-fingerprint', id: 'bundle-fingerprint' }, siteText(str(sig.fingerprint)))) : null,
    trusted ? el('p', { class: 'bp-muted' }, `${t('bundle.trustedKey')}: `, el('code', null, siteText(trusted.fingerprint))) : null,
    el('p', { id: 'bundle-replay', class: replayOk ? 'bp-ok' : 'bp-fail' }, `${t('bundle.replay')}: `, replayText),
    versions ? el('p', { id: 'bundle-version-note', class: 'bp-muted' }, versions) : null,
    lines.length ? el('ul', { class: 'bp-errors', id: 'bundle-errors' }, lines.map((line) => el('li', null, siteText(line)))) : null,
    keyLine(info));
}

export function renderCreated(container, { info = {} }) {
  fill(container,
    el('h3', null, t('bundle.createdHeading')),
    el('p', { class: 'bp-summary bp-ok', role: 'status', id: 'bundle-summary' },
      info.signed ? t('bundle.createdSigned') : t('bundle.createdUnsigned')),
    keyLine(info));
}

function findingLabel(f) {
  if (!isObj(f)) return str(f);
  const parts = [f.id ?? f.check ?? f.rule, f.outcome, f.page ?? f.url].filter((x) => x !== undefined && x !== null && x !== '');
  if (f.from !== undefined || f.to !== undefined) parts.push(`${str(isObj(f.from) ? f.from.outcome ?? JSON.stringify(f.from) : f.from)} → ${str(isObj(f.to) ? f.to.outcome ?? JSON.stringify(f.to) : f.to)}`);
  if (isObj(f.old) || isObj(f.new)) parts.push(`${str(f.old?.outcome ?? f.old?.severity ?? '')} → ${str(f.new?.outcome ?? f.new?.severity ?? '')}`);
  return parts.map(str).join(' · ') || JSON.stringify(f);
}

export function renderDiff(container, diff, { engineVersion } = {}) {
  const d = isObj(diff) ? diff : {};
  const group = (key, items) => {
    const list = Array.isArray(items) ? items : [];
    return el('section', { class: `bp-diff-${key}`, id: `bundle-diff-${key}` },
      el('h4', null, t(`bundle.diff.${key}`, { n: list.length })),
      list.length ? el('ul', null, list.slice(0, 500).map((f) => el('li', null, siteText(findingLabel(f)))))
        : el('p', { class: 'bp-muted' }, t('bundle.diff.none')),
      list.length > 500 ? el('p', { class: 'bp-muted' }, t('bundle.diff.more', { n: list.length - 500 })) : null);
  };
  fill(container,
    el('h3', null, t('bundle.diffHeading')),
    engineVersion ? el('p', { class: 'bp-muted' }, t('bundle.diffEngine', { version: engineVersion })) : null,
    group('new', d.new), group('resolved', d.resolved), group('changed', d.changed));
}
