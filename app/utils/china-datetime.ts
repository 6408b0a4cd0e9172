// A moment chosen as a date and time of day (<input type="datetime-local">), read and shown in China Standard Time
// wherever the server or the browser runs: "2026-12-08T09:30" is 09:30 in Beijing (pure).
import { CHINA_OFFSET_MS } from "./china-time";

const DATE_TIME_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** The instant a China date and time names, or null when `value` is not a real yyyy-mm-ddThh:mm. */
export function instantFromChinaDateTime(value: string): Date | null {
  const match = DATE_TIME_VALUE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/** The value of a datetime-local input showing an instant in China time. */
export function chinaDateTimeValue(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}
