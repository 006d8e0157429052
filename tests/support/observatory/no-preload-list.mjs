// Stands in for @mdn/mdn-http-observatory/src/analyzer/hsts.js (see no-preload-hook.mjs): the same
// exports, over an empty HSTS preload list.
export function hsts() {
  return new Map();
}

export function isHstsPreloaded(_hostname) {
  return null;
}
