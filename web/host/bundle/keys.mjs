// ECDSA P-256 (ES256) keys for signing bundles, as JWK, with WebCrypto only.
//
// generateSigningKey() → Promise<{privateKey: CryptoKey (extractable, so it can be exported),
//   publicJwk: {kty, crv, x, y}}>.
// exportPrivateJwk(privateKey) → Promise<JWK {kty, crv, x, y, d}> (store it like a password;
//   it never enters a bundle).
// importPrivateJwk(jwk) → Promise<{privateKey, publicJwk}>; rejects with Error for anything that
//   is not an EC P-256 private JWK.
// importPublicJwk(jwk) → Promise<CryptoKey> (verify only); rejects for anything that is not an EC
//   P-256 public JWK. Private members ("d") are ignored: only {kty, crv, x, y} is imported.
// publicJwkOf(jwk) → {kty, crv, x, y}: the public members only, in that order.
// thumbprint(publicJwk) → Promise<base64url RFC 7638 JWK SHA-256 thumbprint> (the bundle's "kid").
// fingerprint(publicJwk) → Promise<"SHA256:" + the thumbprint bytes as uppercase hex pairs joined
//   by ":">, for people to compare with the key the organisation registered.
import { canonicalJson } from './canonical-json.mjs';
import { toBase64url, fromBase64url } from './hex.mjs';

const ALG = { name: 'ECDSA', namedCurve: 'P-256' };

export function publicJwkOf(jwk) {
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error('not an EC P-256 JWK (needs kty "EC", crv "P-256", x and y)');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

export async function generateSigningKey() {
  const pair = await globalThis.crypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: publicJwkOf(jwk) };
}

export async function exportPrivateJwk(privateKey) {
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', privateKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}

export async function importPrivateJwk(jwk) {
  const publicJwk = publicJwkOf(jwk);
  if (typeof jwk.d !== 'string') throw new Error('not a private JWK (no "d")');
  const privateKey = await globalThis.crypto.subtle.importKey('jwk', { ...publicJwk, d: jwk.d }, ALG, true, ['sign']);
  return { privateKey, publicJwk };
}

export async function importPublicJwk(jwk) {
  return globalThis.crypto.subtle.importKey('jwk', publicJwkOf(jwk), ALG, true, ['verify']);
}

export async function thumbprint(publicJwk) {
  // RFC 7638 §3.2: the required members only, lexicographic order, no whitespace — exactly
  // what RFC 8785 canonical JSON gives for these string members.
  const { crv, kty, x, y } = publicJwkOf(publicJwk);
  const bytes = new TextEncoder().encode(canonicalJson({ crv, kty, x, y }));
  return toBase64url(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

export async function fingerprint(publicJwk) {
  const bytes = fromBase64url(await thumbprint(publicJwk));
  return `SHA256:${[...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')}`;
}
