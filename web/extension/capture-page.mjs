// The extension's capture page: opened by the toolbar button for one tab's site
// (capture.html?tab=<id>&url=<url>[&pages=N]), it records the site with the capture plan the CLI
// uses (web/host/capture-core.mjs) over the browser's own network (cdp-transport.mjs, in a tab of
// its own: debugger-session.mjs), shows progress with Cancel, then hands the HAR to the app page
// inside the extension (handoff.mjs), which audits it with the wasm engine and shows the report.
//
// Capture options: pages from capture-options.mjs (the CLI's default 10, or ?pages=N), the CLI's
// other defaults, concurrency 1 (one tab). The debugger is detached and the tab closed when the capture ends,
// fails or is cancelled; the site's cookies in this browser are put back (cookie-jar-guard.mjs).
import { runCapture, CAPTURE_BUDGET } from '../host/capture-core.mjs';
import { createHarMemoryWriter } from '../host/har-memory-writer.mjs';
import { parseSitePaths } from '../host/site-path-lists.mjs';
import { getLanguage } from '../app/i18n/core.mjs';
import { createCdpTransport } from './cdp-transport.mjs';
import { openDebuggerSession } from './debugger-session.mjs';
import { guardCookies } from './cookie-jar-guard.mjs';
import { putCapture, dropOldCaptures } from './handoff.mjs';
import { captureOptions } from './capture-options.mjs';
import { captureText as t } from './capture-strings.mjs';

const TIMEOUT_MS = 15000;
const MAX_BYTES = 5 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
let controller = null;
let session = null;

function show(id, text) {
  const el = $(id);
  el.textContent = text;
  el.hidden = !text;
}

async function readJson(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

// A capture handed over but never opened (its app page closed first) is kept at most this long.
const LEFTOVER_MS = 24 * 3600 * 1000;

// The origins whose cookies the capture could change: the start URL's host over http and https.
function cookieUrls(target) {
  const u = new URL(target);
  return [`http://${u.hostname}/`, `https://${u.hostname}/`];
}

async function capture(target, pages) {
  controller = new AbortController();
  const { signal } = controller;
  show('capture-error', '');
  $('capture-again').hidden = true;
  $('capture-cancel').hidden = false;
  $('capture-bar').removeAttribute('value');
  show('capture-status', t('progress', { requests: 0, pages: 0 }));
  const started = new Date().toISOString();
  let restoreCookies = null;
  try {
    const paths = parseSitePaths({
      adminPaths: await readJson('../rules/data/admin-paths.json'),
      exposedFiles: await readJson('../rules/data/exposed-files.json'),
    });
    session = await openDebuggerSession({ onLost: () => { controller.lostReason = 'lost'; controller.abort(); } });
    const transport = createCdpTransport(session, { maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS, signal });
    restoreCookies = await guardCookies(session, cookieUrls(target)).catch(() => null);
    const writer = createHarMemoryWriter();
    const summary = await runCapture(target, {
      transport, writer, paths, signal, pages, concurrency: 1, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES,
      maxRequests: CAPTURE_BUDGET.maxRequests, maxHarBytes: CAPTURE_BUDGET.maxHarBytes,
      captureMethod: 'extension-live',
      logFields: { browser: { userAgent: navigator.userAgent, via: 'chrome.debugger' } },
      onProgress: ({ requests, pages: seen }) => show('capture-status', t('progress', { requests, pages: seen })),
    });
    if (signal.aborted) throw Object.assign(new Error('cancelled'), { cancelled: true });
    if (!summary.answered) throw new Error(t('noAnswer', { target, error: summary.firstError ?? '?' }));
    const har = new Blob(summary.written, { type: 'application/json' });
    const key = await putCapture(har, {
      target, started, finished: new Date().toISOString(), pages: summary.pages, requests: summary.requests,
      bytes: summary.bytes, stopped: summary.stopped?.message ?? null,
    });
    show('capture-status', t('auditing'));
    await finish(restoreCookies);
    location.replace(new URL(`../app/index.html#extension-capture=${encodeURIComponent(key)}`, location.href).href);
  } catch (e) {
    await finish(restoreCookies);
    $('capture-cancel').hidden = true;
    $('capture-again').hidden = false;
    $('capture-bar').value = 0;
    if (signal.aborted) {
      show('capture-status', t(controller.lostReason ? 'lost' : 'cancelled'));
    } else {
      show('capture-status', '');
      show('capture-error', t('failed', { error: e.message }));
    }
  }
}

// Puts the site's cookies back, then detaches the debugger and closes the capture tab.
async function finish(restoreCookies) {
  const s = session;
  session = null;
  if (!s) return;
  if (restoreCookies) {
    await s.ensureAttached().catch(() => {});
    await restoreCookies();
  }
  await s.close();
}

// The page closed while it captured: the debugger is not the page's but the extension's, so it
// would stay attached to the capture tab. Detach and close it (best effort: the page is going).
addEventListener('pagehide', () => {
  controller?.abort();
  session?.abandon();
});

function start() {
  document.documentElement.lang = getLanguage();
  document.title = t('title');
  const { target, pages, error } = captureOptions(location.search);
  dropOldCaptures(LEFTOVER_MS).catch(() => {});
  $('capture-target').textContent = target;
  $('capture-what').textContent = t('what', { pages });
  $('capture-cancel').textContent = t('cancel');
  $('capture-again').textContent = t('again');
  $('capture-cancel').addEventListener('click', () => controller?.abort());
  $('capture-again').addEventListener('click', () => capture(target, pages));
  if (error) {
    $('capture-cancel').hidden = true;
    show('capture-error', t('badTarget'));
    return;
  }
  capture(target, pages);
}

start();
