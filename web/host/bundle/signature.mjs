// ES256 signatures over a bundle's {format, version, digests} (RFC 8785 canonical JSON).
//
// signedPayload(bundle) → the exact text that is signed: canonicalJson({format, version, digests}).
// signBundle(bundle, {privateKey, publicJwk}) → Promise<{alg: "ES256", kid, publicKey, signature}>
//   (signature: base64url of raw r||s, 64 bytes).
// checkSignature(bundle, entry) → Promise<{ok, fingerprint, reasonCode, params, reason}>: ok only
//   when the entry is well formed, its kid is the thumbprint of its publicKey, and the signature
//   verifies. Never rejects. When not ok: reasonCode is one of verify-messages.mjs
//   SIGNATURE_REASONS (not-an-object, unsupported-alg {alg}, unusable-key {detail}, kid-mismatch,
//   not-base64url, wrong-length {bytes}, mismatch) with its params, and reason its English line;
//   fingerprint is null when the public key is unusable.
// MAX_SIGNATURES = 8: a bundle with more signature entries is refused unread (one per signing
//   organisation is the use; each costs a key import and a verification).
// MAX_SIGNATURE_BYTES = 1024: the most UTF-8 bytes of one entry's canonical JSON (an ES256 entry
//   takes about 330), checked before any key is imported.
// signatureListProblem(signatures) → null, or {code: 'too-many-signatures' {count, max} |
//   'signature-too-large' {index, bytes, max}} for the first limit the list breaks.
import { canonicalJson } from './canonical-json.mjs';
import { describeValue } from './format.mjs';
import { toBase64url, fromBase64url } from './hex.mjs';
import { importPublicJwk, publicJwkOf, thumbprint, fingerprint } from './keys.mjs';
import { signatureReasonMessage } from './verify-messages.mjs';

export const MAX_SIGNATURES = 8;
export const MAX_SIGNATURE_BYTES = 1024;

const SIGN_ALG = { name: 'ECDSA', hash: 'SHA-256' };

export function signedPayload(bundle) {
  return canonicalJson({ format: bundle.format, version: bundle.version, digests: bundle.digests });
}

export async function signBundle(bundle, { privateKey, publicJwk }) {
  const publicKey = publicJwkOf(publicJwk);
  const bytes = new TextEncoder().encode(signedPayload(bundle));
  const sig = await globalThis.crypto.subtle.sign(SIGN_ALG, privateKey, bytes);
  return { alg: 'ES256', kid: await thumbprint(publicKey), publicKey, signature: toBase64url(sig) };
}

export async function checkSignature(bundle, entry) {
  const fail = (reasonCode, params = {}, fp = null) => ({ ok: false, fingerprint: fp, reasonCode, params, reason: signatureReasonMessage({ ...params, reason: reasonCode }) });
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail('not-an-object');
  if (entry.alg !== 'ES256') return fail('unsupported-alg', { alg: describeValue(entry.alg) });
  let key;
  let fp;
  try {
    key = await importPublicJwk(entry.publicKey);
    fp = await fingerprint(entry.publicKey);
  } catch (e) {
    return fail('unusable-key', { detail: e.message });
  }
  if (entry.kid !== (await thumbprint(entry.publicKey))) return fail('kid-mismatch', {}, fp);
  let sig;
  try {
    sig = fromBase64url(entry.signature);
  } catch {
    return fail('not-base64url', {}, fp);
  }
  if (sig.length !== 64) return fail('wrong-length', { bytes: sig.length }, fp);
  const ok = await globalThis.crypto.subtle.verify(SIGN_ALG, key, sig, new TextEncoder().encode(signedPayload(bundle)));
  return ok ? { ok: true, fingerprint: fp, reasonCode: null, params: {}, reason: null } : fail('mismatch', {}, fp);
}

// The first reason a bundle's signatures list cannot be read at all, or null.
export function signatureListProblem(signatures) {
  if (signatures.length > MAX_SIGNATURES) return { code: 'too-many-signatures', params: { count: signatures.length, max: MAX_SIGNATURES } };
  for (const [index, entry] of signatures.entries()) {
    let bytes;
    try {
      bytes = new TextEncoder().encode(canonicalJson(entry)).length;
    } catch {
      bytes = Infinity;
    }
    if (bytes > MAX_SIGNATURE_BYTES) return { code: 'signature-too-large', params: { index, bytes: Number.isFinite(bytes) ? bytes : null, max: MAX_SIGNATURE_BYTES } };
  }
  return null;
}
