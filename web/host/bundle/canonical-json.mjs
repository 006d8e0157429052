// RFC 8785 JSON Canonicalization Scheme (JCS), the one place the bundle code serializes anything
// it hashes or signs. Uses the npm package `canonicalize` (by an RFC 8785 author; see
// docs/bundle.md for why a dependency rather than our own code), never a copy of it:
//   - Node: the package itself (bare specifier, node_modules).
//   - Browser (page or module worker, where bare specifiers and import maps are not available to
//     workers): ./vendor/canonicalize.js next to this file, which the static server must map to
//     node_modules/canonicalize/lib/canonicalize.js (a deployed copy must ship that file there).
//
// canonicalJson(value) → the canonical JSON text (string). Throws Error for values JSON cannot
// hold exactly (NaN, Infinity, lone surrogates, cycles).
const IN_NODE = typeof globalThis.process?.versions?.node === 'string';
const canonicalize = (await import(IN_NODE ? 'canonicalize' : new URL('./vendor/canonicalize.js', import.meta.url).href)).default;

export function canonicalJson(value) {
  const text = canonicalize(value);
  if (typeof text !== 'string') throw new Error('canonicalJson: the value has no JSON representation');
  return text;
}
