// robots.txt rules for the capture's crawl (RFC 9309). Pure.
//
// robotsRules(text: string, productToken: string) → {allows(pathAndQuery: string) → boolean,
//   group: "ours" | "*" | "none"}
//   - The group used is the one whose user-agent line matches productToken (case-insensitive,
//     the token as a whole word at the start of the line's value), else the "*" group, else none
//     (everything allowed). Groups with the same agent are merged, as the RFC asks.
//   - allows: the longest matching Allow/Disallow path wins; on a tie Allow wins. Patterns may use
//     "*" (any run of characters) and a final "$" (end of the URL). An empty Disallow allows all.
//     Paths are compared after percent-encoding the characters a browser would encode, so
//     "/tài-liệu" in the file matches "/t%C3%A0i-li%E1%BB%87u" in a URL.
//   - Only the first MAX_ROBOTS_BYTES characters are read (the RFC's minimum is 500 KiB) and at
//     most MAX_ROBOTS_RULES rules are kept; matching is linear in pattern and path (indexOf per
//     "*" segment, no regular expression, no backtracking).
export const MAX_ROBOTS_BYTES = 512 * 1024;
export const MAX_ROBOTS_RULES = 2000;

function normalizePath(p) {
  try {
    return encodeURI(decodeURI(p));
  } catch {
    return p;
  }
}

// Whether `pattern` ("*" wildcards, optional final "$") matches the start of `path`.
function matches(pattern, path) {
  const anchored = pattern.endsWith('$');
  const parts = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  if (!path.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    const last = i === parts.length - 1;
    if (last && anchored) {
      return path.length - parts[i].length >= at && path.endsWith(parts[i]);
    }
    const found = path.indexOf(parts[i], at);
    if (found < 0) return false;
    at = found + parts[i].length;
  }
  return !anchored || at === path.length;
}

export function robotsRules(text, productToken) {
  const token = productToken.toLowerCase();
  const groups = { ours: [], star: [] };
  let agents = [];
  let inRules = false;
  let count = 0;
  for (const rawLine of String(text ?? '').slice(0, MAX_ROBOTS_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (inRules) { agents = []; inRules = false; }
      agents.push(value.toLowerCase());
    } else if (key === 'allow' || key === 'disallow') {
      inRules = true;
      if (count >= MAX_ROBOTS_RULES) continue;
      const rule = { allow: key === 'allow', path: normalizePath(value) };
      if (agents.some((a) => a === token || a.startsWith(`${token}/`) || a.startsWith(`${token} `))) { groups.ours.push(rule); count++; }
      else if (agents.includes('*')) { groups.star.push(rule); count++; }
    }
  }
  const group = groups.ours.length ? 'ours' : groups.star.length ? '*' : 'none';
  const rules = groups.ours.length ? groups.ours : groups.star;
  return {
    group,
    allows(pathAndQuery) {
      const path = normalizePath(pathAndQuery || '/');
      let best = null;
      for (const r of rules) {
        if (r.path === '' || !matches(r.path, path)) continue;
        const len = r.path.length;
        if (!best || len > best.len || (len === best.len && r.allow)) best = { len, allow: r.allow };
      }
      return best ? best.allow : true;
    },
  };
}
