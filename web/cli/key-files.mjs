// Signing-key files for the CLI (JWK text files).
//
// keygen(out) → Promise<{privateFile, publicFile, fingerprint}>: writes a new ES256 private JWK to
//   `out` (mode 0600; refuses to overwrite an existing file) and its public JWK to publicPath(out).
// publicPath(out) → "KEY.pub.jwk" for "KEY.jwk", else out + ".pub.jwk".
// readPrivateKey(file) → Promise<{privateKey, publicJwk}>; readPublicJwk(file) → Promise<public
//   JWK>. Both throw InputError (one line) when the file is unreadable, not JSON or not an EC P-256
//   key of the right kind.
// readKeyring(file) → Promise<[{publicJwk, organization}]>: a keyring file (web/host/bundle/
//   keyring.mjs, docs/bundle.md "Trust"); throws InputError (one line) when it is unreadable, not
//   I-JSON (e.g. a member named twice) or not a valid keyring.
import fs from 'node:fs';
import { InputError } from './har-input.mjs';
import { plain } from './plain-text.mjs';
import { generateSigningKey, exportPrivateJwk, importPrivateJwk, importPublicJwk, fingerprint } from '../host/bundle/index.mjs';
import { parseKeyring } from '../host/bundle/keyring.mjs';
import { ijsonProblem } from '../host/bundle/strict-json.mjs';
import { verificationMessage } from '../host/bundle/verify-messages.mjs';

export function publicPath(out) {
  return out.endsWith('.jwk') ? `${out.slice(0, -'.jwk'.length)}.pub.jwk` : `${out}.pub.jwk`;
}

function writeNew(file, text, mode) {
  try {
    fs.writeFileSync(file, text, { mode, flag: 'wx' });
  } catch (e) {
    const why = e.code === 'EEXIST' ? 'already exists (a key is never overwritten; choose another name)' : `cannot write (${plain(e.code || e.message)})`;
    throw new InputError(`${plain(file)}: ${why}`);
  }
}

export async function keygen(out) {
  const pub = publicPath(out);
  for (const f of [out, pub]) if (fs.existsSync(f)) throw new InputError(`${plain(f)}: already exists (a key is never overwritten; choose another name)`);
  const { privateKey, publicJwk } = await generateSigningKey();
  writeNew(out, `${JSON.stringify(await exportPrivateJwk(privateKey), null, 1)}\n`, 0o600);
  fs.chmodSync(out, 0o600); // the umask cannot widen it, but be explicit
  writeNew(pub, `${JSON.stringify(publicJwk, null, 1)}\n`, 0o644);
  return { privateFile: out, publicFile: pub, fingerprint: await fingerprint(publicJwk) };
}

function readJson(file, what) {
  return JSON.parse(readJsonText(file, what));
}

// The text of a JSON file (a leading BOM dropped); InputError when unreadable or not JSON.
function readJsonText(file, what) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${plain(file)}: cannot read the ${what} (${plain(e.code || e.message)})`);
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(text);
    return text;
  } catch (e) {
    throw new InputError(`${plain(file)}: the ${what} is not JSON (${plain(e.message)})`);
  }
}

export async function readPrivateKey(file) {
  const jwk = readJson(file, 'key file');
  try {
    return await importPrivateJwk(jwk);
  } catch (e) {
    throw new InputError(`${plain(file)}: not an EC P-256 private key JWK (${plain(e.message)})`);
  }
}

export async function readPublicJwk(file) {
  const jwk = readJson(file, 'public key file');
  try {
    await importPublicJwk(jwk);
  } catch (e) {
    throw new InputError(`${plain(file)}: not an EC P-256 public key JWK (${plain(e.message)})`);
  }
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

export async function readKeyring(file) {
  const text = readJsonText(file, 'keyring');
  const problem = await ijsonProblem(text);
  if (problem) throw new InputError(`${plain(file)}: the keyring is not I-JSON (${plain(verificationMessage(problem))})`);
  try {
    return parseKeyring(JSON.parse(text));
  } catch (e) {
    throw new InputError(`${plain(file)}: ${plain(e.message)}`);
  }
}
