import { register } from 'node:module';
import { benchSites, observatoryRetrieval } from './observatory-sites.mjs';
import { prepare } from './observatory-prepared-retrieval.mjs';
register('./observatory-retriever-hook.mjs', import.meta.url);
const { scan } = await import('@mdn/mdn-http-observatory/src/scanner/index.js');
const sites = benchSites({ count: 300 });
const out = [];
const once = process.argv[2] === 'once';
let retrievals = sites.map(observatoryRetrieval);
for (let r = 0; r < 8; r++) {
  if (!once) retrievals = sites.map(observatoryRetrieval);
  const t = performance.now();
  for (const requests of retrievals) { prepare(requests); await scan(requests.hostname); }
  out.push(((performance.now() - t) / 300).toFixed(2));
}
console.log(once ? 'once' : 'each', 'scan ms/site', out.join(' '), 'heap MB', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
