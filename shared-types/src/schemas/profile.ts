import { z } from 'zod';
import { roles } from '../roles';
import { idSchema } from './common';
import { roleBindingViewSchema } from './org';
import { workerGroups } from './survey';

export const profileSchema = z.object({
  openid: z.string(),
  name: z.string(),
  role: z.enum(roles),
  orgId: z.string(),
  orgName: z.string(),
  /** Ids from the root to the user's org: used for scoping. */
  orgPath: z.array(z.string()),
  unit: z.string().optional(),
  createdAt: z.string(),
  /**
   * Every role the person holds, one per org node (org.assignRole); the first is `role`/`orgId`.
   * Always sent by this version; optional so older replies still parse.
   */
  bindings: z.array(roleBindingViewSchema).optional(),
  /** Worker groups the person declared (女职工, 农民工, …): notices sent to those groups reach them. */
  groups: z.array(z.enum(workerGroups)).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const meInputSchema = z.object({}).strict().optional();
/** `bound: false` means the caller has not bound a profile yet: the app shows the binding page. */
export const meOutputSchema = z.discriminatedUnion('bound', [
  z.object({ bound: z.literal(false) }),
  z.object({ bound: z.literal(true), profile: profileSchema }),
]);
export type MeOutput = z.infer<typeof meOutputSchema>;

export const bindInputSchema = z.object({
  name: z
    .string({ error: '请填写姓名' })
    .trim()
    .min(2, '姓名至少 2 个字')
    .max(20, '姓名最多 20 个字')
    .regex(/^[\u4e00-\u9fa5A-Za-z·\s]+$/, '姓名只能包含汉字、字母或间隔号'),
  orgId: idSchema.describe('所在基层工会'),
  unit: z.string().trim().max(40, '工作单位最多 40 个字').optional(),
  /** Optional: the worker groups the person belongs to; left out, the declared ones stay; [] clears them. */
  groups: z
    .array(z.enum(workerGroups, { error: '请从列出的群体中选择' }))
    .max(workerGroups.length, '群体选多了')
    .refine((g) => new Set(g).size === g.length, '同一个群体选了两次')
    .optional(),
});
export type BindInput = z.infer<typeof bindInputSchema>;
export const bindOutputSchema = profileSchema;
