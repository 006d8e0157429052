// Redaction inside an HTML body: a linear tag scanner (no regex over the body). Pure and
// synchronous; no Node imports.
//
// redactHtmlText(html, names, table) → {text, hits: [{kind, marker, original, where}]}
//   Only the bytes of replaced attribute values change; everything else stays byte-identical (so
//   line numbers, the page model and every other check see the same page).
//   - <input type=hidden> whose name is an anti-CSRF token, a WebForms state field (__VIEWSTATE,
//     __EVENTVALIDATION), a session parameter or a sensitive name: its value attribute's content →
//     marker (kind "hidden-field"). form.csrf-token reads names, never values, so it is unchanged.
//   - Joomla's token field (type=hidden, a name of 32 hex digits, value "1"): the NAME is the token;
//     it becomes 32 hex digits ("00000000" + 24 hex of its SHA-256, MarkerTable.hexName), so
//     form.csrf-token still recognises it (kind "hidden-field-name").
//   - <input type=password> with a non-empty value: the value → marker ("password-field").
//   - URL attributes (href, src, action, formaction, data, poster, cite, background) of any tag:
//     redact-url.mjs rules (kind "url-token" / "session-id"). Session ids keep an id shape, so
//     cookie.session-in-url gives the same outcome and count; its details already hide the id.
//   The text inside <script>, <style>, <textarea>, <title> and comments is skipped: it is not markup
//   to a parser. Entities in attribute values are not decoded: "&amp;" between query parameters
//   splits them as '&' does.

import { redactUrlText } from './redact-url.mjs';

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'cite', 'background']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isAlpha = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

function isHex32(s) {
  if (s.length !== 32) return false;
  for (const c of s) if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

// Parses the attributes of the tag whose name ends at `i`. → {attrs: [{name (lower), start, end}],
// end: index after '>' (or text length)}. start/end delimit the value's content (quotes excluded);
// an attribute without a value has start = end = -1.
function parseAttributes(html, i) {
  const attrs = [];
  const n = html.length;
  while (i < n) {
    while (i < n && (isSpace(html[i]) || html[i] === '/')) i++;
    if (i >= n) break;
    if (html[i] === '>') return { attrs, end: i + 1 };
    const nameStart = i;
    while (i < n && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && !(html[i] === '/' && i > nameStart)) i++;
    if (i === nameStart) i++; // a stray '=': skip it
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isSpace(html[j])) j++;
    if (html[j] !== '=') {
      attrs.push({ name, start: -1, end: -1 });
      continue;
    }
    j++;
    while (j < n && isSpace(html[j])) j++;
    const q = html[j];
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, j + 1);
      const end = close === -1 ? n : close;
      attrs.push({ name, start: j + 1, end });
      i = close === -1 ? n : close + 1;
    } else {
      let k = j;
      while (k < n && !isSpace(html[k]) && html[k] !== '>') k++;
      attrs.push({ name, start: j, end: k });
      i = k;
    }
  }
  return { attrs, end: n };
}

// The index of the first "</tag" (ASCII case-insensitive) at or after `from`, else text.length.
// (Not text.toLowerCase(): lower-casing can change a string's length and so its indexes.)
function closingTag(text, tag, from) {
  for (let at = text.indexOf('</', from); at !== -1; at = text.indexOf('</', at + 2)) {
    if (text.slice(at + 2, at + 2 + tag.length).toLowerCase() === tag) return at;
  }
  return text.length;
}

export function redactHtmlText(html, names, table) {
  const text = String(html);
  const edits = [];
  const hits = [];
  const value = (a) => (a && a.start !== -1 ? text.slice(a.start, a.end) : null);
  const replace = (a, replacement, kind, where, original) => {
    edits.push({ start: a.start, end: a.end, replacement });
    hits.push({ kind, marker: replacement, original, where });
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (!isAlpha(text[lt + 1] || '')) {
      i = lt + 1;
      continue;
    }
    let k = lt + 1;
    while (k < n && !isSpace(text[k]) && text[k] !== '>' && text[k] !== '/') k++;
    const tag = text.slice(lt + 1, k).toLowerCase();
    const { attrs, end } = parseAttributes(text, k);
    i = end;
    const find = (name) => attrs.find((a) => a.name === name);
    for (const a of attrs) {
      if (!URL_ATTRS.has(a.name) || a.start === -1) continue;
      const r = redactUrlText(text.slice(a.start, a.end), names, table);
      if (r.hits.length === 0) continue;
      edits.push({ start: a.start, end: a.end, replacement: r.text });
      for (const h of r.hits) hits.push({ ...h, where: `${tag}[${a.name}]` });
    }
    if (tag === 'input') {
      const type = (value(find('type')) || '').trim().toLowerCase();
      const nameAttr = find('name');
      const fieldName = value(nameAttr) || '';
      const valueAttr = find('value');
      const v = value(valueAttr);
      if (type === 'hidden' && nameAttr && isHex32(fieldName) && v === '1') {
        replace(nameAttr, table.hexName(fieldName), 'hidden-field-name', 'input[name]', fieldName);
      } else if (type === 'hidden' && v) {
        if (names.isCsrfField(fieldName) || names.isSessionParam(fieldName) || names.isSensitive(fieldName))
          replace(valueAttr, table.marker(v), 'hidden-field', `input[name=${fieldName}]`, v);
      } else if (type === 'password' && v) {
        replace(valueAttr, table.marker(v), 'password-field', `input[name=${fieldName}]`, v);
      }
    }
    if (RAW_TEXT.has(tag)) {
      i = closingTag(text, tag, i);
    }
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return { text: out + text.slice(pos), hits };
}
