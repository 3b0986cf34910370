/**
 * The contract of one cloud function action: input and output schemas, and who may call it on which
 * records (the access policy, rules/access.ts). Handlers parse with `input`; the client validates forms
 * with the same schema; docs/api.md is checked against the table by a test.
 */
import type { z } from 'zod';
import type { AccessRule } from '../rules/access';

export interface ActionContract {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  access: AccessRule;
}
