// What a saved page may be before it is parsed (issue 11 defect 9). A broker
// page saved by a browser is a few MB and, as Chromium re-serialises its DOM,
// never nested deeper than 512 levels (Blink's parser flattens deeper markup).
// A file far past either is not a broker page, and parsing it costs minutes
// (linkedom's parser is quadratic in nesting depth: 200,000 levels ≈ 60 s).

export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
export const MAX_NESTING = 2_000;

// elements that never hold children, or whose end tag may be left out (the parser closes them)
const NO_DEPTH = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rb rt rtc rp'
  ).split(' '),
);

/** How deep the markup nests at most, counted on the text before parsing; stops counting past `limit`. */
export function nestingDepth(html: string, limit = MAX_NESTING): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!m[2]) continue;
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      max = depth;
      if (max > limit) break;
    }
  }
  return max;
}

/** Why this file is not read, or undefined when it may be. */
export function pageRefusal(size: number, text?: string): string | undefined {
  if (size > MAX_PAGE_BYTES)
    return `file too large to be a saved broker page (${(size / 1048576).toFixed(1)} MB, limit ${MAX_PAGE_BYTES / 1048576} MB)`;
  if (text !== undefined && nestingDepth(text) > MAX_NESTING)
    return `markup nested more than ${MAX_NESTING.toLocaleString('en-US')} levels deep: not a saved broker page`;
  return undefined;
}
