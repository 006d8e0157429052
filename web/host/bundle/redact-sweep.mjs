// The sweep: replaces further copies of already-redacted values anywhere in the HAR. Pure; no Node
// imports.
//
// sweepSecrets(har, secrets, redactions) → void (mutates har and appends to redactions)
//   secrets: Map original → replacement (as made by the structured pass). Only originals of ≥ 8
//   characters that are not all digits are swept (see redact.mjs). Every string value of the HAR
//   (not object keys) is searched, except base64 content text (its bytes were handled as HTML, or
//   are opaque). Longer secrets first, so a secret inside a longer one does not split it.
//   Only har.log is searched. Each string that changes adds {where: <path under log, e.g.
//   "entries[0].response.content.text">, kind: "repeated-secret", marker} per secret.
//   Cost: one indexOf per (string, secret) pair.

const MIN_CHARS = 8;

function sweepable(s) {
  return s.length >= MIN_CHARS && !/^[0-9]+$/.test(s);
}

export function sweepSecrets(har, secrets, redactions) {
  const list = [...secrets].filter(([original]) => sweepable(original)).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  if (list.length === 0) return;
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        if (typeof x === 'string') node[i] = replaceIn(x, `${path}[${i}]`);
        else visit(x, `${path}[${i}]`);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const base64 = node.encoding === 'base64';
    for (const k of Object.keys(node)) {
      const x = node[k];
      if (typeof x === 'string') {
        if (!(base64 && k === 'text')) node[k] = replaceIn(x, path ? `${path}.${k}` : k);
      } else visit(x, path ? `${path}.${k}` : k);
    }
  };
  const replaceIn = (s, where) => {
    if (s.length < MIN_CHARS) return s;
    let out = s;
    for (const [original, marker] of list) {
      if (out.length < original.length || !out.includes(original)) continue;
      out = out.split(original).join(marker);
      redactions.push({ where, kind: 'repeated-secret', marker });
    }
    return out;
  };
  if (har && typeof har === 'object' && har.log && typeof har.log === 'object') visit(har.log, '');
}
