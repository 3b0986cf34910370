import { z } from 'zod';
import { roles } from '../roles';
import { assignableRoles } from '../rules/orgRoles';
import { idSchema, pageInputSchema, pagedSchema } from './common';

export * from '../rules/orgRoles';

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
  /** Departments only: a stable key the routing rule looks them up by (`departmentByCode`). */
  code: z.string().optional(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgTreeInputSchema = z.object({}).strict().optional();
export const orgTreeOutputSchema = z.object({ orgs: z.array(orgSchema) });
export type OrgTreeOutput = z.infer<typeof orgTreeOutputSchema>;

/** A role a person holds at one org node, as shown to people (with the node's name). */
export const roleBindingViewSchema = z.object({
  role: z.enum(roles),
  orgId: z.string(),
  orgName: z.string(),
  orgPath: z.array(z.string()),
});
export type RoleBindingView = z.infer<typeof roleBindingViewSchema>;

/** A bound person and every role they hold (the first is the one their profile shows). */
export const staffPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  unit: z.string().optional(),
  bindings: z.array(roleBindingViewSchema),
});
export type StaffPerson = z.infer<typeof staffPersonSchema>;

/**
 * The person is named by `userId` (their users record, i.e. their OPENID): a field named `openid` in
 * a request is dropped as a claimed identity (common/app.ts), and the caller is never taken from here.
 */
export const assignRoleInputSchema = z
  .object({
    userId: idSchema.describe('人员'),
    role: z.enum(assignableRoles, { error: '请选择角色' }),
    orgId: idSchema.describe('组织'),
  })
  .strict();
export type AssignRoleInput = z.infer<typeof assignRoleInputSchema>;
export const assignRoleOutputSchema = z.object({ person: staffPersonSchema });
export type AssignRoleOutput = z.infer<typeof assignRoleOutputSchema>;

export const revokeRoleInputSchema = z
  .object({
    userId: idSchema.describe('人员'),
    orgId: idSchema.describe('组织'),
  })
  .strict();
export type RevokeRoleInput = z.infer<typeof revokeRoleInputSchema>;
/** `person: null`: that was the last role they held, so the profile is gone and they bind again. */
export const revokeRoleOutputSchema = z.object({ person: staffPersonSchema.nullable() });
export type RevokeRoleOutput = z.infer<typeof revokeRoleOutputSchema>;

export const staffInputSchema = pageInputSchema
  .extend({
    /** Only people holding a role at this node or below it (inside the admin's subtree). */
    orgId: idSchema.describe('组织').optional(),
    role: z.enum(roles, { error: '角色不对' }).optional(),
  })
  .strict();
export type StaffInput = z.infer<typeof staffInputSchema>;
export const staffOutputSchema = pagedSchema(staffPersonSchema);
export type StaffOutput = z.infer<typeof staffOutputSchema>;

export const findPeopleInputSchema = z
  .object({
    name: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(20, '姓名最多 20 个字'),
  })
  .strict();
export type FindPeopleInput = z.infer<typeof findPeopleInputSchema>;
/** At most `findPeopleLimit` people, best (exact name) first. */
export const findPeopleLimit = 20;
export const findPeopleOutputSchema = z.object({ people: z.array(staffPersonSchema) });
export type FindPeopleOutput = z.infer<typeof findPeopleOutputSchema>;
