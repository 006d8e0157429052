// Reads a HAR file for an audit, with input errors a user can act on.
//
// readHar(file) → {bytes, har}: bytes is what the engine gets (the file's bytes, a leading UTF-8
//   BOM removed), har its parsed form (validation here gives better messages than the engine's). Throws InputError with a
//   one-line message: unreadable, too large, not UTF-8, not JSON (truncated or where), not a HAR.
import fs from 'node:fs';
import { plain } from './plain-text.mjs';

export class InputError extends Error {}

// V8 strings top out near 512 MiB; a HAR that big is refused before reading it.
export const MAX_HAR_BYTES = 400 * 1024 * 1024;

export function readHar(file) {
  const name = plain(file);
  let bytes;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new InputError(`${name}: not a regular file`);
    if (st.size > MAX_HAR_BYTES) throw new InputError(`${name}: too large (${st.size} bytes; the limit is ${MAX_HAR_BYTES})`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name}: cannot read the file (${plain(e.code || e.message)})`);
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not UTF-8 text, so not a HAR file`);
  }
  let har;
  try {
    har = JSON.parse(text);
  } catch (e) {
    const msg = String(e.message);
    if (text.trim() === '') throw new InputError(`${name}: empty file, not a HAR file`);
    if (/end of JSON input|Unterminated/i.test(msg)) throw new InputError(`${name}: truncated JSON (the file ends too early), not a complete HAR file`);
    const pos = /position (\d+)/.exec(msg);
    throw new InputError(`${name}: not valid JSON${pos ? ` (at byte offset near ${pos[1]})` : ''}, not a HAR file`);
  }
  if (!har || typeof har !== 'object' || !har.log || typeof har.log !== 'object' || !Array.isArray(har.log.entries)) {
    throw new InputError(`${name}: JSON but not a HAR file (no log.entries array)`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { bytes: bytes.subarray(bom), har };
}
