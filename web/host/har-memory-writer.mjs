// Writes a capture's HAR in memory, for the browser extension (no file system there): the same
// writer contract as har-file-writer.mjs, each entry serialized once as it is filled, the HAR
// assembled as pieces for a Blob at the end (each entry encoded to UTF-8 once). Pure (TextEncoder only).
//
// createHarMemoryWriter() → writer
//   writer.reserve(), writer.fill(slot, entries, part = 0) → bytes, writer.bytes: as
//     har-file-writer.mjs (bytes are UTF-8 bytes of the serialized entries).
//   writer.finish(logHead, pages) → Promise<(string|Uint8Array)[]>: the HAR in order, {"log":
//     {...logHead, "pages": pages, "entries": [...]}} (logHead first, so log._portalCheck precedes
//     the entries): text pieces and each entry's UTF-8 bytes, for `new Blob(pieces)`; the writer
//     keeps nothing afterwards.
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
      const pieces = entries.map((entry) => utf8.encode(JSON.stringify(entry)));
      const written = pieces.reduce((n, piece) => n + piece.length, 0);
      bytes += written;
      slots.put(slot, part, pieces);
      return written;
    },
    async finish(logHead, pages) {
      const head = JSON.stringify({ log: { ...logHead, pages } });
      const pieces = [`${head.slice(0, -2)},"entries":[\n`];
      slots.ordered().forEach((piece, i) => (i ? pieces.push(',\n', piece) : pieces.push(piece)));
      pieces.push('\n]}}\n');
      slots = createHarSlots();
      return pieces;
    },
    abort() {
      slots = createHarSlots();
    },
  };
}
