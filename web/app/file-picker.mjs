// The app's file pickers (index.html input.file-input): a native file input shows the browser's own
// words ("Choose File", "No file chosen") in the browser's language, not the app's. The input
// stays in the page, focusable and labelled (keyboard and screen readers use it as is) but
// visually hidden (app.css); its <label class="file-button"> right after it is what one sees and
// clicks, and a line after the label names the chosen file in the app's language.
//
// initFilePickers(t) adds that line to every input.file-input and keeps it up to date (change
//   events, and noteChosen for a file that arrives another way, e.g. dropped).
// noteChosen(input, file) names `file` (a File or null) as the input's choice.
// refreshFilePickers() re-renders the lines in the current language.
// File names are shown as text (textContent), never markup.

let translate = (k) => k;
const chosen = new Map(); // input → {line, name: string | null}

function render(entry) {
  entry.line.textContent = entry.name === null ? translate('file.none') : translate('file.chosen', { name: entry.name });
}

export function noteChosen(input, file) {
  const entry = chosen.get(input);
  if (!entry) return;
  entry.name = file ? String(file.name) : null;
  render(entry);
}

export function refreshFilePickers() {
  for (const entry of chosen.values()) render(entry);
}

export function initFilePickers(t) {
  translate = t;
  for (const input of document.querySelectorAll('input.file-input')) {
    const line = document.createElement('span');
    line.className = 'file-chosen';
    const label = input.nextElementSibling?.matches('label.file-button') ? input.nextElementSibling : input;
    label.after(line);
    const entry = { line, name: null };
    chosen.set(input, entry);
    render(entry);
    input.addEventListener('change', () => {
      // An input reset by the app after reading (value = '') fires no change: the name stays.
      if (input.files && input.files.length) noteChosen(input, input.files[0]);
    });
  }
}
