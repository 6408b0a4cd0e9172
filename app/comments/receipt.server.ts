// 回执号: what a resident keeps to look up their comment at /r/<回执号>. Unguessable (12 characters of a
// 31-letter alphabet: about 59 bits) and easy to read out on the phone (no 0/O, 1/I/L).
import crypto from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECEIPT_LENGTH = 12;
const RECEIPT_PATTERN = new RegExp(`^[${ALPHABET}]{${RECEIPT_LENGTH}}$`);

export function newReceiptNo(): string {
  const bytes = crypto.randomBytes(RECEIPT_LENGTH * 2);
  let out = "";
  // Rejection sampling keeps every letter equally likely.
  for (let i = 0; i < bytes.length && out.length < RECEIPT_LENGTH; i++) {
    if (bytes[i] < 248) out += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return out.length === RECEIPT_LENGTH ? out : newReceiptNo();
}

/** Accepts what people type: lower case and spaces or dashes between groups. */
export function normaliseReceiptNo(input: string): string | null {
  const candidate = input.toUpperCase().replace(/[\s-]/g, "");
  return RECEIPT_PATTERN.test(candidate) ? candidate : null;
}
