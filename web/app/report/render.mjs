// The report module's entry point, called by the app (web/app/main.mjs).
//
// renderReport({report, reportText, sarifText, ruleset, lang, containers: {report, checklist, exports}})
//   → Promise<void> (resolves once the saved label details are loaded and shown and the printable
//   dossier is built; the report view itself is there synchronously, its finding groups collapsed
//   and filled when opened, so a big report never freezes the page; callers may ignore it). report: the parsed engine report (docs/report.md);
//   reportText / sarifText: the engine's exact texts, downloaded unchanged; ruleset: the engine's
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
import { serverSnippets } from '../../host/server-snippets.mjs';

const LABEL_KEY = 'label';
const SAVE_DELAY_MS = 300;

const state = {
  args: null,
  lang: 'vi',
  filters: newFilters(),
  label: emptyLabel(),
  labelLoaded: false,
  storeState: 'loading', // 'loading' | 'indexeddb' | 'memory'
  exportsApi: null,
  statusNode: null,
  saveTimer: null,
  cache: new WeakMap(),
  bundleInfo: null, // {reportDigest, fingerprint} for the printable dossier (setBundleInfo)
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
  const store = await openStore();
  const t = reportStrings(state.lang);
  try {
    await store.put(LABEL_KEY, state.label);
    if (state.statusNode) state.statusNode.textContent = store.persistent ? t.saved : t.storeUnavailable;
  } catch {
    if (state.statusNode) state.statusNode.textContent = t.storeUnavailable;
  }
}

function onLabelChange() {
  clearTimeout(state.saveTimer);
  if (state.statusNode) state.statusNode.textContent = reportStrings(state.lang).saving;
  state.saveTimer = setTimeout(() => {
    saveLabel();
    state.exportsApi?.refreshDossier();
  }, SAVE_DELAY_MS);
}

async function onClear() {
  const store = await openStore();
  try { await store.delete(LABEL_KEY); } catch { /* nothing saved */ }
  state.label = emptyLabel();
  renderAll();
  if (state.statusNode) state.statusNode.textContent = reportStrings(state.lang).cleared;
}

function context() {
  const a = state.args || {};
  return {
    report: a.report,
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
  if (state.labelLoaded && !state.bundle) seedFromReport(state.label, neededDeclarations(report, ruleset));
  const viewDone = renderAll();
  if (state.labelLoaded) return viewDone.then(() => {});
  const labelDone = openStore().then(async (store) => {
    let saved;
    try { saved = await store.get(LABEL_KEY); } catch { saved = undefined; }
    state.storeState = store.persistent ? 'indexeddb' : 'memory';
    if (!state.labelLoaded) {
      state.label = sanitizeLabel(saved);
      state.labelLoaded = true;
    }
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

// setBundleInfo({reportDigest, fingerprint} | null) → the printable dossier shows the evidence
// bundle's report digest and the signing key's fingerprint; rebuilt at once.
export function setBundleInfo(info) {
  state.bundleInfo = info && typeof info === 'object' ? { reportDigest: info.reportDigest || null, fingerprint: info.fingerprint || null } : null;
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
