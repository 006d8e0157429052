// The limits of one portfolio (docs/limits.md, "Browser app"): a selection past either is refused
// as a whole, with a message naming the limit, before any file is read.
//
// MAX_PORTFOLIO_FILES = 500: files per portfolio (a department's systems, with room to spare).
// MAX_PORTFOLIO_BYTES = 1 GiB: total bytes of the selected files (a bundle of a small site is
//   about 1 MB, mostly its embedded ruleset; each file is read whole by one worker at a time, so
//   memory holds at most one file per worker plus the rows).
// portfolioLimitProblem(files: [{size}]) → null when the selection fits, else
//   {code: 'too-many-files' | 'too-many-bytes', count, bytes, max}.
export const MAX_PORTFOLIO_FILES = 500;
export const MAX_PORTFOLIO_BYTES = 1024 * 1024 * 1024;

export function portfolioLimitProblem(files) {
  const list = Array.from(files ?? []);
  const bytes = list.reduce((sum, f) => sum + (Number(f?.size) || 0), 0);
  if (list.length > MAX_PORTFOLIO_FILES) return { code: 'too-many-files', count: list.length, bytes, max: MAX_PORTFOLIO_FILES };
  if (bytes > MAX_PORTFOLIO_BYTES) return { code: 'too-many-bytes', count: list.length, bytes, max: MAX_PORTFOLIO_BYTES };
  return null;
}
