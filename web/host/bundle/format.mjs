// The bundle format's shape (docs/bundle.md, rules/schema/bundle.schema.json): constants, text
// form and structural validation. No hashing here.
//
// FORMAT = "portal-check-bundle", VERSION = 1.
// SECTIONS: the digested sections, in the order verification reports them.
// TOP_LEVEL: every top-level member, in serialization order (no other member is allowed).
// serializeBundle(bundle) → text: JSON with one-space indentation and a final newline, members in
//   TOP_LEVEL order (stable, so bundles diff well under review).
// parseBundle(text) → {bundle} or {error: one-line message}: the text must be JSON (a cut-off file
//   is reported as truncated), the format and version must match, the top-level members must be
//   exactly TOP_LEVEL, and each must have its type (see structureError). Never throws.
// structureError(value) → null when value has the bundle's structure, else a one-line message
//   naming the member at fault.

export const FORMAT = 'portal-check-bundle';
export const VERSION = 1;
export const SECTIONS = ['manifest', 'evidence', 'ruleset', 'declarations', 'report'];
export const TOP_LEVEL = ['format', 'version', ...SECTIONS, 'digests', 'signatures'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;
const isHex64 = (v) => typeof v === 'string' && HEX64.test(v);

// A short, non-recursive description of an untrusted value for an error message: a string or a
// number is quoted/printed (cut to 100 characters), anything else is named by its type, so a
// value nested thousands deep cannot exhaust the stack (JSON.stringify and String would recurse).
export function describeValue(v) {
  if (typeof v === 'string') return JSON.stringify(v.length > 100 ? `${v.slice(0, 100)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return typeOf(v);
}

export function serializeBundle(bundle) {
  const ordered = {};
  for (const key of TOP_LEVEL) ordered[key] = bundle[key];
  return `${JSON.stringify(ordered, null, 1)}\n`;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function manifestError(m) {
  const need = (cond, what) => (cond ? null : `manifest: ${what}`);
  return (
    need(isObject(m.engine) && typeof m.engine.name === 'string' && typeof m.engine.version === 'string', 'engine must be {name, version} strings')
    ?? need(isObject(m.ruleset) && typeof m.ruleset.version === 'string' && isHex64(m.ruleset.sha256), 'ruleset must be {version, sha256 (64 lowercase hex)}')
    ?? need(Array.isArray(m.profiles) && m.profiles.every((p) => typeof p === 'string'), 'profiles must be an array of strings')
    ?? need(m.target === null || typeof m.target === 'string', 'target must be a string or null')
    ?? need(isObject(m.capture) && ['method', 'time', 'tool'].every((k) => typeof m.capture[k] === 'string'), 'capture must be {method, time, tool} strings')
    ?? need(Array.isArray(m.redactions) && m.redactions.every(isObject), 'redactions must be an array of objects')
  );
}

export function structureError(b) {
  if (!isObject(b)) return `the bundle must be a JSON object (got ${typeOf(b)})`;
  if (b.format !== FORMAT) return `not a portal-check bundle: format is ${describeValue(b.format)} (expected "${FORMAT}")`;
  if (b.version !== VERSION) return `unsupported bundle version ${describeValue(b.version)} (this tool reads version ${VERSION})`;
  const missing = TOP_LEVEL.filter((k) => !Object.prototype.hasOwnProperty.call(b, k));
  if (missing.length) return `missing top-level field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
  const extra = Object.keys(b).filter((k) => !TOP_LEVEL.includes(k));
  if (extra.length) return `unexpected top-level field${extra.length > 1 ? 's' : ''}: ${extra.map((k) => describeValue(k)).join(', ')}`;
  const types = { manifest: 'object', evidence: 'object', ruleset: 'object', report: 'string', digests: 'object', signatures: 'array' };
  for (const [k, t] of Object.entries(types)) {
    if (typeOf(b[k]) !== t) return `${k} must be ${t === "object" || t === "array" ? "an" : "a"} ${t} (got ${typeOf(b[k])})`;
  }
  if (b.declarations !== null && !isObject(b.declarations)) return `declarations must be an object or null (got ${typeOf(b.declarations)})`;
  const m = manifestError(b.manifest);
  if (m) return m;
  for (const s of SECTIONS) {
    if (!isHex64(b.digests[s])) return `digests.${s} must be 64 lowercase hex characters`;
  }
  const extraDigests = Object.keys(b.digests).filter((k) => !SECTIONS.includes(k));
  if (extraDigests.length) return `unexpected digests: ${extraDigests.join(', ')}`;
  return null;
}

export function parseBundle(text) {
  if (typeof text !== 'string') return { error: 'the bundle must be text' };
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const trimmed = text.trim();
    if (trimmed === '') return { error: 'the bundle is empty' };
    // Cut off: the parser ran out of text (no position, or the error sits at the very end).
    const at = /position (\d+)/.exec(e.message);
    const body = text.replace(/^\uFEFF/, '').trimEnd();
    const truncated = /end of (JSON )?input|Unterminated/i.test(e.message) || (at !== null && Number(at[1]) >= body.length)
      || (trimmed.startsWith('{') && !trimmed.endsWith('}'));
    return { error: truncated ? `the bundle is truncated (its JSON ends early: ${e.message})` : `the bundle is not JSON (${e.message})` };
  }
  const error = structureError(value);
  return error ? { error } : { bundle: value };
}
