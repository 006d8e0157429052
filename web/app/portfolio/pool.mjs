// A pool of portfolio workers (worker.mjs) with bounded concurrency, progress and cancel.
//
// POOL_SIZE(hardwareConcurrency) → how many workers run at once: twice the browser's logical
//   processors, at most MAX_WORKERS (each worker holds its own engine instance and one file).
//   Twice: a bundle's verification waits between its steps (WebCrypto calls answered from another
//   thread, the verifier's setTimeout breaths), and a second worker per processor runs meanwhile.
// runPortfolio(files: [File], {trustedKeys, replay (default false: integrity pass only), onRow(row,
//   index), onProgress(done, total)}) →
//   {done: Promise<{rows (in file order; a file whose worker stopped has an 'error' row),
//   cancelled}>, cancel()}. cancel() terminates every worker at once; done then resolves with the
//   rows finished so far (the others absent) and cancelled = true.
import { rowOf } from './row.mjs';

export const MAX_WORKERS = 4;
const MAX_RESTARTS = 8;
export const POOL_SIZE = (n) => Math.max(1, Math.min(MAX_WORKERS, 2 * (Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1)));

export function runPortfolio(files, { trustedKeys = [], replay = false, onRow = () => {}, onProgress = () => {} } = {}) {
  const total = files.length;
  const rows = new Array(total);
  const workers = [];
  let next = 0;
  let finished = 0;
  let cancelled = false;
  let settle;
  const done = new Promise((resolve) => { settle = resolve; });
  const finish = () => {
    for (const w of workers) w.terminate();
    settle({ rows: cancelled ? rows.filter(Boolean) : rows, cancelled });
  };
  const record = (index, row) => {
    if (cancelled || rows[index]) return;
    rows[index] = row;
    finished += 1;
    onRow(row, index);
    onProgress(finished, total);
    if (finished === total) finish();
  };
  const feed = (worker) => {
    if (cancelled || next >= total) return;
    const index = next++;
    worker.current = index;
    worker.postMessage({ type: 'file', id: index, name: files[index].name, file: files[index], trustedKeys, replay });
  };
  const errorRow = (index, code, detail) => rowOf({ name: files[index].name, size: files[index].size, kind: 'unknown', state: 'error', error: { code, detail } });
  // A worker that fails to load or stops: its file becomes an error row and a fresh worker takes
  // its place; after MAX_RESTARTS such failures every remaining file is an error row (the engine
  // or the bundle code cannot run here at all).
  let restarts = 0;
  const start = () => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
    worker.current = null;
    worker.addEventListener('message', (event) => {
      const msg = event.data || {};
      if (msg.type === 'row') record(msg.id, msg.row);
      else if (msg.type === 'error') record(msg.id, errorRow(msg.id, msg.code, msg.message));
      worker.current = null;
      feed(worker);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      workers.splice(workers.indexOf(worker), 1);
      const message = event.message || 'worker.mjs';
      if (worker.current !== null) record(worker.current, errorRow(worker.current, 'worker', message));
      if (cancelled || finished === total) return;
      restarts += 1;
      if (restarts <= MAX_RESTARTS) feed(start());
      else if (workers.length === 0) while (next < total) { const i = next++; record(i, errorRow(i, 'worker', message)); }
    });
    workers.push(worker);
    return worker;
  };
  const count = Math.min(POOL_SIZE(globalThis.navigator?.hardwareConcurrency), total);
  for (let i = 0; i < count; i++) feed(start());
  if (total === 0) finish();
  return {
    done,
    cancel() {
      if (cancelled || finished === total) return;
      cancelled = true;
      finish();
    },
  };
}
