// SHA-256 digests over RFC 8785 canonical JSON, with WebCrypto (globalThis.crypto.subtle).
//
// sha256Hex(text: string) → Promise<lowercase hex SHA-256 of the UTF-8 bytes of text>.
// sectionDigest(value) → Promise<sha256Hex(canonicalJson(value))>: the digest of one bundle
//   section. Throws (rejects) when the value cannot be canonicalized.
//   A value whose JSON text is MEMO_MIN_CHARS to MEMO_MAX_CHARS long is remembered by that text (the last
//   MEMO_ENTRIES of them): two values with the same JSON.stringify text are the same JSON value
//   (same members in the same order, same strings and numbers), so they have the same canonical
//   form. A bundle's ruleset section (about 0.8 MB, the same in every bundle of one engine release)
//   is then canonicalized once per process or worker, not once per bundle; JSON.stringify is many
//   times faster than the canonicalization.
import { canonicalJson } from './canonical-json.mjs';
import { toHex } from './hex.mjs';

export async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text);
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

export const MEMO_MIN_CHARS = 64 * 1024;
export const MEMO_MAX_CHARS = 4 * 1024 * 1024; // longer texts are not kept (a 50 MB evidence section)
const MEMO_ENTRIES = 4;
const memo = new Map(); // JSON text → digest, oldest first

export async function sectionDigest(value) {
  const text = JSON.stringify(value);
  if (typeof text !== 'string' || text.length < MEMO_MIN_CHARS || text.length > MEMO_MAX_CHARS) return sha256Hex(canonicalJson(value));
  if (memo.has(text)) return memo.get(text);
  const digest = await sha256Hex(canonicalJson(value));
  memo.set(text, digest);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value);
  return digest;
}
