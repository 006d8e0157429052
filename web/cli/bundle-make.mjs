// `portal-check bundle` and `scan --bundle`: builds an evidence bundle and writes it.
//
// captureInfo(har, {method, now}) → the manifest's capture {method, time, tool}: tool is the HAR's
//   log.creator ("name version"), time the first page's or entry's startedDateTime when it is a
//   valid date, else `now` (the host clock, passed in).
// writeBundle({engine, harText, out, key, target, profiles, declarations, method}) →
//   Promise<{bundle, fingerprint (null when unsigned)}>: creates the bundle (createBundle: redaction,
//   audit of the redacted evidence, digests, signature with the --key file) and writes it to out.
//   Throws InputError (one line) for an unreadable key or an unwritable file; EngineError from the
//   audit propagates for the caller to word.
import fs from 'node:fs';
import { InputError } from './har-input.mjs';
import { plain } from './plain-text.mjs';
import { readPrivateKey } from './key-files.mjs';
import { createBundle, serializeBundle, fingerprint } from '../host/bundle/index.mjs';

export function captureInfo(har, { method, now }) {
  const log = har?.log ?? {};
  const creator = log.creator && typeof log.creator.name === 'string'
    ? `${log.creator.name}${typeof log.creator.version === 'string' && log.creator.version ? ` ${log.creator.version}` : ''}`
    : 'unknown';
  const first = log.pages?.[0]?.startedDateTime ?? log.entries?.[0]?.startedDateTime;
  const time = typeof first === 'string' && !Number.isNaN(Date.parse(first)) ? first : now.toISOString();
  return { method, time, tool: creator };
}

export async function writeBundle({ engine, harText, out, key, target, profiles, declarations, method }) {
  const signingKey = key === undefined ? undefined : await readPrivateKey(key);
  let har = null;
  try { har = JSON.parse(harText.replace(/^\uFEFF/, '')); } catch { /* the engine words the error */ }
  const bundle = await createBundle({
    engine, harText, options: { target, profiles, declarations: declarations ?? null },
    capture: captureInfo(har, { method, now: new Date() }), signingKey,
  });
  try {
    fs.writeFileSync(out, serializeBundle(bundle));
  } catch (e) {
    throw new InputError(`${plain(out)}: cannot write (${plain(e.code || e.message)})`);
  }
  return { bundle, fingerprint: signingKey ? await fingerprint(signingKey.publicJwk) : null };
}
