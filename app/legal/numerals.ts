// Chinese numerals as used in legislative labels (第一百一十条, 第一千零五条), both ways.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const FULL_WIDTH_ZERO = 0xff10;
const WRITTEN_DIGITS = "零一二三四五六七八九";

/** Characters that may appear in a numeral accepted by parseChineseNumeral (for building regexes). */
export const NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万0-9０-９";

function fromDigits(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digit = code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9 ? code - FULL_WIDTH_ZERO : code - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** Below 10 000: 一百二十三, 十二, 一千零五, 二十; also digit-by-digit 一〇五. */
function fromChineseBelowTenThousand(text: string): number | undefined {
  if (text === "") return undefined;
  if (![...text].some((ch) => ch in UNITS)) {
    // Digit-by-digit writing (一〇五, as in years); a single character is a plain digit.
    let value = 0;
    for (const ch of text) {
      if (!(ch in DIGITS)) return undefined;
      value = value * 10 + DIGITS[ch];
    }
    return value;
  }
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (pending !== undefined && DIGITS[ch] !== 0) return undefined; // two digits in a row: 二三十
      pending = DIGITS[ch] === 0 ? undefined : DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined; // 十百, 百百
    total += (pending ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return undefined; // 一百十 is fine in speech but 百 alone is not a numeral
    pending = undefined;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}

/** Parses 一百二十三, 〇/零, 两, 十二, 一千零五, ASCII or full-width digits; undefined when not a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (/^[0-9０-９]+$/.test(trimmed)) return fromDigits(trimmed);
  const wan = trimmed.indexOf("万");
  if (wan >= 0) {
    const high = fromChineseBelowTenThousand(trimmed.slice(0, wan));
    const rest = trimmed.slice(wan + 1).replace(/^[零〇]/, "");
    const low = rest === "" ? 0 : fromChineseBelowTenThousand(rest);
    return high === undefined || low === undefined ? undefined : high * 10000 + low;
  }
  return fromChineseBelowTenThousand(trimmed);
}

function belowTenThousand(n: number, leadingTen: boolean): string {
  const parts: string[] = [];
  const units = ["千", "百", "十", ""];
  const values = [1000, 100, 10, 1];
  let zeroPending = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const digit = Math.floor(n / values[i]) % 10;
    if (digit === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending) parts.push("零");
    zeroPending = false;
    // 十 rather than 一十 only when the number starts with it (10-19); 一百一十 keeps the 一.
    const omitOne = digit === 1 && i === 2 && !started && !leadingTen;
    parts.push((omitOne ? "" : WRITTEN_DIGITS[digit]) + units[i]);
    started = true;
  }
  return parts.join("");
}

/** 123 → 一百二十三, 10 → 十, 110 → 一百一十, 1005 → 一千零五 (the forms used in article labels). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) throw new RangeError(`Unsupported numeral: ${n}`);
  if (n === 0) return "零";
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high === 0) return belowTenThousand(low, false);
  const lowText = low === 0 ? "" : (low < 1000 ? "零" : "") + belowTenThousand(low, true);
  return belowTenThousand(high, false) + "万" + lowText;
}
