// The organisation's signing key (ECDSA P-256 / ES256) in the app: create, export (private JWK as a
// file), import (a JWK file), forget; the public key's fingerprint is shown. The key functions are
// the shared bundle library's (../../host/bundle/index.mjs, WebCrypto; loaded on first use).
//
// Storage: the key pair is generated EXTRACTABLE, because the organisation must be able to export
// it (to sign with the CLI, to keep a backup, to move to another computer). It is kept in this
// browser's IndexedDB (report/store.mjs, key "signing-key": the CryptoKey object itself, the
// browser's structured clone, and the public JWK) so it survives a reload; "Forget" deletes it.
// The private key never enters a bundle; only the public JWK and its fingerprint do.
//
// initKeys({onChange}) → Promise<void>: loads a saved key. currentKey() → {privateKey, publicJwk,
// fingerprint} | null. createKey(), importKeyText(text), exportPrivateJwkText(), publicJwkText(),
// forgetKey() — each → Promise; onChange(currentKey()) after each change.
import { openStore } from '../report/store.mjs';

const STORE_KEY = 'signing-key';
let mod = null;
let key = null; // {privateKey, publicJwk, fingerprint}
let changed = () => {};

async function lib() {
  if (!mod) mod = await import('../../host/bundle/index.mjs');
  return mod;
}

function publicOnly(jwk) {
  const { kty, crv, x, y } = jwk || {};
  return { kty, crv, x, y };
}

async function setKey(privateKey, publicJwk, { save = true } = {}) {
  const m = await lib();
  const pub = publicOnly(publicJwk);
  key = { privateKey, publicJwk: pub, fingerprint: String(await m.fingerprint(pub)) };
  if (save) {
    try {
      const store = await openStore();
      await store.put(STORE_KEY, { privateKey, publicJwk: pub });
    } catch { /* kept in memory only */ }
  }
  changed(key);
  return key;
}

export async function initKeys({ onChange } = {}) {
  if (onChange) changed = onChange;
  try {
    const store = await openStore();
    const saved = await store.get(STORE_KEY);
    if (saved && saved.privateKey && saved.publicJwk) await setKey(saved.privateKey, saved.publicJwk, { save: false });
  } catch (e) {
    console.warn('portal-check: the saved signing key could not be loaded', e);
  }
}

export function currentKey() {
  return key;
}

export async function storeIsPersistent() {
  return (await openStore()).persistent;
}

export async function createKey() {
  const m = await lib();
  const pair = await m.generateSigningKey();
  const privateKey = pair.privateKey;
  let publicJwk = pair.publicJwk;
  if (!publicJwk && pair.publicKey) publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (!publicJwk) publicJwk = publicOnly(await m.exportPrivateJwk(privateKey));
  return setKey(privateKey, publicJwk);
}

export class KeyError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

export async function importKeyText(text) {
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch (e) {
    throw new KeyError('error.key.json', { message: String(e.message || e).slice(0, 200) });
  }
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new KeyError('error.key.kind');
  if (typeof jwk.d !== 'string') throw new KeyError('error.key.public');
  const m = await lib();
  let imported;
  try {
    imported = await m.importPrivateJwk(jwk);
  } catch (e) {
    throw new KeyError('error.key.import', { message: String(e.message || e).slice(0, 200) });
  }
  return setKey(imported.privateKey, imported.publicJwk || publicOnly(jwk));
}

export async function exportPrivateJwkText() {
  if (!key) return null;
  const m = await lib();
  const jwk = await m.exportPrivateJwk(key.privateKey);
  return `${JSON.stringify(jwk, null, 2)}\n`;
}

export function publicJwkText() {
  return key ? `${JSON.stringify(key.publicJwk, null, 2)}\n` : null;
}

// A trusted public key from a JWK file (for verification): → {publicJwk, fingerprint}.
export async function readPublicJwkText(text) {
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch (e) {
    throw new KeyError('error.key.json', { message: String(e.message || e).slice(0, 200) });
  }
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new KeyError('error.key.kind');
  const m = await lib();
  const pub = publicOnly(jwk);
  return { publicJwk: pub, fingerprint: String(await m.fingerprint(pub)) };
}

export async function forgetKey() {
  key = null;
  try {
    const store = await openStore();
    await store.delete(STORE_KEY);
  } catch { /* nothing saved */ }
  changed(null);
}
