// The reviewer's trust store: the public keys of the organisations whose bundles they accept.
//
// Keyring file format (JSON, docs/bundle.md "Trust"):
//   {"format": "portal-check-keyring", "version": 1,
//    "keys": [{"organization": "Sở TT&TT tỉnh X", "publicKey": {"kty": "EC", "crv": "P-256", "x": "…", "y": "…"}}]}
//   organization: a non-empty string naming who registered the key; publicKey: an EC P-256 public
//   JWK (other members, e.g. "d", are never read: only kty, crv, x, y).
//
// MAX_KEYRING_KEYS = 10000: the most keys one keyring holds (a registry of every public body of a
//   province fits many times over).
// parseKeyring(value) → [{publicJwk, organization}] in file order; throws Error (one line naming
//   the entry at fault) for anything else: wrong format or version, more than MAX_KEYRING_KEYS
//   keys, an entry without an organisation or with a key that is not an EC P-256 public JWK, or
//   the same key twice.
// trustIndex(trustedKeys) → Promise<Map kid (RFC 7638 thumbprint) → {organization|null}>, from
//   verifyBundle's trustedKeys ([{publicJwk, organization?}]); throws Error naming the first
//   unusable key (by index).
import { publicJwkOf, importPublicJwk, thumbprint } from './keys.mjs';

export const KEYRING_FORMAT = 'portal-check-keyring';
export const KEYRING_VERSION = 1;
export const MAX_KEYRING_KEYS = 10000;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function parseKeyring(value) {
  if (!isObject(value) || value.format !== KEYRING_FORMAT) throw new Error(`not a keyring: "format" must be "${KEYRING_FORMAT}"`);
  if (value.version !== KEYRING_VERSION) throw new Error(`unsupported keyring version (this tool reads version ${KEYRING_VERSION})`);
  if (!Array.isArray(value.keys)) throw new Error('"keys" must be an array');
  if (value.keys.length > MAX_KEYRING_KEYS) throw new Error(`the keyring holds ${value.keys.length} keys (at most ${MAX_KEYRING_KEYS})`);
  const seen = new Set();
  return value.keys.map((entry, i) => {
    if (!isObject(entry) || typeof entry.organization !== 'string' || entry.organization.trim() === '') {
      throw new Error(`keys[${i}]: "organization" must be a non-empty string`);
    }
    let publicJwk;
    try {
      publicJwk = publicJwkOf(entry.publicKey);
    } catch (e) {
      throw new Error(`keys[${i}]: "publicKey" is ${e.message}`);
    }
    const id = `${publicJwk.x}.${publicJwk.y}`;
    if (seen.has(id)) throw new Error(`keys[${i}]: the same key is listed twice`);
    seen.add(id);
    return { publicJwk, organization: entry.organization };
  });
}

export async function trustIndex(trustedKeys) {
  const index = new Map();
  for (const [i, k] of trustedKeys.entries()) {
    try {
      await importPublicJwk(k?.publicJwk);
      const kid = await thumbprint(k.publicJwk);
      if (!index.has(kid)) index.set(kid, { organization: typeof k.organization === 'string' && k.organization !== '' ? k.organization : null });
    } catch (e) {
      throw Object.assign(new Error(`trusted key ${i + 1} is unusable (${e.message})`), { index: i, detail: e.message });
    }
  }
  return index;
}
