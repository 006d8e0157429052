// Server configuration snippets for failing outcomes (rules/fixes, docs/fixes.md), from the
// generated web/host/server-snippets.data.mjs. Pure: no file system, usable in the browser.
//
// SERVERS: the servers snippets exist for, in display order.
// serverSnippets(checkId, outcome) → [{server: 'nginx'|'apache'|'iis'|'tomcat', file, label: {vi, en},
//   language: 'nginx'|'apache'|'xml'|'properties', code, note?: {vi, en}}], in SERVERS order (a
//   server may have several, e.g. Tomcat web.xml and context.xml); [] when the check or outcome
//   has none. Each call returns fresh objects. The texts are the project's own data, never from
//   an audited site; callers still render them as text.
import { FIXES, SNIPPETS } from './server-snippets.data.mjs';

export const SERVERS = Object.freeze(['nginx', 'apache', 'iis', 'tomcat']);

export function serverSnippets(checkId, outcome) {
  const fixes = Object.hasOwn(FIXES, checkId) ? FIXES[checkId] : [];
  const out = [];
  for (const fix of fixes) {
    if (!fix.outcomes.includes(outcome)) continue;
    for (const i of fix.snippets) out.push(structuredClone(SNIPPETS[i]));
  }
  return out.sort((a, b) => SERVERS.indexOf(a.server) - SERVERS.indexOf(b.server));
}
