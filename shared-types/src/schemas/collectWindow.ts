import { z } from 'zod';

/** A proposal collection window (项目征集, 第五条（二）): default 10-01 … 12-31 for next year's projects. */
export const collectWindowSchema = z.object({
  _id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  /** The year whose projects the proposals are for. */
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(['open', 'closed']),
});
export type CollectWindow = z.infer<typeof collectWindowSchema>;

export const currentWindowInputSchema = z.object({}).strict().optional();
/** The window open to the caller now, or when the next one opens. */
export const currentWindowOutputSchema = z.object({
  open: collectWindowSchema.nullable(),
  nextOpensAt: z.string().nullable(),
  now: z.string(),
});
export type CurrentWindowOutput = z.infer<typeof currentWindowOutputSchema>;
