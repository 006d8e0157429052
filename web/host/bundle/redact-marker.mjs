// Markers for redacted values, and the edit list the scanners produce. Pure; no Node imports.
//
// A marker is "REDACTED-" + the first 8 hex digits of SHA-256 over the original value's UTF-8
// bytes: URL-safe, 17 bytes (≥ 8) and never all digits, so a check that looks only at a value's
// shape (cookie.session-in-url: ≥ 8 bytes, not all digits) still sees a token-like value, and the
// same value always gets the same marker (a redirect's redirectURL still equals the next request's
// URL after redaction).
//
// Hashing is asynchronous (WebCrypto) while the scanners are synchronous, so redaction runs in two
// passes with the same code: a collecting MarkerTable (pass 1) records every value to replace and
// answers a placeholder; after table.resolve() (SHA-256 of each value) the same table answers real
// markers (pass 2).

export const MARKER_PREFIX = 'REDACTED-';
const MARKER_RE = /^REDACTED-[0-9a-f]{8}$/;
// The Joomla token field's replacement name: 32 hex digits (the shape form.csrf-token needs),
// recognisable as redacted by its 8 leading zeros (a real random token starts so with p = 2^-32).
const HEX_NAME_PREFIX = '00000000';

// isMarker(s) → true when s is already a marker (so redacting again leaves it as is).
export function isMarker(s) {
  return MARKER_RE.test(s);
}

// isRedactedHexName(s) → true when s is a 32-hex replacement name made by MarkerTable.hexName.
export function isRedactedHexName(s) {
  return s.length === 32 && s.startsWith(HEX_NAME_PREFIX);
}

async function sha256Hex(text) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

// MarkerTable: value → digest. Before resolve(): marker()/hexName() record the value and return a
// placeholder of the final length. After: they return the real replacement; a value never seen in
// pass 1 throws (the two passes must make the same calls).
export class MarkerTable {
  constructor() {
    this.digests = new Map();
    this.resolved = false;
  }

  // marker(value) → "REDACTED-xxxxxxxx" (value itself when it already is a marker).
  marker(value) {
    if (isMarker(value)) return value;
    return MARKER_PREFIX + this.#digest(value).slice(0, 8);
  }

  // hexName(value) → "00000000" + 24 hex digits of the digest (value itself when already one).
  hexName(value) {
    if (isRedactedHexName(value)) return value;
    return HEX_NAME_PREFIX + this.#digest(value).slice(0, 24);
  }

  // resolve() → Promise<void>: hashes every recorded value; switches the table to pass 2.
  async resolve() {
    const values = [...this.digests.keys()];
    const hexes = await Promise.all(values.map(sha256Hex));
    values.forEach((v, i) => this.digests.set(v, hexes[i]));
    this.resolved = true;
  }

  #digest(value) {
    if (!this.resolved) {
      this.digests.set(value, '0'.repeat(64));
      return '0'.repeat(64);
    }
    const d = this.digests.get(value);
    if (d === undefined) throw new Error('redact: a value was not seen in the collecting pass');
    return d;
  }
}

// applyEdits(text, edits) → text with each edit {start, end, replacement} applied. REQUIRES: edits
// sorted by start and not overlapping (scanners emit them in order).
export function applyEdits(text, edits) {
  if (edits.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}
