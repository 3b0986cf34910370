/**
 * 调查结果: results read from the counters (never from the answers), cross-tabulation with small-group
 * suppression for anonymous surveys, the full recompute through aggregate(), text answers, and the
 * person who reviews texts the content check held back.
 */
import {
  AppError,
  breakdownSegments,
  counterDifferences,
  countersFromRows,
  MIN_GROUP_SIZE,
  NO_SEGMENT,
  noSegmentLabels,
  questionsInOrder,
  questionStats,
  segmentPrefix,
  sumCounters,
  surveyDimensionLabels,
  workerGroupLabels,
  workerGroups,
  type Counters,
  type ModerateTextInput,
  type Org,
  type RecomputeInput,
  type JobStatusInput,
  type RecomputeOutput,
  type RecomputeResult,
  type RecomputeRows,
  type SurveyDimension,
  type SurveyResults,
  type SurveyResultsInput,
  type TextAnswersInput,
  type TextAnswersPage,
} from '@shishi/shared-types';
import type { Ctx, ProfileJoin, UserDoc } from '../../common/context';
import { pageOf } from '../../common/paging';
import { iso } from '../../common/serialize';
import { loadSurvey, surveyJoins } from '../load';
import { incrementsOf, readShards, settleShardOf, SETTLE_AFTER_MS, type Countable } from '../counting';
import { createCtx } from '../../common/context';
import { jobClock, type JobKind, type StepEnv } from '../../common/jobs';
import { continueSurveyJob, startSurveyJob } from '../jobs';
import type { AnswerDoc, CounterDoc, SurveyDoc } from '../model';
import { audit } from '../../common/audit';
import { escapeRegExp } from '../support';
import { isManager, toCard } from '../view';
import { hasAnswered, requireViewer } from './read';

/** Staff who manage the survey see everything; a respondent sees public results after answering. */
async function resultsView(ctx: Ctx, user: UserDoc, survey: SurveyDoc): Promise<'staff' | 'public'> {
  if (isManager(user, survey)) return 'staff';
  requireViewer(user, survey);
  if (!survey.resultsPublic) throw new AppError('FORBIDDEN', '这份调查的结果不对职工公开');
  if (!(await hasAnswered(ctx, survey))) throw new AppError('FORBIDDEN', '提交答卷后才能查看调查结果');
  return 'public';
}

export interface SegmentLabels {
  order: string[];
  labels: Map<string, string>;
}

/** Segment names and display order of a dimension (org tree order, then the groups' order). */
export function segmentLabels(by: SurveyDimension, orgs: readonly Org[]): SegmentLabels {
  const entries: Array<[string, string]> =
    by === 'group' ? workerGroups.map((g) => [g, workerGroupLabels[g]]) : orgs.map((o) => [o._id, o.name]);
  entries.push([NO_SEGMENT, noSegmentLabels[by]]);
  return { order: entries.map(([id]) => id), labels: new Map(entries) };
}

/** Results from summed counters (pure apart from the survey and labels it is handed). */
export function buildResults(
  survey: SurveyDoc,
  c: Counters,
  options: { by?: SurveyDimension; labels?: SegmentLabels; view: 'staff' | 'public'; now: Date },
): SurveyResults {
  const responses = c.n ?? 0;
  const by = options.view === 'staff' ? options.by : undefined;
  const segments =
    by && options.labels
      ? breakdownSegments(c, {
          by,
          order: options.labels.order,
          labels: options.labels.labels,
          suppress: survey.anonymous,
          min: MIN_GROUP_SIZE,
        })
      : [];
  return {
    survey: toCard(survey, options.now, { responses: options.view === 'staff' ? responses : null, submitted: null }),
    responses,
    channels: { online: c['ch/online'] ?? 0, offline: c['ch/offline'] ?? 0 },
    targetCount: survey.targetCount,
    responseRate: survey.targetCount ? Math.round((responses * 1000) / survey.targetCount) / 10 : null,
    breakdown: by ? { by, label: surveyDimensionLabels[by], segments } : null,
    questions: questionsInOrder(survey.sections).map(({ question, section }) => ({
      questionId: question.id,
      sectionId: section.id,
      type: question.type,
      title: question.title,
      required: question.required,
      overall: questionStats(question, c),
      segments: by
        ? segments.map((s) => ({
            segmentId: s.id,
            stats: s.suppressed ? null : questionStats(question, c, segmentPrefix(by, s.id)),
          }))
        : [],
    })),
    view: options.view,
    generatedAt: options.now.toISOString(),
  };
}

/** The survey, all its counter shards and (for a breakdown by org) the org names: one request. */
export const resultsJoins = surveyJoins({ counters: 'all', segmentOrgs: true });

export async function results(ctx: Ctx, input: SurveyResultsInput): Promise<SurveyResults> {
  const { user, survey, counters, segmentOrgs } = await loadSurvey(ctx);
  const view = await resultsView(ctx, user, survey);
  if (input.by && view !== 'staff') {
    throw new AppError('FORBIDDEN', '交叉分析只对管辖范围内的工作人员开放', [{ path: 'by', message: '没有权限' }]);
  }
  return buildResults(survey, sumCounters(counters), {
    by: input.by,
    labels: input.by ? segmentLabels(input.by, segmentOrgs) : undefined,
    view,
    now: ctx.now,
  });
}

// ---------------------------------------------------------------- recompute

const PAGE = 1000;

/**
 * The recompute: four aggregations over the answers `match` selects, each grouped by the respondent's
 * district, industry and (unwound) group, then folded into counters by the same rules submission uses.
 */
export async function recomputeRows(ctx: Pick<Ctx, 'db'>, match: object): Promise<RecomputeRows> {
  const $ = ctx.db.command.aggregate;
  const base = () =>
    ctx.db
      .collection('surveyAnswers')
      .aggregate()
      .match(match)
      .project({ _id: 0, d: '$dims.d', i: '$dims.i', g: '$dims.g', ch: '$channel', items: 1 })
      .unwind({ path: '$g', includeArrayIndex: 'gi', preserveNullAndEmptyArrays: true });
  const who = { d: '$d', i: '$i', g: '$g', gi: '$gi' };
  const flat = { _id: 0, n: 1, d: '$_id.d', i: '$_id.i', g: '$_id.g', gi: '$_id.gi' };

  type Stage = ReturnType<typeof base>;
  async function all<T>(pipeline: () => Stage, key: Record<string, string>): Promise<T[]> {
    const fields = Object.keys(key);
    const sort = Object.fromEntries(['d', 'i', 'g', 'gi', ...fields].map((f) => [f, 1]));
    const project = { ...flat, ...Object.fromEntries(fields.map((f) => [f, `$_id.${f}`])) };
    const out: T[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const res = await pipeline()
        .group({ _id: { ...who, ...key }, n: $.sum(1) })
        .project(project)
        .sort(sort)
        .skip(skip)
        .limit(PAGE)
        .end();
      const list = res.list as Array<Record<string, unknown>>;
      out.push(...list.map((row) => normalise(row, fields) as T));
      if (list.length < PAGE) return out;
    }
  }
  const [responses, items, choices, cells] = await Promise.all([
    all<RecomputeRows['responses'][number]>(base, { ch: '$ch' }),
    all<RecomputeRows['items'][number]>(() => base().unwind('$items'), { q: '$items.q', v: '$items.v' }),
    all<RecomputeRows['choices'][number]>(
      () => base().unwind('$items').unwind({ path: '$items.c', includeArrayIndex: 'pos' }),
      { q: '$items.q', c: '$items.c', pos: '$pos' },
    ),
    all<RecomputeRows['cells'][number]>(() => base().unwind('$items').unwind('$items.m'), {
      q: '$items.q',
      r: '$items.m.r',
      v: '$items.m.v',
    }),
  ]);
  return { responses, items, choices, cells };
}

/** Missing fields (an answer without a group, a question without a value) come back as null. */
function normalise(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { n: Number(row.n ?? 0) };
  for (const f of ['d', 'i', 'g', 'gi', ...fields]) out[f] = row[f] ?? null;
  return out;
}

export const recomputeJoins = surveyJoins();

/**
 * The walk's sizes: at most `page` answers a step, walked a unit at a time; a step stops after the
 * unit in which its batch budget ran out (common/jobs.ts BATCH_BUDGET_MS). A unit starts at `unit`
 * answers and is resized after each full one to take about `unitMs` (kept in the job's state), so a
 * slow machine or a shard of heavy answers gets smaller units and an invocation still ends about one
 * unit after its budget; aggregate() costs about the same for 250 answers as for 1,000 (its cost
 * follows the distinct groups), so units stay as large as the time allows. Tests make them small.
 */
export const recomputeTuning = { page: PAGE, unit: PAGE, unitMs: 1500 };

/**
 * What the shards said they hold when the walk began (stored once beside the job, `${jobId}_snapshot`).
 * Each shard's marks (the ids of the answers it counted after `vt`: 100,000 right after a burst) are
 * stored apart, `${jobId}_snapshot_<k>`, and read only while that shard is walked; a snapshot written
 * before that split holds them inline (`marks`).
 */
interface Snapshot {
  shards: Array<{ _id: string; vt: number; marks?: string[] }>;
  counters: Counters;
}

interface RecomputeState {
  phase: 'settle' | 'snapshot' | 'walk' | 'apply' | 'report';
  /** settle: the next shard to settle; walk: the shard walked and the last answer done in it. */
  k: number;
  after: string | null;
  /** What the answers the snapshot holds add up to, so far (a fresh staging result, never the counters). */
  expected: Counters;
  waiting: number;
  walked: number;
  total: number;
  result: RecomputeResult | null;
  /** The walk's unit size (answers), resized to take about recomputeTuning.unitMs. */
  unit?: number;
}

type RecomputeParams = { surveyId: string; apply: boolean };

const snapshotId = (jobId: string) => `${jobId}_snapshot`;
const marksId = (jobId: string, k: number) => `${jobId}_snapshot_${k}`;

async function recomputeSurvey(env: StepEnv, id: string): Promise<SurveyDoc> {
  const memo = env.memo.get('survey') as SurveyDoc | undefined;
  if (memo) return memo;
  const res = await env.db.collection('surveys').where({ _id: id }).limit(1).get();
  const survey = res.data[0] as SurveyDoc | undefined;
  if (!survey) throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  env.memo.set('survey', survey);
  return survey;
}

async function snapshotOf(env: StepEnv): Promise<Snapshot> {
  const memo = env.memo.get('snapshot') as Snapshot | undefined;
  if (memo) return memo;
  const res = await env.db
    .collection('jobs')
    .where({ _id: snapshotId(env.job._id) })
    .limit(1)
    .get();
  const doc = res.data[0] as { snapshot: Snapshot } | undefined;
  if (!doc) throw new Error(`recompute ${env.job._id}: no snapshot`);
  env.memo.set('snapshot', doc.snapshot);
  return doc.snapshot;
}

/** The marks shard k held at the snapshot, read once an invocation. */
async function snapshotMarks(env: StepEnv, snapshot: Snapshot, k: number): Promise<Set<string>> {
  const key = `marks:${k}`;
  const memo = env.memo.get(key) as Set<string> | undefined;
  if (memo) return memo;
  let marks = snapshot.shards[k].marks;
  if (!marks) {
    const res = await env.db
      .collection('jobs')
      .where({ _id: marksId(env.job._id, k) })
      .limit(1)
      .get();
    const doc = res.data[0] as { marks: string[] } | undefined;
    if (!doc) throw new Error(`recompute ${env.job._id}: no marks of shard ${k}`);
    marks = doc.marks;
  }
  const set = new Set(marks);
  env.memo.set(key, set);
  return set;
}

/**
 * One batch of the walk: the next page of a shard's answers (keyset on shard, _id). Those the snapshot
 * says the shard holds by `vt` are counted with aggregate() (recomputeRows, folded by countersFromRows:
 * another path than submission's increments); those after `vt` count by their increments if the shard
 * had marked them, else they wait. The sums go into the job's state with the cursor, so a batch done
 * again starts from the same sums.
 */
async function walkStep(env: StepEnv, params: RecomputeParams, state: RecomputeState): Promise<RecomputeState> {
  let next = state;
  let unit = Math.min(state.unit ?? recomputeTuning.unit, recomputeTuning.page);
  for (let left = recomputeTuning.page; left > 0 && next.phase === 'walk';) {
    const limit = Math.min(left, unit);
    const before = next.walked;
    const t0 = jobClock.wall();
    next = await walkUnit(env, params, next, limit);
    const took = jobClock.wall() - t0;
    // A full unit that took measurable time: size the next one to take about unitMs.
    if (limit === unit && next.walked - before === limit && took > 0)
      unit = Math.max(1, Math.min(recomputeTuning.page, Math.round((limit * recomputeTuning.unitMs) / took)));
    left -= Math.max(1, next.walked - before);
    if (env.yieldNow()) break;
  }
  return { ...next, unit };
}

/** One unit of the walk: up to `limit` answers of the current shard, or the move to the next shard. */
async function walkUnit(
  env: StepEnv,
  params: RecomputeParams,
  state: RecomputeState,
  limit: number,
): Promise<RecomputeState> {
  const survey = await recomputeSurvey(env, params.surveyId);
  const snapshot = await snapshotOf(env);
  const _ = env.db.command;
  const shard = snapshot.shards[state.k];
  if (!shard) return { ...state, phase: params.apply ? 'apply' : 'report' };
  const ids = await env.db
    .collection('surveyAnswers')
    .where(state.after === null ? { shard: shard._id } : { shard: shard._id, _id: _.gt(state.after) })
    .orderBy('_id', 'asc')
    .field({ _id: true, createdAt: true })
    .limit(limit)
    .get();
  const page = ids.data as Array<{ _id: string; createdAt: Date }>;
  const next = { ...state };
  if (page.length > 0) {
    const last = page[page.length - 1]._id;
    const range = state.after === null ? _.lte(last) : _.gt(state.after).and(_.lte(last));
    const settled = page.filter((a) => a.createdAt.getTime() < shard.vt).length;
    let add: Counters = {};
    if (settled > 0) {
      const rows = await recomputeRows(env, {
        shard: shard._id,
        _id: range,
        createdAt: _.lt(new Date(shard.vt)),
      });
      add = countersFromRows(survey.sections, rows);
    }
    const recentIds = page.filter((a) => a.createdAt.getTime() >= shard.vt).map((a) => a._id);
    const marked = recentIds.length > 0 ? await snapshotMarks(env, snapshot, state.k) : new Set<string>();
    const counted = recentIds.filter((id) => marked.has(id));
    next.waiting = state.waiting + recentIds.length - counted.length;
    const recent: Counters = {};
    if (counted.length > 0) {
      const full = await env.db
        .collection('surveyAnswers')
        .where({ _id: _.in(counted) })
        .field({ _id: true, shard: true, createdAt: true, items: true, dims: true, channel: true })
        .limit(counted.length)
        .get();
      for (const answer of full.data as Countable[]) {
        for (const [k, by] of Object.entries(incrementsOf(survey, answer))) recent[k] = (recent[k] ?? 0) + by;
      }
    }
    next.expected = sumCounters([{ c: state.expected }, { c: add }, { c: recent }]);
    next.walked = state.walked + page.length;
  }
  if (page.length === limit) {
    next.after = page[page.length - 1]._id;
  } else {
    next.k = state.k + 1;
    next.after = null;
    if (next.k >= snapshot.shards.length) next.phase = params.apply ? 'apply' : 'report';
  }
  return next;
}

/**
 * The swap: the counters become what the answers say, plus whatever was counted since the snapshot
 * (current − snapshot: answers counted meanwhile are counted right), all in shard 0 — in one
 * transaction that also marks the job applied, so a swap done again (the step cut off after its commit)
 * changes nothing. A live survey's countings conflict with it at most for a retry.
 */
async function applyStep(env: StepEnv, params: RecomputeParams, state: RecomputeState): Promise<void> {
  const survey = await recomputeSurvey(env, params.surveyId);
  const snapshot = await snapshotOf(env);
  const _ = env.db.command;
  const ctx = createCtx(env.cloud, env.job.owner, env.now());
  await ctx.profile();
  await env.db.runTransaction(async (t: Ctx['db']) => {
    const mine = (await t.collection('jobs').doc(snapshotId(env.job._id)).get()).data as { applied?: boolean };
    if (mine.applied) return;
    const current: CounterDoc[] = [];
    for (const shard of snapshot.shards) current.push((await t.collection('surveyCounters').doc(shard._id).get()).data);
    const now = sumCounters(current);
    const since = Object.fromEntries(
      [...new Set([...Object.keys(now), ...Object.keys(snapshot.counters)])].map((k) => [
        k,
        (now[k] ?? 0) - (snapshot.counters[k] ?? 0),
      ]),
    );
    const replaced = Object.fromEntries(
      Object.entries(sumCounters([{ c: state.expected }, { c: since }])).filter(([, v]) => v !== 0),
    );
    for (const [i, shard] of snapshot.shards.entries()) {
      await t
        .collection('surveyCounters')
        .doc(shard._id)
        .update({ data: { c: _.set(i === 0 ? replaced : {}), updatedAt: env.now() } });
    }
    await t
      .collection('jobs')
      .doc(snapshotId(env.job._id))
      .update({ data: { applied: true } });
    const differences = counterDifferences(snapshot.counters, state.expected);
    await audit(ctx, t, [
      {
        action: 'recomputeSurvey',
        targetType: 'survey',
        targetId: survey._id,
        from: String(snapshot.counters.n ?? 0),
        to: String(state.expected.n ?? 0),
        note: differences.length === 0 ? '统计与答卷一致' : `按答卷重新计算，更正 ${differences.length} 处差异`,
      },
    ]);
  });
}

/**
 * 核对统计 as a job (common/jobs.ts): settle (one shard a step: answers whose submission died more than
 * SETTLE_AFTER_MS before the job began are counted first), fix what the shards hold (one read: each
 * shard's answers before its `vt`, plus those it marked), walk the answers a page a step into a fresh
 * sum, then compare — and with `apply`, swap the counters for that sum in one transaction.
 */
export const surveyRecomputeJob: JobKind<RecomputeState, RecomputeResult> = {
  kind: 'survey.recompute',
  initial: () => ({
    phase: 'settle',
    k: 0,
    after: null,
    expected: {},
    waiting: 0,
    walked: 0,
    total: 0,
    result: null,
  }),
  async step(env, state) {
    const params = env.job.params as RecomputeParams;
    const survey = await recomputeSurvey(env, params.surveyId);
    const progress = (s: RecomputeState) => ({ doneItems: s.walked, total: Math.max(s.total, s.walked) });
    switch (state.phase) {
      case 'settle': {
        const cutoff = new Date(env.job.createdAt.getTime() - SETTLE_AFTER_MS);
        const settled = await settleShardOf(env.db, survey, state.k, cutoff, env.now(), env.yieldNow);
        // Stopped inside the shard by the batch budget: the next step settles the same shard on.
        if (!settled.done) return { state, done: false, progress: Math.min(5, state.k / 4) };
        const k = state.k + 1;
        const next: RecomputeState = k >= survey.shards ? { ...state, k: 0, phase: 'snapshot' } : { ...state, k };
        return { state: next, done: false, progress: Math.min(5, k / 4) };
      }
      case 'snapshot': {
        const shards = await readShards(env.db, survey._id);
        const ordered = shards.sort((a, b) => a.k - b.k);
        const snapshot: Snapshot = {
          shards: ordered.map((s) => ({ _id: s._id, vt: s.vt.getTime() })),
          counters: sumCounters(shards),
        };
        // Written whole under fixed ids: a snapshot step done again replaces them (nothing walked yet).
        for (const [k, s] of ordered.entries()) {
          await env.db
            .collection('jobs')
            .doc(marksId(env.job._id, k))
            .set({
              data: { kind: 'survey.recompute.marks', target: survey._id, status: 'done', marks: Object.keys(s.m) },
            });
        }
        await env.db
          .collection('jobs')
          .doc(snapshotId(env.job._id))
          .set({ data: { kind: 'survey.recompute.snapshot', target: survey._id, status: 'done', snapshot } });
        env.memo.set('snapshot', snapshot);
        const next = { ...state, phase: 'walk' as const, total: snapshot.counters.n ?? 0 };
        return { state: next, done: false, ...progress(next) };
      }
      case 'walk': {
        const next = await walkStep(env, params, state);
        return { state: next, done: false, ...progress(next) };
      }
      case 'apply': {
        await applyStep(env, params, state);
        return { state: { ...state, phase: 'report' }, done: false, ...progress(state) };
      }
      case 'report': {
        const snapshot = await snapshotOf(env);
        const differences = counterDifferences(snapshot.counters, state.expected);
        const result: RecomputeResult = {
          responses: state.expected.n ?? 0,
          matches: differences.length === 0,
          differences,
          applied: params.apply,
          waiting: state.waiting,
        };
        await env.db
          .collection('jobs')
          .where({
            _id: env.db.command.in([
              snapshotId(env.job._id),
              ...snapshot.shards.map((_s, k) => marksId(env.job._id, k)),
            ]),
          })
          .remove();
        return { state: { ...state, result }, done: true, result, ...progress(state) };
      }
    }
  },
};

/**
 * 核对统计 (survey.recompute): starts the recompute job (or joins the caller's running one for the same
 * survey and `apply`) and runs its first slice; a large survey is continued by `recomputeStatus` polls.
 */
export async function recompute(ctx: Ctx, input: RecomputeInput): Promise<RecomputeOutput> {
  const { survey } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  const params: RecomputeParams = { surveyId: survey._id, apply: input.apply };
  return startSurveyJob(ctx, surveyRecomputeJob, survey._id, params);
}

/** survey.recomputeStatus: the caller's recompute job, after one more slice. */
export async function recomputeStatus(ctx: Ctx, input: JobStatusInput): Promise<RecomputeOutput> {
  return continueSurveyJob<RecomputeResult>(ctx, input.jobId, surveyRecomputeJob.kind);
}

// ---------------------------------------------------------------- text answers

const dimField: Record<SurveyDimension, string> = { district: 'dims.d', industry: 'dims.i', group: 'dims.g' };

/** Counters are needed only to refuse a suppressed segment of an anonymous survey. */
export function textAnswersJoins(data: unknown): readonly ProfileJoin[] {
  const by = data && typeof data === 'object' ? (data as Record<string, unknown>).by : undefined;
  return surveyJoins({ counters: by ? 'all' : undefined })(data);
}

/**
 * 文字答案: the texts of one question (or the 其他 texts of a choice question), newest first, with a
 * keyword search. Workers see public results' texts that passed the content check, without names.
 */
export async function textAnswers(ctx: Ctx, input: TextAnswersInput): Promise<TextAnswersPage> {
  const { user, survey, counters } = await loadSurvey(ctx);
  const view = await resultsView(ctx, user, survey);
  // What people wrote is theirs: workers read it only when the survey said so before anyone answered.
  if (view === 'public' && !survey.textsPublic)
    throw new AppError('FORBIDDEN', '这份调查只公开统计数字，不公开个人填写的文字');
  const question = questionsInOrder(survey.sections).find((x) => x.question.id === input.questionId)?.question;
  if (!question)
    throw new AppError('INVALID_INPUT', '问卷里没有这道题', [{ path: 'questionId', message: '没有这道题' }]);
  const other =
    question.type === 'single' || question.type === 'multiple' ? question.options.find((o) => o.other) : undefined;
  const isText = question.type === 'text' || question.type === 'longText';
  if (!isText && !other) {
    throw new AppError('INVALID_INPUT', '这道题没有文字答案', [{ path: 'questionId', message: '这道题没有文字答案' }]);
  }
  const _ = ctx.db.command;
  const field = isText ? 't' : 'o';
  const where: Record<string, unknown> = {
    surveyId: survey._id,
    items: _.elemMatch({
      q: question.id,
      [field]: input.keyword ? ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' }) : _.exists(true),
    }),
  };
  if (view === 'public') where.textModeration = 'pass';
  if (input.by || input.segmentId) {
    if (view !== 'staff') throw new AppError('FORBIDDEN', '分组查看只对管辖范围内的工作人员开放');
    if (!input.by || !input.segmentId) {
      throw new AppError('INVALID_INPUT', '按分组查看需要同时选择维度和分组', [
        { path: input.by ? 'segmentId' : 'by', message: '请选择' },
      ]);
    }
    if (survey.anonymous) {
      const c = sumCounters(counters);
      const segments = breakdownSegments(c, {
        by: input.by,
        order: [],
        labels: new Map(),
        suppress: true,
        min: MIN_GROUP_SIZE,
      });
      if (!segments.some((s) => s.id === input.segmentId && !s.suppressed)) {
        throw new AppError('FORBIDDEN', `匿名调查中答卷少于 ${MIN_GROUP_SIZE} 份的分组不单独显示`);
      }
    }
    where[dimField[input.by]] = input.by === 'group' && input.segmentId === NO_SEGMENT ? _.size(0) : input.segmentId;
  }
  const { docs, total } = await pageOf<AnswerDoc>(
    ctx,
    {
      collection: 'surveyAnswers',
      where,
      orderBy: 'createdAt',
      order: 'desc',
      fields: { items: true, respondent: true, channel: true, textModeration: true, createdAt: true },
    },
    input,
  );
  const named = view === 'staff' && !survey.anonymous;
  return {
    items: docs.map((a) => {
      const item = a.items.find((x) => x.q === question.id);
      return {
        answerId: a._id,
        text: (isText ? item?.t : item?.o) ?? '',
        optionLabel: isText ? null : (other?.label ?? null),
        respondentName: named ? (a.respondent?.name ?? null) : null,
        orgName: named ? (a.respondent?.orgName ?? null) : null,
        channel: a.channel,
        moderation: a.textModeration === 'none' ? 'pass' : a.textModeration,
        submittedAt: iso(a.createdAt),
      };
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const moderateJoins = surveyJoins();

/** 人工审核: a person decides on texts the content check held back. */
export async function moderateText(
  ctx: Ctx,
  input: ModerateTextInput,
): Promise<{ answerId: string; moderation: 'pass' | 'rejected' }> {
  const { survey } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  const moderation = input.verdict === 'pass' ? 'pass' : 'rejected';
  // The verdict and its audit entry commit together; deciding again as before changes nothing.
  const found = await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('surveyAnswers').doc(input.answerId);
    const answer = (await ref.get().catch(() => ({ data: null }))).data as AnswerDoc | null;
    if (!answer || answer.surveyId !== survey._id || answer.textModeration === 'none') return false;
    if (answer.textModeration === moderation) return true;
    await ref.update({ data: { textModeration: moderation } });
    await audit(ctx, t, [
      {
        action: 'moderateSurveyText',
        targetType: 'survey',
        targetId: survey._id,
        from: answer.textModeration,
        to: moderation,
        note: `答卷 ${input.answerId}`,
      },
    ]);
    return true;
  });
  if (!found) throw new AppError('NOT_FOUND', '找不到这份答卷的文字答案');
  return { answerId: input.answerId, moderation };
}
