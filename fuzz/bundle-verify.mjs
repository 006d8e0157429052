#!/usr/bin/env node
// Fuzz driver for bundle verification in JavaScript (web/host/bundle verifyBundle: structure,
// RFC 8785 digests, ES256 signatures with WebCrypto, then replay in the wasm engine). libFuzzer
// cannot reach this code, so this driver makes seeded mutations of the golden bundles
// (tests/golden/demo-*.json) and checks the contract of verifyBundle for every one of them.
//
//   node fuzz/bundle-verify.mjs SECONDS [--out DIR] [--seed N] [--timeout MS]
//   node fuzz/bundle-verify.mjs --replay DIR [--timeout MS]   (re-checks saved inputs, *.json or
//     *.json.gz, each judged as in the run that saved it (its .meta.json); exit 1 if any fails)
//
// Mutations: byte flips, byte-range deletion/duplication/insertion, truncation, and JSON-aware
// ones on a parsed copy (a member of the manifest, digests, signatures or a section is deleted,
// retyped, set to an extreme number, a lone surrogate, a huge string or array (up to 4 MiB), or a
// deeply nested value (up to 100,000 levels, spliced in as text); an extra or duplicate member is
// added). Half of the JSON-aware mutations are then re-digested (digests and manifest.ruleset.sha256
// recomputed, and the signed bundle re-signed with the public test key tests/golden/
// test-signing-key.jwk), so that the mutated evidence, ruleset, declarations, profiles and target
// get past the digests and reach the replay in the engine. Each input is verified with no trusted
// key or with the test key as the trusted key.
//
// Every input must end in a verification result: one that has the documented shape, whose errors
// are named by section or step. A failure is saved in DIR (default build/fuzz/artifacts/
// bundle-verify) as <kind>-<sha1>.json (the bundle text) and <kind>-<sha1>.meta.json (mutation,
// trusted key, what went wrong). Kinds:
//   crash      the verifying process died (signal, out of memory, exit)
//   timeout    no result within the per-input timeout (default 60 s): a hang
//   rejected   verifyBundle rejected (its contract: never rejects)
//   uncaught   an uncaught exception or unhandled rejection escaped while verifying
//   internal   the result carries an "internal:" error: verifyBundle's catch-all caught an
//              exception that no step handled
//   trap       the replay failed with an exception that is no EngineError (a wasm trap/abort)
//   shape      the result is not of the documented shape (ok false with no error, an error that
//              names no section or step, ...)
//   forgery    ok: true for a bundle whose digested content differs from the golden one although
//              the driver did not re-digest it, or that lost the trusted key's signature
// The verifying runs in a child process (one at a time, restarted after a failure), so a hang is
// cut by killing it and a crash is seen from outside. Prints libFuzzer-like progress lines and, at
// the end, `stat::average_exec_per_sec: N` and `#N DONE ... verdicts: V` (V: distinct error
// classes seen, the coverage proxy of this driver). Exit status: 0 no failure, 1 failures saved,
// 2 usage error or no engine.
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const GOLDEN = path.join(ROOT, 'tests', 'golden');
const STEP_PREFIX = /^(i-json|structure|manifest|evidence|ruleset|declarations|report|signature( \d+)?|replay|internal): /;


// ---------------------------------------------------------------- child: verifies one input at a time
async function child() {
  const { loadNodeEngine } = await import('../web/cli/engine-files.mjs');
  const { verifyBundle } = await import('../web/host/bundle/index.mjs');
  let current = null;  // id of the input being verified
  const escaped = (kind) => (e) => {
    process.send({ id: current, kind: 'uncaught', detail: `${kind}: ${e && e.stack ? e.stack : String(e)}` });
  };
  process.on('uncaughtException', escaped('uncaughtException'));
  process.on('unhandledRejection', escaped('unhandledRejection'));
  const engine = await loadNodeEngine();
  process.on('message', async ({ id, text, trusted }) => {
    current = id;
    try {
      const result = await verifyBundle({ engine, bundleText: text, trustedPublicJwk: trusted ?? undefined });
      process.send({ id, result: summarize(result) });
    } catch (e) {
      process.send({ id, kind: 'rejected', detail: e && e.stack ? e.stack : String(e) });
    }
  });
  process.send({ ready: true });
}

// What the parent needs of a result (never the bundle itself), plus shape problems found here,
// where the result object is at hand.
function summarize(r) {
  const problems = [];
  if (!r || typeof r !== 'object') return { problems: ['the result is not an object'] };
  if (typeof r.ok !== 'boolean') problems.push('ok is not a boolean');
  if (!Array.isArray(r.errors) || !r.errors.every((e) => typeof e === 'string')) problems.push('errors is not an array of strings');
  if (!Array.isArray(r.sections)) problems.push('sections is not an array');
  if (!r.signature || typeof r.signature !== 'object') problems.push('signature is missing');
  if (!r.replay || typeof r.replay !== 'object' || typeof r.replay.ran !== 'boolean' || typeof r.replay.note !== 'string') problems.push('replay is malformed');
  const errors = Array.isArray(r.errors) ? r.errors.map(String) : [];
  if (r.ok === false && errors.length === 0 && !(r.replay && r.replay.ran === false && /skipped: no engine/.test(r.replay.note))) {
    problems.push('ok is false but no error says why');
  }
  if (r.ok === true && errors.length > 0) problems.push('ok is true with errors');
  for (const e of errors) if (!STEP_PREFIX.test(e)) problems.push(`an error names no section or step: ${e.slice(0, 200)}`);
  return {
    ok: r.ok, errors: errors.map((e) => e.slice(0, 500)), problems,
    replayRan: r.replay?.ran === true, replayNote: String(r.replay?.note ?? '').slice(0, 500),
    signatureOk: r.signature?.ok ?? null, matchesTrusted: r.signature?.matchesTrusted ?? null,
  };
}

// ---------------------------------------------------------------- parent: mutates, dispatches, judges
function usage(msg) {
  process.stderr.write(`${msg}\nusage: node fuzz/bundle-verify.mjs SECONDS [--out DIR] [--seed N] [--timeout MS]\n       node fuzz/bundle-verify.mjs --replay DIR [--timeout MS]\n`);
  return 2;
}

function parseArgs(argv) {
  const o = { seconds: null, out: path.join(ROOT, 'build', 'fuzz', 'artifacts', 'bundle-verify'), seed: null, timeout: 60000, replay: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--out') o.out = path.resolve(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--replay') o.replay = path.resolve(value());
    else if (/^\d+$/.test(a) && o.seconds === null) o.seconds = Number(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.replay === null && o.seconds === null) throw new Error('SECONDS is required');
  if (!(o.timeout > 0) || (o.seed !== null && !Number.isInteger(o.seed))) throw new Error('bad --timeout or --seed');
  return o;
}

// A small seeded PRNG (mulberry32), so a run can be repeated with --seed.
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

// Runs the child; verify(text, trusted) → Promise<{result} | {kind, detail}>.
class Verifier {
  constructor(timeout) { this.timeout = timeout; this.proc = null; this.nextId = 1; }

  async start() {
    this.proc = fork(fileURLToPath(import.meta.url), ['--child'], {
      execArgv: ['--max-old-space-size=2048', '--stack-size=984'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    await new Promise((resolve, reject) => {
      const onMessage = (m) => { if (m && m.ready) { this.proc.off('exit', onExit); this.proc.off('message', onMessage); resolve(); } };
      const onExit = (code) => reject(new Error(`the verifying process exited (${code}) before it was ready: ${this.stderr}`));
      this.proc.on('message', onMessage);
      this.proc.once('exit', onExit);
    });
  }

  stop() {
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    this.proc = null;
  }

  async verify(text, trusted) {
    if (!this.proc) await this.start();
    const id = this.nextId++;
    const proc = this.proc;
    return new Promise((resolve) => {
      let timer = null;
      const done = (value, restart) => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        if (restart) this.stop();
        resolve(value);
      };
      const onMessage = (m) => {
        if (!m || m.id !== id) return;
        if (m.kind) done({ kind: m.kind, detail: m.detail }, true);
        else done({ result: m.result }, false);
      };
      const onExit = (code, signal) => done({ kind: 'crash', detail: `exit ${code} signal ${signal}; stderr: ${this.stderr}` }, true);
      timer = setTimeout(() => done({ kind: 'timeout', detail: `no result in ${this.timeout} ms` }, true), this.timeout);
      proc.on('message', onMessage);
      proc.once('exit', onExit);
      proc.send({ id, text, trusted });
    });
  }
}

// Paths into a parsed bundle that JSON-aware mutations aim at (weighted by repetition); `*` picks
// a random member or element below.
const TARGETS = [
  ['format'], ['version'], ['manifest'], ['manifest', 'engine'], ['manifest', 'engine', 'version'], ['manifest', 'engine', 'name'],
  ['manifest', 'ruleset'], ['manifest', 'ruleset', 'sha256'], ['manifest', 'ruleset', 'version'],
  ['manifest', 'profiles'], ['manifest', 'profiles'], ['manifest', 'profiles', 0], ['manifest', 'target'], ['manifest', 'target'],
  ['manifest', 'capture'], ['manifest', 'capture', 'time'], ['manifest', 'redactions'], ['manifest', 'redactions', '*'],
  ['digests'], ['digests', '*'], ['digests', '*'], ['signatures'], ['signatures', '*'], ['signatures', 0, 'publicKey'],
  ['signatures', 0, 'publicKey', 'x'], ['signatures', 0, 'publicKey', 'crv'], ['signatures', 0, 'signature'], ['signatures', 0, 'kid'], ['signatures', 0, 'alg'],
  ['report'], ['declarations'], ['declarations'], ['declarations', 'declarations'], ['declarations', 'organization'],
  ['evidence'], ['evidence', 'log'], ['evidence', 'log', 'entries'], ['evidence', 'log', 'entries', '*'], ['evidence', 'log', 'entries', '*', '*', '*'],
  ['evidence', 'log', 'entries', '*', 'response', 'headers', '*', 'value'], ['evidence', 'log', 'entries', '*', 'response', 'content', 'text'],
  ['evidence', 'log', 'entries', '*', 'request', 'url'], ['evidence', 'log', '_portalCheck'],
  ['ruleset'], ['ruleset', 'ruleset'], ['ruleset', 'ruleset', 'rules'], ['ruleset', 'ruleset', 'rules', '*'], ['ruleset', 'ruleset', 'version'],
  ['ruleset', 'rules', '*'], ['ruleset', 'rules', '*', 'outcomes'], ['ruleset', 'rules', '*', 'outcomes', '*'], ['ruleset', 'rules', '*', 'outcomes', '*', '*'],
  ['ruleset', 'data', '*'], ['ruleset', 'data', '*', '*'], ['ruleset', 'profiles'], ['ruleset', 'profiles', '*'], ['ruleset', 'profiles', '*', 'criteria'],
  ['ruleset', 'profiles', '*', 'criteria', '*'], ['ruleset', 'profiles', '*', 'criteria', '*', '*'], ['ruleset', 'declarations'], ['ruleset', 'declarations', 'declarations', '*'],
  ['ruleset', 'profiles', '*', 'criteria', '*', 'sources', '*'], ['ruleset', 'profiles', '*', 'criteria', '*', 'sources', '*', '*'],
  ['ruleset', 'profiles', '*', 'criteria', '*', 'covers', '*'], ['ruleset', 'documents'], ['ruleset', 'documents', 'documents', '*'],
  ['ruleset', 'documents', 'documents', '*', '*'],
];
const PLACEHOLDER = '\u0000fuzz-placeholder\u0000';

function isContainer(v) { return v !== null && typeof v === 'object'; }

// Resolves a TARGETS path on `root` → {parent, key} of an existing or new slot, or null.
function resolve(rng, root, spec) {
  let parent = null;
  let key = null;
  let node = root;
  for (const step of spec) {
    if (!isContainer(node)) return parent ? { parent, key } : null;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    let k = step;
    if (step === '*') { if (keys.length === 0) return parent ? { parent, key } : null; k = rng.pick(keys); }
    parent = node;
    key = k;
    node = node[k];
  }
  return parent ? { parent, key } : null;
}

function randomText(rng, n) {
  const alphabet = ['a', 'Z', '0', '-', '_', '/', ':', '.', '"', '\\', ' ', '\n', '\u00e9', '\u1ec7', '\u{1F600}', '\u0000', '<', '>', '%', '*', '(', ')', '=', ';', ','];
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(alphabet);
  return s;
}

// One replacement value (or a raw-text splice for deep nesting and bare numbers).
function replacement(rng, old) {
  const choice = rng.int(20);
  switch (choice) {
    case 0: return { value: null };
    case 1: return { value: rng.chance(0.5) };
    case 2: return { raw: rng.pick(['0', '-0', '1e308', '-1e308', '1e400', '5e-324', '9007199254740993', '1.5', '-1', '123456789012345678901234567890', '1E+2']) };
    case 3: return { value: '' };
    case 4: return { value: randomText(rng, 1 + rng.int(64)) };
    case 5: return { raw: rng.pick(['"\\ud800"', '"\\udfff x"', '"\\u0000"', '"\\ud83d\\ude00"', '"\\uffff"']) };
    case 6: { const n = 1 << (10 + rng.int(13)); return { value: 'A'.repeat(n) }; }  // 1 KiB … 4 MiB
    case 7: { const n = 1 << (4 + rng.int(15)); return { raw: `[${Array(n).fill(rng.pick(['0', '""', '{}', 'null', '"tnm-website-basic"'])).join(',')}]` }; }
    case 8: { const d = rng.pick([64, 65, 100, 1000, 10000, 100000]); const [o, c] = rng.pick([['[', ']'], ['{"a":', '}']]); return { raw: o.repeat(d) + '1' + c.repeat(d) }; }
    case 9: return { value: [] };
    case 10: return { value: {} };
    case 11: return { delete: true };
    case 12: return { value: Array.isArray(old) ? [...old, ...old] : typeof old === 'string' ? old + old : old };  // duplicated
    case 13: return { value: typeof old === 'string' && old.length > 0 ? old.slice(0, rng.int(old.length)) : old };  // shortened
    case 14: return { value: rng.pick(['tnm-website-basic', 'level-2', 'level-3', 'observatory', 'no-such-profile', '__proto__', 'constructor', 'https://www.tinhdemo.gov.vn/', 'http://[::1]:0/', 'javascript:alert(1)', '0'.repeat(64), 'f'.repeat(64)]) };
    case 15: return { value: Array.isArray(old) ? old.slice().reverse() : isContainer(old) ? Object.fromEntries(Object.entries(old).reverse()) : old };
    case 16: return { value: isContainer(old) ? { ...old, [rng.pick(['extra', '__proto__', 'constructor', '', 'value'])]: rng.pick([1, 'x', null, {}, []]) } : [old] };
    case 17: return { value: typeof old === 'number' ? old + rng.pick([1, -1, 0.5, 1e21]) : typeof old === 'string' ? `${old}\u0000` : 0 };
    case 18: return { value: { value: true, note: randomText(rng, rng.int(3000)) } };
    default: return { value: isContainer(old) ? JSON.parse(JSON.stringify(old)) : `${old}`.toUpperCase() };
  }
}

async function redigest(bundle, signer) {
  const { sectionDigest } = await import('../web/host/bundle/digest.mjs');
  const { signBundle } = await import('../web/host/bundle/signature.mjs');
  const { SECTIONS } = await import('../web/host/bundle/format.mjs');
  if (!isContainer(bundle) || Array.isArray(bundle)) return false;
  const digests = {};
  for (const s of SECTIONS) digests[s] = await sectionDigest(bundle[s] === undefined ? null : bundle[s]);
  bundle.digests = digests;
  if (isContainer(bundle.manifest) && isContainer(bundle.manifest.ruleset)) bundle.manifest.ruleset.sha256 = digests.ruleset;
  let resigned = false;
  if (signer && Array.isArray(bundle.signatures) && bundle.signatures.length > 0) {
    bundle.signatures = [await signBundle(bundle, signer)];
    resigned = true;
  }
  return resigned;
}

// → {text, description, redigested, resigned}
async function mutate(rng, seed, signer) {
  const bytes = Buffer.from(seed.text, 'utf8');
  const kind = rng.int(10);
  if (kind === 0) {  // byte flips
    const b = Buffer.from(bytes);
    const n = 1 + rng.int(8);
    const at = [];
    for (let i = 0; i < n; i++) { const p = rng.int(b.length); b[p] ^= 1 << rng.int(8); at.push(p); }
    return { text: b.toString('utf8'), description: `flip bits at ${at.join(',')}` };
  }
  if (kind === 1) {  // truncation
    const p = rng.chance(0.5) ? rng.int(bytes.length) : bytes.length - 1 - rng.int(64);
    return { text: bytes.subarray(0, Math.max(0, p)).toString('utf8'), description: `truncate at ${p}` };
  }
  if (kind === 2) {  // delete / duplicate / insert a byte range
    const a = rng.int(bytes.length);
    const len = 1 + rng.int(rng.chance(0.8) ? 64 : 65536);
    const op = rng.int(3);
    const cut = bytes.subarray(a, a + len);
    const parts = op === 0 ? [bytes.subarray(0, a), bytes.subarray(a + len)]
      : op === 1 ? [bytes.subarray(0, a), cut, cut, bytes.subarray(a + len)]
        : [bytes.subarray(0, a), Buffer.from(randomText(rng, 1 + rng.int(32))), bytes.subarray(a)];
    return { text: Buffer.concat(parts).toString('utf8'), description: `${['delete', 'duplicate', 'insert at'][op]} ${a}+${len}` };
  }
  // JSON-aware: one or more members changed on a parsed copy.
  const bundle = JSON.parse(seed.text);
  const steps = [];
  let raws = [];
  const count = 1 + (rng.chance(0.3) ? rng.int(3) : 0);
  for (let i = 0; i < count; i++) {
    const spec = rng.pick(TARGETS);
    const slot = resolve(rng, bundle, spec);
    if (!slot) continue;
    const r = replacement(rng, slot.parent[slot.key]);
    const where = `${spec.join('.')}→${String(slot.key).slice(0, 40)}`;
    if (r.delete) {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key, 1); else delete slot.parent[slot.key];
      steps.push(`delete ${where}`);
    } else if (r.raw !== undefined) {
      slot.parent[slot.key] = `${PLACEHOLDER}${raws.length}`;
      raws.push(r.raw);
      steps.push(`raw ${where} = ${r.raw.slice(0, 40)}${r.raw.length > 40 ? `… (${r.raw.length} chars)` : ''}`);
    } else {
      slot.parent[slot.key] = r.value;
      const shown = JSON.stringify(r.value) ?? 'undefined';
      steps.push(`set ${where} = ${shown.slice(0, 40)}${shown.length > 40 ? `… (${shown.length} chars)` : ''}`);
    }
  }
  let redigested = false;
  let resigned = false;
  if (raws.length === 0 && rng.chance(0.5)) {
    resigned = await redigest(bundle, rng.chance(0.8) ? signer : null);
    redigested = true;
    steps.push(resigned ? 're-digested and re-signed' : 're-digested');
  }
  let text = rng.chance(0.5) ? `${JSON.stringify(bundle, null, 1)}\n` : JSON.stringify(bundle);
  raws.forEach((raw, i) => { text = text.replace(JSON.stringify(`${PLACEHOLDER}${i}`), () => raw); });
  if (rng.chance(0.05)) {  // a duplicate top-level member (JSON.parse keeps the last one)
    text = text.replace(/^\{/, () => `{"digests": ${JSON.stringify(bundle.digests ?? {})}, `);
    steps.push('duplicate "digests" member first');
  }
  return { text, description: steps.join('; '), redigested, resigned };
}

// Canonical JSON of the digested part of a bundle text (no signatures), or null when it does not parse.
async function digestedContent(text) {
  const { canonicalJson } = await import('../web/host/bundle/canonical-json.mjs');
  try {
    const b = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!isContainer(b)) return null;
    const { signatures, ...rest } = b;
    return canonicalJson(rest);
  } catch {
    return null;
  }
}

function judge(outcome, input, seed, sameContent) {
  if (outcome.kind) return { kind: outcome.kind, detail: outcome.detail };
  const r = outcome.result;
  if (r.problems && r.problems.length) return { kind: 'shape', detail: r.problems.join('; ') };
  const internal = r.errors.find((e) => e.startsWith('internal: '));
  if (internal) return { kind: 'internal', detail: internal };
  // EngineError messages start "<code>: "; any other exception in replay is a trap of the engine.
  if (r.replayRan && /could not replay the evidence \((?![a-z-]+: )/.test(r.replayNote)) return { kind: 'trap', detail: r.replayNote };
  if (r.ok) {
    if (!sameContent && !input.redigested) return { kind: 'forgery', detail: 'verified although the digested content changed' };
    if (input.trusted && r.matchesTrusted !== true) return { kind: 'forgery', detail: 'verified with a trusted key that did not sign' };
  }
  return null;
}

function errorClass(e) {
  // The stable part of an error: its section/step and first words, without numbers and quotes.
  return e.replace(/"[^"]*"|'[^']*'|\([^)]*\)|\d+/g, '').split(/\s+/).slice(0, 8).join(' ');
}

async function saveFailure(dir, failure, input) {
  fs.mkdirSync(dir, { recursive: true });
  const sha = crypto.createHash('sha1').update(input.text).digest('hex');
  const base = path.join(dir, `${failure.kind}-${sha}`);
  fs.writeFileSync(`${base}.json`, input.text);
  fs.writeFileSync(`${base}.meta.json`, `${JSON.stringify({
    kind: failure.kind, detail: String(failure.detail).slice(0, 4000), seedFile: input.seedFile, mutation: input.description,
    trustedKey: input.trusted ? 'tests/golden/test-signing-key.jwk (public part)' : null, redigested: !!input.redigested, resigned: !!input.resigned,
  }, null, 1)}\n`);
  return base;
}

async function loadSeeds() {
  const { importPrivateJwk } = await import('../web/host/bundle/keys.mjs');
  const signer = await importPrivateJwk(JSON.parse(fs.readFileSync(path.join(GOLDEN, 'test-signing-key.jwk'), 'utf8')));
  const seeds = fs.readdirSync(GOLDEN).filter((f) => /^demo-.*\.json$/.test(f)).sort()
    .map((f) => ({ file: `tests/golden/${f}`, text: fs.readFileSync(path.join(GOLDEN, f), 'utf8') }));
  for (const s of seeds) s.content = await digestedContent(s.text);
  return { seeds, signer };
}

async function replayDir(o) {
  const { signer } = await loadSeeds();
  const verifier = new Verifier(o.timeout);
  const files = fs.existsSync(o.replay) ? fs.readdirSync(o.replay).filter((f) => /\.json(\.gz)?$/.test(f) && !f.endsWith('.meta.json')).sort() : [];
  let failed = 0;
  for (const f of files) {
    const raw = fs.readFileSync(path.join(o.replay, f));
    const text = (f.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
    const metaFile = path.join(o.replay, f.replace(/\.json(\.gz)?$/, '.meta.json'));
    const meta = fs.existsSync(metaFile) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')) : {};
    const input = { text, trusted: meta.trustedKey ? signer.publicJwk : null, redigested: meta.redigested, resigned: meta.resigned };
    const seedContent = meta.seedFile ? await digestedContent(fs.readFileSync(path.join(ROOT, meta.seedFile), 'utf8')) : null;
    const failure = judge(await verifier.verify(text, input.trusted), input, null, seedContent !== null && seedContent === await digestedContent(text));
    console.log(`${failure ? 'FAIL' : 'ok  '} ${f}${failure ? ` ${failure.kind}: ${String(failure.detail).slice(0, 300)}` : ''}`);
    if (failure) failed++;
  }
  verifier.stop();
  console.log(`${files.length} inputs replayed, ${failed} failing`);
  return failed ? 1 : 0;
}

async function parent(argv) {
  let o;
  try { o = parseArgs(argv); } catch (e) { return usage(e.message); }
  if (o.replay) return replayDir(o);
  const { seeds, signer } = await loadSeeds();
  if (seeds.length === 0) return usage('no golden bundles in tests/golden');
  const seedValue = o.seed ?? (Date.now() >>> 0);
  const rng = prng(seedValue);
  const verifier = new Verifier(o.timeout);
  try { await verifier.start(); } catch (e) { process.stderr.write(`${e.message}\n`); return 2; }
  console.log(`INFO: seed ${seedValue}; ${seeds.length} golden bundles; per-input timeout ${o.timeout} ms; failures go to ${o.out}`);
  const started = Date.now();
  const deadline = started + o.seconds * 1000;
  const verdicts = new Set();
  const stats = { execs: 0, failures: 0, replays: 0, verified: 0, redigested: 0 };
  let lastReport = started;
  while (Date.now() < deadline) {
    const seed = rng.pick(seeds);
    let input;
    try {
      input = await mutate(rng, seed, signer);
    } catch (e) {
      console.log(`WARNING: the mutator failed (${e.message}); skipped`);
      continue;
    }
    input.seedFile = seed.file;
    input.trusted = rng.chance(0.4) ? signer.publicJwk : null;
    const sameContent = (await digestedContent(input.text)) === seed.content;
    const outcome = await verifier.verify(input.text, input.trusted);
    stats.execs++;
    if (input.redigested) stats.redigested++;
    const failure = judge(outcome, input, seed, sameContent);
    if (outcome.result) {
      if (outcome.result.replayRan) stats.replays++;
      if (outcome.result.ok) stats.verified++;
      for (const e of outcome.result.errors) {
        const c = errorClass(e);
        if (!verdicts.has(c)) { verdicts.add(c); console.log(`#${stats.execs}\tNEW verdict ${verdicts.size}: ${e.slice(0, 160)}`); }
      }
    }
    if (failure) {
      stats.failures++;
      const base = await saveFailure(o.out, failure, input);
      console.log(`==FAILURE== ${failure.kind}: ${String(failure.detail).slice(0, 500)}\n  mutation: ${input.description.slice(0, 300)}\n  saved: ${base}.json`);
    }
    if (Date.now() - lastReport > 10000) {
      lastReport = Date.now();
      const secs = (Date.now() - started) / 1000;
      console.log(`#${stats.execs}\tpulse verdicts: ${verdicts.size} replays: ${stats.replays} verified: ${stats.verified} failures: ${stats.failures} exec/s: ${(stats.execs / secs).toFixed(1)}`);
    }
  }
  verifier.stop();
  const secs = (Date.now() - started) / 1000;
  console.log(`#${stats.execs}\tDONE verdicts: ${verdicts.size} replays: ${stats.replays} verified: ${stats.verified} re-digested: ${stats.redigested} failures: ${stats.failures} exec/s: ${(stats.execs / secs).toFixed(1)}`);
  console.log(`stat::number_of_executed_units: ${stats.execs}`);
  console.log(`stat::average_exec_per_sec: ${Math.round(stats.execs / secs)}`);
  return stats.failures ? 1 : 0;
}

// Entry point (at the end: the classes and constants above must be initialized first).
if (process.argv[2] === '--child') {
  await child();
} else {
  process.exitCode = await parent(process.argv.slice(2));
}
