// The generator behind scripts/golden (run that, not this, so the engine is built first).
// Writes tests/golden/demo-unsigned.json and demo-signed.json from a fresh capture of the demo
// portal; creates tests/golden/test-signing-key.jwk (a TEST key: never use it for a real
// organisation) only when it is missing, so the signed bundle's fingerprint stays the same.
// Prints each file written with its digests. Also records the engine's embedded ruleset in
// web/host/bundle/released-rulesets.mjs (released-rulesets-file.mjs), the table verification
// checks a bundle's ruleset against.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { capture } from '../../web/host/capture.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { captureInfo } from '../../web/cli/bundle-make.mjs';
import {
  createBundle, serializeBundle, generateSigningKey, exportPrivateJwk, importPrivateJwk, fingerprint, sectionDigest,
} from '../../web/host/bundle/index.mjs';
import { recordReleasedRuleset } from './released-rulesets-file.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KEY_FILE = path.join(HERE, 'test-signing-key.jwk');

async function testKey() {
  if (!fs.existsSync(KEY_FILE)) {
    const { privateKey } = await generateSigningKey();
    const jwk = await exportPrivateJwk(privateKey);
    fs.writeFileSync(KEY_FILE, `${JSON.stringify({ ...jwk, _comment: 'TEST KEY for tests/golden only: public on purpose, never use it to sign a real bundle' }, null, 1)}\n`);
  }
  return importPrivateJwk(JSON.parse(fs.readFileSync(KEY_FILE, 'utf8')));
}

const engine = await loadNodeEngine();
const key = await testKey();
const rulesetDigest = await sectionDigest(engine.ruleset());
const recorded = recordReleasedRuleset(engine.info, rulesetDigest);
process.stdout.write(`released rulesets: ${engine.info.name} ${engine.info.version} ${rulesetDigest.slice(0, 12)} ${recorded ? 'added' : 'already listed'}\n`);
const portal = await startDemoPortal();
let har;
try {
  har = await capture(portal.httpUrl, { pages: 10 });
} finally {
  await portal.close();
}
const harText = JSON.stringify(har);
const capturedBy = captureInfo(har, { method: 'portal-check capture (live)', now: new Date() });
const declarations = {
  version: 1,
  organization: { name: 'Sở Thông tin và Truyền thông tỉnh Demo (ví dụ)' },
  declarations: {
    'auth.mfa': { value: true, note: 'OTP cho tài khoản quản trị' },
    'network.waf': { value: false },
  },
};
const outputs = [
  ['demo-unsigned.json', { options: { profiles: ['tnm-website-basic'] } }],
  ['demo-signed.json', { options: { profiles: ['tnm-website-basic', 'level-2'], declarations }, signingKey: key }],
];
for (const [name, extra] of outputs) {
  const bundle = await createBundle({ engine, harText, capture: capturedBy, ...extra });
  fs.writeFileSync(path.join(HERE, name), serializeBundle(bundle));
  process.stdout.write(`${name}: ${Object.entries(bundle.digests).map(([k, v]) => `${k} ${v.slice(0, 12)}`).join(', ')}` +
    `${bundle.signatures.length ? `; signed by ${await fingerprint(key.publicJwk)}` : '; unsigned'}\n`);
}
