// Content-Encoding decoding as browsers do it (Node only: node:zlib, node:stream).
//
// contentDecoders(header: string) → {decoders: [Transform] (in the order to pipe the body through;
//   empty for identity), unsupported: null | string (the first coding that cannot be decoded)}
//   - The header is a comma list of codings in the order they were applied ("gzip, gzip" twice
//     gzip), so they are undone last first. Several Content-Encoding fields arrive joined.
//   - gzip / x-gzip: gunzip (several gzip members in a row are one body, as browsers read them).
//   - deflate: zlib-wrapped deflate (RFC 1950) or raw deflate (RFC 1951), told apart by the first
//     two bytes as browsers do, since servers send both under this name.
//   - br: Brotli. identity and empty items are skipped.
//   - At most MAX_CONTENT_CODINGS codings; more is reported as unsupported (no real server stacks
//     that many; a hostile one could use it to multiply the work).
//   The decoded size is bounded by the caller (http-exchange.mjs stops reading at its maxBytes on
//   the decoded output), so a decompression bomb stops there however the codings are stacked.
import zlib from 'node:zlib';
import { Transform } from 'node:stream';

export const MAX_CONTENT_CODINGS = 4;

// RFC 1950: CMF/FLG with method 8 and a header checksum divisible by 31.
function isZlibHeader(b0, b1) {
  return (b0 & 0x0f) === 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 === 0;
}

// "deflate" with either framing: waits for two bytes, then inflates with the framing they show.
function anyDeflate() {
  let inner = null;
  let head = Buffer.alloc(0);
  const out = new Transform({
    transform(chunk, _enc, done) {
      if (!inner) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 2) { done(); return; }
        inner = isZlibHeader(head[0], head[1]) ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (d) => out.push(d));
        inner.on('error', (e) => out.destroy(e));
        chunk = head;
        head = null;
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) { if (head.length) out.destroy(new Error('truncated deflate body')); done(); return; }
      inner.once('end', () => done());
      inner.end();
    },
    destroy(err, done) {
      if (inner) inner.destroy();
      done(err);
    },
  });
  return out;
}

function decoderFor(coding) {
  switch (coding) {
    case 'gzip': case 'x-gzip': return zlib.createGunzip();
    case 'deflate': return anyDeflate();
    case 'br': return zlib.createBrotliDecompress();
    default: return null;
  }
}

export function contentDecoders(header) {
  const codings = String(header ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  if (codings.length > MAX_CONTENT_CODINGS) {
    return { decoders: [], unsupported: `${codings.length} stacked codings (at most ${MAX_CONTENT_CODINGS})` };
  }
  const decoders = [];
  for (const coding of codings.reverse()) {
    const d = decoderFor(coding);
    if (!d) {
      for (const made of decoders) made.destroy();
      return { decoders: [], unsupported: coding.slice(0, 40) };
    }
    decoders.push(d);
  }
  return { decoders, unsupported: null };
}
