// A small promise wrapper over IndexedDB: one database ("portal-check-report"), one object store
// ("label") of JSON-cloneable values under string keys. Used for the label preparation (the
// organisation details and the declarations, one record per audited site: site-records.mjs), so
// they survive reloads.
//
// openStore() → Promise<{get(key) → Promise<value | undefined>, put(key, value) → Promise<void>,
//   delete(key) → Promise<void>, keys() → Promise<string[]> (every key, sorted), persistent:
//   boolean}>. Never rejects: when IndexedDB is missing
//   or refuses to open (private windows, file://, blocked storage), it resolves to an in-memory
//   store with persistent = false, so the UI can say that nothing will be kept.

const DB_NAME = 'portal-check-report';
const DB_VERSION = 1;
const STORE = 'label';

function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// The in-memory fallback (also a fresh store for tests): the same interface, persistent = false.
export function memoryStore() {
  const map = new Map();
  return {
    persistent: false,
    async get(key) { return map.has(key) ? structuredClone(map.get(key)) : undefined; },
    async put(key, value) { map.set(key, structuredClone(value)); },
    async delete(key) { map.delete(key); },
    async keys() { return [...map.keys()].map(String).sort(); },
  };
}

let opened = null;

export function openStore() {
  if (opened) return opened;
  opened = (async () => {
    if (typeof indexedDB === 'undefined') return memoryStore();
    let db;
    try {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      db = await promisify(request);
    } catch {
      return memoryStore();
    }
    const tx = (mode, fn) => new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = fn(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return {
      persistent: true,
      get: (key) => tx('readonly', (s) => s.get(key)),
      put: (key, value) => tx('readwrite', (s) => s.put(value, key)).then(() => undefined),
      delete: (key) => tx('readwrite', (s) => s.delete(key)).then(() => undefined),
      keys: () => tx('readonly', (s) => s.getAllKeys()).then((keys) => keys.map(String).sort()),
    };
  })();
  return opened;
}
