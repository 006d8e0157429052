// Opens a saved evidence bundle (JSON). For now the app only shows what the bundle holds; the
// bundle issue adds verification (hashes, signature) and replay.
//
// readBundle(text) → {reportText, sarifText, evidenceText}
//   reportText: the bundle's `report` (kept as is when it is a string, else serialised), or null;
//   sarifText: its `sarif` likewise, or null; evidenceText: its `evidence` (a HAR document)
//   serialised, or null (main.mjs audits it when there is no report).
//   Throws BundleError (.key, .params: an i18n/core.mjs key) when the text is not JSON or holds
//   neither a report nor evidence.

export class BundleError extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'BundleError';
    this.key = key;
    this.params = params;
  }
}

const asText = (v) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function readBundle(text) {
  let bundle;
  try {
    bundle = JSON.parse(text);
  } catch (e) {
    throw new BundleError('error.bundle.json', { message: String(e.message || e).slice(0, 200) });
  }
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) throw new BundleError('error.bundle.report');
  let reportText = asText(bundle.report);
  if (reportText !== null) {
    try {
      const parsed = JSON.parse(reportText);
      if (!parsed || typeof parsed !== 'object') reportText = null;
    } catch {
      reportText = null;
    }
  }
  const evidenceText = bundle.evidence && typeof bundle.evidence === 'object' ? JSON.stringify(bundle.evidence) : asText(bundle.evidence);
  if (reportText === null && evidenceText === null) throw new BundleError('error.bundle.report');
  return { reportText, sarifText: asText(bundle.sarif), evidenceText };
}
