// Which names carry secrets: URL/body parameters, hidden form fields. Pure; no Node imports.
//
// makeNames({sessionCookies, antiCsrfTokens, secretParameters}) → Names
//   sessionCookies: the rules/data/session-cookies.json document (e.g. ruleset.data["session-cookies"]
//   of the embedded ruleset, engine.ruleset().data); antiCsrfTokens: rules/data/anti-csrf-tokens.json;
//   secretParameters: rules/data/secret-parameters.json. The engine reads the same three lists to
//   redact its own outputs (core/src/report/secret_names.h).
//   Any may be omitted: DEFAULT_SESSION_COOKIES / DEFAULT_ANTI_CSRF_TOKENS /
//   DEFAULT_SECRET_PARAMETERS below are used (their
//   members that this module reads, as of ruleset 2026; tests/js/redaction.test.mjs fails when the
//   files drift from them). Pass the documents of the ruleset the bundle embeds so the redaction and
//   the audit use the same lists.
// Names:
//   isSessionParam(name)  the name cookie.session-in-url treats as a session parameter, exactly as
//                         core/src/checks/cookie_session_in_url.cc derives it: "url_parameters",
//                         "url_parameter_prefixes", and every "exact" cookie name containing "sess"
//                         or ending in "sid" (ASCII case-insensitive, raw name).
//   isCsrfField(name)     form.csrf-token's token names ("exact", "prefixes", folded "contains"),
//                         plus the ASP.NET WebForms state fields (__VIEWSTATE*, __EVENTVALIDATION).
//   isSensitive(name)     a credential or token name: its folded form equals a secret-parameters
//                         "exact" entry (token, access_token, code, state, password, ...) or contains a
//                         "contains" entry (token, passw, secret, ..., matkhau; not bare "sess":
//                         "assessment").
//   isTokenHeader(name)   a request header whose whole value is a secret: the lower-cased name
//                         contains a secret-parameters "token_headers" entry.
// Folding (as the engine's FoldFieldName): lower-case, '_', '-', '.', '[', ']', ' ', ':', '$' removed.

export const DEFAULT_SESSION_COOKIES = {
  exact: ['PHPSESSID', 'JSESSIONID', 'JSESSIONIDSSO', 'ASP.NET_SessionId', 'connect.sid', 'sid', 'SESSION', 'sessionid',
    '_session_id', 'rack.session', 'express:sess', 'koa:sess', 'MoodleSession', 'SimpleSAMLSessionID', 'AUTH_SESSION_ID',
    'KEYCLOAK_SESSION', 'mod_auth_openidc_session', 'laravel_session', 'ci_session'],
  url_parameters: ['jsessionid', 'phpsessid', 'sid', 'sessionid', 'session_id', 'sessid', 'session', 'zenid', 'osCsid',
    'CFID', 'CFTOKEN', 's_id', 'sess_id'],
  url_parameter_prefixes: ['ASPSESSIONID'],
};

export const DEFAULT_ANTI_CSRF_TOKENS = {
  exact: ['__RequestVerificationToken', 'csrfmiddlewaretoken', 'csrf_token', 'csrftoken', '_csrf', '_csrf_token', 'csrf-token',
    '_token', 'authenticity_token', 'form_key', 'form_token', 'form_build_id', 'YII_CSRF_TOKEN', '_wpnonce', 'anticsrf',
    '__ncforminfo', 'p_auth', 'token'],
  prefixes: ['__RequestVerificationToken', 'csrf', 'xsrf', '_csrf'],
  contains: ['csrf', 'xsrf', 'antiforgery', 'requestverificationtoken', 'authenticitytoken'],
};

export const DEFAULT_SECRET_PARAMETERS = {
  exact: ['token', 'accesstoken', 'idtoken', 'refreshtoken', 'code', 'authcode', 'state', 'auth', 'key', 'apikey', 'accesskey',
    'password', 'pass', 'pwd', 'passwd', 'otp', 'signature', 'sig', 'secret', 'clientsecret', 'ticket', 'nonce',
    'samlresponse', 'samlrequest', 'sid', 'session', 'sessionid', 'jsessionid', 'phpsessid'],
  contains: ['token', 'passw', 'secret', 'signature', 'credential', 'apikey', 'matkhau', 'session', 'sessid'],
  token_headers: ['token', 'api-key', 'apikey', 'secret', 'session'],
};
const WEBFORMS_STATE = ['__viewstate', '__eventvalidation'];

// fold(name) → the name lower-cased without '_', '-', '.', '[', ']', ':', '$'.
export function fold(name) {
  return String(name).toLowerCase().replace(/[_\-.[\] :$]/g, '');
}

const lower = (list) => (Array.isArray(list) ? list.map((s) => String(s).toLowerCase()) : []);

export function makeNames({ sessionCookies, antiCsrfTokens, secretParameters } = {}) {
  const sc = sessionCookies || DEFAULT_SESSION_COOKIES;
  const ac = antiCsrfTokens || DEFAULT_ANTI_CSRF_TOKENS;
  const sp = secretParameters || DEFAULT_SECRET_PARAMETERS;
  const listOr = (list, fallback) => (Array.isArray(list) && list.length > 0 ? list : fallback);
  const secretExact = new Set(listOr(sp.exact, DEFAULT_SECRET_PARAMETERS.exact).map(fold).filter(Boolean));
  const secretContains = listOr(sp.contains, DEFAULT_SECRET_PARAMETERS.contains).map(fold).filter(Boolean);
  const tokenHeaders = lower(listOr(sp.token_headers, DEFAULT_SECRET_PARAMETERS.token_headers)).filter(Boolean);
  const sessionExact = new Set(lower(sc.url_parameters));
  for (const n of lower(sc.exact)) if (n.endsWith('sid') || n.includes('sess')) sessionExact.add(n);
  const sessionPrefixes = lower(sc.url_parameter_prefixes);
  const csrfExact = new Set(lower(ac.exact));
  const csrfPrefixes = lower(ac.prefixes).filter(Boolean);
  const csrfContains = (Array.isArray(ac.contains) ? ac.contains : []).map(fold);

  const isSessionParam = (name) => {
    const n = String(name).toLowerCase();
    return sessionExact.has(n) || sessionPrefixes.some((p) => n.startsWith(p));
  };
  const isCsrfField = (name) => {
    const n = String(name).toLowerCase();
    if (csrfExact.has(n) || csrfPrefixes.some((p) => n.startsWith(p))) return true;
    if (WEBFORMS_STATE.some((p) => n.startsWith(p))) return true;
    const f = fold(n);
    return csrfContains.some((c) => c && f.includes(c));
  };
  const isSensitive = (name) => {
    const f = fold(name);
    return secretExact.has(f) || secretContains.some((c) => f.includes(c));
  };
  const isTokenHeader = (name) => {
    const n = String(name).toLowerCase();
    return tokenHeaders.some((t) => n.includes(t));
  };
  return { isSessionParam, isCsrfField, isSensitive, isTokenHeader };
}
