// The bundle format's shape (docs/bundle.md, rules/schema/bundle.schema.json): constants, text
// form and structural validation. No hashing here.
//
// FORMAT = "portal-check-bundle", VERSION = 1.
// SECTIONS: the digested sections, in the order verification reports them.
// TOP_LEVEL: every top-level member, in serialization order (no other member is allowed).
// serializeBundle(bundle) → text: JSON with one-space indentation and a final newline, members in
//   TOP_LEVEL order (stable, so bundles diff well under review).
// parseBundle(text) → {bundle} or {error: one-line English message, problem: {step, code, params}}
//   (verify-messages.mjs words the codes): the text must be JSON (step "i-json": codes not-text,
//   empty, truncated — a cut-off file —, not-json), the format and version must match, the
//   top-level members must be exactly TOP_LEVEL, and each must have its type (step "structure", see
//   structureProblem). Never throws.
// parseBundleStrict(text) → Promise<the same>, and the text must also be I-JSON (strict-json.mjs:
//   no duplicate member names, lone surrogates or out-of-range numbers anywhere), checked between
//   JSON and structure. This is what verification reads a bundle with.
// structureProblem(value) → null when value has the bundle's structure, else {step: "structure",
//   code, params} for the first member at fault (codes: not-an-object, not-a-bundle,
//   unsupported-version, missing-members, unexpected-members, wrong-type, declarations-type,
//   bad-manifest {field}, bad-digest-field {section}, unexpected-digests).
// structureError(value) → the same as one English line, or null.
import { ijsonProblem } from './strict-json.mjs';
import { verificationMessage } from './verify-messages.mjs';

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

// The first manifest field at fault, or null.
function manifestField(m) {
  if (!(isObject(m.engine) && typeof m.engine.name === 'string' && typeof m.engine.version === 'string')) return 'engine';
  if (!(isObject(m.ruleset) && typeof m.ruleset.version === 'string' && isHex64(m.ruleset.sha256))) return 'ruleset';
  if (!(Array.isArray(m.profiles) && m.profiles.every((p) => typeof p === 'string'))) return 'profiles';
  if (!(m.target === null || typeof m.target === 'string')) return 'target';
  if (!(isObject(m.capture) && ['method', 'time', 'tool'].every((k) => typeof m.capture[k] === 'string'))) return 'capture';
  if (!(Array.isArray(m.redactions) && m.redactions.every(isObject))) return 'redactions';
  return null;
}

const problem = (code, params = {}) => ({ step: 'structure', code, params });

export function structureProblem(b) {
  if (!isObject(b)) return problem('not-an-object', { got: typeOf(b) });
  if (b.format !== FORMAT) return problem('not-a-bundle', { format: describeValue(b.format) });
  if (b.version !== VERSION) return problem('unsupported-version', { version: describeValue(b.version) });
  const missing = TOP_LEVEL.filter((k) => !Object.prototype.hasOwnProperty.call(b, k));
  if (missing.length) return problem('missing-members', { names: missing });
  const extra = Object.keys(b).filter((k) => !TOP_LEVEL.includes(k));
  if (extra.length) return problem('unexpected-members', { names: extra.map((k) => describeValue(k)) });
  const types = { manifest: 'object', evidence: 'object', ruleset: 'object', report: 'string', digests: 'object', signatures: 'array' };
  for (const [k, t] of Object.entries(types)) {
    if (typeOf(b[k]) !== t) return problem('wrong-type', { member: k, expected: t, got: typeOf(b[k]) });
  }
  if (b.declarations !== null && !isObject(b.declarations)) return problem('declarations-type', { got: typeOf(b.declarations) });
  const field = manifestField(b.manifest);
  if (field) return problem('bad-manifest', { field });
  for (const s of SECTIONS) {
    if (!isHex64(b.digests[s])) return problem('bad-digest-field', { section: s });
  }
  const extraDigests = Object.keys(b.digests).filter((k) => !SECTIONS.includes(k));
  if (extraDigests.length) return problem('unexpected-digests', { names: extraDigests.map((k) => describeValue(k)) });
  return null;
}

export function structureError(b) {
  const p = structureProblem(b);
  return p ? verificationMessage(p) : null;
}

// JSON.parse of the text (a leading BOM dropped) → {value} or {problem} (step "i-json").
function parseJson(text) {
  const jsonProblem = (code, params = {}) => ({ problem: { step: 'i-json', code, params } });
  if (typeof text !== 'string') return jsonProblem('not-text');
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body), body };
  } catch (e) {
    const trimmed = text.trim();
    if (trimmed === '') return jsonProblem('empty');
    // Cut off: the parser ran out of text (no position, or the error sits at the very end).
    const at = /position (\d+)/.exec(e.message);
    const truncated = /end of (JSON )?input|Unterminated/i.test(e.message) || (at !== null && Number(at[1]) >= body.trimEnd().length)
      || (trimmed.startsWith('{') && !trimmed.endsWith('}'));
    return jsonProblem(truncated ? 'truncated' : 'not-json', { detail: e.message });
  }
}

const withError = (p) => ({ problem: p, error: verificationMessage(p) });

export function parseBundle(text) {
  const parsed = parseJson(text);
  if (parsed.problem) return withError(parsed.problem);
  const p = structureProblem(parsed.value);
  return p ? withError(p) : { bundle: parsed.value };
}

export async function parseBundleStrict(text) {
  const parsed = parseJson(text);
  if (parsed.problem) return withError(parsed.problem);
  const ijson = await ijsonProblem(parsed.body);
  if (ijson) return withError({ step: 'i-json', ...ijson });
  const p = structureProblem(parsed.value);
  return p ? withError(p) : { bundle: parsed.value };
}
