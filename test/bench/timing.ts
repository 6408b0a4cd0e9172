// Shared by the benchmarks: the result shape of results.json, and a median timer with warm-up.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
}

const WARM_UP = 5;
const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of `run` in milliseconds (2 decimals), after warm-up runs. */
export function timeMedian(run: () => void): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Number(median(times).toFixed(2));
}
