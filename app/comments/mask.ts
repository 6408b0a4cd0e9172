// Personal data of the public leaves its contact point only masked: 张** and 138****1234.

/** The family name (first character) and a star for each further character, at least two. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? "").trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(2, chars.length - 1));
}

/** The first three and last four digits of a mobile number; shorter numbers keep only their last two. */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "");
  if (digits.length === 0) return "";
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${"*".repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}
