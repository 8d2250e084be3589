// The store texts stay true: the listings' name and short description are the
// extension's own (messages.json), and every permission docs/permissions.md
// explains is explained in both listings and in the privacy answers too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedPermissions } from '../support/manifest-checks';

const root = join(__dirname, '..', '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const permissions = [...documentedPermissions(read('docs', 'permissions.md'))].filter((p) => !p.includes('://'));
const section = (doc: string, heading: RegExp) => {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
};

describe.each(['ja', 'en'])('docs/store/listing.%s.md', (lang) => {
  const listing = read('docs', 'store', `listing.${lang}.md`);
  const messages = JSON.parse(read('public', '_locales', lang, 'messages.json')) as Record<string, { message: string }>;
  it('names the extension and describes it in the words of its messages.json', () => {
    expect(section(listing, /^## (名前|Name)/)).toBe(messages.extName!.message);
    expect(section(listing, /^## (短い説明|Short description)/)).toBe(messages.extDescription!.message);
  });
  it.each(permissions.map((p) => [p]))('explains %s', (p) => expect(listing).toContain(`| \`${p}\` |`));
});

describe('docs/store/privacy.md', () => {
  const privacy = read('docs', 'store', 'privacy.md');
  it('finds the permissions in docs/permissions.md', () => expect(permissions.length).toBeGreaterThan(2));
  it.each(permissions.map((p) => [p]))('justifies %s for the Chrome Web Store', (p) =>
    expect(privacy).toContain(`| \`${p}\` |`),
  );
  it("declares to AMO what wxt.config.ts puts in Firefox's manifest", () => {
    expect(read('wxt.config.ts')).toContain("data_collection_permissions: { required: ['none'] }");
    expect(privacy).toContain('"data_collection_permissions": { "required": ["none"] }');
  });
});
