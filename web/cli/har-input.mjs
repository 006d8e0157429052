// Opens a HAR file for an audit. The file is streamed to the engine in 1 MiB chunks (the engine
// checks the JSON and HAR structure as the bytes arrive and audits each entry as soon as it is
// complete), so memory stays bounded by the largest entry, never by the file.
//
// openHarFile(file) → an async iterable of Uint8Array chunks. Throws InputError with a one-line
// message when the file cannot be read (missing, a directory, no permission).
import fs from 'node:fs';
import { plain } from './plain-text.mjs';

export class InputError extends Error {}

export const CHUNK_BYTES = 1 << 20;

export function openHarFile(file) {
  const name = plain(file);
  let fd;
  try {
    if (!fs.statSync(file).isFile()) throw new InputError(`${name}: not a regular file`);
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name}: cannot read the file (${plain(e.code || e.message)})`);
  }
  return fs.createReadStream(null, { fd, highWaterMark: CHUNK_BYTES });
}
