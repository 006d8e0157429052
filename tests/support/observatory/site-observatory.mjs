// The real Mozilla HTTP Observatory (npm @mdn/mdn-http-observatory, a devDependency) run on a
// synthetic site (sites.mjs) without the network.
//
// The Observatory's scan() fetches the site (src/retriever/retriever.js) into a `Requests` object
// and runs every analyser test on it (src/scanner/index.js). Here the same object is built from the
// site's routes the way its retriever fills it, then its own tests and grader run on it:
//   - two sessions (src/retriever/session.js), from http://host/ and https://host/, each following
//     301/302/303/307/308 redirects (at most 10) and recording {url, status} per hop; a refused
//     first request leaves the session without a response;
//   - every hop's Set-Cookie fields go into the session's tough-cookie jar as http-cookie-agent
//     stores them (jar.setCookieSync(value, requestUrl, {ignoreError: true}));
//   - the response headers as Node's http parser folds repeated fields (IncomingMessage's own
//     _addHeaderLine: most are joined with ", ", Content-Type and a few others keep the first,
//     Set-Cookie stays a list), wrapped in AxiosHeaders as axios does;
//   - responses.auto/session: the https session when it answered, else the http one;
//     httpRedirects and httpsRedirects: both the http session's history (as the retriever does);
//     resources.path: the body of the auto response; auto.httpEquiv: parseHttpEquivHeaders(body)
//     when the Content-Type's part before ";" is text/html or application/xhtml+xml;
//   - responses.cors: null (the synthetic sites answer no CORS preflight, and the engine grades no
//     CORS test: its "cross-origin-resource-sharing" result must then carry modifier 0).
// The HSTS preload list is an empty one (no-preload-hook.mjs).
//
// observatoryScan(site) → {tests: {name: {result, pass, modifier}}, score, grade}
import http from 'node:http';
import { Socket } from 'node:net';
import { register } from 'node:module';

register('./no-preload-hook.mjs', import.meta.url);

const SRC = '@mdn/mdn-http-observatory/src';
const { AxiosHeaders } = await import('axios');
const { Requests, HTML_TYPES } = await import(`${SRC}/types.js`);
const { Session } = await import(`${SRC}/retriever/session.js`);
const { parseHttpEquivHeaders } = await import(`${SRC}/retriever/utils.js`);
const { ALL_TESTS } = await import(`${SRC}/constants.js`);
const { getScoreModifier, getGradeForScore } = await import(`${SRC}/grader/grader.js`);
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import(`${SRC}/grader/charts.js`);

const REDIRECT_STATUS_CODES = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 10;

// Header pairs as Node's http parser hands them to axios.
function nodeHeaders(pairs) {
  const message = new http.IncomingMessage(new Socket());
  const folded = {};
  for (const [name, value] of pairs) message._addHeaderLine(name, value, folded);
  return folded;
}

function axiosResponse(url, route) {
  const folded = nodeHeaders(route.headers);
  return {
    folded,
    response: {
      status: route.status,
      statusText: '',
      headers: new AxiosHeaders(folded),
      data: route.body,
      config: { url, headers: new AxiosHeaders() },
      request: { headers: new AxiosHeaders() },
      verified: true,
    },
  };
}

// One retriever session from `start` over the site's routes.
function session(site, start) {
  const s = new Session(new URL(start));
  let url = start;
  for (;;) {
    const route = site.routes.get(url);
    if (!route) {
      // Session.init: a failed request leaves no response and no recording client.
      s.response = null;
      s.clientInstanceRecordingRedirects = null;
      s.clientInstance = null;
      return s;
    }
    const { folded, response } = axiosResponse(url, route);
    for (const cookie of [folded['set-cookie'] ?? []].flat()) s.jar.setCookieSync(cookie, url, { ignoreError: true });
    s.redirectHistory.push({ url: new URL(url), status: route.status });
    const location = folded.location;
    if (s.redirectCount < MAX_REDIRECTS && REDIRECT_STATUS_CODES.includes(route.status) && location) {
      url = new URL(location, url).href;
      s.redirectCount++;
      continue;
    }
    s.response = response;
    return s;
  }
}

export function observatoryRequests(site) {
  const requests = new Requests(site.host);
  const httpSession = session(site, `http://${site.host}/`);
  const httpsSession = session(site, `https://${site.host}/`);
  requests.responses.http = httpSession.response;
  requests.responses.https = httpsSession.response;
  requests.responses.httpRedirects = httpSession.redirectHistory;
  requests.responses.httpsRedirects = httpSession.redirectHistory;
  const chosen = httpsSession.clientInstanceRecordingRedirects ? httpsSession : httpSession;
  requests.responses.auto = chosen.response;
  requests.session = chosen;
  requests.responses.cors = null;
  const auto = requests.responses.auto;
  requests.resources.path = auto ? auto.data : null;
  if (auto) {
    const html = HTML_TYPES.has(auto.headers['content-type']?.split(';')[0]) && requests.resources.path;
    auto.httpEquiv = html ? parseHttpEquivHeaders(requests.resources.path, chosen.url.href) : new Map();
  }
  return requests;
}

// Runs every analyser test and scores them as scan() does: modifiers summed, bonuses (positive
// modifiers) kept only when the penalised score reaches MINIMUM_SCORE_FOR_EXTRA_CREDIT.
export function observatoryScan(site) {
  const requests = observatoryRequests(site);
  const status = requests.responses.auto?.status;
  if (status === undefined || status < 200 || (status >= 400 && ![401, 403].includes(status)))
    throw new Error(`${site.name}: the Observatory would refuse this site (status ${status})`);
  const tests = {};
  let withBonus = 100;
  let penalised = 100;
  for (const test of ALL_TESTS) {
    const output = test(requests);
    const modifier = output.result ? getScoreModifier(output.result) : 0;
    withBonus += modifier;
    if (modifier < 0) penalised += modifier;
    tests[output.constructor.name] = { result: output.result, pass: output.pass, modifier };
  }
  const { score, grade } = getGradeForScore(penalised >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonus : penalised);
  return { tests, score, grade };
}
