// Dates and deadlines as people in China read them, in China Standard Time wherever the server or phone is (pure).
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

function chinaParts(instant: Date) {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate(), hh: shifted.getUTCHours(), mm: shifted.getUTCMinutes() };
}

/** 2026年12月31日 09:05, China time. */
export function formatChinaTime(iso: string): string {
  const at = chinaParts(new Date(iso));
  return `${at.y}年${at.m}月${at.d}日 ${String(at.hh).padStart(2, "0")}:${String(at.mm).padStart(2, "0")}`;
}

/** 2026年12月31日 24:00 for a deadline at the end of a day; otherwise the minute it falls on. */
export function formatDeadline(iso: string): string {
  const instant = new Date(iso);
  const endOfDay = chinaParts(new Date(instant.getTime() + 1000));
  const at = chinaParts(instant);
  if (endOfDay.hh === 0 && endOfDay.mm === 0) return `${at.y}年${at.m}月${at.d}日 24:00`;
  return formatChinaTime(iso);
}

/** 2026年12月31日, the China date an instant falls on. */
export function formatChinaDate(iso: string): string {
  const at = chinaParts(new Date(iso));
  return `${at.y}年${at.m}月${at.d}日`;
}

/** Calendar days (China) from now to the deadline's day: 0 on its last day, negative once it has passed. */
export function daysLeft(iso: string, now = Date.now()): number {
  const deadline = new Date(iso).getTime();
  if (deadline <= now) return -1;
  const day = (t: number) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
  return day(deadline) - day(now);
}

/** 还剩 12 天 / 明天截止 / 今天截止 / 已截止, counted in calendar days in China. */
export function daysLeftText(iso: string, now = Date.now()): string {
  const days = daysLeft(iso, now);
  if (days < 0) return "已截止";
  if (days === 0) return "今天截止";
  if (days === 1) return "明天截止";
  return `还剩 ${days} 天`;
}

export function isPast(iso: string, now = Date.now()): boolean {
  return new Date(iso).getTime() <= now;
}
