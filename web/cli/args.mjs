// Command-line parsing for portal-check. Pure: argv in, a plan out.
//
// parseArgs(argv: string[]) → {command: "help" | "version" | "audit" | "capture" | "scan" |
//   "keygen" | "bundle" | "verify", input (file or URL; null for keygen), options}; throws
//   UsageError (one-line message) for anything invalid.
// Options accept "--name value" and "--name=value".

import { SERVERS } from '../host/server-snippets.mjs';

export class UsageError extends Error {}

const SEVERITIES = ['high', 'medium', 'low', 'none'];
const FORMATS = ['text', 'json', 'sarif'];
const COMMANDS = ['audit', 'capture', 'scan', 'keygen', 'bundle', 'verify'];
const LANGS = ['vi', 'en'];
export const PROFILES = ['tnm-website-basic', 'decree-137-trust', 'level-2', 'level-3', 'observatory'];

// name → [kind, commands]; kind: "flag" | "string" | list of allowed values | "int:min:max" |
// "profiles" (repeatable, each a comma list of PROFILES; collected in order, without duplicates).
const OPTIONS = {
  format: [FORMATS, ['audit', 'scan']],
  out: ['string', ['audit', 'capture', 'scan', 'keygen', 'bundle']],
  'fail-on': [SEVERITIES, ['audit', 'scan']],
  target: ['string', ['audit', 'bundle']],
  lang: [LANGS, ['audit', 'scan', 'verify']],
  limit: ['int:0:100000', ['audit', 'scan']],
  server: [[...SERVERS], ['audit', 'scan']],
  pages: ['int:1:1000', ['capture', 'scan']],
  'har-out': ['string', ['scan']],
  insecure: ['flag', ['capture', 'scan']],
  probe: ['flag', ['capture', 'scan']],
  'allow-private': ['flag', ['capture', 'scan']],
  'ignore-robots': ['flag', ['capture', 'scan']],
  timeout: ['int:1:600', ['capture', 'scan']],
  profile: ['profiles', ['audit', 'scan', 'bundle']],
  declarations: ['string', ['audit', 'scan', 'bundle']],
  // Evidence bundles (docs/bundle.md).
  key: ['string', ['bundle', 'scan']],
  pubkey: ['string', ['verify', 'audit']],
  keyring: ['string', ['verify', 'audit']],
  'accept-modified-ruleset': ['flag', ['verify', 'audit']],
  rules: [['current'], ['audit']],
  bundle: ['string', ['scan']],
};

// lang: "vi" for reports; "en" for verify and audit --rules (set in parseArgs when not given).
const DEFAULTS = { format: 'text', 'fail-on': 'high', limit: 0, pages: 10, timeout: 15, insecure: false, probe: false,
  'allow-private': false, 'ignore-robots': false };

export const USAGE = `Usage:
  portal-check audit FILE.har [--format text|json|sarif] [--out FILE] [--fail-on high|medium|low|none]
                              [--target URL] [--lang vi|en] [--limit N]
                              [--server ${SERVERS.join('|')}]
                              [--profile ID[,ID...]] [--declarations FILE.json]
  portal-check capture URL    [--pages N] [--out FILE.har] [--probe] [--timeout SECONDS]
                              [--allow-private] [--ignore-robots]
  portal-check scan URL       [--pages N] [--format text|json|sarif] [--out FILE] [--har-out FILE.har]
                              [--fail-on high|medium|low|none] [--lang vi|en] [--limit N] [--probe]
                              [--server ${SERVERS.join('|')}] [--allow-private] [--ignore-robots]
                              [--profile ID[,ID...]] [--declarations FILE.json]
  portal-check keygen --out KEY.jwk
  portal-check bundle FILE.har --out BUNDLE.json [--key KEY.jwk] [--target URL]
                              [--profile ID[,ID...]] [--declarations FILE.json]
  portal-check scan URL --bundle BUNDLE.json [--key KEY.jwk] [scan options]
  portal-check verify BUNDLE.json [--keyring KEYRING.json] [--pubkey KEY.pub.jwk]
                              [--accept-modified-ruleset] [--lang en|vi]
  portal-check audit BUNDLE.json --rules current [--format text|json] [--fail-on ...] [--out FILE]
                              [--keyring KEYRING.json] [--pubkey KEY.pub.jwk] [--accept-modified-ruleset]
  portal-check --help | --version

  audit    audits a HAR 1.2 file (from this tool, a browser's DevTools, Playwright, ZAP, ...)
  capture  visits a site (http:// and https:// forms of URL, up to --pages pages, GET only) and
           writes what it saw as HAR; certificate trust is recorded, never fatal (--insecure is
           accepted for compatibility and changes nothing)
  scan     capture + audit (--bundle also writes an evidence bundle of the capture)
  keygen   creates an ECDSA P-256 signing key: KEY.jwk (private, mode 0600; never share it) and
           KEY.pub.jwk (public, to register); prints the public key's fingerprint
  bundle   redacts the HAR, audits the redacted evidence and writes an evidence bundle (manifest,
           evidence, ruleset, declarations, report, SHA-256 digests; signed with --key)
  verify   checks a bundle, in order: I-JSON (no member named twice, no lone surrogate), structure,
           each section's digest, the signature against the trusted keys (--keyring, a
           portal-check-keyring file, and/or --pubkey), that the embedded ruleset is a released
           ruleset of the engine version the manifest names (else "modified ruleset": fails unless
           --accept-modified-ruleset, and then is never "verified"), then replays the audit and
           requires a byte-identical report; exit 0 verified (signed by a trusted key), 3 intact
           but not verified (unsigned, unknown key, or accepted modified ruleset), 1 failed (the
           failing step is named); messages in English unless --lang vi
  audit BUNDLE --rules current
           verifies the bundle first (same options as verify) and refuses one that fails; then
           re-audits its evidence with this version's rules and prints the verification state and
           the new, resolved and changed findings (exit status from --fail-on on the new report)
  --probe  also requests well-known exposed-file paths (.git, .env, backups…; only with the owner's
           consent); admin login paths are always requested (public URLs, one GET each)
           capture keeps to the site (the URL's origin and where its redirects end; other redirects
           are recorded, not followed), honours robots.txt for its crawl, and stops cleanly with a
           notice at its budget (3000 requests, 256 MiB of HAR); see README "Live capture"
  --allow-private  also connect to loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
           link-local (169.254/16, fe80::/10) and CGNAT (100.64/10) addresses; without it only
           public ones and the start URL's own kind are used (a site on 127.0.0.1 works as is)
  --ignore-robots  crawl the pages robots.txt disallows too (recorded in the HAR)
  --limit  text format: show at most N failing checks (0 = all)
  --server text format: under each fix and failing check, the configuration snippet to paste for
           that server (nginx, Apache 2.4, IIS web.config, Tomcat/Liferay), where one exists
           (header, cookie and transport checks; docs/fixes.md)
  --profile       criteria to evaluate, repeatable or comma-separated: ${PROFILES.join(', ')};
                  the report gains a "profiles" section (met / not-met / not-assessed /
                  needs-declaration / not-applicable per criterion, with its cited sources);
                  the exit status does not depend on it
  --declarations  the self-declared items, as rules/schema/declarations.schema.json describes;
                  without it those criteria say needs-declaration (needs --profile)

Exit status: 0 no failing result at or above --fail-on (default high); 1 some; 2 usage or input error.
verify: 0 verified; 3 intact, not verified; 1 verification failed; 2 usage or input error.`;

function profiles(raw, current) {
  const out = [...current];
  for (const id of raw.split(',').map((x) => x.trim())) {
    if (!PROFILES.includes(id)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')} (got "${id}")`);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function value(name, kind, raw) {
  if (kind === 'string') {
    if (raw === '') throw new UsageError(`--${name} needs a value`);
    return raw;
  }
  if (Array.isArray(kind)) {
    if (!kind.includes(raw)) throw new UsageError(`--${name} must be one of ${kind.join(', ')} (got "${raw}")`);
    return raw;
  }
  const [, min, max] = kind.split(':').map(Number);
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

export function parseArgs(argv) {
  if (argv.length === 0) throw new UsageError('no command given (try --help)');
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv[0] === '--version') return { command: 'version' };
  const command = argv[0];
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}" (try --help)`);
  const options = { ...DEFAULTS, profile: [] };
  const positional = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--') || arg === '-') { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option --${name} (try --help)`);
    const [kind, commands] = spec;
    if (!commands.includes(command)) throw new UsageError(`--${name} does not apply to ${command}`);
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    let raw;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (i + 1 < argv.length) raw = argv[++i];
    else throw new UsageError(`--${name} needs a value`);
    options[name] = kind === 'profiles' ? profiles(raw, options.profile) : value(name, kind, raw);
  }
  if (options.declarations !== undefined && options.profile.length === 0) throw new UsageError('--declarations needs --profile');
  if (options.server !== undefined && (options.format !== 'text' || options.rules !== undefined)) {
    throw new UsageError('--server applies to the text report only (--format text, not --rules)');
  }
  checkBundleOptions(command, options);
  options.lang ??= command === 'verify' || options.rules !== undefined ? 'en' : 'vi';
  if (command === 'keygen') {
    if (positional.length > 0) throw new UsageError('keygen takes no argument (use --out KEY.jwk)');
    return { command, input: null, options };
  }
  const what = { audit: options.rules ? 'bundle file' : 'HAR file', bundle: 'HAR file', verify: 'bundle file' }[command] ?? 'URL';
  if (positional.length === 0) throw new UsageError(`${command} needs a ${what}`);
  if (positional.length > 1) throw new UsageError(`${command} takes one ${what}, got ${positional.length} arguments`);
  return { command, input: positional[0], options };
}

// The combinations the bundle options allow (each message one line).
function checkBundleOptions(command, options) {
  if ((command === 'keygen' || command === 'bundle') && options.out === undefined) throw new UsageError(`${command} needs --out FILE`);
  if (command === 'scan' && options.key !== undefined && options.bundle === undefined) throw new UsageError('--key needs --bundle');
  if (command === 'audit' && options.rules !== undefined) {
    if (options.format === 'sarif') throw new UsageError('--rules current prints a diff: --format must be text or json');
    for (const name of ['target', 'declarations']) {
      if (options[name] !== undefined) throw new UsageError(`--${name} does not apply to --rules (the bundle's own is used)`);
    }
    if (options.profile.length > 0) throw new UsageError("--profile does not apply to --rules (the bundle's own is used)");
  }
  if (command === 'audit' && options.rules === undefined) {
    for (const name of ['pubkey', 'keyring', 'accept-modified-ruleset']) {
      if (options[name] !== undefined) throw new UsageError(`--${name} needs --rules current (it applies to a bundle's verification)`);
    }
  }
}
