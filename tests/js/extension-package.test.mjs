// The packed extension (scripts/build-extension → extension/ and
// portal-check-extension-<version>.zip, built here into temporary folders with --out): its manifest
// asks for no more than it needs, every file the manifest, the pages and the module graph name is in
// the package, and the zip holds exactly those files, byte-identical from one build to the next.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PORTAL_CHECK_VERSION } from '../../web/host/version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ZIP_NAME = `portal-check-extension-${PORTAL_CHECK_VERSION}.zip`;
let tmp, OUT, ZIP;

function skipReason() {
  for (const f of ['build/wasm/portal_check.mjs', 'build/wasm/portal_check.wasm']) {
    if (!fs.existsSync(path.join(ROOT, f))) return `${f} is missing (run scripts/build)`;
  }
  for (const tool of ['zip', 'unzip']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (scripts/setup)`;
  }
  return false;
}
const skip = skipReason();

function buildExtension(dest) {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'build-extension'), '--out', dest], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `scripts/build-extension failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// Every file under dir, as '/'-separated paths relative to it; symlinks are reported as such.
function listFiles(dir, rel = '') {
  const out = [];
  for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${d.name}` : d.name;
    if (d.isSymbolicLink()) out.push(`SYMLINK ${p}`);
    else if (d.isDirectory()) out.push(...listFiles(dir, p));
    else out.push(p);
  }
  return out;
}

let firstZipDigest = null;
before(() => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-extension-'));
  OUT = path.join(tmp, 'a', 'extension');
  ZIP = path.join(tmp, 'a', ZIP_NAME);
  const stdout = buildExtension(path.join(tmp, 'a'));
  assert.ok(stdout.includes(`unpacked: ${OUT}\n`), stdout);
  assert.ok(stdout.includes(`zip:      ${ZIP}\n`), stdout);
  firstZipDigest = sha256(ZIP);
});
after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

const manifest = () => JSON.parse(fs.readFileSync(path.join(OUT, 'manifest.json'), 'utf8'));

test('manifest: the source manifest with the build version; minimal permissions', { skip }, () => {
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'web', 'extension', 'manifest.json'), 'utf8'));
  const m = manifest();
  assert.equal(m.manifest_version, 3);
  assert.equal(m.version, PORTAL_CHECK_VERSION);
  assert.deepEqual(m, { ...source, version: PORTAL_CHECK_VERSION });
  assert.deepEqual(m.permissions, ['activeTab', 'debugger', 'storage']);
  assert.equal(m.host_permissions, undefined);
  assert.equal(m.optional_host_permissions, undefined);
  assert.equal(m.content_scripts, undefined);
  assert.equal(m.externally_connectable, undefined);
});

test('manifest: the extension pages\' CSP allows WebAssembly and nothing remote or inline', { skip }, () => {
  const csp = manifest().content_security_policy?.extension_pages;
  assert.equal(typeof csp, 'string');
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name.toLowerCase(), sources];
  }));
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  const sources = [...directives.values()].flat().map((s) => s.toLowerCase());
  for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", '*', 'data:', 'blob:']) {
    assert.ok(!sources.includes(bad), `${bad} in ${csp}`);
  }
  assert.deepEqual(sources.filter((s) => /^(https?|wss?):|:\/\/|^\*\./.test(s)), [], `remote sources in ${csp}`);
});

test('every file the manifest names is in the package', { skip }, () => {
  const named = [];
  const walk = (v) => {
    if (typeof v === 'string' && /^[\w.-]+(\/[\w.-]+)*\.(mjs|js|html|png|svg|json|css|wasm)$/.test(v)) named.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest());
  assert.ok(named.includes('extension/background.mjs'), `named: ${named}`);
  assert.ok(named.includes('extension/icon-128.png'), `named: ${named}`);
  for (const f of named) assert.ok(fs.statSync(path.join(OUT, f)).isFile(), f);
  const png = fs.readFileSync(path.join(OUT, 'extension', 'icon-128.png'));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128×128 icon');
});

// ---- the pages and their module graph ----------------------------------------------------------

// Relative references of a page (src= / href=, skipping in-page anchors and URLs with a scheme).
function pageReferences(text) {
  const refs = [];
  for (const m of text.matchAll(/\b(?:src|href)\s*=\s*(["'])([^"']*)\1/gi)) {
    const ref = m[2].trim();
    if (ref === '' || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
    refs.push(ref);
  }
  return refs;
}

// Module specifiers a script loads: static import / export-from, import('literal') and
// new URL('literal', import.meta.url) (workers, the engine, its .wasm, the bundle code's vendor
// file). Whole-line // comments are left out.
function moduleReferences(text) {
  const code = text.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join('\n');
  const refs = [];
  const imports = [
    /\b(?:import|export)\s+(?:[^'";]*?\bfrom\s*)?(["'])([^"']+)\1/g,
    /\bimport\(\s*(["'])([^"']+)\1\s*\)/g,
  ];
  for (const re of imports) for (const m of code.matchAll(re)) refs.push(m[2]);
  // A URL is resolved against the module's own: 'portal_check.wasm' means './portal_check.wasm'.
  for (const m of code.matchAll(/\bnew URL\(\s*(["'])([^"']+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
    refs.push(/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(m[2]) ? m[2] : `./${m[2]}`);
  }
  return refs;
}

// Walks from the pages (and the manifest's service worker): every reference must be relative and
// name a file of the package. Returns {reached: Set of package paths, problems: [text]}.
function walkPackage(roots) {
  const reached = new Set();
  const problems = [];
  const queue = [...roots];
  while (queue.length) {
    const rel = queue.shift();
    if (reached.has(rel)) continue;
    reached.add(rel);
    const file = path.join(OUT, rel);
    if (!/\.(html|mjs|js)$/.test(rel)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const page = rel.endsWith('.html');
    for (const ref of page ? pageReferences(text) : moduleReferences(text)) {
      // A page may say 'main.mjs'; a module must say './x.mjs' (anything else is a bare or
      // absolute specifier, which does not load, or loads from elsewhere, in the package).
      if (ref.startsWith('/') || (!page && !/^\.{1,2}\//.test(ref))) {
        problems.push(`${rel}: '${ref}' is not a relative specifier`);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), ref.split(/[?#]/)[0]));
      const stat = target.startsWith('..') ? null : fs.statSync(path.join(OUT, target), { throwIfNoEntry: false });
      // A folder URL ('../../': the app's own root, which the self-check's crawl skips) is a folder.
      if (ref.endsWith('/') && stat?.isDirectory()) continue;
      if (!stat?.isFile()) {
        problems.push(`${rel}: '${ref}' → ${target} is not a file of the package`);
        continue;
      }
      queue.push(target);
    }
  }
  return { reached, problems };
}

test('every relative import, src= and href= of the pages resolves to a file of the package', { skip }, () => {
  const pages = [
    ...fs.readdirSync(path.join(OUT, 'extension')).filter((f) => /\.(html|mjs)$/.test(f)).map((f) => `extension/${f}`),
    ...fs.readdirSync(path.join(OUT, 'app')).filter((f) => f.endsWith('.html')).map((f) => `app/${f}`),
    manifest().background.service_worker,
  ];
  assert.ok(pages.includes('app/index.html'));
  const { reached, problems } = walkPackage(pages);
  assert.deepEqual(problems, []);
  // The walk did reach what the app needs at run time: the worker, the engine and its .wasm, the
  // bundle code's vendored library, the handoff the app imports inside the extension.
  for (const f of ['app/main.mjs', 'app/worker.mjs', 'host/engine.mjs', 'wasm/portal_check.mjs', 'wasm/portal_check.wasm',
    'host/bundle/vendor/canonicalize.js', 'extension/handoff.mjs', 'app/report/render.mjs']) {
    assert.ok(reached.has(f), `${f} not reached`);
  }
});

test('the walk notices a reference to a missing file and a bare specifier', { skip }, () => {
  assert.deepEqual(moduleReferences("import { a } from './a.mjs';\n// import('./commented.mjs')\nexport * from \"../b.mjs\";\nconst w = new Worker(new URL('./w.mjs', import.meta.url));\nawait import('node:fs');"),
    ['./a.mjs', '../b.mjs', 'node:fs', './w.mjs']);
  assert.deepEqual(pageReferences('<link href="a.css"><a href="#x">x</a><a href="https://e.vn/">e</a><script src=\'m.mjs\'></script>'), ['a.css', 'm.mjs']);
  const tmp = path.join(OUT, 'extension', 'zz-probe.mjs');
  fs.writeFileSync(tmp, "import './missing.mjs';\nimport x from 'canonicalize';\n");
  try {
    const { problems } = walkPackage(['extension/zz-probe.mjs']);
    assert.deepEqual(problems, [
      "extension/zz-probe.mjs: './missing.mjs' → extension/missing.mjs is not a file of the package",
      "extension/zz-probe.mjs: 'canonicalize' is not a relative specifier",
    ]);
  } finally {
    fs.rmSync(tmp);
  }
});

test('the package holds no symlink; the zip lists exactly its files and is the same byte for byte on a rebuild', { skip }, () => {
  const files = listFiles(OUT).sort();
  assert.deepEqual(files.filter((f) => f.startsWith('SYMLINK')), []);
  for (const f of ['manifest.json', 'extension/background.mjs', 'extension/handoff.mjs', 'app/index.html', 'host/engine.mjs',
    'host/bundle/vendor/canonicalize.js', 'wasm/portal_check.wasm', 'rules/data/admin-paths.json', 'rules/data/exposed-files.json']) {
    assert.ok(files.includes(f), f);
  }
  assert.ok(!files.includes('extension/manifest.json'), 'the manifest sits at the root only');
  const listed = spawnSync('unzip', ['-Z1', ZIP], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const entries = listed.stdout.split('\n').filter(Boolean);
  assert.deepEqual(entries, [...entries].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)), 'names in byte order');
  assert.deepEqual([...entries].sort(), files);
  // The wasm inside the zip is the build's own.
  const wasm = spawnSync('unzip', ['-p', ZIP, 'wasm/portal_check.wasm'], { maxBuffer: 64 << 20 });
  assert.equal(crypto.createHash('sha256').update(wasm.stdout).digest('hex'), sha256(path.join(ROOT, 'build', 'wasm', 'portal_check.wasm')));
  // Another build, in another folder, a second later: the same bytes.
  spawnSync('sleep', ['1']);
  buildExtension(path.join(tmp, 'b'));
  assert.equal(sha256(path.join(tmp, 'b', ZIP_NAME)), firstZipDigest, 'a second build gives the same zip');
  // And a rebuild over the first replaces it with the same bytes (idempotent).
  buildExtension(path.join(tmp, 'a'));
  assert.equal(sha256(ZIP), firstZipDigest);
});
