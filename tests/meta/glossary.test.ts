// One term for one thing (docs/glossary.md): the variants below must not appear
// in the UI's words, the report's words or the page code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** variant → the term to use. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/取引パスワード/, '取引暗証番号'],
  [/trading password/i, 'trading PIN'],
  [/ご?利用環境/, 'ログイン環境'],
  [/心当たりが(ない|ありません)|心当たりのない/, '自分ではない'],
  [/本人ではない/, '自分ではない'],
  [/身に覚え/, '自分ではない'],
  [/\bnot mine\b/i, 'not me'],
  [/アラート/, '警告'],
  [/確認済み/, '〜に読み取りました'],
];
/** Keys whose words are the broker's own (teach mode names the broker's column). */
const ALLOWED_KEYS = new Set(['teachFieldEnvironment']);

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('glossary', () => {
  const catalogues = ['ja', 'en'].map(
    (l) =>
      [l, JSON.parse(readFileSync(join(root, 'public', '_locales', l, 'messages.json'), 'utf8'))] as [
        string,
        Record<string, { message: string }>,
      ],
  );

  it.each(FORBIDDEN)('no %s in the catalogues (use %s)', (variant) => {
    const hits = catalogues.flatMap(([l, c]) =>
      Object.entries(c)
        .filter(([k, v]) => !ALLOWED_KEYS.has(k) && variant.test(v.message))
        .map(([k, v]) => `${l}:${k}: ${v.message}`),
    );
    expect(hits).toEqual([]);
  });

  it.each(FORBIDDEN)('no %s in the report or the page code (use %s)', (variant) => {
    const sources = [
      join(root, 'utils', 'evidence', 'report-text.ts'),
      join(root, 'utils', 'evidence', 'words.ts'),
      ...files(join(root, 'entrypoints'), /\.tsx$/),
      ...files(join(root, 'components'), /\.tsx$/),
    ];
    const hits = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        // comments may name a variant to say why it is not used
        .filter(([line]) => !/^\s*(\/\/|\*|\/\*)/.test(line) && variant.test(line))
        .map(([line, i]) => `${f.slice(root.length + 1)}:${i + 1}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('the glossary names every variant the test forbids', () => {
    const doc = readFileSync(join(root, 'docs', 'glossary.md'), 'utf8');
    for (const [, use] of FORBIDDEN) expect(doc).toContain(use.replace('〜', ''));
    for (const v of [
      '取引パスワード',
      'trading password',
      '利用環境',
      '心当たりがない',
      '本人ではない',
      '身に覚え',
      'not mine',
      'アラート',
      '確認済み',
    ])
      expect(doc).toContain(v);
  });
});
