// Keeps the user's cookies for the audited site as they were before the capture. The capture's
// requests carry no cookies (cdp-transport.mjs), but the browser still stores what the site's
// responses set; a new session cookie would replace the user's own (and log a webmaster out of
// their portal). So the site's cookies are read before the capture and put back after it.
//
// guardCookies(session, urls) → Promise<restore>: reads the cookies the browser would send to
//   any of `urls` (Network.getCookies). restore() → Promise<{restored, removed}>: cookies the
//   capture added are deleted, cookies it changed or removed are set back to their earlier value.
//   Never rejects (a cookie that cannot be set back is counted out, the capture is not lost).
const keyOf = (c) => `${c.name}\n${c.domain}\n${c.path}`;

function asSetCookie(c) {
  const param = { name: c.name, value: c.value, domain: c.domain, path: c.path, secure: c.secure, httpOnly: c.httpOnly };
  if (c.sameSite) param.sameSite = c.sameSite;
  if (!c.session && typeof c.expires === 'number' && c.expires > 0) param.expires = c.expires;
  if (c.priority) param.priority = c.priority;
  return param;
}

export async function guardCookies(session, urls) {
  const before = (await session.send('Network.getCookies', { urls })).cookies ?? [];
  const earlier = new Map(before.map((c) => [keyOf(c), c]));
  return async function restore() {
    let restored = 0;
    let removed = 0;
    try {
      const after = (await session.send('Network.getCookies', { urls })).cookies ?? [];
      const now = new Map(after.map((c) => [keyOf(c), c]));
      for (const [key, c] of now) {
        const prior = earlier.get(key);
        if (!prior) {
          await session.send('Network.deleteCookies', { name: c.name, domain: c.domain, path: c.path });
          removed++;
        } else if (prior.value !== c.value || prior.expires !== c.expires) {
          await session.send('Network.setCookie', asSetCookie(prior));
          restored++;
        }
      }
      for (const [key, prior] of earlier) {
        if (!now.has(key)) {
          await session.send('Network.setCookie', asSetCookie(prior));
          restored++;
        }
      }
    } catch {
      // best effort: the capture itself is kept
    }
    return { restored, removed };
  };
}
