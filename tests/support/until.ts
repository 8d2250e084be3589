// Waits in unit tests of pages and components (happy-dom): polls `f` until it gives a value (a rendered
// element, a count reached), or fails saying what it waited for. A time limit, not a count of polls, so a
// loaded machine gets the same budget as a quiet one.
export async function until<T>(
  f: () => T | undefined | null | false,
  what = 'the page',
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
