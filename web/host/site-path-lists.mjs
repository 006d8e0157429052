// The two path lists the capture requests beyond the crawl, from the documents of
// rules/data/admin-paths.json ({paths: [...]}, purpose "admin") and rules/data/exposed-files.json
// ({files: [{path}]}, purpose "probe", requested only with active-probe consent). Pure: the Node
// capture reads the files (site-paths.mjs), the browser extension fetches its packaged copies.
//
// parseSitePaths({adminPaths, exposedFiles}) → {admin: string[], probe: string[]} (frozen,
//   duplicates dropped). Throws an Error naming the file when a list is missing or holds
//   anything but paths starting with "/".
function checkedList(list, file) {
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.startsWith('/'))) {
    throw new Error(`rules/data/${file}: expected a list of paths starting with "/"`);
  }
  return Object.freeze([...new Set(list)]);
}

export function parseSitePaths({ adminPaths, exposedFiles }) {
  const files = exposedFiles?.files;
  return Object.freeze({
    probe: checkedList(Array.isArray(files) ? files.map((f) => f && f.path) : null, 'exposed-files.json'),
    admin: checkedList(adminPaths?.paths, 'admin-paths.json'),
  });
}
