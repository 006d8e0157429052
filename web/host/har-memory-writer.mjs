// Writes a capture's HAR in memory, for the browser extension (no file system there): the same
// writer contract as har-file-writer.mjs, each entry serialized once as it is filled, the HAR
// assembled as text pieces for a Blob at the end. Pure (TextEncoder only).
//
// createHarMemoryWriter() → writer
//   writer.reserve(), writer.fill(slot, entries, part = 0) → bytes, writer.bytes: as
//     har-file-writer.mjs (bytes are UTF-8 bytes of the serialized entries).
//   writer.finish(logHead, pages) → Promise<string[]>: the HAR's text in order, {"log": {...logHead,
//     "pages": pages, "entries": [...]}} (logHead first, so log._portalCheck precedes the entries),
//     for `new Blob(pieces)`; the writer keeps nothing afterwards.
//   writer.abort(): drops everything written.
import { createHarSlots } from './har-slots.mjs';

const utf8 = new TextEncoder();

export function createHarMemoryWriter() {
  let slots = createHarSlots();
  let bytes = 0;
  return {
    get bytes() { return bytes; },
    reserve: () => slots.reserve(),
    fill(slot, entries, part = 0) {
      const pieces = entries.map((entry) => JSON.stringify(entry));
      const written = pieces.reduce((n, text) => n + utf8.encode(text).length, 0);
      bytes += written;
      slots.put(slot, part, pieces);
      return written;
    },
    async finish(logHead, pages) {
      const head = JSON.stringify({ log: { ...logHead, pages } });
      const pieces = [`${head.slice(0, -2)},"entries":[\n`];
      slots.ordered().forEach((text, i) => pieces.push(i ? `,\n${text}` : text));
      pieces.push('\n]}}\n');
      slots = createHarSlots();
      return pieces;
    },
    abort() {
      slots = createHarSlots();
    },
  };
}
