// Checks a server configuration snippet with the real tools, each in a minimal configuration in a
// temporary directory (tests/js/server-snippets.test.mjs):
//   nginx   `nginx -t` on http { <http> server { <server> location / { <location> } } };
//   apache  `apache2 -t` on a config that loads Debian's mod_headers, mod_rewrite and mod_ssl,
//           with the snippet in the main server config or in a <VirtualHost>;
//   iis     `xmllint --schema` against tests/support/server-config/iis-web-config-subset.xsd
//           on <configuration><snippet></configuration>;
//   tomcat  web.xml: `xmllint --schema` against the Servlet web-app_4_0.xsd and web-app_5_0.xsd
//           of Debian's libjakarta-servlet-api-java jar (extracted with unzip); context.xml and
//           server.xml: against tests/support/server-config/tomcat-config-subset.xsd;
//           portal-ext.properties: every line is a comment or key=value.
// check(server, file, code) → {ok, output}; missingTool(server, file) → a message naming the
// missing tool or package, or null when the check can run. Never throws for a bad snippet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SUPPORT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../support/server-config');
const APACHE_MODULES = '/usr/lib/apache2/modules';
const SERVLET_JAR = '/usr/share/java/jakarta-servlet-api.jar';

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

function withTempDir(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-snippet-'));
  try { return fn(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

const indent = (code, n) => code.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

export function nginxConf(dir, file, code) {
  const at = (f) => (file === f ? indent(code, 8) : '');
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${at('http')}
    server {
        listen 127.0.0.1:8080;
        server_name localhost;
${at('server')}
        location / {
            proxy_pass http://127.0.0.1:9;
${at('location')}
        }
    }
}
`;
}

export function apacheConf(dir, file, code) {
  const mods = [['mpm_event', 'mod_mpm_event.so'], ['authz_core', 'mod_authz_core.so'], ['headers', 'mod_headers.so'],
    ['rewrite', 'mod_rewrite.so'], ['socache_shmcb', 'mod_socache_shmcb.so'], ['ssl', 'mod_ssl.so']];
  return `ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
Mutex file:${dir} default
Listen 127.0.0.1:8081
${mods.map(([n, f]) => `LoadModule ${n}_module ${APACHE_MODULES}/${f}`).join('\n')}
ServerName localhost
${file === 'server' ? code : ''}
<VirtualHost 127.0.0.1:8081>
    ServerName localhost
${file === 'virtualhost' ? indent(code, 4) : ''}
</VirtualHost>
`;
}

// The directory with the Servlet schemas, extracted once per process (null when unavailable).
let servletSchemas;
function servletSchemaDir() {
  if (servletSchemas !== undefined) return servletSchemas;
  servletSchemas = null;
  if (!fs.existsSync(SERVLET_JAR) || !which('unzip')) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-servlet-xsd-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  if (!run('unzip', ['-q', '-j', '-o', SERVLET_JAR, 'jakarta/servlet/resources/*.xsd', '-d', dir]).ok) return null;
  // Offline: the schemas import the W3C xml.xsd by its web address; this jar ships no copy, so a
  // minimal one declaring the xml: attributes they use (xml:lang) stands in for it.
  if (!fs.existsSync(path.join(dir, 'xml.xsd'))) fs.writeFileSync(path.join(dir, 'xml.xsd'), XML_XSD);
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll('http://www.w3.org/2001/xml.xsd', 'xml.xsd'));
  }
  servletSchemas = dir;
  return dir;
}

const XML_XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>
`;

const WEB_APPS = [
  { xsd: 'web-app_4_0.xsd', ns: 'http://xmlns.jcp.org/xml/ns/javaee', version: '4.0' },
  { xsd: 'web-app_5_0.xsd', ns: 'https://jakarta.ee/xml/ns/jakartaee', version: '5.0' },
];

function xmlCheck(dir, xml, xsd) {
  const file = path.join(dir, 'snippet.xml');
  fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`);
  return run('xmllint', ['--noout', '--nonet', '--schema', xsd, file]);
}

export function missingTool(server, file) {
  if (server === 'nginx') return which('nginx') ? null : 'nginx is not installed (Debian package nginx-light; scripts/setup)';
  if (server === 'apache') {
    return which('apache2') && fs.existsSync(`${APACHE_MODULES}/mod_headers.so`) ? null : 'apache2 is not installed (Debian package apache2; scripts/setup)';
  }
  if (server === 'tomcat' && file === 'portal-ext.properties') return null;
  if (!which('xmllint')) return 'xmllint is not installed (Debian package libxml2-utils)';
  if (server === 'tomcat' && file === 'web.xml' && !servletSchemaDir()) {
    return `the Servlet schemas are missing (${SERVLET_JAR} from Debian package libjakarta-servlet-api-java, and unzip; scripts/setup)`;
  }
  return null;
}

export function check(server, file, code) {
  return withTempDir((dir) => {
    if (server === 'nginx') {
      fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, file, code));
      return run('nginx', ['-t', '-q', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')]);
    }
    if (server === 'apache') {
      fs.writeFileSync(path.join(dir, 'httpd.conf'), apacheConf(dir, file, code));
      return run('apache2', ['-t', '-f', path.join(dir, 'httpd.conf')]);
    }
    if (server === 'iis') return xmlCheck(dir, `<configuration>\n${code}\n</configuration>`, path.join(SUPPORT, 'iis-web-config-subset.xsd'));
    if (file === 'portal-ext.properties') {
      const bad = code.split('\n').filter((l) => !/^\s*(#.*)?$/.test(l) && !/^[A-Za-z0-9._-]+=[^\n]*$/.test(l));
      return { ok: bad.length === 0, output: bad.map((l) => `not key=value: ${l}`).join('\n') };
    }
    if (file === 'web.xml') {
      const schemas = servletSchemaDir();
      const results = WEB_APPS.map((w) => xmlCheck(dir,
        `<web-app xmlns="${w.ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="${w.version}">\n${code}\n</web-app>`,
        path.join(schemas, w.xsd)));
      return { ok: results.every((r) => r.ok), output: results.map((r) => r.output).join('\n') };
    }
    const root = file === 'context.xml' ? 'Context' : /^\s*<Valve\b/.test(code) ? 'Host' : 'Connector';
    return xmlCheck(dir, `<${root}>\n${code}\n</${root}>`, path.join(SUPPORT, 'tomcat-config-subset.xsd'));
  });
}
