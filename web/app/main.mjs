// The app shell: wires the inputs (HAR file, pasted response, same-origin self-check, and inside
// the extension a capture it handed over: extension-capture.mjs) to the audit worker
// (worker-client.mjs), shows progress, errors and Cancel, hands each finished audit to the report
// renderer (./report/render.mjs) and switches the language. The evidence-bundle panel (open,
// verify, verdict, create, re-audit, downloads, keys) is bundle-panel.mjs. Exports nothing.
//
// Renderer contract: on each finished audit, import('./report/render.mjs') (once) and call
//   renderReport({report, reportText, sarifText, ruleset, lang, containers: {report, checklist, exports},
//   bundle, captureMethod, gradedHeaders})
// (ruleset = the engine's embedded ruleset document, parsed; reportText: the engine's exact text
// as a Blob for an audit, a string for a bundle; sarifText: for an audit a function → Promise of
// the SARIF's Blob (made when its download is clicked), null for a bundle; for an opened evidence bundle
// also bundle: {state, declarations, signer}); on a language switch call its setLanguage(lang).
//
// Runs: one at a time; a new run cancels the running one. Cancel aborts a crawl and terminates the
// worker (worker-client.mjs cancelWorker); the next audit creates a new one.
//
// Leading to the next action: a run brings the progress line into view when it starts; when it
// ends the app scrolls to and focuses what it produced (leadToResult: the verdict of an opened
// bundle, the bundle panel for a created bundle or a re-audit, else the report heading) or the
// error (showError). The summary bar (summary-bar.mjs) follows the report on screen.
import { t, getLanguage, setLanguage, translatePage, formatBytes } from './i18n/core.mjs';
import { rawResponseToHar } from './inputs/raw-response.mjs';
import { selfCheck } from './inputs/self-check.mjs';
import { auditInWorker as auditRequest, embeddedRuleset, cancelWorker, codedError } from './worker-client.mjs';
import { initBundlePanel, showVerdict, afterShow, languageChanged } from './bundle-panel.mjs';
import { SELF_CHECK_METHOD } from './report/capture-caveat.mjs';
import { bringIntoView, isShown } from './lead.mjs';
import { initSummaryBar, setSummary, refreshSummary } from './summary-bar.mjs';
import { initFilePickers, noteChosen, refreshFilePickers } from './file-picker.mjs';
import { extensionCaptureKey, captureHarFileName } from './extension-capture.mjs';
import { downloadBlob } from './report/dom.mjs';

const $ = (id) => document.getElementById(id);
const els = {
  lang: $('lang-switch'),
  harFile: $('har-file'),
  dropZone: $('drop-zone'),
  pasteForm: $('paste-form'),
  pasteResponse: $('paste-response'),
  pasteUrl: $('paste-url'),
  selfForm: $('self-check'),
  selfStart: $('self-check-start'),
  selfPages: $('self-check-pages'),
  profile: $('profile'),
  progress: $('progress'),
  progressText: $('progress-text'),
  cancel: $('cancel'),
  error: $('run-error'),
  run: $('run'),
  report: $('report'),
  checklist: $('checklist'),
  exports: $('exports'),
  runButtons: [$('paste-run'), $('self-check-run')],
  captureHarRow: $('capture-har-row'),
  captureHarDownload: $('capture-har-download'),
};

// ---- audits ---------------------------------------------------------------------------------

// {source, options, capture, harFileName} of the last finished audit (for "create bundle");
// harFileName: the name of the "Download HAR" file of a capture the extension handed over (source
// is then its HAR Blob), else null.
let lastAudit = null;
let auditCapture = { method: 'har-file', tool: 'portal-check-app' };

function auditInWorker(source, options, onProgress, { harFileName = null } = {}) {
  const capture = { ...auditCapture, time: new Date().toISOString() };
  return auditRequest(source, options, onProgress).then((result) => {
    lastAudit = { source, options, capture, harFileName };
    return result;
  });
}

// ---- renderer -------------------------------------------------------------------------------

let rendererPromise = null;
let renderer = null; // the loaded module, null before the first report
function loadRenderer() {
  if (!rendererPromise) {
    rendererPromise = import('./report/render.mjs').then((mod) => {
      renderer = mod;
      return mod;
    });
    rendererPromise.catch(() => {
      rendererPromise = null; // retry next time
    });
  }
  return rendererPromise;
}

let lastReport = null; // the report on screen (parsed)

// ---- status and progress ---------------------------------------------------------------------

let statusState = { key: 'run.idle', params: null };
let lastStatusAt = 0;

function setStatus(key, params = null, { force = true } = {}) {
  statusState = { key, params };
  const nowMs = performance.now();
  if (!force && nowMs - lastStatusAt < 250) return;
  lastStatusAt = nowMs;
  els.progressText.removeAttribute('data-i18n');
  els.progressText.textContent = t(key, params);
}

// Shows the error of a run or an action; lead: bring it into view and focus it (not when the
// language switch re-renders the same error).
function showError(e, { lead = true } = {}) {
  let text;
  if (e && e.key) text = t(e.key, e.params);
  else if (e && e.code === 'engine-load') text = t('error.engineLoad', { message: e.message });
  else if (e && e.code === 'worker') text = t('error.worker', { message: e.message });
  else if (e && e.code === 'bundle-load') text = t('error.bundleLoad', { message: e.message });
  else if (e && e.code === 'key') text = t('error.key.other', { message: e.message });
  else if (e && e.code === 'read') text = t('error.read', { message: e.message });
  else text = t('error.engine', { code: String((e && e.code) || 'internal'), message: String((e && e.message) || e) });
  els.error.textContent = text;
  els.error.hidden = false;
  errorState = e;
  setStatus('run.failed');
  if (lead) bringIntoView(els.error);
}

let errorState = null;
function clearError() {
  errorState = null;
  els.error.hidden = true;
  els.error.textContent = '';
}

function setBusy(busy) {
  els.cancel.disabled = !busy;
  document.body.classList.toggle('busy', busy);
  els.progress.setAttribute('aria-busy', busy ? 'true' : 'false');
}

function progressIndeterminate() {
  els.progress.removeAttribute('value');
}

function progressSet(value, max) {
  els.progress.max = max > 0 ? max : 1;
  els.progress.value = Math.min(value, els.progress.max);
}

// ---- runs ----------------------------------------------------------------------------------------

let runToken = 0;
let crawlAbort = null;

function auditOptions(extra = {}) {
  const options = { ...extra };
  const profile = els.profile.value;
  if (profile && profile !== 'none') options.profiles = [profile];
  return options;
}

function cancelRun() {
  const wasRunning = !els.cancel.disabled;
  runToken += 1;
  if (crawlAbort) crawlAbort.abort();
  crawlAbort = null;
  cancelWorker();
  setBusy(false);
  if (wasRunning) {
    progressSet(0, 1);
    setStatus('run.cancelled');
  }
}

// Runs one audit task; a new run cancels the previous one. task(onProgress) → {report?, reportText,
// sarifText} (see show).
async function run(task) {
  if (!els.cancel.disabled) cancelRun();
  const token = ++runToken;
  clearError();
  setBusy(true);
  progressIndeterminate();
  setStatus('run.loading');
  els.run.scrollIntoView({ block: 'nearest' });
  let entries = 0;
  const onProgress = ({ bytes, totalBytes, entries: n }) => {
    if (token !== runToken) return;
    entries = n;
    if (totalBytes) {
      progressSet(bytes, totalBytes);
      setStatus('run.reading', { done: formatBytes(bytes), total: formatBytes(totalBytes), entries: n }, { force: bytes >= totalBytes });
    } else {
      setStatus('run.readingNoTotal', { done: formatBytes(bytes), entries: n }, { force: false });
    }
  };
  try {
    const result = await task(onProgress, token);
    if (token !== runToken) return;
    setStatus('run.rendering');
    await show(result, token);
    if (token !== runToken) return;
    progressSet(1, 1);
    afterShow(result);
    leadToResult(result);
    if (result.fromBundle && result.mode === 'created') setStatus('run.bundleCreated');
    else if (result.fromBundle) setStatus({ verified: 'run.doneBundleOk', intact: 'run.doneBundleIntact' }[result.verdict.state] || 'run.doneBundleFail');
    else setStatus('run.done', { entries, grade: typeof lastReport?.grade?.grade === 'string' ? lastReport.grade.grade : '—' });
  } catch (e) {
    if (token !== runToken) return;
    if (e && (e.code === 'cancelled' || e.name === 'AbortError')) {
      setStatus('run.cancelled');
    } else {
      console.error(e);
      progressSet(0, 1);
      // The report on screen belonged to the previous input: hide it next to this input's error.
      for (const id of ['verdict-section', 'report-section', 'checklist-section', 'exports-section', 'bundle-section']) $(id).hidden = true;
      setSummary(null);
      showError(e);
    }
  } finally {
    if (token === runToken) {
      setBusy(false);
      crawlAbort = null;
    }
  }
}

// Where a finished run leads: the verdict of an opened bundle, the bundle panel after creating a
// bundle or re-auditing one (keepDiff), else the report heading.
function leadToResult(result) {
  const verdict = $('verdict-section');
  let target = $('report-heading');
  if (isShown(verdict)) target = verdict;
  else if ((result.fromBundle && result.mode === 'created') || result.keepDiff) target = $('bundle-section-heading');
  bringIntoView(isShown(target) ? target : $('report-section'));
}

// result: {report (parsed; an audit's, assembled from the worker's parts), reportText: Blob} or
// {reportText: string} (a bundle's report, parsed here); sarifText: () → Promise<Blob> (an
// audit's, made when asked), Blob, string or null;
// verdict/declarations: an opened bundle's (verdictOf, the bundle's declarations section).
async function show({ report: parsed, reportText, sarifText, verdict = null, declarations = null, fromBundle = false, mode = null, captureMethod, gradedHeaders = null }, token) {
  let report = parsed ?? null;
  if (report === null) {
    try {
      report = JSON.parse(reportText);
    } catch (e) {
      if (!verdict) throw e;
      report = null; // a bundle's verdict is shown even when its report cannot be read
    }
  }
  const [ruleset, mod] = await Promise.all([embeddedRuleset(), loadRenderer()]);
  if (token !== runToken) return;
  lastReport = report;
  for (const id of ['report-section', 'checklist-section', 'exports-section']) $(id).hidden = false;
  const shown = showVerdict(verdict, report);
  await mod.renderReport({
    report,
    reportText,
    sarifText: sarifText ?? null,
    ruleset,
    lang: getLanguage(),
    containers: { report: els.report, checklist: els.checklist, exports: els.exports },
    bundle: shown ? { state: shown.state, declarations, signer: shown.signer } : null,
    captureMethod: captureMethodOf(fromBundle, mode, verdict, captureMethod),
    gradedHeaders,
  });
  showCapturedHar(auditOnScreen(fromBundle, mode, verdict, captureMethod));
  setSummary(shown?.state === 'failed' ? null : report);
}

// The audit whose evidence is on screen: the last audit (an audit, a bundle just created from it);
// null for an opened bundle and its re-audit (`fromManifest`: its manifest's capture.method, a
// string or null).
function auditOnScreen(fromBundle, mode, verdict, fromManifest) {
  if (fromManifest !== undefined || (fromBundle && mode !== 'created') || verdict) return null;
  return lastAudit;
}

// How the evidence on screen was captured: an opened bundle's own (kept for its re-audit), else
// the last audit's; unknown (null) otherwise.
function captureMethodOf(fromBundle, mode, verdict, fromManifest) {
  if (fromManifest !== undefined) return typeof fromManifest === 'string' ? fromManifest : null;
  return auditOnScreen(fromBundle, mode, verdict, fromManifest)?.capture?.method ?? null;
}

// "Download HAR" next to the exports: only for a capture the extension handed over (its HAR is
// not a file the user already has).
function showCapturedHar(audit) {
  els.captureHarRow.hidden = !audit?.harFileName;
}
els.captureHarDownload.addEventListener('click', () => {
  if (lastAudit?.harFileName) downloadBlob(lastAudit.source, lastAudit.harFileName);
});

function auditFile(file) {
  if (!file) return;
  auditCapture = { method: 'har-file', tool: 'portal-check-app' };
  run((onProgress) => auditInWorker(file, auditOptions(), onProgress));
}

// ---- inputs ----------------------------------------------------------------------------------------

els.harFile.addEventListener('change', () => {
  const file = els.harFile.files && els.harFile.files[0];
  auditFile(file);
});

// Drag and drop: the zone highlights; a drop anywhere else is ignored (never navigates away).
let dragDepth = 0;
els.dropZone.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth += 1;
  els.dropZone.classList.add('dragging');
});
els.dropZone.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) els.dropZone.classList.remove('dragging');
});
els.dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
});
els.dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  e.stopPropagation();
  dragDepth = 0;
  els.dropZone.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (file) noteChosen(els.harFile, file);
  auditFile(file);
});
for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());

els.pasteForm.addEventListener('submit', (e) => {
  e.preventDefault();
  let har;
  try {
    har = rawResponseToHar(els.pasteResponse.value, { url: els.pasteUrl.value });
  } catch (err) {
    cancelRun();
    clearError();
    showError(err);
    return;
  }
  auditCapture = { method: 'raw-response', tool: 'portal-check-app' };
  run((onProgress) => auditInWorker(har, auditOptions(), onProgress));
});

els.selfForm.addEventListener('submit', (e) => {
  e.preventDefault();
  auditCapture = { method: SELF_CHECK_METHOD, tool: 'portal-check-app' };
  run(async (onProgress, token) => {
    const controller = new AbortController();
    crawlAbort = controller;
    // Start the engine loading while the crawl runs.
    embeddedRuleset().catch(() => {});
    const har = await selfCheck({
      start: els.selfStart.value,
      pages: Number(els.selfPages.value),
      signal: controller.signal,
      onProgress: ({ done, total, url }) => {
        if (token !== runToken) return;
        progressSet(done - 1, total);
        setStatus('run.crawling', { done, total, url });
      },
    });
    if (token !== runToken) throw codedError('cancelled', 'cancelled');
    const pages = JSON.parse(har).log.pages.length;
    setStatus('run.crawled', { pages });
    return auditInWorker(har, auditOptions(), onProgress);
  });
});

// Inside the extension: `#extension-capture=<key>` names a capture its capture page stored
// (../extension/handoff.mjs); it is taken (read and deleted), the hash cleared, and the HAR audited
// as an opened HAR file is. An unknown key (already taken) is the run's error.
function openExtensionCapture() {
  const key = extensionCaptureKey(location);
  if (key === null) return;
  history.replaceState(null, '', location.pathname + location.search);
  auditCapture = { method: 'extension-live', tool: 'portal-check-extension' };
  run(async (onProgress) => {
    const { takeCapture } = await import('../extension/handoff.mjs');
    let taken;
    try {
      taken = await takeCapture(key);
    } catch (e) {
      throw codedError('read', String(e?.message || e));
    }
    if (!taken) throw Object.assign(new Error('the extension capture was not found'), { key: 'error.extensionCapture' });
    const harFileName = captureHarFileName(taken.meta?.target, taken.meta?.started);
    return auditInWorker(taken.har, auditOptions(), onProgress, { harFileName });
  });
}

// ---- evidence bundles ---------------------------------------------------------------------------

initBundlePanel({
  run,
  setStatus,
  showError,
  clearError,
  lastAudit: () => lastAudit,
  forgetAudit: () => { lastAudit = null; },
  renderer: () => renderer,
  lastReport: () => lastReport,
});

els.cancel.addEventListener('click', () => cancelRun());
initSummaryBar({ t });
initFilePickers(t);

// ---- language -------------------------------------------------------------------------------------

function applyLanguage(lang) {
  const set = setLanguage(lang);
  translatePage(document);
  els.lang.setAttribute('lang', set === 'vi' ? 'en' : 'vi');
  els.progressText.textContent = t(statusState.key, statusState.params);
  if (errorState) showError(errorState, { lead: false });
  renderer?.setLanguage(set);
  languageChanged();
  refreshSummary();
  refreshFilePickers();
  return set;
}

els.lang.addEventListener('click', () => {
  applyLanguage(getLanguage() === 'vi' ? 'en' : 'vi');
});

if (getLanguage() !== 'vi') applyLanguage(getLanguage());
document.documentElement.dataset.ready = 'true';
openExtensionCapture();
window.addEventListener('hashchange', openExtensionCapture);
