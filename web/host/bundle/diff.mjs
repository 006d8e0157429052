// Compares two reports' findings (e.g. a bundle's old report and a re-audit with today's rules).
//
// diffReports(oldReport, newReport) (report objects) → {new, resolved, changed}.
//   A finding is a result with pass === false, keyed by (check id, page); when one report holds
//   several findings with the same key, the n-th of one is paired with the n-th of the other.
//   new: [{id, page, outcome, severity}] findings only in newReport; resolved: the same shape,
//   only in oldReport; changed: [{id, page, from: {outcome, severity}, to: {outcome, severity}}]
//   in both with a different outcome or severity. Each list is sorted by id, then page.
//   A missing or malformed report counts as having no findings.

function findings(report) {
  const map = new Map();
  for (const c of Array.isArray(report?.checks) ? report.checks : []) {
    if (!c || c.pass !== false) continue;
    const base = JSON.stringify([c.id, c.page ?? null]);
    let n = 0;
    while (map.has(`${base}#${n}`)) n++;
    map.set(`${base}#${n}`, { id: c.id, page: c.page ?? null, outcome: c.outcome, severity: c.severity });
  }
  return map;
}

const byIdPage = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : String(a.page ?? '') < String(b.page ?? '') ? -1 : String(a.page ?? '') > String(b.page ?? '') ? 1 : 0);

export function diffReports(oldReport, newReport) {
  const before = findings(oldReport);
  const after = findings(newReport);
  const added = [];
  const resolved = [];
  const changed = [];
  for (const [key, f] of after) if (!before.has(key)) added.push(f);
  for (const [key, f] of before) {
    const g = after.get(key);
    if (!g) { resolved.push(f); continue; }
    if (f.outcome !== g.outcome || f.severity !== g.severity) {
      changed.push({ id: f.id, page: f.page, from: { outcome: f.outcome, severity: f.severity }, to: { outcome: g.outcome, severity: g.severity } });
    }
  }
  return { new: added.sort(byIdPage), resolved: resolved.sort(byIdPage), changed: changed.sort(byIdPage) };
}
