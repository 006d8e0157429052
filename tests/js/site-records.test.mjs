// Label records per audited site (web/app/report/site-records.mjs) over the store's in-memory
// fallback (store.mjs without IndexedDB, as in Node): origins, one record per site, the legacy
// single record taken over once, the listing limit at and past MAX_LISTED_RECORDS, deletion, and a
// store that throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, memoryStore } from '../../web/app/report/store.mjs';
import {
  siteOrigin, loadSiteLabel, saveSiteLabel, listSiteRecords, deleteSiteRecord, NO_SITE, LEGACY_KEY, RECORD_PREFIX, MAX_LISTED_RECORDS,
} from '../../web/app/report/site-records.mjs';

const freshStore = memoryStore;

test('origins: scheme, host and port; anything else is no site', () => {
  assert.equal(siteOrigin('https://Example.gov.vn/a/b?c#d'), 'https://example.gov.vn');
  assert.equal(siteOrigin('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
  for (const bad of ['', null, undefined, 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 42]) assert.equal(siteOrigin(bad), NO_SITE, String(bad));
});

test('the store module falls back to memory without IndexedDB, with keys()', async () => {
  const store = await openStore();
  assert.equal(store.persistent, false);
  await store.put('b', 1);
  await store.put('a', 2);
  assert.deepEqual(await store.keys(), ['a', 'b']);
});

test('one record per site; the legacy record goes to the first site loaded, once', async () => {
  const store = freshStore();
  await store.put(LEGACY_KEY, { organization: { name: 'Cũ' }, declarations: {} });
  assert.equal((await loadSiteLabel(store, 'https://a.example')).organization.name, 'Cũ');
  assert.equal(await store.get(LEGACY_KEY), undefined, 'the legacy key is gone');
  assert.equal(await loadSiteLabel(store, 'https://b.example'), undefined, 'another site starts empty');
  await saveSiteLabel(store, 'https://b.example', { organization: { name: 'B' }, declarations: {} });
  const list = await listSiteRecords(store);
  assert.deepEqual(list.map((r) => [r.origin, r.name]), [['https://a.example', 'Cũ'], ['https://b.example', 'B']]);
  assert.match(list[1].updated, /^\d{4}-\d\d-\d\dT/);
  await deleteSiteRecord(store, 'https://a.example');
  assert.deepEqual((await listSiteRecords(store)).map((r) => r.origin), ['https://b.example']);
  assert.equal(await loadSiteLabel(store, 'https://a.example'), undefined);
});

test(`the list names at most ${MAX_LISTED_RECORDS} records`, async () => {
  const store = freshStore();
  const fill = async (n) => { for (let i = 0; i < n; i++) await saveSiteLabel(store, `https://s${String(i).padStart(4, '0')}.example`, { organization: { name: `O${i}` } }); };
  await fill(MAX_LISTED_RECORDS);
  assert.equal((await listSiteRecords(store)).length, MAX_LISTED_RECORDS);
  await saveSiteLabel(store, 'https://zzz.example', { organization: { name: 'past' } });
  assert.equal((await listSiteRecords(store)).length, MAX_LISTED_RECORDS);
  // Records not of this module and malformed ones are skipped; a name that is no string is none.
  const small = freshStore();
  await small.put('other', { label: {} });
  await small.put(`${RECORD_PREFIX}https://bad.example`, 'not an object');
  await saveSiteLabel(small, 'https://ok.example', { organization: { name: 42 } });
  assert.deepEqual(await listSiteRecords(small).then((l) => l.map((r) => [r.origin, r.name])), [['https://ok.example', '']]);
});

test('a store that throws reads as nothing saved', async () => {
  const broken = { get: async () => { throw new Error('x'); }, put: async () => { throw new Error('x'); }, delete: async () => {}, keys: async () => { throw new Error('x'); } };
  assert.equal(await loadSiteLabel(broken, 'https://a.example'), undefined);
  assert.deepEqual(await listSiteRecords(broken), []);
  await assert.rejects(saveSiteLabel(broken, 'https://a.example', {}));
});
