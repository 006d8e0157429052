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

function sameBytes(bytes, start, end, expected) {
  if (start < 0 || end - start !== expected.length) return false;
  for (let k = 0; k < expected.length; k++) if (bytes[start + k] !== expected[k]) return false;
  return true;
}

// The end of the element that began at `start` and is followed by the comma or ']' at `at`.
function trimEnd(bytes, start, at) {
  let end = at;
  while (end > start && isSpace(bytes[end - 1])) end--;
  return end;
}

export function splitReport(bytes, maxPartBytes, onPart) {
  const decoder = new TextDecoder();
  let depth = 0;
  let keyStart = -1, keyEnd = -1;  // the last string closed at depth 1: the key of the next value
  let open = -1;                   // offset of the "checks" array's '['
  let elementStart = -1;           // the current element's first byte
  let partStart = -1;              // the current part's first byte
  const endElement = (at) => {
    if (elementStart < 0) return;
    const end = trimEnd(bytes, elementStart, at);
    if (partStart < 0) partStart = elementStart;
    elementStart = -1;
    if (end - partStart >= maxPartBytes || bytes[at] === CLOSE_ARRAY) {
      onPart(`[${decoder.decode(bytes.subarray(partStart, end))}]`);
      partStart = -1;
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (open >= 0 && depth === 2 && elementStart < 0 && !isSpace(b) && b !== COMMA && b !== CLOSE_ARRAY) elementStart = i;
    if (b === QUOTE) {
      const start = i + 1;
      for (i = start; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      if (depth === 1) { keyStart = start; keyEnd = i; }
    } else if (isOpen(b)) {
      if (depth === 1 && b === OPEN_ARRAY && open < 0 && sameBytes(bytes, keyStart, keyEnd, CHECKS_KEY)) open = i;
      depth++;
    } else if (isClose(b)) {
      depth--;
      if (open >= 0 && depth === 1) {
        endElement(i);
        return decoder.decode(bytes.subarray(0, open + 1)) + decoder.decode(bytes.subarray(i));
      }
    } else if (b === COMMA && open >= 0 && depth === 2) {
      endElement(i);
    }
  }
  return decoder.decode(bytes);
}
