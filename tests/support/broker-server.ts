// The demo/fixture broker server for the e2e tests and the demo. ONE port
// answers both TLS and plain HTTP (the first byte of a TLS connection is a
// handshake record, 0x16), because Chromium is started with
// `--host-resolver-rules="MAP * 127.0.0.1:PORT"`: every host name, broker or
// not, http or https, lands here. Firefox has no such switch; it uses this
// port as its HTTP and HTTPS proxy instead (`firefoxPrefs()`), so its https
// requests arrive as `CONNECT host:443` and are answered by the same TLS
// server. So every request the browser or the extension makes is logged, and
// tests can prove that nothing went anywhere but the broker hosts.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROKERS } from '../../utils/brokers';
import { createDemoSite, type DemoSite } from '../../demo/site/site';

const TLS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'tls');

/** Logged-in hosts from the registry plus the brokers' public and login hosts. */
export const BROKER_HOSTS: readonly string[] = [
  ...BROKERS.flatMap((b) => b.hosts),
  'www.rakuten-sec.co.jp',
  'www.sbisec.co.jp',
  'login.sbisec.co.jp',
];

/**
 * Chromium's own background calls that no switch turns off in Chromium 156
 * (tried: --disable-background-networking, --disable-component-update,
 * --disable-sync, signin prefs, optimization-guide features). Both are POSTs:
 * a POST made by the extension or a page always carries the browser-set
 * `Origin` of its maker (`chrome-extension://…` or the page's origin) and a
 * `Sec-Fetch-Site` other than `none`, so neither can pass for these.
 * Anything else that reaches a non-broker host fails the tests.
 */
export const CHROMIUM_SERVICE_CALLS: ReadonlyArray<ServiceCall> = [
  {
    method: 'POST',
    host: 'update.googleapis.com',
    path: '/service/update2/json',
    what: 'component updater (optimization-guide model manifest)',
  },
  {
    method: 'POST',
    host: 'accounts.google.com',
    path: '/ListAccounts',
    origin: 'https://www.google.com',
    what: 'Google account cookie check of the browser profile',
  },
];

export type ServiceCall = { method: string; host: string; path: string; origin?: string; what: string };

/**
 * Firefox ESR 153's own calls that remain once its services are pointed at
 * nothing: none. Measured: a fresh profile (the @puppeteer/browsers Firefox
 * profile plus FIREFOX_QUIET_PREFS in firefox.ts) still polled
 * firefox.settings.services.mozilla.com (remote settings: /v1/ and
 * /v1/buckets/monitor/collections/changes/changeset?collection=…) until
 * Firefox was started with MOZ_REMOTE_SETTINGS_DEVTOOLS=1, which lets the
 * profile's `services.settings.server` (a data: URL) take effect. A call
 * Firefox starts making later must be listed here, with its reason, like
 * Chromium's above; tests/e2e/firefox-capture.e2e.test.ts proves that a
 * request to that host from the extension is still caught.
 */
export const FIREFOX_SERVICE_CALLS: ReadonlyArray<ServiceCall> = [];

function isServiceCall(calls: ReadonlyArray<ServiceCall>, r: LoggedRequest): boolean {
  // a proxy tunnel or a bare handshake carries only the host name
  if (r.method === 'TLS-HANDSHAKE' || r.method === 'CONNECT') return calls.some((c) => c.host === r.host);
  if (r.fetch && r.fetch.site !== 'none') return false;
  const path = r.url.split('?')[0];
  return calls.some((c) => c.method === r.method && c.host === r.host && c.path === path && r.origin === c.origin);
}

export const isChromiumServiceCall = (r: LoggedRequest) => isServiceCall(CHROMIUM_SERVICE_CALLS, r);
export const isFirefoxServiceCall = (r: LoggedRequest) => isServiceCall(FIREFOX_SERVICE_CALLS, r);

export interface LoggedRequest {
  at: number;
  scheme: 'http' | 'https';
  method: string;
  /** Host header without port. */
  host: string;
  /** TLS server name the client asked for (https only). */
  sni?: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  page?: string;
  /** Fetch metadata (`Sec-Fetch-Mode`/`-Site`/`-Dest`), sent by Chromium over https. */
  fetch?: { mode?: string; site?: string; dest?: string };
  origin?: string;
}

export interface BrokerServer {
  port: number;
  requests: LoggedRequest[];
  /** Server names of every TLS handshake, even one that never sent a request. */
  handshakes: Array<{ at: number; sni: string | undefined }>;
  /** Hosts of every proxy tunnel (`CONNECT host:port`, Firefox), even one that never sent a request. */
  tunnels: Array<{ at: number; host: string; port: number }>;
  /** Requests (and bare TLS handshakes) to hosts that are not broker hosts. */
  foreignRequests(): LoggedRequest[];
  /** Requests for the path `x` (the target of the hostile `<img src=x>` text in the demo pages). */
  hostileRequests(): LoggedRequest[];
  /** Chromium flags that send every host name to this server. */
  chromiumArgs(): string[];
  /** Firefox preferences that send every http and https request here, through this port as the proxy. */
  firefoxPrefs(): Record<string, string | number | boolean>;
  close(): Promise<void>;
}

export interface BrokerServerOptions {
  site?: DemoSite;
  port?: number;
  /** Called for every request (the demo prints them). */
  onRequest?: (r: LoggedRequest) => void;
}

export async function startBrokerServer(options: BrokerServerOptions = {}): Promise<BrokerServer> {
  const site = options.site ?? createDemoSite();
  const requests: LoggedRequest[] = [];
  const handshakes: BrokerServer['handshakes'] = [];
  const tunnels: BrokerServer['tunnels'] = [];

  const handler = (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    // request bodies (the demo login form) are drained, never read
    req.resume();
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const sni = scheme === 'https' ? (req.socket as TLSSocket).servername || undefined : undefined;
    // a plain-http request through the proxy names the whole URL (`GET http://host/path`)
    const url = /^https?:\/\//i.test(req.url ?? '') ? originForm(req.url!) : (req.url ?? '/');
    let answer;
    if (scheme === 'http' && BROKER_HOSTS.includes(host)) {
      // brokers are https only; the extension never reads plain-http pages
      answer = { status: 301, headers: { location: `https://${host}${url}` }, body: new Uint8Array() };
    } else {
      answer = site.handle({ method: req.method ?? 'GET', host, url });
    }
    const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const fetchMeta = { mode: h('sec-fetch-mode'), site: h('sec-fetch-site'), dest: h('sec-fetch-dest') };
    const entry: LoggedRequest = {
      at: Date.now(),
      scheme,
      method: req.method ?? 'GET',
      host,
      ...(sni ? { sni } : {}),
      url,
      status: answer.status,
      ...('page' in answer && answer.page ? { page: answer.page } : {}),
      ...(fetchMeta.mode || fetchMeta.site || fetchMeta.dest ? { fetch: fetchMeta } : {}),
      ...(h('origin') ? { origin: h('origin') } : {}),
    };
    requests.push(entry);
    options.onRequest?.(entry);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.byteLength) });
    res.end(answer.body);
  };

  const plain = http.createServer(handler('http'));
  const tls = https.createServer(
    { key: readFileSync(join(TLS_DIR, 'test-only-key.pem')), cert: readFileSync(join(TLS_DIR, 'test-only-cert.pem')) },
    handler('https'),
  );
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  // Firefox's https through the proxy: log the tunnel, then hand the socket to the TLS server
  plain.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const target = /^\[?([^\]]*?)\]?:(\d+)$/.exec(req.url ?? '');
    tunnels.push({
      at: Date.now(),
      host: (target?.[1] ?? req.url ?? '').toLowerCase(),
      port: Number(target?.[2] ?? 0),
    });
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.byteLength) socket.unshift(head);
      tls.emit('connection', socket);
    });
  });
  tls.on('tlsClientError', () => undefined);
  tls.on('secureConnection', (s: TLSSocket) => handshakes.push({ at: Date.now(), sni: s.servername || undefined }));

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (tcp.address() as net.AddressInfo).port;

  return {
    port,
    requests,
    handshakes,
    foreignRequests: () => [
      ...requests.filter(
        (r) => !BROKER_HOSTS.includes(r.host) || (r.sni !== undefined && !BROKER_HOSTS.includes(r.sni)),
      ),
      ...handshakes
        .filter((h) => h.sni !== undefined && !BROKER_HOSTS.includes(h.sni))
        .map((h): LoggedRequest => ({
          at: h.at,
          scheme: 'https',
          method: 'TLS-HANDSHAKE',
          host: h.sni!,
          sni: h.sni,
          url: '',
          status: 0,
        })),
      ...tunnels
        .filter((t) => !BROKER_HOSTS.includes(t.host))
        .map((t): LoggedRequest => ({
          at: t.at,
          scheme: 'https',
          method: 'CONNECT',
          host: t.host,
          url: '',
          status: 200,
        })),
    ],
    tunnels,
    hostileRequests: () => requests.filter((r) => /(^|\/)x$/.test(r.url.split(/[?#]/)[0] ?? '')),
    chromiumArgs: () => [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    firefoxPrefs: () => ({
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      // nothing bypasses the proxy, not even names that look local
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // no DNS over HTTPS, no DNS at all for proxied names
      'network.trr.mode': 5,
      'network.proxy.socks_remote_dns': true,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        tcp.close(() => resolve());
      }),
  };
}

/** `http://host:port/path?q` as sent to a proxy → `/path?q`, as a server sees it. */
function originForm(absolute: string): string {
  try {
    const u = new URL(absolute);
    return u.pathname + u.search;
  } catch {
    return absolute;
  }
}
