// Safe DOM building for the report view. Every string goes in as a text node; attributes are set
// only from a fixed allow-list of names, and never an event handler, style, src or href (links to
// the ruleset's own references go through safeRefLink, which accepts only https: URLs).
//
// el(tag, attrs?, ...children) → Element. attrs: {class, id, for, type, ...} (allow-listed names;
//   boolean true → empty attribute; false/null/undefined → not set). children: strings (text
//   nodes), Nodes, arrays of those, null/undefined/false (skipped).
// siteText(value, {className}) → <span class="pc-site …"> holding `value` as text, with control,
//   bidi-override and zero-width characters shown visibly as ⟨U+XXXX⟩ marks (never interpreted).
// visibleText(value) → DocumentFragment of the same (text nodes + ⟨U+XXXX⟩ spans).
// truncatedText(value, limit, t) → siteText of at most `limit` characters plus a button that
//   shows the whole value (and back).
// downloadBlob(blob, fileName): saves a Blob (our own bytes) under fileName.

const ALLOWED_ATTRS = new Set([
  'class', 'id', 'for', 'type', 'name', 'value', 'role', 'scope', 'colspan', 'rowspan', 'lang', 'dir',
  'hidden', 'checked', 'disabled', 'open', 'tabindex', 'title', 'placeholder', 'maxlength', 'rows',
  'autocomplete', 'inputmode', 'spellcheck', 'headers', 'aria-label', 'aria-labelledby', 'aria-describedby',
  'aria-live', 'aria-expanded', 'aria-controls', 'aria-hidden', 'aria-pressed', 'aria-current', 'data-severity',
  'data-status', 'data-state', 'data-key', 'data-group', 'data-law', 'data-half', 'selected', 'multiple', 'size',
]);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      if (!ALLOWED_ATTRS.has(name)) throw new Error(`report/dom: attribute not allowed: ${name}`);
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

// Clears `container` and appends children as el() does (null/false skipped, strings as text).
export function fill(container, ...children) {
  container.replaceChildren();
  return append(container, children);
}

export function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
  return node;
}

// C0/C1 controls (except tab and newline), bidi embeddings/overrides/isolates and marks, zero-width
// characters, soft hyphen, line/paragraph separators, BOM, interlinear annotation, tag characters and
// variation selectors are shown as ⟨U+XXXX⟩: an attacker cannot reorder or hide text with them.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

export function codePointMark(ch) {
  const cp = ch.codePointAt(0);
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

export function visibleText(value) {
  const text = String(value);
  const frag = document.createDocumentFragment();
  let last = 0;
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
    if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
    frag.appendChild(el('span', { class: 'pc-ctl', title: codePointMark(m[0]) }, codePointMark(m[0])));
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}

// The plain text with the same visible marks (for search, print summaries and file content).
export function visibleString(value) {
  INVISIBLE.lastIndex = 0;
  return String(value).replace(INVISIBLE, codePointMark);
}

export function siteText(value, { className = '', code = false } = {}) {
  const span = el(code ? 'code' : 'span', { class: `pc-site${className ? ` ${className}` : ''}`, dir: 'auto' });
  span.appendChild(visibleText(value));
  return span;
}

// Cuts at a code-point boundary (never in the middle of a surrogate pair).
export function cut(text, limit) {
  if (text.length <= limit) return text;
  let end = limit;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

export function truncatedText(value, limit, t, { code = false } = {}) {
  const text = String(value);
  if (text.length <= limit) return siteText(text, { code });
  const wrap = el('span', { class: 'pc-trunc' });
  const shown = siteText(`${cut(text, limit)}…`, { code });
  const button = el('button', { type: 'button', class: 'pc-linkbtn', 'aria-expanded': 'false' }, t.expand(text.length));
  let expanded = false;
  button.addEventListener('click', () => {
    expanded = !expanded;
    const next = siteText(expanded ? text : `${cut(text, limit)}…`, { code });
    wrap.replaceChild(next, wrap.firstChild);
    button.textContent = expanded ? t.collapse : t.expand(text.length);
    button.setAttribute('aria-expanded', String(expanded));
  });
  wrap.append(shown, ' ', button);
  return wrap;
}

// A link to a reference from the ruleset (trusted data, not from the audited site). Only https
// URLs become links (opened without referrer or opener); anything else is shown as text.
export function safeRefLink(url, label) {
  let parsed = null;
  try { parsed = new URL(String(url)); } catch { parsed = null; }
  if (!parsed || parsed.protocol !== 'https:') return siteText(label || url);
  const a = document.createElement('a');
  a.href = parsed.href;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  a.referrerPolicy = 'no-referrer';
  a.appendChild(visibleText(label || parsed.href));
  return a;
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

// downloadBlob(blob, fileName): saves a Blob under fileName through a temporary blob: link.
export function downloadBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;  // our own blob: URL, never data from the site
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
