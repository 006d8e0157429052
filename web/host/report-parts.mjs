// Splits the engine's report (its JSON as UTF-8 bytes) into pieces of its checks without parsing
// it whole: a report's objects cost several times its text. The app's audit worker hands the
// pieces to the page (web/app/worker.mjs postReport, the page parses one per task); the CLI reads
// its exit code from them (web/cli/portal-check.mjs).
//
// splitReport(bytes, maxPartBytes, onPart) → head
//   Calls onPart(json) with JSON array texts holding the report's top-level "checks" in order,
//   each of about maxPartBytes bytes (a part ends with the check that reaches maxPartBytes; a
//   single larger check is a part of its own), then returns head: the report's JSON text with that
//   array emptied ("checks": []), everything else as the engine wrote it (the whole text, and no
//   part, when the report has no "checks" array). JSON.parse(head) with checks = the parts'
//   elements concatenated equals JSON.parse(the report's text).
//   Only one part's text exists at a time (besides what onPart keeps); nothing is kept per check.
// The bytes must be a JSON object (the engine's report); only its structure is read: strings
// (with their escapes) are skipped, nesting is counted, and the "checks" elements are cut at that
// array's own commas. JSON's structural characters are ASCII, so UTF-8 text never contains them
// inside a multi-byte character.

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;
const CHECKS_KEY = new TextEncoder().encode('checks');

function isSpace(b) {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isOpen(b) {
  return b === 0x7b || b === OPEN_ARRAY;
}

function isClose(b) {
  return b === 0x7d || b === CLOSE_ARRAY;
}

// splitReport's work on bytes that come in pieces (the engine writes its outputs in pieces:
// auditHar's onOutput): new ReportSplitter(maxPartBytes, onPart); push(bytes) for each piece in
// order (any split; each is read during the call, nothing of it is kept but the bytes of the part
// in progress, copied); end() → head. Parts and head are splitReport's for the pieces'
// concatenation, except that onPart gets each part as its UTF-8 bytes (a Uint8Array of its own,
// which the callee may keep or transfer: half the memory of a string holding non-Latin-1 text).
export class ReportSplitter {
  constructor(maxPartBytes, onPart) {
    this.maxPartBytes = maxPartBytes;
    this.onPart = onPart;
    this.headDecoder = new TextDecoder();
    this.head = [];
    this.at = 0;                 // bytes pushed so far
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.keyLength = -1;         // in a string at depth 1: how much of "checks" it matches (-1: not)
    this.afterChecksKey = false; // the last string closed at depth 1 was "checks": the next value's key
    this.state = 'before';       // 'before' the "checks" array, 'in' it, 'after' it
    this.inElement = false;      // inside one of its elements
    this.lastEnd = 0;            // one past the last byte that is not white space
    this.partStart = -1;         // the current part's first byte (-1: none)
    this.saved = [];             // copies of the current part's bytes in earlier pieces
  }

  push(bytes) {
    const base = this.at;
    const startState = this.state;
    let headEnd = bytes.length;  // where the head's bytes stop in this piece (before the array)
    let headResume = -1;         // where they start again (after the array)
    for (let i = 0; i < bytes.length && this.state !== 'after'; i++) {
      const b = bytes[i];
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          this.keyLength = -1;
        } else if (b === BACKSLASH) {
          this.escaped = true;
          this.keyLength = -1;
        } else if (b === QUOTE) {
          this.inString = false;
          if (this.depth === 1) this.afterChecksKey = this.keyLength === CHECKS_KEY.length;
          this.lastEnd = base + i + 1;
        } else if (this.keyLength >= 0) {
          this.keyLength = this.keyLength < CHECKS_KEY.length && b === CHECKS_KEY[this.keyLength] ? this.keyLength + 1 : -1;
        }
        continue;
      }
      if (this.state === 'in' && this.depth === 2 && !this.inElement && !isSpace(b) && b !== COMMA && b !== CLOSE_ARRAY) {
        this.inElement = true;
        if (this.partStart < 0) this.partStart = base + i;
      }
      if (b === QUOTE) {
        this.inString = true;
        this.keyLength = this.depth === 1 ? 0 : -1;
      } else if (isOpen(b)) {
        if (this.depth === 1 && b === OPEN_ARRAY && this.state === 'before' && this.afterChecksKey) {
          this.state = 'in';
          headEnd = i + 1;
        }
        this.depth++;
      } else if (isClose(b)) {
        this.depth--;
        if (this.state === 'in' && this.depth === 1) {
          this.endElement(bytes, base, i);
          this.state = 'after';
          headResume = i;
        }
      } else if (b === COMMA && this.state === 'in' && this.depth === 2) {
        this.endElement(bytes, base, i);
      }
      if (!isSpace(b)) this.lastEnd = base + i + 1;
    }
    if (this.partStart >= 0) this.saved.push(bytes.slice(Math.max(0, this.partStart - base)));
    if (startState === 'before') this.head.push(this.headDecoder.decode(bytes.subarray(0, headEnd), { stream: true }));
    if (startState === 'after') this.head.push(this.headDecoder.decode(bytes, { stream: true }));
    else if (headResume >= 0) this.head.push(this.headDecoder.decode(bytes.subarray(headResume), { stream: true }));
    this.at += bytes.length;
  }

  end() {
    this.head.push(this.headDecoder.decode());
    return this.head.join('');
  }

  // An element of the array ends at `i` of the piece (its comma or the array's ']'): the part
  // is handed over when it reached maxPartBytes or the array ends.
  endElement(bytes, base, i) {
    if (!this.inElement) return;
    this.inElement = false;
    const end = this.lastEnd;
    if (end - this.partStart < this.maxPartBytes && bytes[i] !== CLOSE_ARRAY) return;
    const size = end - this.partStart;
    const out = new Uint8Array(size + 2);
    out[0] = OPEN_ARRAY;
    let filled = 0;
    for (const s of this.saved) {
      const n = Math.min(s.length, size - filled);
      out.set(s.subarray(0, n), 1 + filled);
      filled += n;
    }
    if (filled < size) out.set(bytes.subarray(this.partStart + filled - base, end - base), 1 + filled);
    out[size + 1] = CLOSE_ARRAY;
    this.saved = [];
    this.partStart = -1;
    this.onPart(out);
  }
}

export function splitReport(bytes, maxPartBytes, onPart) {
  const decoder = new TextDecoder();
  const splitter = new ReportSplitter(maxPartBytes, (part) => onPart(decoder.decode(part)));
  splitter.push(bytes);
  return splitter.end();
}
