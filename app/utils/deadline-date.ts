// Consultation deadlines are chosen as calendar dates (<input type="date">) and last until the end of that day in
// China Standard Time, wherever the server runs: "2026-12-31" means 2026-12-31 24:00 in Beijing.
import { CHINA_OFFSET_MS, DAY_MS } from "./china-time";

const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a deadline date ends, or null when `value` is not a real yyyy-mm-dd date. */
export function deadlineFromDate(value: string): Date | null {
  const match = DATE_VALUE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const startUtc = Date.UTC(year, month - 1, day);
  const check = new Date(startUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(startUtc + DAY_MS - CHINA_OFFSET_MS - 1);
}

/** The yyyy-mm-dd date (China time) an instant falls on: the value for a date input. */
export function dateValue(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first date a new deadline may take: tomorrow in China time (a deadline today would leave no time to comment). */
export function earliestDeadlineDate(now = new Date()): string {
  return dateValue(new Date(now.getTime() + DAY_MS));
}

/** Whether a chosen deadline date is acceptable now. */
export function isAcceptableDeadline(deadline: Date, now = new Date()): boolean {
  return deadline.getTime() >= (deadlineFromDate(earliestDeadlineDate(now))?.getTime() ?? Infinity);
}
