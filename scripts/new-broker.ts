// npm run new-broker -- <id> --ja 名前 --en Name --host member.example.co.jp [--host …] [--login-host …]
// Makes utils/brokers/<id>/ and adds its registry line (utils/brokers/scaffold/scaffold.ts).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UNDECLARED_FIRMS } from '../utils/brokers/firms';
import {
  checkOptions,
  scaffoldFiles,
  withoutFirm,
  withRegistryLine,
  type ScaffoldOptions,
} from '../utils/brokers/scaffold/scaffold';

const USAGE = 'usage: npm run new-broker -- <id> --ja 名前 --en Name --host HOST [--host HOST…] [--login-host HOST…]';

function main(argv: string[]): number {
  const o: ScaffoldOptions = { id: '', ja: '', en: '', hosts: [], loginHosts: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (a === '--ja') o.ja = value();
    else if (a === '--en') o.en = value();
    else if (a === '--host') o.hosts.push(value());
    else if (a === '--login-host') o.loginHosts.push(value());
    else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else if (!o.id) o.id = a;
    else return usage(`unexpected ${a}`);
  }
  // a broker of the 2025 wave (utils/brokers/firms.ts) brings its names
  const firm = UNDECLARED_FIRMS.find((f) => f.key === o.id);
  o.ja ||= firm?.ja ?? o.id;
  o.en ||= firm?.en ?? o.id;
  if (firm?.otherNames) o.otherNames = firm.otherNames;
  const problems = checkOptions(o);
  if (problems.length) return usage(problems.join('; '));
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'utils', 'brokers');
  const folder = join(root, o.id);
  if (existsSync(folder)) return usage(`${folder} exists already`);
  const registryPath = join(root, 'registry.ts');
  const registry = withRegistryLine(readFileSync(registryPath, 'utf8'), o.id);
  for (const [path, text] of Object.entries(scaffoldFiles(o))) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  writeFileSync(registryPath, registry);
  const firmsPath = join(root, 'firms.ts');
  if (firm) writeFileSync(firmsPath, withoutFirm(readFileSync(firmsPath, 'utf8'), o.id));
  // the project's formatter, so the new files pass `npm test` as written
  spawnSync('npx', ['prettier', '--write', folder, registryPath, firmsPath], { stdio: 'ignore' });
  process.stdout.write(
    `made utils/brokers/${o.id}/ and its registry line. Next: replace the placeholder fixtures with faithful pages ` +
      `(docs/brokers.md), fill the TODOs in broker.ts (loginHistoryHelp: an i18n message), add its hosts to ` +
      `docs/permissions.md, then ` +
      `npx vitest run utils/brokers/${o.id} tests/meta\n`,
  );
  return 0;
}

function usage(problem: string): number {
  process.stderr.write(`new-broker: ${problem}\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
