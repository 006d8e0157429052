// Stands in for @mdn/mdn-http-observatory/src/retriever/retriever.js inside the Observatory's
// scanner (see observatory-retriever-hook.mjs): the same export, retrieve(hostname), answering with
// the Requests object last handed to prepare() instead of fetching the site.
//
// prepare(requests) → void: the next retrieve() returns `requests` (once).
// retrieve(hostname) → Promise<Requests>. Throws when nothing was prepared for `hostname`.
let prepared = null;

export function prepare(requests) {
  prepared = requests;
}

export async function retrieve(hostname) {
  const requests = prepared;
  prepared = null;
  if (!requests || requests.hostname !== hostname) throw new Error(`no prepared retrieval for ${hostname}`);
  return requests;
}
