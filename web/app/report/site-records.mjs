// The label preparation (organisation details and declaration answers, checklist.mjs's "label")
// kept per audited site in the browser's store (store.mjs): one record per site origin, so one
// browser can prepare the dossiers of several organisations and sites.
//
// A record is stored under the key RECORD_PREFIX + origin as {version: 1, origin, updated (ISO
// 8601), label}. The origin is the report target's (scheme://host[:port]); a report without a
// usable target uses NO_SITE. Before records were kept per site, one label lived under the key
// LEGACY_KEY: the first site loaded without a record of its own takes it over (and the legacy key is
// deleted), so nothing typed before is lost.
//
// siteOrigin(target) → the origin of a report target, or NO_SITE.
// loadSiteLabel(store, origin) → Promise<saved label value | undefined> (not yet sanitised: the
//   caller checks every member; a store error reads as nothing saved).
// saveSiteLabel(store, origin, label) → Promise<void> (rejects when the store refuses).
// listSiteRecords(store) → Promise<[{origin, name, updated}]> sorted by origin (name: the saved
//   organisation name, '' when none; values are user input, shown as text).
// deleteSiteRecord(store, origin) → Promise<void>.
export const RECORD_PREFIX = 'site:';
export const LEGACY_KEY = 'label';
export const NO_SITE = '';
// At most this many records are listed (a store filled by another tool must not flood the page).
export const MAX_LISTED_RECORDS = 200;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function siteOrigin(target) {
  try {
    const u = new URL(String(target ?? ''));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : NO_SITE;
  } catch {
    return NO_SITE;
  }
}

export async function loadSiteLabel(store, origin) {
  const key = RECORD_PREFIX + origin;
  try {
    const record = await store.get(key);
    if (isObject(record)) return record.label;
    const legacy = await store.get(LEGACY_KEY);
    if (legacy === undefined) return undefined;
    await saveSiteLabel(store, origin, legacy);
    await store.delete(LEGACY_KEY);
    return legacy;
  } catch {
    return undefined;
  }
}

export async function saveSiteLabel(store, origin, label) {
  await store.put(RECORD_PREFIX + origin, { version: 1, origin, updated: new Date().toISOString(), label });
}

export async function listSiteRecords(store) {
  let keys = [];
  try { keys = (await store.keys()).filter((k) => k.startsWith(RECORD_PREFIX)); } catch { return []; }
  const out = [];
  for (const key of keys.slice(0, MAX_LISTED_RECORDS)) {
    let record;
    try { record = await store.get(key); } catch { continue; }
    if (!isObject(record)) continue;
    const name = isObject(record.label?.organization) && typeof record.label.organization.name === 'string' ? record.label.organization.name : '';
    out.push({ origin: key.slice(RECORD_PREFIX.length), name, updated: typeof record.updated === 'string' ? record.updated : '' });
  }
  return out;
}

export async function deleteSiteRecord(store, origin) {
  await store.delete(RECORD_PREFIX + origin);
}
