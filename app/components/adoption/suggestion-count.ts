// The suggestions a 修改对照表 row's old side received, from counts by article citation: a merged row
// ("第五条、第六条") sums its articles. Pure.
export function countForLabel(counts: Record<string, number>, label: string | undefined | null): number {
  return (label ?? "").split("、").reduce((sum, citation) => sum + (counts[citation] ?? 0), 0);
}
