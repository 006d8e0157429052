// A module-resolution hook (node:module register) for the side-by-side test: the Observatory's
// analyser modules import "../hsts.js", which reads conf/hsts-preload.json, a copy of Chromium's
// HSTS preload list that the package's postinstall script downloads. Installs here skip that
// script (.npmrc ignore-scripts: no network at install time), and the engine carries no preload
// list either (transport.hsts never claims hsts-preloaded), so the Observatory is given an empty
// list instead: no-preload-list.mjs. The synthetic sites' hosts are in no real preload list.
const HSTS_MODULE = /\/@mdn\/mdn-http-observatory\/src\/analyzer\/hsts\.js$/;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (HSTS_MODULE.test(resolved.url)) return { url: new URL('./no-preload-list.mjs', import.meta.url).href, shortCircuit: true };
  return resolved;
}
