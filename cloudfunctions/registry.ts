/** Every cloud function, by name: the dev host and the integration tests call them through this. */
import type { CloudFunction } from './common/app';
import { collectWindowFunction } from './collectWindow/app';
import { orgFunction } from './org/app';
import { profileFunction } from './profile/app';
import { proposalFunction } from './proposal/app';

export const functions: Record<string, CloudFunction> = {
  profile: profileFunction,
  org: orgFunction,
  collectWindow: collectWindowFunction,
  proposal: proposalFunction,
};

export type { CloudFunction } from './common/app';
export type { Cloud } from './common/cloud';
