// Command behind scripts/serve: node web/serve/serve.mjs [--port N] [--host H] [--root DIR]
// Prints the app URL on one line, serves until SIGINT/SIGTERM. Exit 2 on a usage error.
import { startAppServer } from './static-server.mjs';

function fail(message) {
  process.stderr.write(`serve: ${message}\n`);
  process.exit(2);
}

const opt = { port: 8088, host: '127.0.0.1', root: undefined };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [name, inline] = argv[i].split(/=(.*)/s, 2);
  const value = () => (inline !== undefined ? inline : argv[++i]);
  if (name === '--port') {
    const v = value();
    if (!/^\d+$/.test(v ?? '') || Number(v) > 65535) fail('--port must be an integer 0..65535');
    opt.port = Number(v);
  } else if (name === '--host') opt.host = value() ?? fail('--host needs a value');
  else if (name === '--root') opt.root = value() ?? fail('--root needs a value');
  else if (name === '--help' || name === '-h') {
    process.stdout.write('Usage: scripts/serve [--port N (default 8088)] [--host H (default 127.0.0.1)] [--root DIR]\n');
    process.exit(0);
  } else fail(`unknown option ${JSON.stringify(argv[i])}`);
}

try {
  const server = await startAppServer(opt);
  process.stdout.write(`portal-check app: ${server.url}\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`serve: ${String(e?.message || e).split('\n')[0]}\n`);
  process.exit(1);
}
