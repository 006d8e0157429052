#!/usr/bin/env node
// portal-check command line: audit a HAR, capture a site, or both (scan); make, verify and
// re-audit evidence bundles (keygen, bundle, verify, audit --rules current). See args.mjs USAGE.
//
// main(argv) → exit code: 0 no failing result at or above --fail-on; 1 some; 2 usage or input
// error (one line on stderr: "portal-check: <reason>"). Reports go to --out or stdout.
// verify: 0 verified (signed by a trusted key), 3 intact but not verified (unsigned, unknown key,
// accepted modified ruleset), 1 verification failed (each step printed on stdout), 2 usage or input
// error. audit --rules current verifies first: a failed bundle is an input error (2).
// keygen and bundle: 0 when written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, UsageError, USAGE } from './args.mjs';
import { openHarFile, InputError } from './har-input.mjs';
import { renderText, SEVERITY_ORDER } from './text-report.mjs';
import { plain } from './plain-text.mjs';
import { loadNodeEngine } from './engine-files.mjs';
import { auditHar } from '../host/engine.mjs';
import { splitReport } from '../host/report-parts.mjs';
import { captureToFile } from '../host/capture.mjs';
import { PORTAL_CHECK_VERSION } from '../host/version.mjs';
import { verifyBundle, parseBundle, reauditBundle } from '../host/bundle/index.mjs';
import { keygen, readPublicJwk, readKeyring } from './key-files.mjs';
import { writeBundle } from './bundle-make.mjs';
import { renderVerification, verifyExitCode } from './bundle-verify.mjs';
import { renderDiffText, diffJson, refusalOf } from './bundle-audit.mjs';

// Exit 1 when some result fails with a severity at or above failOn ("none": never).
export function exitCodeFor(report, failOn) {
  if (failOn === 'none') return 0;
  const limit = SEVERITY_ORDER.indexOf(failOn);
  const failing = (report.checks || []).some((c) => {
    const rank = SEVERITY_ORDER.indexOf(c.severity);
    return c.pass === false && rank >= 0 && rank <= limit;
  });
  return failing ? 1 : 0;
}

function write(file, text) {
  if (!file) { process.stdout.write(text); return; }
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new InputError(`${plain(file)}: cannot write (${plain(e.code || e.message)})`);
  }
}

// Reads the --declarations file (JSON; the engine validates its schema). → the parsed value, or
// undefined without the option. Throws InputError (one line) when unreadable or not JSON.
function readDeclarations(file) {
  if (file === undefined) return undefined;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${plain(file)}: cannot read the declarations file (${plain(e.code || e.message)})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${plain(file)}: the declarations file is not JSON (${plain(e.message)})`);
  }
}

// Audits harInput (the HAR as text, bytes or a stream of byte chunks, passed to the engine
// unchanged) and writes the report in options.format; `name` prefixes input errors.
// `declarations`: the parsed --declarations file (or undefined); engine errors about it name
// options.declarations instead of the HAR.
// → the exit code for options['fail-on'].
async function engineForCli() {
  try {
    return await loadNodeEngine();
  } catch (e) {
    throw new InputError(e.code === 'engine-missing' ? e.message : `cannot load the wasm engine (${plain(e.message)})`);
  }
}

// An engine error as a one-line InputError: about the declarations file when the engine says so,
// else about `name` (the evidence), else an engine error.
function engineFailure(e, name, declarationsFile) {
  if (e.code === 'invalid-argument' && /^declarations: /.test(e.message)) {
    return new InputError(`${plain(declarationsFile)}: ${plain(e.message.slice('declarations: '.length))}`);
  }
  if (e.code === 'invalid-argument' || e.code === 'resource-exhausted') return new InputError(`${plain(name)}: ${plain(e.message)}`);
  return new InputError(`engine error${e.code ? ` [${plain(e.code)}]` : ''}: ${plain(e.message)}`);
}

// The exit code for failOn from the report's bytes, read a part of its checks at a time
// (report-parts.mjs): the report is never whole as text or objects, whatever its size.
function exitCodeOfBytes(reportBytes, failOn) {
  if (failOn === 'none') return 0;
  let code = 0;
  splitReport(reportBytes, 1 << 20, (json) => {
    if (code === 0) code = exitCodeFor({ checks: JSON.parse(json) }, failOn);
  });
  return code;
}

async function audit(harInput, options, name, declarations) {
  const engine = await engineForCli();
  // Without --target the engine uses log._portalCheck.target, else the first entry's URL.
  try {
    // As bytes: a report too long for one JavaScript string (about 40,000 pages and more) is still
    // written out whole, and its exit code read; only the text format needs it as text and parsed.
    const result = await auditHar(engine, harInput, {
      target: options.target, profiles: options.profile, declarations, output: 'bytes', sarif: options.format === 'sarif',
    });
    if (options.format === 'text') {
      // Parsed before anything is written: nothing is written when it cannot be.
      const report = result.report;
      write(options.out, renderText(report, engine.ruleset(), { lang: options.lang, limit: options.limit, server: options.server }));
      return exitCodeFor(report, options['fail-on']);
    }
    const code = exitCodeOfBytes(result.reportBytes, options['fail-on']);
    write(options.out, options.format === 'sarif' ? result.sarifBytes : result.reportBytes);
    return code;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw engineFailure(e, name, options.declarations);
  }
}

function readText(file, what) {
  try {
    if (!fs.statSync(file).isFile()) throw new InputError(`${plain(file)}: not a regular file`);
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${plain(file)}: cannot read the ${what} (${plain(e.code || e.message)})`);
  }
}

// Writes the evidence bundle of harText to options.out (bundle, scan --bundle).
async function bundleCommand(harText, options, name, declarations, method) {
  const engine = await engineForCli();
  try {
    return await writeBundle({
      engine, harText, out: options.out ?? options.bundle, key: options.key, target: options.target,
      profiles: options.profile, declarations, method,
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e.name === 'EngineError') throw engineFailure(e, name, options.declarations);
    throw new InputError(`${plain(name)}: ${plain(e.message)}`);
  }
}

// Verifies the bundle file with the trust options (--keyring, --pubkey, --accept-modified-ruleset).
// → {engine, bundleText, verification (verifyBundle's result)}.
async function verifyFile(file, options) {
  const bundleText = readText(file, 'bundle');
  const trustedKeys = options.keyring === undefined ? [] : await readKeyring(options.keyring);
  const trustedPublicJwk = options.pubkey === undefined ? undefined : await readPublicJwk(options.pubkey);
  const engine = await engineForCli();
  const verification = await verifyBundle({ engine, bundleText, trustedKeys, trustedPublicJwk, acceptModifiedRuleset: options['accept-modified-ruleset'] === true });
  return { engine, bundleText, verification };
}

async function verifyCommand(file, options) {
  const { verification } = await verifyFile(file, options);
  process.stdout.write(renderVerification(verification, { lang: options.lang }));
  return verifyExitCode(verification);
}

async function auditBundleCommand(file, options) {
  const { engine, bundleText, verification } = await verifyFile(file, options);
  const refusal = refusalOf(verification);
  if (refusal) throw new InputError(`${plain(file)}: ${plain(refusal)}`);
  const parsed = parseBundle(bundleText);
  let result;
  try {
    result = await reauditBundle(engine, parsed.bundle);
  } catch (e) {
    throw engineFailure(e, file, file);
  }
  const view = { bundle: parsed.bundle, engine, diff: result.diff, verification, lang: options.lang };
  write(options.out, options.format === 'json' ? diffJson(view) : renderDiffText(view));
  return exitCodeFor(result.report, options['fail-on']);
}

// Captures `url` into `file` (streamed, entry by entry); a capture that stopped at its budget
// says so on stderr (the HAR says it too, in log._portalCheck.stopped). → the capture summary.
async function captureSite(url, file, options) {
  let summary;
  try {
    summary = await captureToFile(url, file, {
      pages: options.pages, probe: options.probe, timeoutMs: options.timeout * 1000,
      allowPrivate: options['allow-private'], ignoreRobots: options['ignore-robots'],
    });
  } catch (e) {
    if (e.code === 'invalid-argument') throw new UsageError(plain(e.message));
    if (e.code && e.syscall) throw new InputError(`${plain(file)}: cannot write (${plain(e.code)})`);
    throw e;
  }
  if (summary.stopped) {
    process.stderr.write(`portal-check: notice: the capture stopped early: ${plain(summary.stopped.message)}; ` +
      'the HAR is valid and holds what was captured until then\n');
  }
  return summary;
}

// A private temporary directory for a HAR that is not kept (or goes to stdout); removed by `done`.
function scratchHar() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-check-'));
  return { file: path.join(dir, 'capture.har'), done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function captureCommand(input, options) {
  if (options.out !== undefined) {
    await captureSite(input, options.out, options);
    return 0;
  }
  const scratch = scratchHar();
  try {
    await captureSite(input, scratch.file, options);
    for await (const chunk of openHarFile(scratch.file)) {
      if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
    }
  } finally {
    scratch.done();
  }
  return 0;
}

async function scanCommand(input, options, declarations) {
  const scratch = options['har-out'] === undefined ? scratchHar() : null;
  const file = scratch ? scratch.file : options['har-out'];
  try {
    const summary = await captureSite(input, file, options);
    // Nothing answered at all: an input error for the user, not a report of "not applicable"s.
    if (!summary.answered) {
      throw new InputError(`${plain(input)}: the site did not answer on http or https (${plain(summary.firstError ?? 'no response')})`);
    }
    if (options.bundle !== undefined) {
      await bundleCommand(readText(file, 'HAR file'), { ...options, out: options.bundle }, input, declarations, 'portal-check capture (live)');
    }
    return await audit(openHarFile(file), options, input, declarations);
  } finally {
    scratch?.done();
  }
}

export async function main(argv) {
  const { command, input, options } = parseArgs(argv);
  if (command === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
  if (command === 'version') { process.stdout.write(`portal-check ${PORTAL_CHECK_VERSION}\n`); return 0; }
  if (command === 'keygen') {
    const k = await keygen(options.out);
    process.stdout.write(`private key: ${plain(k.privateFile)} (mode 0600; keep it secret, never share it)\n` +
      `public key:  ${plain(k.publicFile)} (register this one)\nfingerprint: ${k.fingerprint}\n`);
    return 0;
  }
  if (command === 'verify') return verifyCommand(input, options);
  if (command === 'audit' && options.rules === 'current') return auditBundleCommand(input, options);
  // Read before any capture, so a bad file fails fast.
  const declarations = readDeclarations(options.declarations);
  if (command === 'audit') {
    return audit(openHarFile(input), options, input, declarations);
  }
  if (command === 'bundle') {
    const made = await bundleCommand(readText(input, 'HAR file'), options, input, declarations, 'har-file');
    process.stdout.write(`bundle: ${plain(options.out)} (${made.fingerprint ? `signed by ${made.fingerprint}` : 'unsigned'}; ` +
      `${made.bundle.manifest.redactions.length} value(s) redacted)\n`);
    return 0;
  }
  if (command === 'capture') return captureCommand(input, options);
  return scanCommand(input, options, declarations);
}

// A closed pipe (e.g. `| head`) ends the output quietly instead of crashing with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => {
    const known = e instanceof UsageError || e instanceof InputError;
    const reason = known ? e.message : `internal error: ${e && e.message ? e.message : e}`;
    process.stderr.write(`portal-check: ${plain(reason)}\n`);
    process.exitCode = 2;
  },
);
