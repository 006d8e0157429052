// What the capture page was asked to capture, from its address
// (extension/capture.html?tab=<id>&url=<url>[&pages=N]). Pure.
//
// captureOptions(search: string) → {target, pages, error}
//   target: the url parameter; error: null, or "bad-target" when it is not an http(s) URL (a
//   browser page, a file, an extension page: nothing to capture). pages: ?pages when it is an
//   integer in 1..MAX_PAGES, else CAPTURE_PAGES (the CLI's default).
export const CAPTURE_PAGES = 10;
export const MAX_PAGES = 200;

export function captureOptions(search) {
  const params = new URLSearchParams(search);
  const target = params.get('url') ?? '';
  const asked = params.has('pages') ? Number(params.get('pages')) : CAPTURE_PAGES;
  const pages = Number.isInteger(asked) && asked >= 1 && asked <= MAX_PAGES ? asked : CAPTURE_PAGES;
  let error = 'bad-target';
  try {
    if (/^https?:$/.test(new URL(target).protocol)) error = null;
  } catch {
    // not a URL
  }
  return { target, pages, error };
}
