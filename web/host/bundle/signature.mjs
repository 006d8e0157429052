// ES256 signatures over a bundle's {format, version, digests} (RFC 8785 canonical JSON).
//
// signedPayload(bundle) → the exact text that is signed: canonicalJson({format, version, digests}).
// signBundle(bundle, {privateKey, publicJwk}) → Promise<{alg: "ES256", kid, publicKey, signature}>
//   (signature: base64url of raw r||s, 64 bytes).
// checkSignature(bundle, entry) → Promise<{ok, fingerprint, reason}>: ok only when the entry is
//   well formed, its kid is the thumbprint of its publicKey, and the signature verifies.
//   Never rejects; reason is a one-line explanation when not ok (else null); fingerprint is null
//   when the public key is unusable.
import { canonicalJson } from './canonical-json.mjs';
import { describeValue } from './format.mjs';
import { toBase64url, fromBase64url } from './hex.mjs';
import { importPublicJwk, publicJwkOf, thumbprint, fingerprint } from './keys.mjs';

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
  const fail = (reason, fp = null) => ({ ok: false, fingerprint: fp, reason });
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail('the signature entry is not an object');
  if (entry.alg !== 'ES256') return fail(`unsupported signature algorithm ${describeValue(entry.alg)} (expected "ES256")`);
  let key;
  let fp;
  try {
    key = await importPublicJwk(entry.publicKey);
    fp = await fingerprint(entry.publicKey);
  } catch (e) {
    return fail(`the signature's public key is unusable (${e.message})`);
  }
  if (entry.kid !== (await thumbprint(entry.publicKey))) return fail("the signature's kid is not the thumbprint of its public key", fp);
  let sig;
  try {
    sig = fromBase64url(entry.signature);
  } catch {
    return fail('the signature is not base64url text', fp);
  }
  if (sig.length !== 64) return fail(`the signature has ${sig.length} bytes (ES256 needs 64)`, fp);
  const ok = await globalThis.crypto.subtle.verify(SIGN_ALG, key, sig, new TextEncoder().encode(signedPayload(bundle)));
  return ok ? { ok: true, fingerprint: fp, reason: null } : fail('the signature does not match the digests (the bundle was changed after signing, or signed by another key)', fp);
}
