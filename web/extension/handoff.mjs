// Hands a captured HAR from the extension's capture page to the app page of the same extension
// (both pages share the extension's origin, hence its IndexedDB): database DB_NAME, object store
// STORE_NAME, one record per capture {key, har: Blob, meta, stored: ms since the epoch}. No
// chrome.* API: IndexedDB is enough.
//
// putCapture(har: Blob, meta) → Promise<key: string>: stores one capture under a fresh random key
//   (crypto.randomUUID). meta = {target, started, finished, pages, requests, bytes, stopped}, plain
//   JSON: it is stored as its JSON copy (functions, undefined members dropped). Rejects a `har`
//   that is not a Blob (TypeError) and a meta JSON cannot hold.
// takeCapture(key) → Promise<{har: Blob, meta} | null>: reads AND deletes the record in one
//   transaction, so a capture is opened at most once; null for an unknown (already taken, dropped)
//   or malformed key (not a string, empty, over MAX_KEY_LENGTH characters).
// dropOldCaptures(maxAgeMs) → Promise<number>: deletes records stored more than maxAgeMs ago (the
//   leftovers of captures never opened) and records without a time, returns how many. Rejects with
//   RangeError unless maxAgeMs is a finite number ≥ 0.
export const DB_NAME = 'portal-check-extension';
export const STORE_NAME = 'captures';
export const MAX_KEY_LENGTH = 100; // a key is a UUID (36 characters)
const DB_VERSION = 1;

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`handoff: the database ${DB_NAME} is blocked by another page`));
  });
}

// Runs work(store) in one transaction of the store; resolves with work's result once the
// transaction has committed (rejects if it aborts).
async function inStore(mode, work) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, mode);
      let result;
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => reject(tx.error || new Error('handoff: transaction aborted'));
      tx.onerror = () => reject(tx.error);
      Promise.resolve(work(tx.objectStore(STORE_NAME))).then((r) => { result = r; }, (e) => { tx.abort(); reject(e); });
    });
  } finally {
    db.close();
  }
}

const requestResult = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

export async function putCapture(har, meta) {
  if (!(har instanceof Blob)) throw new TypeError('putCapture: the HAR must be a Blob');
  const plainMeta = JSON.parse(JSON.stringify(meta ?? {}));
  const key = crypto.randomUUID();
  await inStore('readwrite', (store) => { store.add({ key, har, meta: plainMeta, stored: Date.now() }); });
  return key;
}

export async function takeCapture(key) {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) return null;
  return inStore('readwrite', async (store) => {
    const record = await requestResult(store.get(key));
    if (!record) return null;
    store.delete(key);
    return { har: record.har, meta: record.meta };
  });
}

export async function dropOldCaptures(maxAgeMs) {
  if (!(Number.isFinite(maxAgeMs) && maxAgeMs >= 0)) throw new RangeError('dropOldCaptures: maxAgeMs must be a number ≥ 0');
  const before = Date.now() - maxAgeMs;
  return inStore('readwrite', (store) => new Promise((resolve, reject) => {
    let dropped = 0;
    const cursorRequest = store.openCursor();
    cursorRequest.onerror = () => reject(cursorRequest.error);
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) { resolve(dropped); return; }
      if (!(cursor.value?.stored >= before)) { cursor.delete(); dropped += 1; }
      cursor.continue();
    };
  }));
}
