// Writes a capture's HAR to a file as it goes, entry by entry, so that memory holds only the
// requests in flight and never the whole HAR (nor one JSON text of it). Node only (node:fs).
//
// createHarFileWriter(file) → writer
//   writer.reserve() → slot: a place in the HAR's entry order (har-slots.mjs), taken in the order
//     the entries must appear (the capture's task order), filled later in any order.
//   writer.fill(slot, entries, part = 0): serializes each entry (one JSON.stringify per entry)
//     into a spool file beside `file` (file + ".entries.tmp") at once; → bytes written. A slot
//     may be filled in several parts (e.g. a page's subresources, each when it completes); the
//     HAR lists a slot's parts in part order.
//   writer.bytes: entry bytes written so far.
//   writer.finish(logHead, pages) → Promise: writes `file` as {"log": {...logHead, "pages": pages,
//     "entries": [the slots' entries in slot order]}} by copying the spooled bytes in 1 MiB
//     pieces, then removes the spool. logHead members come first, so log._portalCheck precedes
//     the entries (the engine reads its target before the first entry).
//   writer.abort(): removes the spool and `file` (after an error).
// Throws the fs error (with .code) when a file cannot be written.
import fs from 'node:fs';
import { createHarSlots } from './har-slots.mjs';

const COPY_BYTES = 1 << 20;

export function createHarFileWriter(file) {
  const spoolFile = `${file}.entries.tmp`;
  const spool = fs.openSync(spoolFile, 'w+', 0o600);
  const slots = createHarSlots();
  let offset = 0;
  let spoolOpen = true;
  return {
    get bytes() { return offset; },
    reserve: () => slots.reserve(),
    fill(slot, entries, part = 0) {
      const pieces = [];
      let written = 0;
      for (const entry of entries) {
        const bytes = Buffer.from(JSON.stringify(entry), 'utf8');
        fs.writeSync(spool, bytes, 0, bytes.length, offset);
        pieces.push([offset, bytes.length]);
        offset += bytes.length;
        written += bytes.length;
      }
      slots.put(slot, part, pieces);
      return written;
    },
    async finish(logHead, pages) {
      const out = fs.openSync(file, 'w');
      try {
        const head = JSON.stringify({ log: { ...logHead, pages } });
        // Everything but the closing "}}", then the entries array, then "}}".
        fs.writeSync(out, `${head.slice(0, -2)},"entries":[\n`);
        const buffer = Buffer.alloc(COPY_BYTES);
        let first = true;
        for (const [at, length] of slots.ordered()) {
          if (!first) fs.writeSync(out, ',\n');
          first = false;
          for (let done = 0; done < length;) {
            const n = fs.readSync(spool, buffer, 0, Math.min(COPY_BYTES, length - done), at + done);
            if (n <= 0) throw new Error('the entry spool file was cut short');
            fs.writeSync(out, buffer, 0, n);
            done += n;
          }
        }
        fs.writeSync(out, '\n]}}\n');
      } finally {
        fs.closeSync(out);
        fs.closeSync(spool);
        spoolOpen = false;
        fs.rmSync(spoolFile, { force: true });
      }
    },
    abort() {
      if (spoolOpen) fs.closeSync(spool);
      spoolOpen = false;
      fs.rmSync(spoolFile, { force: true });
      fs.rmSync(file, { force: true });
    },
  };
}
