// Reads saved broker pages (HTML in any charset, MHTML) and CSV exports and
// prints what the extension's readers make of them, as ONE JSON object:
//   {"results":[{"file","broker","url","pageKind","status","logins","orders","holdings","accountEvents","warnings"}]}
// The previous-login banner is a login in "logins" with "source": "banner".
// status: ok | empty | not-logged-in | unreadable | unsupported
// (a maintenance page is "unsupported" with the warning "maintenance page").
// Exit code: 0, 1 when a file could not be read, 2 on a usage error.
//
//   npm run -s analyze -- [--url URL] FILE...

import { readFileSync } from 'node:fs';
import { analyzeSavedFile, type AnalyzeResult } from '../utils/analyze';
import { unsupported } from '../utils/analyze/result';

const USAGE =
  'usage: npm run -s analyze -- [--url URL] FILE...\n' +
  '  --url URL  the address the page(s) were saved from (otherwise taken from the file: MHTML location,\n' +
  '             "saved from url" mark, canonical link, og:url, <base>; or the broker is told by content)';

function main(argv: string[]): number {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a === '--url') {
      url = argv[++i];
      if (!url) return usage('--url needs a value');
    } else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) return usage('no files given');

  let code = 0;
  const results: AnalyzeResult[] = files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      code = 1;
      return unsupported(file, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    return analyzeSavedFile({ name: file, bytes, url });
  });
  process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  return code;
}

function usage(problem: string): number {
  process.stderr.write(`analyze: ${problem}\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
