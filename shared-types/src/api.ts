/**
 * The contract table of every cloud function action, assembled from `contracts/<fn>.ts` (input and
 * output schemas, who may call it on which records). Handlers parse with `input`; the client validates
 * forms with the same schema; docs/api.md is checked against this table by a test.
 */
import type { z } from 'zod';
import type { ActionContract } from './contracts/contract';
import { collectWindowContracts } from './contracts/collectWindow';
import { messageContracts } from './contracts/message';
import { orgContracts } from './contracts/org';
import { profileContracts } from './contracts/profile';
import { projectContracts } from './contracts/project';
import { proposalContracts } from './contracts/proposal';
import { surveyContracts } from './contracts/survey';
import { pushContracts } from './contracts/push';
import { announceContracts } from './contracts/announce';
import { checkinContracts } from './contracts/checkin';
import { ratingContracts } from './contracts/rating';
import { kpiContracts } from './contracts/kpi';
import { forumContracts } from './contracts/forum';

export type { ActionContract } from './contracts/contract';

export const api = {
  profile: profileContracts,
  org: orgContracts,
  collectWindow: collectWindowContracts,
  proposal: proposalContracts,
  message: messageContracts,
  project: projectContracts,
  survey: surveyContracts,
  push: pushContracts,
  announce: announceContracts,
  checkin: checkinContracts,
  rating: ratingContracts,
  kpi: kpiContracts,
  forum: forumContracts,
} as const satisfies Record<string, Record<string, ActionContract>>;

export type Api = typeof api;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer S extends z.ZodType;
}
  ? z.input<S>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer S extends z.ZodType;
}
  ? z.output<S>
  : never;
