// The portfolio worker (a module worker; portfolio/pool.mjs runs several): loads the wasm engine
// once (../../wasm/portal_check.mjs in the served layout) and the bundle code, then answers
//   {type: 'file', id, name, file: File | Blob, trustedKeys: [{publicJwk, organization?}], replay}
//     (replay: true runs verification's replay step in the engine; otherwise it is not run)
//     → {type: 'row', id, row}   (classify.mjs rowOfText: a bundle verified with replay, a report,
//                                 or an error row; never an error message for a bad file)
//     or {type: 'error', id, code, message} when the engine or the bundle code cannot load.
// One file at a time per worker (the pool bounds the concurrency); files are read whole (a
// portfolio's total is bounded by limits.mjs MAX_PORTFOLIO_BYTES).
import { loadEngine } from '../../host/engine.mjs';
import { rowOfText } from './classify.mjs';
import { rowOf } from './row.mjs';

let ready = null;
function load() {
  ready ??= Promise.all([
    loadEngine({ moduleUrl: new URL('../../wasm/portal_check.mjs', import.meta.url).href }),
    import('../../host/bundle/index.mjs'),
  ]).catch((e) => {
    ready = null;
    throw Object.assign(new Error(String(e?.message ?? e)), { code: 'engine-load' });
  });
  return ready;
}

let queue = Promise.resolve();
self.addEventListener('message', (event) => {
  const msg = event.data || {};
  queue = queue.then(async () => {
    if (msg.type !== 'file') return;
    try {
      const [engine, bundle] = await load();
      let text;
      try {
        text = await msg.file.text();
      } catch (e) {
        self.postMessage({ type: 'row', id: msg.id, row: rowOf({ name: msg.name, size: msg.file?.size, kind: 'unknown', state: 'error', error: { code: 'read', detail: String(e?.message ?? e) } }) });
        return;
      }
      const row = await rowOfText({ name: msg.name, size: msg.file.size, text, engine, trustedKeys: msg.trustedKeys ?? [], verifyBundle: bundle.verifyBundle, replay: msg.replay === true });
      self.postMessage({ type: 'row', id: msg.id, row });
    } catch (e) {
      self.postMessage({ type: 'error', id: msg.id, code: String(e?.code ?? 'internal'), message: String(e?.message ?? e) });
    }
  });
});
