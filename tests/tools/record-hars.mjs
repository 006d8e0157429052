// Records the same visit of the demo portal with real HAR producers and writes their raw output,
// unchanged, to tests/fixtures/recorded/<tool>.har (scripts/record-fixtures installs the tools and
// runs this). The visit, in one fresh browser profile per tool:
//   1. http://127.0.0.1:47080/   → 301 → https://127.0.0.1:47443/  (home page: two Set-Cookie
//      headers, PHPSESSID and ngon_ngu; scripts /js/jquery-1.12.4.min.js and /js/main.js;
//      /css/style.css; a bootstrap script and a Google Fonts stylesheet on other hosts, which the
//      browser cannot resolve: nothing leaves the machine)
//   2. https://127.0.0.1:47443/van-ban  (the strict-headers page)
// Producers:
//   playwright-embed   playwright-core recordHar {content: 'embed'} (bodies inside the HAR)
//   playwright-attach  recordHar {content: 'attach'}: bodies go to `_file` attachments, which are
//                      not kept, so the HAR has no bodies (a real "missing bodies" file)
//   chrome-har         Chrome DevTools protocol events (Page.*, Network.*) from Chromium through
//                      playwright-core's CDP session, bodies from Network.getResponseBody, turned
//                      into a HAR by the chrome-har npm package (build-deps/record-tools)
//   mitmproxy          Chromium through `mitmdump` on loopback with the har_dump.py example addon
//                      that Debian's mitmproxy package ships (loaded from the package, not copied)
// Usage: node tests/tools/record-hars.mjs [--only NAME[,NAME...]]
//   env RECORD_TOOLS_DIR (default build-deps/record-tools), MITM_HAR_DUMP (the addon's path).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'recorded');
const TOOLS = process.env.RECORD_TOOLS_DIR || path.join(ROOT, 'build-deps', 'record-tools');
const HAR_DUMP = process.env.MITM_HAR_DUMP || '/usr/share/doc/mitmproxy/examples/contrib/har_dump.py';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Names outside loopback fail to resolve, so the page's third-party links never leave the machine.
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';
export const HTTP_PORT = 47080;
export const HTTPS_PORT = 47443;
const MITM_PORT = 47088;
const START = `http://127.0.0.1:${HTTP_PORT}/`;
const SECOND = `https://127.0.0.1:${HTTPS_PORT}/van-ban`;

async function chromium() {
  return (await import(pathToFileURL(path.join(ROOT, 'node_modules', 'playwright-core', 'index.mjs')).href)).chromium;
}

// Each page is left only once the network is idle and `settle` (the bodies a recorder still
// fetches) is done: a body asked for after the page navigated away is gone.
async function visit(page, settle = async () => {}) {
  await page.goto(START, { waitUntil: 'networkidle' });
  await settle();
  await page.goto(SECOND, { waitUntil: 'networkidle' });
  await settle();
}

async function recordPlaywright(content, file) {
  const browser = await (await chromium()).launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, OFFLINE], headless: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'record-pw-'));
  try {
    const har = path.join(tmp, 'visit.har');
    const context = await browser.newContext({ ignoreHTTPSErrors: true, recordHar: { path: har, content } });
    await visit(await context.newPage());
    await context.close();
    // 'attach' writes the bodies beside the HAR as files named in content._file: only the HAR is kept.
    fs.copyFileSync(har, file);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const CDP_EVENTS = [
  'Page.frameStartedLoading', 'Page.frameRequestedNavigation', 'Page.navigatedWithinDocument', 'Page.frameAttached',
  'Page.loadEventFired', 'Page.domContentEventFired',
  'Network.requestWillBeSent', 'Network.requestServedFromCache', 'Network.requestWillBeSentExtraInfo',
  'Network.responseReceivedExtraInfo', 'Network.responseReceived', 'Network.dataReceived', 'Network.loadingFinished',
  'Network.loadingFailed', 'Network.resourceChangedPriority',
];

async function recordChromeHar(file) {
  const { harFromMessages } = await import(pathToFileURL(path.join(TOOLS, 'node_modules', 'chrome-har', 'index.js')).href);
  const browser = await (await chromium()).launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, OFFLINE], headless: true });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const messages = [];
    const responses = new Map(); // requestId → responseReceived params, for the body
    const bodies = [];
    for (const method of CDP_EVENTS) {
      cdp.on(method, (params) => {
        messages.push({ method, params });
        if (method === 'Network.responseReceived') responses.set(params.requestId, params);
        if (method === 'Network.loadingFinished' && responses.has(params.requestId)) {
          // As Browsertime does: the body goes on the response object chrome-har reads.
          const response = responses.get(params.requestId).response;
          bodies.push(cdp.send('Network.getResponseBody', { requestId: params.requestId })
            .then(({ body, base64Encoded }) => { response.body = body; if (base64Encoded) response.encoding = 'base64'; })
            .catch(() => {}));
        }
      });
    }
    await cdp.send('Page.enable');
    await cdp.send('Network.enable');
    await visit(page, () => Promise.all(bodies));
    const har = harFromMessages(messages, { includeTextFromResponseBody: true });
    fs.writeFileSync(file, JSON.stringify(har, null, 2) + '\n');
    await context.close();
  } finally {
    await browser.close();
  }
}

function waitForPort(port, child, ms = 20000) {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) { reject(new Error(`mitmdump exited with ${child.exitCode}`)); return; }
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(); });
      s.once('error', () => { s.destroy(); if (Date.now() > until) reject(new Error('mitmdump did not listen')); else setTimeout(attempt, 100); });
    };
    attempt();
  });
}

async function recordMitmproxy(file) {
  if (!fs.existsSync(HAR_DUMP)) throw new Error(`${HAR_DUMP} is missing (apt-get install mitmproxy)`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'record-mitm-'));
  const har = path.join(home, 'visit.har');
  const mitm = spawn('mitmdump', [
    '--listen-host', '127.0.0.1', '--listen-port', String(MITM_PORT), '--ssl-insecure', '-q',
    '--set', `confdir=${path.join(home, 'conf')}`, '-s', HAR_DUMP, '--set', `hardump=${har}`,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Chromium's own service requests (update.googleapis.com, accounts.google.com) reach the proxy as
  // CONNECTs that fail upstream, and the example addon raises on flows without a server connection;
  // those never enter the HAR, so mitmdump's output is shown only when the recording fails.
  let log = '';
  mitm.stdout.on('data', (d) => { log += d; });
  mitm.stderr.on('data', (d) => { log += d; });
  try {
    await waitForPort(MITM_PORT, mitm).catch((e) => { throw new Error(`${e.message}:\n${log}`); });
    const browser = await (await chromium()).launch({
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true,
      // Loopback goes through the proxy too ("<-loopback>" removes Chromium's implicit bypass).
      proxy: { server: `http://127.0.0.1:${MITM_PORT}`, bypass: '<-loopback>' },
    });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      // Only the portal: other hosts are refused in the browser, before the proxy.
      await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
      await visit(await context.newPage());
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    const exited = new Promise((resolve) => mitm.once('exit', resolve));
    mitm.kill('SIGINT');
    await exited;
  }
  if (!fs.existsSync(har)) throw new Error(`mitmdump wrote no HAR:\n${log}`);
  fs.copyFileSync(har, file);
  fs.rmSync(home, { recursive: true, force: true });
}

const RECORDERS = {
  'playwright-embed': (f) => recordPlaywright('embed', f),
  'playwright-attach': (f) => recordPlaywright('attach', f),
  'chrome-har': recordChromeHar,
  mitmproxy: recordMitmproxy,
};

async function main(argv) {
  let only = Object.keys(RECORDERS);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') only = argv[++i].split(',');
    else throw new Error(`unknown option ${JSON.stringify(argv[i])}`);
  }
  for (const name of only) if (!RECORDERS[name]) throw new Error(`unknown recorder ${JSON.stringify(name)}`);
  fs.mkdirSync(OUT, { recursive: true });
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-cert-'));
  const portal = await startDemoPortal({ httpPort: HTTP_PORT, httpsPort: HTTPS_PORT, certDir });
  try {
    for (const name of only) {
      const file = path.join(OUT, `${name}.har`);
      await RECORDERS[name](file);
      process.stdout.write(`recorded ${path.relative(ROOT, file)} (${fs.statSync(file).size} bytes)\n`);
    }
  } finally {
    await portal.close();
    fs.rmSync(certDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`record-hars: ${e && e.stack || e}\n`);
    process.exit(1);
  });
}
