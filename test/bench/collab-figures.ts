// The collab benchmark's figures: results.json rows with a verdict against the target and, when a figure could not
// be measured or does not count, value NaN (null in results.json) and the reason in `note`.
import type { BenchResult } from "./timing";

export interface CollabFigure extends BenchResult {
  verdict: "meets" | "misses" | "reported" | "not counted";
  note?: string;
}

/** A figure with an upper bound (`limit`, or several: all must hold). */
export function bounded(name: string, value: number | null, unit: string, target: string, limits: number[], note?: string): CollabFigure {
  if (value === null || !Number.isFinite(value)) {
    return { name, value: Number.NaN, unit, target, verdict: "not counted", note: note ?? "not measured" };
  }
  const limit = Math.min(...limits);
  const verdict = value <= limit ? "meets" : "misses";
  const by = verdict === "misses" ? `misses by ${(value - limit).toFixed(1)} ${unit} (${((value / limit - 1) * 100).toFixed(0)} %)` : undefined;
  return { name, value, unit, target, verdict, note: [by, note].filter(Boolean).join("; ") || undefined };
}

/** A figure reported for reference (no target of its own). */
export function reported(name: string, value: number | null, unit: string, target: string, note?: string): CollabFigure {
  if (value === null || !Number.isFinite(value)) {
    return { name, value: Number.NaN, unit, target, verdict: "not counted", note: note ?? "not measured" };
  }
  return { name, value, unit, target, verdict: "reported", note };
}

export function printFigures(title: string, figures: CollabFigure[]): void {
  console.log(`[bench] ${title}`);
  console.table(
    figures.map((f) => ({
      name: f.name,
      value: Number.isFinite(f.value) ? f.value : "—",
      unit: f.unit,
      target: f.target,
      verdict: f.verdict,
      note: f.note ?? "",
    })),
  );
}
