// A module-resolution hook (node:module register) for bench/observatory-bench.mjs: the
// Observatory's scanner (src/scanner/index.js) imports "../retriever/retriever.js", which fetches a
// site over the network. Its import is answered with observatory-prepared-retrieval.mjs instead,
// whose retrieve() hands back a Requests object the benchmark built beforehand, so that the real
// scan() (every analyser test in ALL_TESTS, then its scorer and grader) runs with no network.
const RETRIEVER_MODULE = /\/@mdn\/mdn-http-observatory\/src\/retriever\/retriever\.js$/;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (RETRIEVER_MODULE.test(resolved.url))
    return { url: new URL('./observatory-prepared-retrieval.mjs', import.meta.url).href, shortCircuit: true };
  return resolved;
}
