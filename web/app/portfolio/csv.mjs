// CSV export of the portfolio table (RFC 4180), safe to open in a spreadsheet.
//
// csvCell(value) → one field: a finite number as written (a non-finite one empty), null/undefined
//   as empty; a value starting with = + - @, a tab or a
//   carriage return gets a leading apostrophe (a spreadsheet would otherwise run it as a formula:
//   site strings are hostile); then quoted with "" doubling when it holds a comma, a quote, CR or LF.
// toCsv(header: [text], records: [[value]]) → the text: fields joined by ",", records by CRLF, a
//   final CRLF, and a UTF-8 byte order mark first (so spreadsheet programs read Vietnamese right).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header, records) {
  const lines = [header, ...records].map((fields) => fields.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
