/** Throws a 404 unless the value is present: out-of-scope records answer 404, so their existence does not leak. */
export function invariantResponse<T>(value: T | null | undefined | false, message = "未找到", status = 404): asserts value is T {
  if (!value) throw new Response(message, { status });
}
