// The app shell: wires the inputs (HAR file, pasted response, same-origin self-check, evidence
// bundle) to the audit worker, shows progress and Cancel, and hands each finished audit to the
// report renderer (./report/render.mjs, the report engineer's). Exports nothing.
//
// Renderer contract: on each finished audit, import('./report/render.mjs') (once) and call
//   renderReport({report, reportText, sarifText, ruleset, lang, containers: {report, checklist, exports}})
// (ruleset = the engine's embedded ruleset document, parsed; reportText / sarifText: the engine's
// exact texts as Blobs for an audit, as strings or null for a bundle; for an opened evidence bundle
// also bundle: {state, declarations, signer}); on a language switch call its setLanguage(lang).
// Until that module exists, the raw grade is shown in #report.
//
// An opened evidence bundle: its verdict (#verdict-section, inputs/verdict-view.mjs) is shown
// first, above the report; a failed bundle's report stays hidden (the verdict's toggle shows it,
// marked as not a result), its dossier download and print are disabled; the label checklist (the
// local organisation and answers) is hidden, the dossier uses the bundle's own.
//
// Worker: created lazily on the first audit (worker.mjs loads the engine once). Cancel terminates
// it; the next audit creates a new one.
import { t, getLanguage, setLanguage, translatePage, formatBytes } from './i18n/core.mjs';
import { rawResponseToHar } from './inputs/raw-response.mjs';
import { selfCheck } from './inputs/self-check.mjs';
import { renderVerification, renderCreated, renderDiff } from './inputs/bundle.mjs';
import { verdictOf } from './inputs/verdict.mjs';
import { renderVerdict } from './inputs/verdict-view.mjs';
import * as keys from './inputs/keys.mjs';

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
  trustedOrg: $('trusted-key-org'),
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
const requests = new Map(); // id → {resolve, reject, onProgress, reply}: bundle messages in flight

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

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
  for (const r of requests.values()) r.reject(error);
  requests.clear();
}

function getWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => {
    const msg = event.data || {};
    const req = msg.id !== undefined && msg.id !== null ? requests.get(msg.id) : null;
    if (req) {
      if (msg.type === 'progress') req.onProgress?.(msg);
      else if (msg.type === 'error') {
        requests.delete(msg.id);
        req.reject(codedError(msg.code, msg.message));
      } else {
        requests.delete(msg.id);
        req.resolve(msg);
      }
      return;
    }
    if (msg.type === 'progress' && pending && msg.id === pending.id) {
      pending.onProgress?.(msg);
    } else if (msg.type === 'report-part' && pending && msg.id === pending.id) {
      // One part per task: a big report is parsed in ≈ 0.5 MB steps, never in one long task.
      for (const check of JSON.parse(msg.json)) pending.checks.push(check);
    } else if (msg.type === 'done' && pending && msg.id === pending.id) {
      const report = JSON.parse(msg.head);
      report.checks = pending.checks;
      pending.resolve({ report, reportText: msg.reportBlob, sarifText: msg.sarifBlob });
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

let lastAudit = null; // {source, options, capture} of the last finished audit (for "create bundle")
let auditCapture = { method: 'har-file', tool: 'portal-check-app' };

function auditInWorker(source, options, onProgress) {
  const capture = { ...auditCapture, time: new Date().toISOString() };
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending = { id, checks: [], resolve: (result) => { lastAudit = { source, options, capture }; resolve(result); }, reject, onProgress };
    getWorker().postMessage({ type: 'audit', id, source, options });
  });
}

// A bundle message to the worker (see worker.mjs) → Promise of its reply.
function requestWorker(message, onProgress) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    requests.set(id, { resolve, reject, onProgress });
    getWorker().postMessage({ ...message, id });
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
  else if (e && e.code === 'bundle-load') text = t('error.bundleLoad', { message: e.message });
  else if (e && e.code === 'key') text = t('error.key.other', { message: e.message });
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
  if (pending || rulesetWaiters.length > 0 || requests.size > 0) {
    stopWorker();
    failAll(codedError('cancelled', 'cancelled'));
  }
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
      showError(e);
    }
  } finally {
    if (token === runToken) {
      setBusy(false);
      crawlAbort = null;
    }
  }
}

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

// result: {report (parsed; an audit's, assembled from the worker's parts), reportText: Blob} or
// {reportText: string} (a bundle's report, parsed here); sarifText: Blob, string or null;
// verdict/declarations: an opened bundle's (verdictOf, the bundle's declarations section).
async function show({ report: parsed, reportText, sarifText, verdict = null, declarations = null }, token) {
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
  shownVerdict = verdict && !isObject(report) ? { ...verdict, state: 'failed', noContents: true } : verdict;
  voidReportShown = false;
  applyVerdictLayout();
  if (mod && typeof mod.renderReport === 'function') {
    await mod.renderReport({
      report,
      reportText,
      sarifText: sarifText ?? null,
      ruleset,
      lang: getLanguage(),
      containers: { report: els.report, checklist: els.checklist, exports: els.exports },
      bundle: shownVerdict ? { state: shownVerdict.state, declarations, signer: shownVerdict.signer } : null,
    });
  } else {
    renderRaw(report);
  }
}

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
  auditCapture = { method: 'browser-same-origin', tool: 'portal-check-app' };
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

// ---- evidence bundles ---------------------------------------------------------------------------

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
  bundleEls.create.hidden = !lastAudit || (has && bundleState.mode === 'verified');
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
  const info = bundleState ? { reportDigest: bundleState.info?.reportDigest, fingerprint: bundleState.info?.fingerprint || null }
    : { reportDigest: null, fingerprint: k ? k.fingerprint : null };
  if (renderer && typeof renderer.setBundleInfo === 'function') renderer.setBundleInfo(info);
}

function afterShow(result) {
  if (result.fromBundle) {
    bundleState = { mode: result.mode, result: result.verification, verdict: result.verdict, declarations: result.declarations, info: result.info || {} };
  } else if (!result.keepBundle) {
    bundleState = null;
  }
  if (!result.keepDiff) lastDiff = null;
  renderBundlePanel();
  updateDossierInfo();
}

const progressFor = (onProgress) => (msg) => {
  if (msg.phase === 'read' || msg.phase === undefined) onProgress(msg);
  else setStatus(`run.bundle.${msg.phase}`, null, { force: false });
};

els.bundleFile.addEventListener('change', () => {
  const file = els.bundleFile.files && els.bundleFile.files[0];
  if (!file) return;
  run(async (onProgress) => {
    const trustedNow = trusted ? { ...trusted, organization: els.trustedOrg.value.trim() || null } : null;
    const reply = await requestWorker({ type: 'bundle-verify', source: file, trustedKeys: trustedNow ? [{ publicJwk: trustedNow.publicJwk, organization: trustedNow.organization ?? undefined }] : [] }, progressFor(onProgress));
    lastAudit = null;
    let verdict = verdictOf(reply.result);
    // A bundle without a readable report (not JSON, wrong structure) is NOT VALID, shown as such.
    if (typeof reply.reportText !== 'string' && verdict.state !== 'failed') verdict = { ...verdict, state: 'failed', failedStep: 'structure' };
    return { reportText: typeof reply.reportText === 'string' ? reply.reportText : null, sarifText: null, fromBundle: true, mode: 'verified', verdict, declarations: reply.declarations ?? null, verification: reply.result, info: reply.info };
  });
  els.bundleFile.value = '';
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
    showError(e);
  }
});

function currentDeclarations() {
  try {
    return renderer && typeof renderer.getDeclarationsFile === 'function' ? renderer.getDeclarationsFile() : null;
  } catch { return null; }
}

bundleEls.create.addEventListener('click', () => {
  if (!lastAudit) return;
  const audit = lastAudit;
  run(async (onProgress) => {
    const file = currentDeclarations();
    const options = { ...audit.options };
    if (file && file.declarations && Object.keys(file.declarations).length) options.declarations = file;
    const k = keys.currentKey();
    const reply = await requestWorker({
      type: 'bundle-create', source: audit.source, options, capture: audit.capture,
      organization: file && file.organization ? file.organization : undefined,
      signingKey: k ? { privateKey: k.privateKey, publicJwk: k.publicJwk } : undefined,
    }, progressFor(onProgress));
    setStatus('run.bundleCreated');
    return { reportText: reply.reportText, sarifText: null, fromBundle: true, mode: 'created', info: reply.info };
  });
});

function fileBase() {
  try {
    return `portal-check-${new URL(String(lastReport?.target || '')).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'site'}`;
  } catch { return 'portal-check-site'; }
}

function downloadBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

bundleEls.download.addEventListener('click', async () => {
  try {
    const reply = await requestWorker({ type: 'bundle-blob' });
    downloadBlob(reply.blob, `${fileBase()}-bundle.json`);
  } catch (e) { showError(e); }
});

// The printable report as one static HTML file: the dossier's DOM (built from text nodes, so its
// serialisation escapes everything) and the app's report.css inlined; no script at all.
async function printableHtml() {
  const dossier = renderer && typeof renderer.getDossierElement === 'function' ? renderer.getDossierElement() : null;
  if (!dossier) return '';
  let css = '';
  try { css = await (await fetch(new URL('report.css', document.baseURI))).text(); } catch { css = ''; }
  const clone = dossier.cloneNode(true);
  const lang = getLanguage();
  const title = document.createElement('title');
  title.textContent = `portal-check — ${String(lastReport?.target || '')}`;
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n${title.outerHTML}\n<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n.pc-dossier{display:block!important}\n</style>\n</head>\n<body>\n${clone.outerHTML}\n</body>\n</html>\n`;
}

bundleEls.dossier.addEventListener('click', async () => {
  try {
    const html = await printableHtml();
    const base = fileBase();
    const reply = await requestWorker({ type: 'dossier-zip', html, bundleName: `${base}-bundle.json`, htmlName: `${base}-report.html` });
    downloadBlob(reply.blob, `${base}-application.zip`);
  } catch (e) { showError(e); }
});

bundleEls.rulesCurrent.addEventListener('click', () => {
  const keep = bundleState;
  run(async (onProgress) => {
    const reply = await requestWorker({ type: 'rules-current' }, progressFor(onProgress));
    lastDiff = { diff: reply.diff, engineVersion: reply.currentEngineVersion };
    bundleState = keep;
    const opened = keep && keep.mode === 'verified' ? keep : null;
    return { reportText: reply.reportText, sarifText: null, keepBundle: true, keepDiff: true, rediff: true, verdict: opened ? opened.verdict : null, declarations: opened ? opened.declarations : null };
  });
});

// ---- keys ------------------------------------------------------------------------------------------

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
  clearError();
  try { await fn(); } catch (e) { console.error(e); showError(e && e.key ? e : codedError('key', String(e?.message || e))); }
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
keys.initKeys({ onChange: (k) => renderKeyPanel(k) }).catch(() => {});

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
  if (!bundleEls.section.hidden) renderBundlePanel();
  if (shownVerdict) applyVerdictLayout();
  renderKeyPanel();
  if (trusted) bundleEls.trustedStatus.textContent = t('bundle.trustedSet', { fingerprint: trusted.fingerprint });
  return set;
}

els.lang.addEventListener('click', () => {
  applyLanguage(getLanguage() === 'vi' ? 'en' : 'vi');
});

if (getLanguage() !== 'vi') applyLanguage(getLanguage());
document.documentElement.dataset.ready = 'true';
