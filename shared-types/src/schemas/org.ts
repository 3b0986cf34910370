import { z } from 'zod';
import { idSchema } from './common';

/**
 * Org node types: 市总工会 (city), its departments (department), 区市县（开放先导区）总工会 (district),
 * 产业工会 (industry), 基层工会 (grassroots).
 */
export const orgTypes = ['city', 'department', 'district', 'industry', 'grassroots'] as const;
export type OrgType = (typeof orgTypes)[number];

export const orgTypeLabels: Record<OrgType, string> = {
  city: '市总工会',
  department: '市总工会部门',
  district: '区市县（开放先导区）总工会',
  industry: '产业工会',
  grassroots: '基层工会',
};

export const orgSchema = z.object({
  _id: idSchema,
  name: z.string(),
  type: z.enum(orgTypes),
  parentId: z.string().nullable(),
  /** Ids from the root down to and including this node: a subtree query is `{ path: nodeId }`. */
  path: z.array(z.string()),
  order: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgTreeInputSchema = z.object({}).strict().optional();
export const orgTreeOutputSchema = z.object({ orgs: z.array(orgSchema) });
export type OrgTreeOutput = z.infer<typeof orgTreeOutputSchema>;
