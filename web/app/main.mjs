// The app shell: wires the inputs (HAR file, pasted response, same-origin self-check, evidence
// bundle) to the audit worker, shows progress and Cancel, and hands each finished audit to the
// report renderer (./report/render.mjs, the report engineer's). Exports nothing.
//
// Renderer contract: on each finished audit, import('./report/render.mjs') (once) and call
//   renderReport({report, reportText, sarifText, ruleset, lang, containers: {report, checklist, exports}})
// (ruleset = the engine's embedded ruleset document, parsed); on a language switch call its
// setLanguage(lang). Until that module exists, the raw grade is shown in #report.
//
// Worker: created lazily on the first audit (worker.mjs loads the engine once). Cancel terminates
// it; the next audit creates a new one.
import { t, getLanguage, setLanguage, translatePage, formatBytes } from './i18n/core.mjs';
import { rawResponseToHar } from './inputs/raw-response.mjs';
import { selfCheck } from './inputs/self-check.mjs';
import { readBundle } from './inputs/bundle.mjs';

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
  bundleFile: $('bundle-file'),
  profile: $('profile'),
  progress: $('progress'),
  progressText: $('progress-text'),
  cancel: $('cancel'),
  error: $('run-error'),
  report: $('report'),
  checklist: $('checklist'),
  exports: $('exports'),
  runButtons: [$('paste-run'), $('self-check-run')],
};

// ---- worker -------------------------------------------------------------------------------

let worker = null;
let nextId = 1;
let pending = null; // {id, resolve, reject, onProgress} of the audit in flight
let rulesetWaiters = []; // [{resolve, reject}]
let rulesetPromise = null; // the parsed embedded ruleset (same engine for every worker)

function codedError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

function failAll(error) {
  if (pending) {
    pending.reject(error);
    pending = null;
  }
  for (const w of rulesetWaiters) w.reject(error);
  rulesetWaiters = [];
}

function getWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => {
    const msg = event.data || {};
    if (msg.type === 'progress' && pending && msg.id === pending.id) {
      pending.onProgress?.(msg);
    } else if (msg.type === 'done' && pending && msg.id === pending.id) {
      pending.resolve(msg);
      pending = null;
    } else if (msg.type === 'ruleset') {
      for (const w of rulesetWaiters) w.resolve(msg.text);
      rulesetWaiters = [];
    } else if (msg.type === 'error') {
      const error = codedError(msg.code, msg.message);
      if (pending && msg.id === pending.id) {
        pending.reject(error);
        pending = null;
      } else if (msg.id === null || msg.id === undefined) {
        for (const w of rulesetWaiters) w.reject(error);
        rulesetWaiters = [];
      }
    }
  });
  // A module that fails to load or an uncaught error: this worker is unusable.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const message = event.message || 'worker.mjs';
    stopWorker();
    failAll(codedError('worker', message));
  });
  return worker;
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function auditInWorker(source, options, onProgress) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending = { id, resolve, reject, onProgress };
    getWorker().postMessage({ type: 'audit', id, source, options });
  });
}

function embeddedRuleset() {
  if (!rulesetPromise) {
    rulesetPromise = new Promise((resolve, reject) => {
      rulesetWaiters.push({ resolve, reject });
      getWorker().postMessage({ type: 'ruleset' });
    }).then((text) => JSON.parse(text));
    rulesetPromise.catch(() => {
      rulesetPromise = null; // retry next time
    });
  }
  return rulesetPromise;
}

// ---- renderer -------------------------------------------------------------------------------

let rendererPromise = null;
let renderer = null; // the loaded module, or null while absent
function loadRenderer() {
  if (!rendererPromise) {
    rendererPromise = import('./report/render.mjs').then(
      (mod) => {
        renderer = mod;
        return mod;
      },
      (e) => {
        console.warn('portal-check: report/render.mjs is not available; showing the raw grade', e);
        return null;
      },
    );
  }
  return rendererPromise;
}

let lastReport = null; // for the raw fallback's re-rendering on a language switch

function renderRaw(report) {
  const box = els.report;
  box.replaceChildren();
  const p = (text, cls) => {
    const el = document.createElement('p');
    if (cls) el.className = cls;
    el.textContent = text;
    box.append(el);
  };
  const grade = report && report.grade ? report.grade : {};
  p(t('report.rawGrade', { grade: String(grade.grade ?? '?'), score: String(grade.score ?? '?') }), 'raw-grade');
  if (report && report.target) p(t('report.rawTarget', { target: String(report.target) }));
  const checks = Array.isArray(report?.checks) ? report.checks : [];
  p(t('report.rawCounts', { checks: checks.length, failed: checks.filter((c) => c && c.pass === false).length }));
}

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

function showError(e) {
  let text;
  if (e && e.key) text = t(e.key, e.params);
  else if (e && e.code === 'engine-load') text = t('error.engineLoad', { message: e.message });
  else if (e && e.code === 'worker') text = t('error.worker', { message: e.message });
  else if (e && e.code === 'read') text = t('error.read', { message: e.message });
  else text = t('error.engine', { code: String((e && e.code) || 'internal'), message: String((e && e.message) || e) });
  els.error.textContent = text;
  els.error.hidden = false;
  errorState = e;
  setStatus('run.failed');
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
  if (pending || rulesetWaiters.length > 0) {
    stopWorker();
    failAll(codedError('cancelled', 'cancelled'));
  }
  setBusy(false);
  if (wasRunning) {
    progressSet(0, 1);
    setStatus('run.cancelled');
  }
}

// Runs one audit task; a new run cancels the previous one. task(onProgress) → {reportText, sarifText}.
async function run(task) {
  if (!els.cancel.disabled) cancelRun();
  const token = ++runToken;
  clearError();
  setBusy(true);
  progressIndeterminate();
  setStatus('run.loading');
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
    if (result.fromBundle) setStatus('run.doneBundle');
    else setStatus('run.done', { entries, grade: String(lastReport?.grade?.grade ?? '?') });
  } catch (e) {
    if (token !== runToken) return;
    if (e && (e.code === 'cancelled' || e.name === 'AbortError')) {
      setStatus('run.cancelled');
    } else {
      console.error(e);
      progressSet(0, 1);
      // The report on screen belonged to the previous input: hide it next to this input's error.
      for (const id of ['report-section', 'checklist-section', 'exports-section']) $(id).hidden = true;
      showError(e);
    }
  } finally {
    if (token === runToken) {
      setBusy(false);
      crawlAbort = null;
    }
  }
}

async function show({ reportText, sarifText }, token) {
  const report = JSON.parse(reportText);
  const [ruleset, mod] = await Promise.all([embeddedRuleset(), loadRenderer()]);
  if (token !== runToken) return;
  lastReport = report;
  for (const id of ['report-section', 'checklist-section', 'exports-section']) $(id).hidden = false;
  if (mod && typeof mod.renderReport === 'function') {
    await mod.renderReport({
      report,
      reportText,
      sarifText: sarifText ?? null,
      ruleset,
      lang: getLanguage(),
      containers: { report: els.report, checklist: els.checklist, exports: els.exports },
    });
  } else {
    renderRaw(report);
  }
}

function auditFile(file) {
  if (!file) return;
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
  run((onProgress) => auditInWorker(har, auditOptions(), onProgress));
});

els.selfForm.addEventListener('submit', (e) => {
  e.preventDefault();
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

els.bundleFile.addEventListener('change', () => {
  const file = els.bundleFile.files && els.bundleFile.files[0];
  if (!file) return;
  run(async (onProgress) => {
    let text;
    try {
      text = await file.text();
    } catch (err) {
      throw codedError('read', String(err.message || err));
    }
    const bundle = readBundle(text);
    if (bundle.reportText !== null) return { reportText: bundle.reportText, sarifText: bundle.sarifText, fromBundle: true };
    return auditInWorker(bundle.evidenceText, auditOptions(), onProgress);
  });
});

els.cancel.addEventListener('click', () => cancelRun());

// ---- language -------------------------------------------------------------------------------------

function applyLanguage(lang) {
  const set = setLanguage(lang);
  translatePage(document);
  els.lang.setAttribute('lang', set === 'vi' ? 'en' : 'vi');
  els.progressText.textContent = t(statusState.key, statusState.params);
  if (errorState) showError(errorState);
  if (renderer && typeof renderer.setLanguage === 'function') renderer.setLanguage(set);
  else if (lastReport) renderRaw(lastReport);
  return set;
}

els.lang.addEventListener('click', () => {
  applyLanguage(getLanguage() === 'vi' ? 'en' : 'vi');
});

if (getLanguage() !== 'vi') applyLanguage(getLanguage());
document.documentElement.dataset.ready = 'true';
