// Shared by the bundle tests (not a test file itself).
//
// redactionForTests() → Promise<the redaction module (web/host/bundle/redact.mjs)> for
//   createBundle's `redaction` seam (the same module createBundle loads by default).
// captureDemoHar() → Promise<HAR text>: a capture of the demo portal (default variant) on loopback.
// demoDeclarations: a valid declarations document.
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { capture } from '../../web/host/capture.mjs';

export function redactionForTests() {
  return import('../../web/host/bundle/redact.mjs');
}

export async function captureDemoHar() {
  const portal = await startDemoPortal();
  try {
    return JSON.stringify(await capture(portal.httpUrl, { pages: 4 }));
  } finally {
    await portal.close();
  }
}

export const demoDeclarations = {
  version: 1,
  organization: { name: 'Sở Thông tin và Truyền thông tỉnh X' },
  declarations: { 'auth.mfa': { value: true, note: 'OTP' }, 'network.waf': { value: false } },
};
