// Byte ↔ text encodings used by the bundle format (no Node Buffer: browser- and Node-safe).
//
// toHex(bytes: Uint8Array|ArrayBuffer) → lowercase hex.
// toBase64url(bytes) → base64url without padding (RFC 4648 §5, as JWK and JWS use).
// fromBase64url(text) → Uint8Array; throws Error when text is not unpadded base64url.

const asBytes = (b) => (b instanceof Uint8Array ? b : new Uint8Array(b));

export function toHex(bytes) {
  let out = '';
  for (const b of asBytes(bytes)) out += b.toString(16).padStart(2, '0');
  return out;
}

export function toBase64url(bytes) {
  let binary = '';
  for (const b of asBytes(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new Error('not base64url text');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
