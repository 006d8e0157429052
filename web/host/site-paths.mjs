// The paths the capture requests beyond the crawl, read from the same data files the C++ checks
// read (one list each, never a JS copy): rules/data/exposed-files.json (files[].path, requested
// only with active-probe consent, purpose "probe") and rules/data/admin-paths.json (paths,
// purpose "admin"). Node only (reads the files beside this module's repository).
//
// sitePaths() → {probe: string[], admin: string[]}; read once, cached. Throws an Error naming the
// file when one is missing or malformed (a broken checkout, not a user error).
import fs from 'node:fs';

const DATA = new URL('../../rules/data/', import.meta.url);
let cached = null;

function readList(file, pick) {
  const url = new URL(file, DATA);
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(url, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read rules/data/${file} (${e.code || e.message})`);
  }
  const list = pick(doc);
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.startsWith('/'))) {
    throw new Error(`rules/data/${file}: expected a list of paths starting with "/"`);
  }
  return [...new Set(list)];
}

export function sitePaths() {
  if (!cached) {
    cached = Object.freeze({
      probe: Object.freeze(readList('exposed-files.json', (d) => (Array.isArray(d.files) ? d.files.map((f) => f && f.path) : null))),
      admin: Object.freeze(readList('admin-paths.json', (d) => d.paths)),
    });
  }
  return cached;
}
