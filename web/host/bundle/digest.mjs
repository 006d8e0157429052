// SHA-256 digests over RFC 8785 canonical JSON, with WebCrypto (globalThis.crypto.subtle).
//
// sha256Hex(text: string) → Promise<lowercase hex SHA-256 of the UTF-8 bytes of text>.
// sectionDigest(value) → Promise<sha256Hex(canonicalJson(value))>: the digest of one bundle
//   section. Throws (rejects) when the value cannot be canonicalized.
import { canonicalJson } from './canonical-json.mjs';
import { toHex } from './hex.mjs';

export async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text);
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

export async function sectionDigest(value) {
  return sha256Hex(canonicalJson(value));
}
