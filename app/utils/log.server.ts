// Log lines stay one line each: user-controlled strings are quoted with JSON.stringify (a newline in a username
// cannot forge a log entry) and cut to a length that keeps the log readable.
const MAX_LOGGED_CHARS = 200;

export function quoteForLog(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}…` : text);
}

/** An error as one log line: its name and first message line, plus the first stack frame of our own code. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return quoteForLog(error);
  const firstLine = error.message.split("\n").find((line) => line.trim()) ?? "";
  const frame = error.stack?.split("\n").find((line) => line.includes("/app/") && !line.includes("node_modules"))?.trim();
  return `${error.name}: ${firstLine.slice(0, 300)}${frame ? ` (${frame})` : ""}`;
}
