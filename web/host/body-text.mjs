// Turns a response body (bytes) into HAR `content` fields: text when the content is textual and
// decodes cleanly, else base64. Pure; works in Node and browsers (TextDecoder + btoa/Buffer).
//
// bodyToContent(bytes: Uint8Array, contentType: string, {cut}) → {text, encoding?}
//   Textual = text/*, JavaScript, JSON, XML and their +json/+xml variants, SVG. The charset comes
//   from Content-Type's `charset=`, else (HTML/XML only) from a BOM or a <meta charset> /
//   <meta http-equiv=Content-Type> / <?xml encoding=?> in the first 4 KiB, else UTF-8.
//   Decoding is strict (fatal): any invalid sequence, or a label TextDecoder does not know, gives
//   base64 instead, so the engine always sees either faithful text or the raw bytes.
//   cut = true: the body was cut at a byte limit, so an incomplete final character is dropped
//   rather than treated as invalid.
//
// htmlTextForLinks(bytes, contentType, {cut}) → string: the page as text for finding its links,
//   never failing. The evidence keeps bodyToContent's faithful text or base64; the crawl still
//   needs the URLs of a page whose bytes are not valid in its charset (a windows-1258 page with no
//   declared charset is common): the declared or sniffed charset decoded leniently, else
//   windows-1252 (the WHATWG "latin1"), which maps every byte, so ASCII URLs come out intact.

const TEXTUAL = /^(text\/|application\/(javascript|x-javascript|ecmascript|json|xml|xhtml\+xml|ld\+json|manifest\+json)$|image\/svg\+xml$)|[+/](json|xml)$/;

export function mediaType(contentType) {
  return String(contentType || '').split(';')[0].trim().toLowerCase();
}

export function isTextual(contentType) {
  return TEXTUAL.test(mediaType(contentType));
}

function headerCharset(contentType) {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(String(contentType || ''));
  return m ? m[1].toLowerCase() : null;
}

function sniffCharset(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // ASCII-compatible prefix read as latin1 (one char per byte, never fails).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^<\?xml\b[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_.:-]+)["']/.exec(head);
  if (xml) return xml[1].toLowerCase();
  return null;
}

function toBase64(bytes) {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function bodyToContent(bytes, contentType, { cut = false } = {}) {
  if (bytes.length === 0) return { text: '' };
  if (!isTextual(contentType)) return { text: toBase64(bytes), encoding: 'base64' };
  const type = mediaType(contentType);
  const sniffable = type === 'text/html' || type === 'application/xhtml+xml' || type.endsWith('xml');
  const charset = headerCharset(contentType) || (sniffable ? sniffCharset(bytes) : null) || 'utf-8';
  try {
    const decoder = new TextDecoder(charset, { fatal: true });
    // stream: true keeps a trailing partial character pending instead of failing on it.
    return { text: decoder.decode(bytes, { stream: cut }) };
  } catch {
    return { text: toBase64(bytes), encoding: 'base64' };
  }
}

export function htmlTextForLinks(bytes, contentType, { cut = false } = {}) {
  const content = bodyToContent(bytes, contentType, { cut });
  if (!content.encoding) return content.text;
  const charset = headerCharset(contentType) || sniffCharset(bytes);
  for (const label of [charset, 'windows-1252']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch { /* a label TextDecoder does not know: the next one */ }
  }
  return '';
}
