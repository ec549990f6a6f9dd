/** Polls until `check` returns a value other than undefined/false (no timing assertion; just a deadline). */
export async function eventually<T>(
  check: () => T | undefined | false,
  timeoutMs = 10_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
