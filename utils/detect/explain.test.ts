// Every code an explanation uses exists in both catalogues; texts carry no
// link or phone number except the adapters' official URLs and #9110.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import type { Msg } from '../records/alert';
import { render, substitutions } from './explain';

const root = join(__dirname, '..', '..');
const cat = (l: string) =>
  JSON.parse(readFileSync(join(root, 'public', '_locales', l, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
const ja = cat('ja');
const en = cat('en');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [join(dir, d.name)]
        : [],
  );
}
const used = [
  ...new Set(
    sources(__dirname).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'(det[A-Z][A-Za-z]+)'/g)].map((m) => m[1]!),
    ),
  ),
];

describe('detection messages', () => {
  it.each(used)('%s is in ja and en', (code) => {
    expect(ja[code]?.message).toBeTruthy();
    expect(en[code]?.message).toBeTruthy();
  });
  it('no link or phone number but the official URLs and #9110', () => {
    const official = BROKERS.flatMap((b) => Object.values(b.officialUrls));
    for (const [k, v] of Object.entries({ ...ja, ...en }).filter(([k]) => k.startsWith('det'))) {
      expect(v.message, k).not.toMatch(/https?:|www\.|\d{2,4}-\d{2,4}-\d{3,4}|0120/);
    }
    const rendered = render({
      code: 'detTodoContactBroker',
      params: { url: { code: '@supportUrl', params: { id: 'sbi' } } },
    });
    expect(official.some((u) => rendered.includes(u))).toBe(true);
  });
  it('renders named placeholders, nested messages and lists, in both languages', () => {
    const msg: Msg = {
      code: 'detComparedLogins',
      params: {
        count: 143,
        countries: [{ code: '@country', params: { cc: 'JP' } }],
        networks: 2,
        devices: [
          { code: 'detDeviceBrowserOn', params: { os: 'Windows', browser: 'Chrome' } },
          { code: 'detDeviceApp', params: { app: 'iSPEED' } },
        ],
      },
    };
    expect(render(msg, 'ja')).toBe('過去143回のログイン：日本、2つのネットワーク、Windows の Chrome、iSPEED アプリ');
    expect(render(msg, 'en')).toBe('Your past 143 logins: Japan, 2 networks, Chrome on Windows, the iSPEED app');
    expect(substitutions(msg, 'ja')).toEqual(['143', '日本', '2', 'Windows の Chrome、iSPEED アプリ']);
  });
});
