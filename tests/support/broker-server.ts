// The demo/fixture broker server for the e2e tests and the demo. ONE port
// answers both TLS and plain HTTP (the first byte of a TLS connection is a
// handshake record, 0x16), because Chromium is started with
// `--host-resolver-rules="MAP * 127.0.0.1:PORT"`: every host name, broker or
// not, http or https, lands here. So every request the browser or the
// extension makes is logged, and tests can prove that nothing went anywhere
// but the broker hosts.

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
export const CHROMIUM_SERVICE_CALLS: ReadonlyArray<{
  method: string;
  host: string;
  path: string;
  origin?: string;
  what: string;
}> = [
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

export function isChromiumServiceCall(r: LoggedRequest): boolean {
  if (r.method === 'TLS-HANDSHAKE') return CHROMIUM_SERVICE_CALLS.some((c) => c.host === r.host);
  if (r.fetch && r.fetch.site !== 'none') return false;
  const path = r.url.split('?')[0];
  return CHROMIUM_SERVICE_CALLS.some(
    (c) => c.method === r.method && c.host === r.host && c.path === path && r.origin === c.origin,
  );
}

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
  /** Requests (and bare TLS handshakes) to hosts that are not broker hosts. */
  foreignRequests(): LoggedRequest[];
  /** Requests for the path `x` (the target of the hostile `<img src=x>` text in the demo pages). */
  hostileRequests(): LoggedRequest[];
  /** Chromium flags that send every host name to this server. */
  chromiumArgs(): string[];
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

  const handler = (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    // request bodies (the demo login form) are drained, never read
    req.resume();
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const sni = scheme === 'https' ? (req.socket as TLSSocket).servername || undefined : undefined;
    const url = req.url ?? '/';
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
    ],
    hostileRequests: () => requests.filter((r) => /(^|\/)x$/.test(r.url.split(/[?#]/)[0] ?? '')),
    chromiumArgs: () => [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        tcp.close(() => resolve());
      }),
  };
}
