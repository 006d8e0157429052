// Server configuration examples shown with a check's remediation: one block per server, the code
// as text in <pre><code>, labelled with the server's name, with a copy button.
//
// snippetBlocks(snippets, lang) → an Element (<div class="pc-snippets">) or null when there is
//   nothing to show. snippets: [{server, label: {vi, en}, language, code}] (web/host's
//   serverSnippets(checkId, outcome), which may add file: the file the code goes in, and note:
//   {vi, en}); entries without a string code are skipped. Everything is
//   text (the examples come from the ruleset's data, but are rendered as text all the same).
//   The copy button uses navigator.clipboard.writeText; where that is missing or refused, it
//   selects the code so the reader can copy it by hand, and says so in a status line.
import { el, siteText } from './dom.mjs';
import { pick } from './model.mjs';
import { reportStrings } from '../i18n/report.mjs';

function selectText(node) {
  const selection = globalThis.getSelection?.();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}

function copyButton(code, codeNode, t) {
  const status = el('span', { class: 'pc-copy-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'pc-linkbtn pc-copy' }, t.copy);
  button.addEventListener('click', async () => {
    try {
      if (!globalThis.navigator?.clipboard?.writeText) throw new Error('no clipboard');
      await globalThis.navigator.clipboard.writeText(code);
      status.textContent = t.copied;
    } catch {
      selectText(codeNode);
      status.textContent = t.copyManual;
    }
  });
  return [button, ' ', status];
}

export function snippetBlocks(snippets, lang) {
  const list = Array.isArray(snippets) ? snippets.filter((s) => s && typeof s === 'object' && typeof s.code === 'string' && s.code) : [];
  if (!list.length) return null;
  const t = reportStrings(lang);
  return el('div', { class: 'pc-snippets' },
    el('p', { class: 'pc-snippets-h' }, t.snippetsHeading),
    list.map((s) => {
      const label = pick(s.label, lang) || String(s.server ?? '');
      const code = el('code', { class: 'pc-site' });
      code.textContent = s.code;
      return el('div', { class: 'pc-snippet', 'data-key': String(s.server ?? '') },
        el('p', { class: 'pc-snippet-h' }, siteText(label),
          typeof s.file === 'string' && s.file ? [' — ', el('code', null, siteText(s.file))] : null,
          s.language ? el('span', { class: 'pc-muted' }, ` (${String(s.language)})`) : null),
        pick(s.note, lang) ? el('p', { class: 'pc-muted pc-snippet-note' }, siteText(pick(s.note, lang))) : null,
        el('pre', null, code),
        el('p', { class: 'pc-snippet-copy' }, copyButton(s.code, code, t)));
    }));
}
