// `portal-check verify BUNDLE [--pubkey FILE]`: prints each verification step, one line each.
//
// renderVerification(result) → text ending in "\n" (result: verifyBundle's value): a structure
//   line, one line per section digest, the signature, the replay, then "verified" or
//   "NOT VERIFIED" with each error. Every string from the bundle goes through plain().
// The exit status is the caller's: 0 when result.ok, else 1.
import { plain } from './plain-text.mjs';

const mark = (ok) => (ok === null ? '—' : ok ? 'ok' : 'FAIL');
const row = (name, status, detail) => `${name.padEnd(14)}${status.padEnd(6)}${plain(detail)}\n`;

export function renderVerification(r) {
  let out = '';
  const structureError = r.errors.find((e) => e.startsWith('structure: '));
  out += row('structure', mark(!structureError), structureError ? structureError.slice('structure: '.length) : 'portal-check-bundle version 1');
  for (const s of r.sections) {
    out += row(s.name, mark(s.ok), s.ok ? `sha256 ${s.actual}` : `expected sha256 ${s.expected}, got ${s.actual ?? 'none'}`);
  }
  if (!structureError) {
    const sig = r.signature;
    let detail;
    if (!sig.present) detail = 'unsigned';
    else detail = `ES256 key ${sig.fingerprint ?? '(unusable)'}`;
    if (sig.matchesTrusted === true) detail += ' — the trusted key';
    if (sig.matchesTrusted === false) detail += ' — NOT the trusted key';
    const ok = sig.present ? sig.ok && sig.matchesTrusted !== false : sig.matchesTrusted === false ? false : null;
    out += row('signature', mark(ok), detail);
    out += row('replay', mark(r.replay.ran ? r.replay.identical : null), r.replay.note);
  }
  if (r.ok) {
    out += `verified${r.signature.present ? '' : ' (unsigned: integrity only, no proof of who made it)'}\n`;
  } else {
    out += 'NOT VERIFIED\n';
    for (const e of r.errors) out += `  ${plain(e)}\n`;
  }
  return out;
}
