import { AppError, type MeOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { toProfile } from '../view';

export async function me(ctx: Ctx): Promise<MeOutput> {
  try {
    return { bound: true, profile: toProfile(await ctx.profile()) };
  } catch (e) {
    if (e instanceof AppError && e.code === 'PROFILE_REQUIRED') return { bound: false };
    throw e;
  }
}
