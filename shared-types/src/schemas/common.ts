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
