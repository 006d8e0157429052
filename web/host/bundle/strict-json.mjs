// I-JSON (RFC 7493) checks for text that JSON.parse has already accepted: what JSON.parse would
// silently read in its own way is refused instead, so that every reader of a bundle sees the same
// document.
//
// ijsonProblem(text) → Promise<null | {code, params}>, the first problem in document order:
//   'duplicate-member' {path}   an object has two members of this name (JSON.parse keeps the last)
//   'lone-surrogate' {path}     a string or member name holds a lone UTF-16 surrogate, escaped
//                               (\uD800 without its pair) or raw (a JavaScript string)
//   'number-out-of-range' {path} a number beyond IEEE 754 double (JSON.parse makes it Infinity)
//   path: where it is, from the document's root: member names joined by ".", array indices as
//   "[i]", a name that is not a plain identifier written as ["name"] (JSON string, cut to
//   MAX_NAME_IN_PATH characters); "" is the root itself.
//   PRECONDITION: JSON.parse(text) succeeded (the scan trusts the syntax and only reads strings,
//   brackets, separators and numbers). Linear: string contents are skipped with indexOf; it yields
//   to the event loop every YIELD_EVERY characters, so a page or worker keeps answering on a large
//   bundle.
// pathText(components) → the path text of [name | index, ...] as described above.
//
// Why not the engine's parser (core/src/util/json_parse.cc, which rejects duplicate names in a
// HAR): it parses a whole document into memory at once (only the HAR splitter streams, and it knows
// HARs only), so a large bundle would be held twice inside the wasm heap, which never shrinks; and
// its messages carry a byte offset, not the member's path. Here JSON.parse does the parsing and this
// scan only follows member names, which needs no second grammar.

export const MAX_NAME_IN_PATH = 64;
const YIELD_EVERY = 4 << 20;
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

export function pathText(components) {
  let out = '';
  for (const c of components) {
    if (typeof c === 'number') out += `[${c}]`;
    else if (IDENTIFIER.test(c)) out += out === '' ? c : `.${c}`;
    else out += `[${JSON.stringify(c.length > MAX_NAME_IN_PATH ? `${c.slice(0, MAX_NAME_IN_PATH)}…` : c)}]`;
  }
  return out;
}

// The index of the quote closing the string whose opening quote is at `open`.
function closingQuote(text, open) {
  let at = open + 1;
  for (;;) {
    at = text.indexOf('"', at);
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
    at++;
  }
}

// A character of a JSON number after its first (a digit or "-").
function isNumberChar(c) {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}

export async function ijsonProblem(text) {
  // A raw lone surrogate can only come from a JavaScript string (UTF-8 decoding never makes one);
  // then every string is checked for one.
  const rawSurrogates = !text.isWellFormed();
  const escapedSurrogates = SURROGATE_ESCAPE.test(text);
  // One level per open container: names (Set) for an object, else null; at: its current member
  // name or element index.
  const stack = [];
  const here = () => pathText(stack.map((level) => level.at));
  let expectName = false;
  let pos = 0;
  let nextBreath = YIELD_EVERY;
  const n = text.length;
  while (pos < n) {
    if (pos >= nextBreath) { await breathe(); nextBreath = pos + YIELD_EVERY; }
    const quote = text.indexOf('"', pos);
    const gapEnd = quote < 0 ? n : quote;
    for (let i = pos; i < gapEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x7b /* { */) { stack.push({ names: new Set(), at: null }); expectName = true; }
      else if (c === 0x5b /* [ */) stack.push({ names: null, at: 0 });
      else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
      else if (c === 0x2c /* , */) {
        const top = stack[stack.length - 1];
        if (top.names) expectName = true;
        else top.at++;
      } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d /* - */) {
        let end = i + 1;
        while (end < gapEnd && isNumberChar(text.charCodeAt(end))) end++;
        if (!Number.isFinite(Number(text.slice(i, end)))) return { code: 'number-out-of-range', params: { path: here() } };
        i = end - 1;
      }
    }
    if (quote < 0) break;
    const close = closingQuote(text, quote);
    const raw = text.slice(quote, close + 1);
    const decoded = () => (raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1));
    const top = stack[stack.length - 1];
    if (expectName) {
      const name = decoded();
      top.at = name;
      if (!name.isWellFormed()) return { code: 'lone-surrogate', params: { path: here() } };
      if (top.names.has(name)) return { code: 'duplicate-member', params: { path: here() } };
      top.names.add(name);
      expectName = false;
    } else if ((rawSurrogates || (escapedSurrogates && SURROGATE_ESCAPE.test(raw))) && !decoded().isWellFormed()) {
      return { code: 'lone-surrogate', params: { path: here() } };
    }
    pos = close + 1;
  }
  return null;
}
