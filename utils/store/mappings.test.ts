import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_MAPPING_FILE_FORMAT, TABLE_MAPPING_FORMAT, TableMappingSchema } from '../records/table-mapping';
import { KabuGuardDB } from './db';
import {
  allMappings,
  buildMapping,
  exportMappings,
  importMappings,
  mappingId,
  parseMappingFile,
  removeMapping,
  saveMapping,
  type MappingDraft,
} from './mappings';

const DRAFT: MappingDraft = {
  broker: 'rakuten',
  urlPattern: '/app/info_connect_log.do',
  kind: 'login-history',
  signature: ['接続時刻', '接続元アドレス', '端末種別'],
  columns: [
    { header: '接続時刻', field: 'at' },
    { header: '接続元アドレス', field: 'ip' },
  ],
  title: '接続の記録｜楽天証券',
};
const AT = '2026-05-02T10:00:00+09:00';

let db: KabuGuardDB;
beforeEach(() => {
  db = new KabuGuardDB(`mappings-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('mapping store', () => {
  it('saves a taught mapping, lists it per broker, removes it, and logs each change', async () => {
    const m = await saveMapping(db, buildMapping(DRAFT, 'taught', AT));
    expect(m).toMatchObject({ format: TABLE_MAPPING_FORMAT, origin: 'taught', createdAt: AT, broker: 'rakuten' });
    expect(m.id).toBe(mappingId(m));
    expect((await allMappings(db, 'rakuten')).map((x) => x.id)).toEqual([m.id]);
    expect(await allMappings(db, 'sbi')).toEqual([]);
    expect(await removeMapping(db, m.id)).toBe(true);
    expect(await removeMapping(db, m.id)).toBe(false);
    expect(await allMappings(db)).toEqual([]);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.map((e) => [e.type, e.detail.action ?? e.detail.what, e.detail.id])).toEqual([
      ['feedback', 'table-mapping-taught', m.id],
      ['delete', 'table-mapping', m.id],
    ]);
  });

  it('the same mapping taught twice is one (the id is what it says)', async () => {
    const a = buildMapping(DRAFT, 'taught', AT);
    const b = buildMapping({ ...DRAFT, columns: [...DRAFT.columns].reverse() }, 'taught', '2026-05-03T10:00:00+09:00');
    expect(b.id).toBe(a.id);
    expect(buildMapping({ ...DRAFT, urlPattern: '/app/other.do' }, 'taught', AT).id).not.toBe(a.id);
  });

  it.each([
    ['no time column', { columns: [{ header: '接続元アドレス', field: 'ip' }] }, /missing fields: at\|date/],
    [
      'a field of the other kind',
      {
        columns: [
          { header: '接続時刻', field: 'at' },
          { header: '端末種別', field: 'side' },
        ],
      },
      /not a login-history field/,
    ],
    [
      'a column not in the header row',
      {
        columns: [
          { header: '接続時刻', field: 'at' },
          { header: '備考', field: 'ip' },
        ],
      },
      /not in the header row/,
    ],
    [
      'one field twice',
      {
        columns: [
          { header: '接続時刻', field: 'at' },
          { header: '端末種別', field: 'at' },
        ],
      },
      /mapped twice/,
    ],
    ['a URL with a host', { urlPattern: 'https://evil.example/app/x.do' }, /path starting with \//],
    ['a session id in the URL', { urlPattern: '/app/x.do?BV_SessionID=abc' }, /no session ids/],
  ])('refuses a draft with %s', (_what, change, message) => {
    expect(() => buildMapping({ ...DRAFT, ...change } as MappingDraft, 'taught', AT)).toThrow(message);
  });
});

describe('export and import', () => {
  it('an exported file imports again: same ids, marked imported, dated at import', async () => {
    const m = buildMapping(DRAFT, 'taught', AT);
    const file = exportMappings([m], AT);
    expect(JSON.parse(file)).toMatchObject({ format: TABLE_MAPPING_FILE_FORMAT, mappings: [{ id: m.id }] });
    const later = '2026-06-01T09:00:00+09:00';
    const r = await importMappings(db, file, later);
    expect(r.ok).toBe(true);
    const stored = await allMappings(db);
    expect(stored).toEqual([{ ...m, origin: 'imported', createdAt: later }]);
    expect(stored.every((x) => TableMappingSchema.safeParse(x).success)).toBe(true);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.at(-1)).toMatchObject({
      type: 'import',
      detail: { what: 'table-mappings', ids: [m.id], brokers: ['rakuten'] },
    });
  });

  it('a single mapping object imports too, with its id recomputed', () => {
    const m = buildMapping(DRAFT, 'taught', AT);
    const r = parseMappingFile(JSON.stringify({ ...m, columns: [...m.columns].reverse() }), AT);
    expect(r).toMatchObject({ ok: true, mappings: [{ id: m.id, origin: 'imported' }] });
  });

  const good = () =>
    JSON.parse(exportMappings([buildMapping(DRAFT, 'taught', AT)], AT)) as {
      format: string;
      mappings: Array<Record<string, unknown>>;
    };
  const withMapping = (change: Record<string, unknown>) => {
    const f = good();
    f.mappings[0] = { ...f.mappings[0], ...change };
    return JSON.stringify(f);
  };
  it.each([
    ['not JSON', '{"format": ', 'not-json'],
    ['another format', JSON.stringify({ format: 'kabu-guard/table-mappings/2', mappings: [] }), 'not-a-mapping-file'],
    ['a bare array', JSON.stringify([good().mappings[0]]), 'not-a-mapping-file'],
    ['an empty file', JSON.stringify({ format: TABLE_MAPPING_FILE_FORMAT, mappings: [] }), 'not-a-mapping-file'],
    ['an unknown top-level key', JSON.stringify({ ...good(), script: 'alert(1)' }), 'not-a-mapping-file'],
    ['an unknown key in a mapping', withMapping({ onload: 'x' }), 'invalid-mapping'],
    [
      'a __proto__ key',
      withMapping({}).replace(
        '"format":"kabu-guard/table-mapping/1"',
        '"__proto__":{"polluted":true},"format":"kabu-guard/table-mapping/1"',
      ),
      'invalid-mapping',
    ],
    ['an unknown broker', withMapping({ broker: 'exampleco' }), 'invalid-mapping'],
    ['a host in the URL pattern', withMapping({ urlPattern: '//evil.example/app' }), 'invalid-mapping'],
    ['a huge header', withMapping({ signature: ['x'.repeat(500)] }), 'invalid-mapping'],
    [
      'a field that does not exist',
      withMapping({ columns: [{ header: '接続時刻', field: 'password' }] }),
      'invalid-mapping',
    ],
    [
      'a control character',
      withMapping({ signature: ['接続時刻\u0000', '接続元アドレス', '端末種別'] }),
      'invalid-mapping',
    ],
    [
      'too many mappings',
      JSON.stringify({
        format: TABLE_MAPPING_FILE_FORMAT,
        mappings: Array.from({ length: 101 }, () => good().mappings[0]),
      }),
      'not-a-mapping-file',
    ],
    ['a file over 64 KB', JSON.stringify({ ...good(), pad: ' '.repeat(70_000) }), 'too-large'],
  ])('refuses %s, and stores nothing', async (_what, text, error) => {
    expect(text).not.toBe(JSON.stringify(good()));
    const r = await importMappings(db, text, AT);
    expect(r).toMatchObject({ ok: false, error });
    expect(await allMappings(db)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('one bad mapping refuses the whole file', async () => {
    const f = good();
    f.mappings.push({ ...f.mappings[0], kind: 'orders' });
    expect(await importMappings(db, JSON.stringify(f), AT)).toMatchObject({ ok: false, error: 'invalid-mapping' });
    expect(await allMappings(db)).toEqual([]);
  });
});
