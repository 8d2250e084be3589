// `npm run new-broker -- <id>`: a new broker as one folder and one registry line.
// Writes utils/brokers/<id>/ (broker.ts, index.ts, <id>.test.ts, fixtures for
// every page state the fixture suite asks for) and inserts the import and the
// registry entry into utils/brokers/registry.ts, sorted by id. The fixtures are
// invented placeholders, and say so: replace them with faithful ones from
// docs/brokers.md (real ones where a licence allows) before the broker ships.
// Pure planning here (scaffoldFiles, withRegistryLine); scripts/new-broker.ts writes.

export interface ScaffoldOptions {
  id: string;
  ja: string;
  en: string;
  /** Former names the broker's pages may use. */
  otherNames?: readonly string[];
  /** Logged-in hosts (never a login host). */
  hosts: string[];
  loginHosts: string[];
}

const ID = /^[a-z][a-z0-9]*$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function checkOptions(o: ScaffoldOptions): string[] {
  const problems: string[] = [];
  if (!ID.test(o.id)) problems.push(`id "${o.id}": lower-case letters and digits, starting with a letter`);
  if (!o.hosts.length) problems.push('at least one logged-in host (--host)');
  for (const h of [...o.hosts, ...o.loginHosts]) if (!HOST.test(h)) problems.push(`not a host name: ${h}`);
  for (const h of o.hosts) if (o.loginHosts.includes(h)) problems.push(`${h} is both a logged-in and a login host`);
  return problems;
}

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function declaration(o: ScaffoldOptions): string {
  return `// ${o.ja}. TODO: what is known about its pages, with sources (docs/brokers.md "Real samples").

import { defineBroker } from '../declaration';

export default defineBroker({
  id: ${q(o.id)},
  label: { ja: ${q(o.ja)}, en: ${q(o.en)} },${o.otherNames?.length ? `\n  otherNames: [${o.otherNames.map(q).join(', ')}],` : ''}
  hosts: [${o.hosts.map(q).join(', ')}],
  loginHosts: [${o.loginHosts.map(q).join(', ')}],
  // TODO: the broker's own pages for the "what to do now" card
  officialUrls: { home: ${q(`https://${o.loginHosts[0] ?? o.hosts[0]}/`)}, support: ${q(`https://${o.loginHosts[0] ?? o.hosts[0]}/`)} },
  pageKinds: ['login-history'],
  parserVersion: ${q(`${o.id}/0.1.0`)},
  phrases: {
    // TODO: the broker's own words for a logged-out, expired, maintenance and extra-authentication page
    notLoggedIn: [],
    maintenance: [],
  },
  urlHints: [],
  // TODO: the broker's published idle timeout; short when unknown, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
`;
}

function adapterIndex(o: ScaffoldOptions): string {
  return `// The ${o.id} adapter (its declaration, ./broker.ts, with the shared readers): the registry's
// own instance, for tests and tools that name it.
import { brokerById } from '../index';

export const ${o.id} = brokerById(${q(o.id)})!;
`;
}

function test(o: ScaffoldOptions): string {
  return `import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { ${o.id} } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(${o.id}, dir);
orderFixtureSuite(${o.id}, dir);

// TODO: real URL shapes of the broker's pages (docs/brokers.md), and look-alikes
const OWN = [${o.hosts.map((h) => q(`https://${h}/`)).join(', ')}];
const NOT_OWN = [${[...o.loginHosts.map((h) => `https://${h}/`), `http://${o.hosts[0]}/`, `https://${o.hosts[0]}.evil.example/`].map(q).join(', ')}];

describe('${o.id} adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe(${q(o.id)});
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== ${q(o.id)}).flatMap((b) => b.hosts.map((h) => [\`https://\${h}/\`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});
`;
}

const PLACEHOLDER = (o: ScaffoldOptions, what: string) =>
  `<!-- Synthetic fixture made by npm run new-broker (${what}). Invented: everything. Replace it with a faithful page of ${o.ja} (docs/brokers.md), saying at this place what is real and where it comes from. -->`;

function page(title: string, body: string, loggedIn: boolean): string {
  const logout = loggedIn ? '<p><a href="/logout">ログアウト</a></p>' : '';
  return `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${logout}
${body}
</body>
</html>
`;
}

function fixtures(o: ScaffoldOptions): Record<string, { html: string; expected: unknown }> {
  const base = `https://${o.hosts[0]}/`;
  const url = (path: string) => base + path;
  const history = (rows: string) =>
    `<h1>ログイン履歴</h1>\n<table>\n<tr><th>ログイン日時</th><th>IPアドレス</th><th>ご利用環境</th></tr>\n${rows}</table>`;
  const ok = { url: url('login-history'), pageKind: 'login-history', status: 'ok', loggedIn: true };
  return {
    'login-history.html': {
      html: `${PLACEHOLDER(o, 'normal')}\n${page(`ログイン履歴 | ${o.ja}`, history('<tr><td>2025/03/29 02:41:05</td><td>203.0.113.7</td><td>PC</td></tr>\n'), true)}`,
      expected: {
        ...ok,
        logins: [
          {
            at: '2025-03-29T02:41:05+09:00',
            result: 'success',
            ip: '203.0.113.7',
            channel: 'PC',
            raw: { ログイン日時: '2025/03/29 02:41:05', IPアドレス: '203.0.113.7', ご利用環境: 'PC' },
          },
        ],
      },
    },
    'login-history-empty.html': {
      html: `${PLACEHOLDER(o, 'empty')}\n${page(`ログイン履歴 | ${o.ja}`, '<h1>ログイン履歴</h1>\n<p>ログイン履歴はありません。</p>', true)}`,
      expected: { ...ok, status: 'empty', logins: [] },
    },
    'login-history-unreadable.html': {
      html: `${PLACEHOLDER(o, 'unreadable: a row without a time')}\n${page(`ログイン履歴 | ${o.ja}`, history('<tr><td>不明</td><td>203.0.113.7</td><td>PC</td></tr>\n'), true)}`,
      expected: { ...ok, status: 'unreadable', logins: [] },
    },
    'home.html': {
      html: `${PLACEHOLDER(o, 'a logged-in page of no kind read')}\n${page(`ホーム | ${o.ja}`, '<h1>ホーム</h1>', true)}`,
      expected: { url: url('home'), pageKind: 'other', status: 'unsupported', loggedIn: true, logins: [] },
    },
    'session-expired.html': {
      html: `${PLACEHOLDER(o, 'logged out')}\n${page(`${o.ja}`, '<h1>セッションが切れました</h1>\n<p>再度ログインしてください。</p>', false)}`,
      expected: { url: url('home'), pageKind: null, status: 'not-logged-in', loggedIn: false, logins: [] },
    },
    'maintenance.html': {
      html: `${PLACEHOLDER(o, 'maintenance')}\n${page(`${o.ja}`, '<h1>システムメンテナンス中</h1>\n<p>ただいまシステムメンテナンスのため、サービスを停止しております。</p>', false)}`,
      expected: { url: url('home'), pageKind: null, status: 'maintenance', loggedIn: false, logins: [] },
    },
  };
}

/** Every file of the new broker's folder, by path relative to the folder. */
export function scaffoldFiles(o: ScaffoldOptions): Record<string, string> {
  const out: Record<string, string> = {
    'broker.ts': declaration(o),
    'index.ts': adapterIndex(o),
    [`${o.id}.test.ts`]: test(o),
  };
  for (const [name, f] of Object.entries(fixtures(o))) {
    out[`fixtures/${name}`] = f.html;
    out[`fixtures/${name.replace(/\.html$/, '.expected.json')}`] = `${JSON.stringify(f.expected, null, 2)}\n`;
  }
  return out;
}

/** firms.ts without the firm's entry (a declared broker is no longer an undeclared firm). */
export function withoutFirm(firms: string, key: string): string {
  const start = firms.search(new RegExp(`\\n  \\{\\s*key: '${key}',`));
  if (start < 0) return firms;
  const end = firms.indexOf('},', start);
  return firms.slice(0, start) + firms.slice(end + 2);
}

/** registry.ts with the broker's import and entry added, both kept sorted by id. */
export function withRegistryLine(registry: string, id: string): string {
  const imports = [...registry.matchAll(/^import (\w+) from '\.\/(\w+)\/broker';$/gm)];
  const list = /export const DECLARATIONS = \[([^\]]*)\] as const;/.exec(registry);
  if (!list || !imports.length) throw new Error('registry.ts: no declaration imports or DECLARATIONS list found');
  const ids = list[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.includes(id)) throw new Error(`registry.ts already lists ${id}`);
  const sorted = [...ids, id].sort();
  const importBlock = sorted.map((i) => `import ${i} from './${i}/broker';`).join('\n');
  const first = imports[0]!.index!;
  const last = imports[imports.length - 1]!;
  return (
    registry.slice(0, first) +
    importBlock +
    registry
      .slice(last.index! + last[0].length)
      .replace(list[0], `export const DECLARATIONS = [${sorted.join(', ')}] as const;`)
  );
}
