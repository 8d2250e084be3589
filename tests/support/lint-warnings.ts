// Which `web-ext lint` warnings are about code the extension ships but did not write
// (scripts/store-check.ts fails on any other).

/**
 * web-ext lint warnings about code the extension ships but did not write: the code found at the flagged place
 * (chunk names change whenever the bundler regroups modules, so the place is recognised by what is written there)
 * and why it is harmless. Anything else fails.
 */
export const KNOWN_LINT_WARNINGS: ReadonlyArray<{ code: string; around: RegExp; why: string }> = [
  {
    code: 'DANGEROUS_EVAL',
    around: /return Function\([`'"]{2}\),!0/,
    why: "zod's check whether `Function('')` is allowed; the extension's CSP forbids it, so zod never evaluates code",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /\.innerHTML=\w+\.__html/,
    why: "Preact's support for dangerouslySetInnerHTML, which no component uses (tests/meta/no-inner-html.test.ts)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /htmlToFragment=|set outerHTML\(\w+\)\{/,
    why: "linkedom's own innerHTML/outerHTML setters: its in-memory DOM for parsing broker pages, not the browser's",
  },
  {
    code: 'DANGEROUS_EVAL',
    around: /\|\|eval\(errorType\)\}/,
    why: 'a CommonJS helper in linkedom that looks up a built-in error type by name (`eval(errorType)`)',
  },
];

/** The shipped code within 200 characters of a lint finding (the linter reports 1-based lines and columns). */
function codeAround(source: string, line?: number, column?: number): string {
  if (!line) return '';
  const text = source.split('\n')[line - 1] ?? '';
  const at = Math.max(0, (column ?? 1) - 1);
  return text.slice(Math.max(0, at - 200), at + 200);
}

/** The known warning a lint finding is, judged by the code at its place in `source` (the flagged file). */
export function knownLintWarning(
  w: { code: string; line?: number; column?: number },
  source: string,
): (typeof KNOWN_LINT_WARNINGS)[number] | undefined {
  const around = codeAround(source, w.line, w.column);
  return KNOWN_LINT_WARNINGS.find((k) => k.code === w.code && k.around.test(around));
}
