// Makes any string safe to print on a terminal as plain text: control characters (C0, DEL, C1),
// line/paragraph separators and bidirectional overrides are written as visible escapes, so a
// hostile site cannot inject ANSI sequences, fake lines or reorder text in a report.
//
// plain(value) → string with no control or bidi-control characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

export function plain(value) {
  return String(value).replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`);
}
