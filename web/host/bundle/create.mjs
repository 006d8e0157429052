// Builds an evidence bundle (docs/bundle.md): redact → audit the redacted evidence → digests →
// optional ES256 signature.
//
// createBundle({engine, harText, options, capture, organization, signingKey, redaction}) →
//   Promise<bundle object> (serialize it with serializeBundle).
//   engine: from loadEngine (web/host/engine.mjs). harText: the HAR 1.2 document as text.
//   options: {target?, profiles?: string[], declarations?: object|null} — the audit options, as
//   for auditHar. capture: {method, time (ISO 8601 from the host's clock: the engine never reads
//   clocks), tool} — all strings. organization: optional organisation details (object).
//   signingKey: optional {privateKey: CryptoKey, publicJwk}; only the public key enters the bundle.
//   redaction: test seam, default the module ./redact.mjs: {redactHar(har, {data}) →
//   Promise<{har, redactions}>, redactUrl(url, {data}) → Promise<string>}; both get the data lists
//   of the ruleset that audits the evidence. The target is redacted too (a token in the start URL
//   must not survive in the manifest), and the audit uses the redacted target, as replay does.
//   The HAR is first read by the engine itself (checkHar): a document the audit would refuse —
//   not JSON, truncated, two members of the same name anywhere (which JSON.parse, used for the
//   redaction, would silently reduce to the last one) — rejects with the very EngineError an audit
//   of it gives (same code and message).
//   Rejects with Error when capture is incomplete, or the engine refuses the evidence or options
//   (EngineError from checkHar/auditHar, with its .code).
//   The audit uses the engine's embedded ruleset document, passed explicitly, which is exactly
//   what replay passes from the bundle.
import { auditHar, checkHar } from '../engine.mjs';
import { FORMAT, VERSION, SECTIONS } from './format.mjs';
import { sectionDigest } from './digest.mjs';
import { signBundle } from './signature.mjs';
import { declarationsSection, engineDeclarations } from './declarations.mjs';

async function defaultRedaction() {
  return import('./redact.mjs');
}

function checkCapture(capture) {
  for (const k of ['method', 'time', 'tool']) {
    if (typeof capture?.[k] !== 'string' || capture[k] === '') throw new TypeError(`createBundle: capture.${k} must be a non-empty string`);
  }
  return { method: capture.method, time: capture.time, tool: capture.tool };
}

// A lone UTF-16 surrogate (from a \uD800-\uDFFF escape without its pair) → U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s) => s.replace(LONE_SURROGATE, '\uFFFD');

// JSON.parse of a document checkHar accepted, reading it as the engine does: a lone surrogate
// escape is U+FFFD in a string or a member name (the engine's parser, util/json_scan.h).
function parseLikeTheEngine(text) {
  return JSON.parse(text, (key, value) => {
    if (typeof value === 'string') return wellFormed(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    if (Object.keys(value).every((k) => wellFormed(k) === k)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), v]));
  });
}

export async function createBundle({ engine, harText, options = {}, capture, organization, signingKey, redaction }) {
  const captureInfo = checkCapture(capture);
  await checkHar(engine, String(harText));
  let har;
  try {
    har = parseLikeTheEngine(String(harText).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`createBundle: the HAR is not JSON (${e.message})`);
  }
  const ruleset = engine.ruleset();
  const redact = redaction ?? (await defaultRedaction());
  const { har: evidence, redactions } = await redact.redactHar(har, { data: ruleset.data });
  const declarations = declarationsSection(options.declarations, organization);
  const profiles = [...(options.profiles ?? [])];
  const target = options.target ? await redact.redactUrl(String(options.target), { data: ruleset.data }) : null;
  const { reportText } = await auditHar(engine, JSON.stringify(evidence), {
    target: target ?? undefined, ruleset, profiles, declarations: engineDeclarations(declarations), sarif: false,
  });
  const rulesetDigest = await sectionDigest(ruleset);
  const bundle = {
    format: FORMAT,
    version: VERSION,
    manifest: {
      engine: { name: engine.info.name, version: engine.info.version },
      ruleset: { version: String(ruleset.ruleset?.version ?? ''), sha256: rulesetDigest },
      profiles,
      target,
      capture: captureInfo,
      redactions: redactions ?? [],
    },
    evidence,
    ruleset,
    declarations,
    report: reportText,
    digests: {},
    signatures: [],
  };
  for (const s of SECTIONS) bundle.digests[s] = s === 'ruleset' ? rulesetDigest : await sectionDigest(bundle[s]);
  if (signingKey) bundle.signatures.push(await signBundle(bundle, signingKey));
  return bundle;
}
