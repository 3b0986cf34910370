/**
 * Loading a survey with the caller's profile in one round trip: the joins an action asks for, built from
 * the survey id in its request, land on the profile (common/context.ts).
 */
import { AppError, idSchema, type Org, type PathOrg, type SurveyDimension } from '@shishi/shared-types';
import type { Ctx, ProfileJoin, UserDoc } from '../common/context';
import { COUNTER_SHARDS, type CounterDoc, type EvidenceDoc, type SurveyDoc } from './model';

/** The survey id of a request not yet validated, or null when it is not a sound id. */
export function surveyIdOf(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const id = (data as Record<string, unknown>).surveyId;
  return idSchema.safeParse(id).success ? (id as string) : null;
}

export interface JoinOptions {
  /** The counter shards: `all` their counters, `count` only the number of answers. */
  counters?: 'all' | 'count';
  /** The orgs on the caller's path (district / industry of a respondent). */
  pathOrgs?: boolean;
  /** Evidence links of the survey. */
  evidence?: boolean;
  /** Org names for a breakdown, from the request's `by`. */
  segmentOrgs?: boolean;
}

/** The joins of an action on one survey. */
export function surveyJoins(options: JoinOptions = {}): (data: unknown) => readonly ProfileJoin[] {
  return (data) => {
    const joins: ProfileJoin[] = [];
    if (options.pathOrgs) joins.push({ from: 'orgs', localField: 'orgPath', foreignField: '_id', as: 'pathOrgs' });
    const id = surveyIdOf(data);
    if (!id) return joins;
    joins.push({ from: 'surveys', match: { _id: id }, limit: 1, as: 'survey' });
    if (options.counters) {
      joins.push({
        from: 'surveyCounters',
        match: { surveyId: id },
        limit: COUNTER_SHARDS * 4,
        as: 'counters',
        // Never the marks of recent answers (counting.ts), which can be thousands in a busy hour: an
        // inclusion, so they are not even copied.
        project: options.counters === 'count' ? { 'c.n': 1, surveyId: 1 } : { surveyId: 1, k: 1, c: 1 },
      });
    }
    if (options.evidence) joins.push({ from: 'surveyEvidence', match: { surveyId: id }, limit: 100, as: 'evidence' });
    if (options.segmentOrgs) {
      const by = (data as Record<string, unknown>).by as SurveyDimension | undefined;
      if (by === 'district' || by === 'industry')
        joins.push({ from: 'orgs', match: { type: by }, limit: 1000, as: 'segmentOrgs' });
    }
    return joins;
  };
}

export interface Loaded {
  user: UserDoc;
  survey: SurveyDoc;
  counters: CounterDoc[];
  pathOrgs: PathOrg[];
  evidence: EvidenceDoc[];
  segmentOrgs: Org[];
}

/** The caller's profile and the survey the request names (NOT_FOUND when there is none). */
export async function loadSurvey(ctx: Ctx): Promise<Loaded> {
  const user = await ctx.profile();
  const joined = user.joined ?? {};
  const survey = joined.survey?.[0] as SurveyDoc | undefined;
  if (!survey) throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  return {
    user,
    survey,
    counters: (joined.counters ?? []) as CounterDoc[],
    pathOrgs: (joined.pathOrgs ?? []) as PathOrg[],
    evidence: (joined.evidence ?? []) as EvidenceDoc[],
    segmentOrgs: ((joined.segmentOrgs ?? []) as Org[]).sort((a, b) => a.order - b.order),
  };
}

/** Answers so far, from the counter shards. */
export function responsesOf(counters: readonly CounterDoc[]): number {
  return counters.reduce((n, shard) => n + (shard.c?.n ?? 0), 0);
}
