import { z } from 'zod';

/** Document ids are what CloudBase generates (32 hex) or our seeded readable ids. */
export const idSchema = z
  .string({ error: '缺少编号' })
  .min(1, '缺少编号')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不对');

export const pageInputSchema = z.object({
  page: z.coerce
    .number({ error: '页码要填数字' })
    .int('页码要填整数')
    .min(1, '页码从 1 开始')
    .max(10000, '页码太大')
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数要填数字' })
    .int('每页条数要填整数')
    .min(1, '每页至少 1 条')
    .max(50, '每页最多 50 条')
    .default(10),
});
export type PageInput = z.infer<typeof pageInputSchema>;

export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/**
 * Invisible control characters: C0 (U+0000–U+001F) but tab and line feed, DEL, and C1 (U+0080–U+009F).
 * A NUL or an escape sequence in a keyword or a title is never meant (a paste from another program, a
 * probe) and breaks what the text meets later (queries, exports, documents).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text as the functions take it: line breaks as `\n` (`\r\n` and a lone `\r` become `\n`), invisible
 * control characters removed; tab and line feed stay (whitespace, and multi-line fields need them).
 * Cleaned rather than refused: what remains is what the person sees, and a search still finds.
 */
export function withoutControlChars(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
}

/**
 * Every string of a request cleaned by withoutControlChars, object keys included (parseInput does this
 * before any schema sees the input, so it holds for every field of every action).
 */
export function cleanInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutControlChars(value);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cleanInput(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[withoutControlChars(k)] = cleanInput(v, depth + 1);
  return out;
}

/** Trimmed text of bounded length, with Chinese messages. */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`);
}

/** Instants travel as ISO strings in replies. */
export const isoDateTime = z.string();
