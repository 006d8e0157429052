// The evidence-bundle panel of the app: opening and verifying a bundle (the worker verifies), the
// verdict shown first for an opened bundle, creating a bundle from the last audit, re-auditing it
// with the current rules, the downloads (bundle, application dossier), the reviewer's trusted
// public key and the organisation's signing key (inputs/keys.mjs).
//
// The controls are wired when this module loads; their handlers use the shell.
// initBundlePanel(shell) gives the panel the shell (once, before any control can be used) and
// loads the stored signing key. shell (main.mjs, the app shell):
//   run(task)          runs one task like an audit (progress, Cancel, errors; task(onProgress) →
//                      the result main.mjs shows: {reportText, sarifText, fromBundle?, mode?,
//                      verdict?, declarations?, verification?, info?, keepBundle?, keepDiff?,
//                      captureMethod?: an opened bundle's manifest capture.method or null})
//   setStatus(key, params, {force}), showError(e), clearError()
//   lastAudit() → {source, options, capture} of the last finished audit or null; forgetAudit()
//   renderer() → the loaded report/render.mjs module or null before the first report
//   lastReport() → the report on screen (parsed) or null
// showVerdict(verdict, report) → the verdict shown (null for an audit or a created bundle): a
//   failed bundle's report stays hidden (the verdict's toggle shows it, marked as not a result),
//   its dossier download is disabled; a failed bundle whose report is no object (the file is not a
//   readable bundle, or its report text is not a JSON object) has no contents to show (noContents,
//   no toggle). Only a failed bundle can have such a report: an intact or verified one passed
//   replay, so its report is the engine's. Hides the label checklist whenever a verdict is shown.
// afterShow(result) updates the panel once main.mjs has shown `result`.
// languageChanged() re-renders the panel's texts in the new language.
import { t, getLanguage } from './i18n/core.mjs';
import { renderVerification, renderCreated, renderDiff } from './inputs/bundle.mjs';
import { verdictOf } from './inputs/verdict.mjs';
import { renderVerdict } from './inputs/verdict-view.mjs';
import * as keys from './inputs/keys.mjs';
import { requestWorker, codedError } from './worker-client.mjs';
import { downloadBlob } from './report/dom.mjs';

const $ = (id) => document.getElementById(id);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
let shell = null;

// The verdict of the bundle on screen (null for an audit or a created bundle) and whether a failed
// bundle's contents are expanded.
let shownVerdict = null;
let voidReportShown = false;

function applyVerdictLayout() {
  const v = shownVerdict;
  const failed = v?.state === 'failed';
  const section = $('verdict-section');
  section.hidden = !v;
  if (v) renderVerdict(section, { verdict: v, lang: getLanguage(), reportShown: voidReportShown, onToggleReport: v.noContents ? null : toggleVoidReport });
  else section.replaceChildren();
  $('report-section').hidden = failed && !voidReportShown;
  $('report-section').classList.toggle('pc-void', failed);
  const heading = $('report-heading');
  heading.dataset.i18n = failed ? 'verdict.voidReportHeading' : 'report.heading';
  heading.textContent = t(heading.dataset.i18n);
  $('checklist-section').hidden = !!v;
  $('exports-section').hidden = failed;
}

function toggleVoidReport() {
  voidReportShown = !voidReportShown;
  applyVerdictLayout();
  document.getElementById('verdict-show-report')?.focus();
}

export function showVerdict(verdict, report) {
  shownVerdict = verdict?.state === 'failed' && !isObject(report) ? { ...verdict, noContents: true } : verdict;
  voidReportShown = false;
  applyVerdictLayout();
  return shownVerdict;
}

const bundleEls = {
  section: $('bundle-section'),
  panel: $('bundle-panel'),
  diff: $('bundle-diff'),
  create: $('bundle-create'),
  download: $('bundle-download'),
  dossier: $('dossier-download'),
  rulesCurrent: $('bundle-rules-current'),
  trustedFile: $('trusted-key-file'),
  trustedStatus: $('trusted-key-status'),
};
let bundleState = null; // {mode: 'verified' | 'created', result?, info}
let trusted = null; // {publicJwk, fingerprint} chosen for verification
let lastDiff = null;

function renderBundlePanel() {
  bundleEls.section.hidden = false;
  const has = !!bundleState;
  const failed = has && bundleState.mode === 'verified' && bundleState.verdict?.state === 'failed';
  bundleEls.download.disabled = !has;
  bundleEls.dossier.disabled = !has || failed;
  bundleEls.rulesCurrent.disabled = !(has && bundleState.mode === 'verified') || failed;
  bundleEls.create.hidden = !shell.lastAudit() || (has && bundleState.mode === 'verified');
  $('bundle-create-hint').hidden = bundleEls.create.hidden;
  if (!has) bundleEls.panel.replaceChildren();
  else if (bundleState.mode === 'verified') renderVerification(bundleEls.panel, { result: bundleState.result, verdict: bundleState.verdict, info: bundleState.info, trusted });
  else renderCreated(bundleEls.panel, { info: bundleState.info });
  if (lastDiff) renderDiff(bundleEls.diff, lastDiff.diff, { engineVersion: lastDiff.engineVersion });
  else bundleEls.diff.replaceChildren();
}

// The dossier shows the bundle's report digest and the key fingerprint (the bundle's signer, else
// the loaded key's).
function updateDossierInfo() {
  const k = keys.currentKey();
  const info = bundleState ? { ...bundleState.info, fingerprint: bundleState.info?.fingerprint || null }
    : { reportDigest: null, fingerprint: k ? k.fingerprint : null, capturedAt: shell.lastAudit()?.capture?.time ?? null };
  shell.renderer()?.setBundleInfo(info);
}

export function afterShow(result) {
  if (result.fromBundle) {
    bundleState = { mode: result.mode, result: result.verification, verdict: result.verdict, declarations: result.declarations, info: result.info || {}, captureMethod: result.captureMethod ?? null };
  } else if (!result.keepBundle) {
    bundleState = null;
  }
  if (!result.keepDiff) lastDiff = null;
  renderBundlePanel();
  updateDossierInfo();
}

const progressFor = (onProgress) => (msg) => {
  if (msg.phase === 'read' || msg.phase === undefined) onProgress(msg);
  else shell.setStatus(`run.bundle.${msg.phase}`, null, { force: false });
};

const bundleFile = $('bundle-file');
bundleFile.addEventListener('change', () => {
  const file = bundleFile.files && bundleFile.files[0];
  if (!file) return;
  shell.run(async (onProgress) => {
    const trustedNow = trusted ? { ...trusted, organization: $('trusted-key-org').value.trim() || null } : null;
    const reply = await requestWorker({ type: 'bundle-verify', source: file, trustedKeys: trustedNow ? [{ publicJwk: trustedNow.publicJwk, organization: trustedNow.organization ?? undefined }] : [] }, progressFor(onProgress));
    shell.forgetAudit();
    // A file that is not a readable bundle (reportText null) failed verification at its I-JSON or
    // structure step (worker.mjs): its verdict is NOT VALID, naming that step.
    return { reportText: reply.reportText, sarifText: null, fromBundle: true, mode: 'verified', verdict: verdictOf(reply.result), declarations: reply.declarations, verification: reply.result, info: reply.info, captureMethod: reply.captureMethod ?? null, gradedHeaders: reply.result?.replay?.gradedHeaders ?? null };
  });
  bundleFile.value = '';
});

bundleEls.trustedFile.addEventListener('change', async () => {
  const file = bundleEls.trustedFile.files && bundleEls.trustedFile.files[0];
  if (!file) {
    trusted = null;
    bundleEls.trustedStatus.textContent = t('bundle.trustedNone');
    return;
  }
  try {
    trusted = await keys.readPublicJwkText(await file.text());
    bundleEls.trustedStatus.removeAttribute('data-i18n');
    bundleEls.trustedStatus.textContent = t('bundle.trustedSet', { fingerprint: trusted.fingerprint });
  } catch (e) {
    trusted = null;
    shell.showError(e);
  }
});

function currentDeclarations() {
  try {
    return shell.renderer()?.getDeclarationsFile() ?? null;
  } catch { return null; }
}

bundleEls.create.addEventListener('click', () => {
  const audit = shell.lastAudit();
  if (!audit) return;
  shell.run(async (onProgress) => {
    const file = currentDeclarations();
    const options = { ...audit.options };
    if (file && file.declarations && Object.keys(file.declarations).length) options.declarations = file;
    const k = keys.currentKey();
    const reply = await requestWorker({
      type: 'bundle-create', source: audit.source, options, capture: audit.capture,
      organization: file && file.organization ? file.organization : undefined,
      signingKey: k ? { privateKey: k.privateKey, publicJwk: k.publicJwk } : undefined,
    }, progressFor(onProgress));
    shell.setStatus('run.bundleCreated');
    return { reportText: reply.reportText, sarifText: null, fromBundle: true, mode: 'created', info: reply.info };
  });
});

function fileBase() {
  try {
    return `portal-check-${new URL(String(shell.lastReport()?.target || '')).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'site'}`;
  } catch { return 'portal-check-site'; }
}

bundleEls.download.addEventListener('click', async () => {
  try {
    const reply = await requestWorker({ type: 'bundle-blob' });
    downloadBlob(reply.blob, `${fileBase()}-bundle.json`);
  } catch (e) { shell.showError(e); }
});

// The printable report as one static HTML file: the dossier's DOM (built from text nodes, so its
// serialisation escapes everything) and the app's report.css and dossier.css inlined; no script.
async function printableHtml() {
  const dossier = shell.renderer()?.getDossierElement() ?? null;
  if (!dossier) return '';
  let css = '';
  for (const sheet of ['report.css', 'dossier.css']) {
    try { css += `${await (await fetch(new URL(sheet, document.baseURI))).text()}\n`; } catch { /* printed without it */ }
  }
  const clone = dossier.cloneNode(true);
  const lang = getLanguage();
  const title = document.createElement('title');
  title.textContent = `portal-check — ${String(shell.lastReport()?.target || '')}`;
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n${title.outerHTML}\n<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n.pc-dossier{display:block!important}\n</style>\n</head>\n<body>\n${clone.outerHTML}\n</body>\n</html>\n`;
}

bundleEls.dossier.addEventListener('click', async () => {
  try {
    const html = await printableHtml();
    const base = fileBase();
    const reply = await requestWorker({ type: 'dossier-zip', html, bundleName: `${base}-bundle.json`, htmlName: `${base}-report.html` });
    downloadBlob(reply.blob, `${base}-application.zip`);
  } catch (e) { shell.showError(e); }
});

bundleEls.rulesCurrent.addEventListener('click', () => {
  const keep = bundleState;
  shell.run(async (onProgress) => {
    const reply = await requestWorker({ type: 'rules-current' }, progressFor(onProgress));
    lastDiff = { diff: reply.diff, engineVersion: reply.currentEngineVersion };
    bundleState = keep;
    const opened = keep && keep.mode === 'verified' ? keep : null;
    return { reportText: reply.reportText, sarifText: null, keepBundle: true, keepDiff: true, rediff: true, verdict: opened ? opened.verdict : null, declarations: opened ? opened.declarations : null, captureMethod: opened ? opened.captureMethod : undefined };
  });
});

const keyEls = {
  status: $('key-status'), fingerprint: $('key-fingerprint'), create: $('key-create'), exportPrivate: $('key-export'),
  exportPublic: $('key-export-public'), forget: $('key-forget'), importFile: $('key-import'),
};
function renderKeyPanel(k = keys.currentKey()) {
  keyEls.status.removeAttribute('data-i18n');
  keyEls.status.textContent = t(k ? 'keys.loaded' : 'keys.none');
  keyEls.fingerprint.textContent = k ? k.fingerprint : '—';
  keyEls.exportPrivate.disabled = !k;
  keyEls.exportPublic.disabled = !k;
  keyEls.forget.disabled = !k;
  if (!bundleState) updateDossierInfo();
}
const keyAction = (fn) => async () => {
  shell.clearError();
  try { await fn(); } catch (e) { console.error(e); shell.showError(e && e.key ? e : codedError('key', String(e?.message || e))); }
};
keyEls.create.addEventListener('click', keyAction(() => keys.createKey()));
keyEls.exportPrivate.addEventListener('click', keyAction(async () => {
  const text = await keys.exportPrivateJwkText();
  if (text) downloadBlob(new Blob([text], { type: 'application/jwk+json' }), 'portal-check-signing-key.private.jwk');
}));
keyEls.exportPublic.addEventListener('click', keyAction(async () => {
  const text = keys.publicJwkText();
  if (text) downloadBlob(new Blob([text], { type: 'application/jwk+json' }), 'portal-check-signing-key.public.jwk');
}));
keyEls.forget.addEventListener('click', keyAction(() => keys.forgetKey()));
keyEls.importFile.addEventListener('change', keyAction(async () => {
  const file = keyEls.importFile.files && keyEls.importFile.files[0];
  if (!file) return;
  keyEls.importFile.value = '';
  await keys.importKeyText(await file.text());
}));


export function initBundlePanel(appShell) {
  shell = appShell;
  keys.initKeys({ onChange: (k) => renderKeyPanel(k) }).catch(() => {});
}

export function languageChanged() {
  if (!bundleEls.section.hidden) renderBundlePanel();
  if (shownVerdict) applyVerdictLayout();
  renderKeyPanel();
  if (trusted) bundleEls.trustedStatus.textContent = t('bundle.trustedSet', { fingerprint: trusted.fingerprint });
}
