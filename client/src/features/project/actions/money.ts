/**
 * 元 as people type it ↔ integer fen (分). The conversion is string arithmetic on the typed digits:
 * "1234.5" → 1234 × 100 + 50 = 123450, never `parseFloat(x) * 100` (0.29 * 100 is 28.999…).
 */

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

/** Largest integer part we accept: the schemas stop at 10 亿元 anyway, and this keeps × 100 exact. */
const MAX_INTEGER_DIGITS = 12;

/**
 * Reads an amount in 元 typed by a person: digits, an optional point and at most two decimals;
 * thousands separators (, ，) and spaces are ignored, as is a trailing 元. Empty → `empty` message.
 */
export function parseYuan(typed: string, label = '金额'): YuanParse {
  const s = typed.replace(/[\s,，]/g, '').replace(/元$/, '');
  if (s === '') return { ok: false, message: `请填写${label}` };
  if (s.startsWith('-')) return { ok: false, message: `${label}不能是负数` };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    return { ok: false, message: `${label}只能填数字，以元为单位，例如 1234.50` };
  }
  const whole = m[1] === '' ? '0' : m[1];
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: `${label}最多精确到分（小数点后两位）` };
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_INTEGER_DIGITS) return { ok: false, message: `${label}过大` };
  const fen = Number(digits) * 100 + Number(decimals.padEnd(2, '0'));
  return { ok: true, fen };
}

/** Fen as the text an input starts from: 123450 → "1234.5", 100 → "1", 5 → "0.05". */
export function fenToYuanText(fen: number): string {
  const whole = Math.floor(fen / 100);
  const rest = fen % 100;
  if (rest === 0) return String(whole);
  const decimals = String(rest).padStart(2, '0').replace(/0$/, '');
  return `${whole}.${decimals}`;
}

/** A whole number typed by a person ("1200"); empty → undefined; otherwise a message. */
export function parseCount(
  typed: string,
  label: string,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const s = typed.replace(/[\s,，]/g, '');
  if (s === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(s)) return { ok: false, message: `${label}要填整数` };
  if (s.length > 9) return { ok: false, message: `${label}过大` };
  return { ok: true, value: Number(s) };
}
