// The paths the capture requests beyond the crawl, read from the same data files the C++ checks
// read (one list each, never a JS copy): rules/data/exposed-files.json and
// rules/data/admin-paths.json (site-path-lists.mjs says what each list is). Node only (reads the
// files beside this module's repository).
//
// sitePaths() → {probe: string[], admin: string[]}; read once, cached. Throws an Error naming the
// file when one is missing or malformed (a broken checkout, not a user error).
import fs from 'node:fs';
import { parseSitePaths } from './site-path-lists.mjs';

const DATA = new URL('../../rules/data/', import.meta.url);
let cached = null;

function readDocument(file) {
  try {
    return JSON.parse(fs.readFileSync(new URL(file, DATA), 'utf8'));
  } catch (e) {
    throw new Error(`cannot read rules/data/${file} (${e.code || e.message})`);
  }
}

export function sitePaths() {
  if (!cached) {
    cached = parseSitePaths({ adminPaths: readDocument('admin-paths.json'), exposedFiles: readDocument('exposed-files.json') });
  }
  return cached;
}
