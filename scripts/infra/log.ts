/** Labelled, coloured log lines for the processes the run and test commands manage. */
const COLOURS: Record<string, string> = { web: "36", collab: "35", worker: "33", platform: "32", test: "32", db: "34", redis: "31" };

export function labelled(label: string): (line: string) => void {
  const colour = COLOURS[label] ?? "37";
  const prefix = process.stdout.isTTY ? `\x1b[${colour}m[${label}]\x1b[0m` : `[${label}]`;
  return (line: string) => {
    for (const l of line.split("\n")) if (l.trim()) process.stdout.write(`${prefix} ${l}\n`);
  };
}
