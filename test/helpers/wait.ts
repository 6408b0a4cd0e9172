/** Resolves once `condition` holds, polling; throws after the deadline. Tests wait for conditions, never for time. */
export async function waitFor(condition: () => boolean | Promise<boolean>, { timeoutMs = 10_000, what = "condition" } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
