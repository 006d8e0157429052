// The page's side of the audit worker (worker.mjs, its message protocol): one module worker,
// created lazily on the first request and kept (it loads the engine once); requests, their
// progress and Cancel. No DOM.
//
// auditInWorker(source, options, onProgress) → Promise<{report (parsed, assembled from the
//   worker's report parts), reportText: Blob, sarifText: () → Promise<Blob> (the SARIF, made by
//   the worker when asked: for the download only; it rejects once another audit started, or
//   after the worker was cancelled), gradedHeaders ([[name, value], …], the graded page's response
//   headers)}>. One audit at a time: a second
//   call replaces the first (whose promise then never settles; the shell cancels first).
// requestWorker(message, onProgress) → Promise of the worker's reply to a bundle message
//   ({type: 'bundle-verify' | 'bundle-create' | 'rules-current' | 'bundle-blob' | 'dossier-zip'}).
// embeddedRuleset() → Promise of the engine's embedded ruleset (parsed; asked once, again after a
//   failure).
// onProgress(msg) gets the worker's {type: 'progress', id, phase?, bytes, totalBytes, entries}.
// cancelWorker(): when anything is in flight, terminates the worker (immediate, whatever the
//   engine is doing) and rejects every pending promise with code "cancelled"; the next request
//   creates a new worker.
// Errors: rejections carry .code: the worker's code (e.g. "invalid-argument", "engine-load",
//   "read", "bundle-load"), "worker" when the worker itself failed, "cancelled".
// codedError(code, message) → an Error with .code.

import { StringPool } from './string-pool.mjs';

let worker = null;
let nextId = 1;
let pending = null; // {id, checks, strings (the report's StringPool), resolve, reject, onProgress} of the audit in flight
let rulesetWaiters = []; // [{resolve, reject}]
let rulesetPromise = null; // the parsed embedded ruleset (same engine for every worker)
const requests = new Map(); // id → {resolve, reject, onProgress}: bundle messages in flight
const partDecoder = new TextDecoder(); // the report parts' UTF-8

export function codedError(code, message) {
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

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function onMessage(event) {
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
    // One part per task: a big report is parsed in ≈ 64 KiB steps, never in one long task; its
    // strings are kept once each (a large report repeats most of them).
    for (const check of pending.strings.intern(JSON.parse(partDecoder.decode(msg.bytes)))) pending.checks.push(check);
  } else if (msg.type === 'done' && pending && msg.id === pending.id) {
    const report = JSON.parse(msg.head);
    report.checks = pending.checks;
    const sarifText = () => requestWorker({ type: 'sarif' }).then((reply) => reply.blob);
    pending.resolve({ report, reportText: msg.reportBlob, sarifText, gradedHeaders: msg.gradedHeaders ?? null });
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
}

function getWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  worker.addEventListener('message', onMessage);
  // A module that fails to load or an uncaught error: this worker is unusable.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const message = event.message || 'worker.mjs';
    stopWorker();
    failAll(codedError('worker', message));
  });
  return worker;
}

export function auditInWorker(source, options, onProgress) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending = { id, checks: [], strings: new StringPool(), resolve, reject, onProgress };
    getWorker().postMessage({ type: 'audit', id, source, options });
  });
}

export function requestWorker(message, onProgress) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    requests.set(id, { resolve, reject, onProgress });
    getWorker().postMessage({ ...message, id });
  });
}

export function embeddedRuleset() {
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

export function cancelWorker() {
  if (pending || rulesetWaiters.length > 0 || requests.size > 0) {
    stopWorker();
    failAll(codedError('cancelled', 'cancelled'));
  }
}
