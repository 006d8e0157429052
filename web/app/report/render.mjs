// The report module's entry point, called by the app (web/app/main.mjs).
//
// renderReport({report, reportText, sarifText, ruleset, lang, containers: {report, checklist, exports}})
//   → Promise<void> (resolves once the saved label details are loaded and shown and the printable
//   dossier is built; the report view itself is there synchronously, its finding groups collapsed
//   and filled when opened, so a big report never freezes the page; callers may ignore it). report: the parsed engine report (docs/report.md);
//   reportText / sarifText: the engine's exact texts, downloaded unchanged (sarifText may be a
//   function → Promise of it, called when its download is clicked: exports.mjs); ruleset: the engine's
//   embedded ruleset document (engine.ruleset()); lang: 'vi' (default) or 'en'. Each
//   container is cleared (replaceChildren) and filled; a missing container is skipped. The page
//   gives each container its <h2> (index.html); this module's headings start at <h3>.
// setLanguage(lang) → re-renders the three containers in 'vi' or 'en', keeping filters and answers.
// setBundleInfo(info), getDossierElement(): see below.
// bundle (optional renderReport argument): null for an audit, or for an opened evidence bundle
//   {state: 'verified' | 'intact' | 'failed' (inputs/verdict.mjs), declarations: the bundle's
//   declarations section, signer: null | {fingerprint, trusted, organization}}: the dossier and
//   exports then use the bundle's organisation and declarations (never the locally saved label,
//   which is neither shown nor changed), a failed bundle's grade is not drawn as a grade and its
//   dossier cannot be printed, an intact one's dossier is stamped "signer not verified".
// captureMethod (optional renderReport argument): how the evidence was captured, the HAR's
//   log._portalCheck.captureMethod as the app knows it ("har-file", "raw-response",
//   "browser-same-origin", ...), null when unknown; "browser-same-origin" (the self-check) puts
//   a visible caveat with the grade, in the report view and in the dossier (capture-caveat.mjs).
// Label records: the organisation details and answers are kept per audited site (the report
//   target's origin, site-records.mjs); a report of another site saves the previous site's edits
//   and loads that site's record; the checklist lists the saved sites (copy one's organisation
//   details here, delete one). For an audit the views get the report with its criteria statuses
//   as the current answers make them (criteria-status.mjs): an answer redraws the criteria, the
//   checklist's badges and the dossier at once; the engine's own texts (downloads) are unchanged.
// gradedHeaders (optional renderReport argument): the graded page's raw response headers,
//   [[name, value]] or [{name, value}] in the order received, shown as text in the grade's
//   Observatory-style table (observatory-table.mjs); null when the caller does not have them (the
//   engine's report does not carry them), which the table then says.
// getDeclarationsFile() → the current answers as the CLI's --declarations document
//   (rules/schema/declarations.schema.json), e.g. for the app to re-run the audit with them.
//
// Safety: the report and every string in it are hostile input (the audited site chose them). The
// module builds the DOM with createElement/textContent/setAttribute on allow-listed attributes
// only (dom.mjs), never innerHTML/outerHTML/insertAdjacentHTML/document.write, never a link or src
// from site data; control, bidi and zero-width characters are shown as ⟨U+XXXX⟩.
import { reportStrings } from '../i18n/report.mjs';
import { renderReportView, newFilters } from './report-view.mjs';
import { renderChecklist, emptyLabel, neededDeclarations, seedFromReport, declarationsFile, ORG_FIELDS } from './checklist.mjs';
import { renderExports } from './exports.mjs';
import { openStore } from './store.mjs';
import { isObject, str } from './model.mjs';
import { labelFromBundle } from './bundle-label.mjs';
import { withDeclarations } from './criteria-status.mjs';
import { renderCriteria } from './report-view.mjs';
import { refreshNeededBy } from './checklist.mjs';
import { siteOrigin, loadSiteLabel, saveSiteLabel, listSiteRecords, deleteSiteRecord } from './site-records.mjs';
import { renderSiteRecords } from './site-records-view.mjs';
import { serverSnippets } from '../../host/server-snippets.mjs';

const SAVE_DELAY_MS = 300;

const state = {
  args: null,
  lang: 'vi',
  filters: newFilters(),
  label: emptyLabel(),
  labelLoaded: false,
  origin: null, // the audited site whose label is loaded (site-records.mjs), null before the first
  records: [], // the saved sites (listSiteRecords), for the checklist's list
  recordsNode: null,
  storeState: 'loading', // 'loading' | 'indexeddb' | 'memory'
  exportsApi: null,
  statusNode: null,
  saveTimer: null,
  cache: new WeakMap(),
  bundleInfo: null, // {reportDigest, fingerprint, digests, capturedAt} for the printable dossier (setBundleInfo)
  bundle: null, // {state, label, signer} of an opened evidence bundle (renderReport's bundle)
  captureMethod: null, // how the audited evidence was captured (renderReport's captureMethod)
};

function bundleOf(bundle) {
  if (!isObject(bundle)) return null;
  const state = ['verified', 'intact'].includes(bundle.state) ? bundle.state : 'failed';
  const s = isObject(bundle.signer) ? bundle.signer : null;
  return {
    state,
    label: labelFromBundle(bundle.declarations),
    signer: s ? { fingerprint: s.fingerprint ? str(s.fingerprint) : null, trusted: s.trusted === true, organization: s.organization ? str(s.organization) : null } : null,
  };
}

function normalizeLang(lang) {
  return lang === 'en' ? 'en' : 'vi';
}

function sanitizeLabel(saved) {
  const label = emptyLabel();
  if (!isObject(saved)) return label;
  if (isObject(saved.organization)) for (const k of ORG_FIELDS) label.organization[k] = str(saved.organization[k]);
  if (isObject(saved.declarations)) {
    for (const [id, a] of Object.entries(saved.declarations)) {
      if (!isObject(a)) continue;
      label.declarations[id] = { answer: ['yes', 'no', 'unknown'].includes(a.answer) ? a.answer : 'unknown', note: str(a.note) };
    }
  }
  return label;
}

async function saveLabel() {
  if (!state.labelLoaded || state.origin === null) return;
  const { origin, label } = state; // the site being edited now, even if another loads meanwhile
  const store = await openStore();
  const t = reportStrings(state.lang);
  try {
    await saveSiteLabel(store, origin, label);
    if (state.statusNode) state.statusNode.textContent = store.persistent ? t.saved : t.storeUnavailable;
  } catch {
    if (state.statusNode) state.statusNode.textContent = t.storeUnavailable;
  }
  await refreshRecords();
}

// The saved sites' list in the checklist (site-records-view.mjs), read again from the store.
async function refreshRecords() {
  const store = await openStore();
  state.records = await listSiteRecords(store);
  if (state.recordsNode) renderSiteRecords(state.recordsNode, context());
}

// The criteria statuses follow the answers at once (criteria-status.mjs): the report view's
// criteria, the checklist's "needed by" badges and the printable dossier are redrawn now; the
// save waits for a pause in typing.
function refreshCriteria() {
  const containers = state.args?.containers || {};
  const ctx = context();
  const old = containers.report?.querySelector('.pc-criteria-box');
  if (old) {
    const fresh = renderCriteria(ctx);
    if (fresh) old.replaceWith(fresh);
  }
  if (containers.checklist) refreshNeededBy(containers.checklist, ctx);
  if (containers.exports) {
    state.exportsApi = renderExports(containers.exports, ctx);
    state.exportsApi.ensureDossier();
  }
}

// declarations: an answer changed (criteria redrawn now); notes: a declaration's note changed (the
// criteria carry it: redrawn after the pause, not on every keystroke); else organisation details.
function onLabelChange({ declarations = false, notes = false } = {}) {
  clearTimeout(state.saveTimer);
  if (state.statusNode) state.statusNode.textContent = reportStrings(state.lang).saving;
  if (declarations) refreshCriteria();
  state.saveTimer = setTimeout(() => {
    state.saveTimer = null;
    saveLabel();
    if (notes) refreshCriteria();
    else if (!declarations) state.exportsApi?.refreshDossier();
  }, SAVE_DELAY_MS);
}

async function onClear() {
  const store = await openStore();
  try { if (state.origin !== null) await deleteSiteRecord(store, state.origin); } catch { /* nothing saved */ }
  state.label = emptyLabel();
  renderAll();
  await refreshRecords();
  if (state.statusNode) state.statusNode.textContent = reportStrings(state.lang).cleared;
}

// Copies another saved site's organisation details into this site's label.
async function onCopyRecord(origin) {
  const store = await openStore();
  const saved = sanitizeLabel(await loadSiteLabel(store, origin));
  state.label.organization = saved.organization;
  renderAll();
  await saveLabel();
}

async function onDeleteRecord(origin) {
  const store = await openStore();
  try { await deleteSiteRecord(store, origin); } catch { /* already gone */ }
  if (origin === state.origin) {
    state.label = emptyLabel();
    renderAll();
  }
  await refreshRecords();
}

function context() {
  const a = state.args || {};
  return {
    // An audit's criteria follow the checklist's answers; an opened bundle's report is its own.
    report: state.bundle ? a.report : withDeclarations(a.report, state.label),
    reportText: a.reportText,
    sarifText: a.sarifText,
    ruleset: isObject(a.ruleset) ? a.ruleset : {},
    lang: state.lang,
    t: reportStrings(state.lang),
    filters: state.filters,
    cache: state.cache,
    label: state.bundle ? state.bundle.label : state.label,
    bundle: state.bundle,
    storeState: state.storeState,
    onLabelChange,
    onClear,
    setStatusNode: (node) => { state.statusNode = node; },
    origin: state.origin,
    records: state.records,
    onCopyRecord,
    onDeleteRecord,
    setRecordsNode: (node) => { state.recordsNode = node; renderSiteRecords(node, context()); },
    bundleInfo: state.bundleInfo,
    captureMethod: state.captureMethod,
    gradedHeaders: state.args?.gradedHeaders ?? null,
    // (checkId, outcome) → server configuration examples shown with a group's remediation
    // (findings-view.mjs, snippet-blocks.mjs); null until web/host/server-snippets.mjs exists.
    serverSnippets,
  };
}

// → Promise resolved once the report view's finding cards are all in (renderReportView) and the
// printable dossier is built (renderExports).
function renderAll() {
  const containers = state.args?.containers || {};
  const ctx = context();
  const viewDone = containers.report ? renderReportView(containers.report, ctx) : Promise.resolve();
  if (containers.checklist) {
    if (state.bundle) containers.checklist.replaceChildren();
    else renderChecklist(containers.checklist, ctx);
  }
  if (containers.exports) state.exportsApi = renderExports(containers.exports, ctx);
  for (const c of [containers.report, containers.checklist, containers.exports]) if (c) c.setAttribute('lang', state.lang);
  return Promise.all([viewDone, state.exportsApi?.dossierReady]);
}

export function renderReport({ report, reportText, sarifText, ruleset, lang, containers, bundle = null, captureMethod = null, gradedHeaders = null } = {}) {
  const sameReport = state.args && state.args.report === report;
  state.args = { report, reportText, sarifText, ruleset, containers: containers || {}, gradedHeaders: Array.isArray(gradedHeaders) ? gradedHeaders : null };
  state.bundle = bundleOf(bundle);
  state.captureMethod = typeof captureMethod === 'string' ? captureMethod : null;
  state.lang = normalizeLang(lang ?? state.lang);
  if (!sameReport) {
    state.filters = newFilters();
    state.cache = new WeakMap();
  }
  // A report of another site (or an opened bundle's site) loads that site's record.
  const origin = siteOrigin(report?.target);
  const switching = !state.bundle && origin !== state.origin;
  if (switching) {
    if (state.saveTimer !== null) saveLabel(); // the previous site's last edits
    clearTimeout(state.saveTimer);
    state.saveTimer = null;
    state.origin = origin;
    state.label = emptyLabel();
    state.labelLoaded = false;
  }
  if (state.labelLoaded && !state.bundle) seedFromReport(state.label, neededDeclarations(report, ruleset));
  const viewDone = renderAll();
  if (state.labelLoaded || state.bundle) return viewDone.then(() => {});
  const labelDone = openStore().then(async (store) => {
    const saved = await loadSiteLabel(store, origin);
    state.storeState = store.persistent ? 'indexeddb' : 'memory';
    if (state.origin !== origin) return; // another site's report came meanwhile
    if (!state.labelLoaded) {
      state.label = sanitizeLabel(saved);
      state.labelLoaded = true;
    }
    state.records = await listSiteRecords(store);
    const args = state.args;
    if (!state.bundle) seedFromReport(state.label, neededDeclarations(args.report, args.ruleset));
    const containers2 = args.containers;
    const ctx = context();
    if (containers2.checklist && !state.bundle) renderChecklist(containers2.checklist, ctx);
    if (containers2.exports) {
      state.exportsApi = renderExports(containers2.exports, ctx);
      await state.exportsApi.dossierReady;
    }
  });
  return Promise.all([viewDone, labelDone]).then(() => {});
}

export function setLanguage(lang) {
  state.lang = normalizeLang(lang);
  if (state.args) renderAll();
}

// setBundleInfo({reportDigest, fingerprint, digests, capturedAt} | null) → the printable dossier
// shows the evidence bundle's section digests ({section: "sha256:<hex>"}, reportDigest alone when
// that is all there is), the signing key's fingerprint and when the evidence was captured (ISO
// 8601); rebuilt at once.
export function setBundleInfo(info) {
  state.bundleInfo = info && typeof info === 'object' ? {
    reportDigest: info.reportDigest || null,
    fingerprint: info.fingerprint || null,
    digests: isObject(info.digests) ? { ...info.digests } : null,
    capturedAt: typeof info.capturedAt === 'string' ? info.capturedAt : null,
  } : null;
  const containers = state.args?.containers || {};
  if (state.args && containers.exports) {
    state.exportsApi = renderExports(containers.exports, context());
    state.exportsApi.ensureDossier();
  }
}

// The last rendered exports (the printable dossier lives there), for the application dossier file.
export function getDossierElement() {
  state.exportsApi?.ensureDossier?.();
  const c = state.args?.containers?.exports;
  return c ? c.querySelector('.pc-dossier') : null;
}

export function getDeclarationsFile() {
  return declarationsFile(state.label, state.args?.ruleset);
}
