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
  type RecomputeOutput,
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
import { incrementsOf, readShards, settleSurvey, SETTLE_AFTER_MS, type Countable, type ShardState } from '../counting';
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
export async function recomputeRows(ctx: Ctx, match: object): Promise<RecomputeRows> {
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
 * 核对统计: rebuilds from the answers what the counters should hold, and compares. One read of the
 * shards fixes what they hold (counting.ts): each shard's answers created before its `vt` — counted with
 * aggregate() — and the answers marked in it since, whose increments are added up here. Answers stored
 * but not counted yet (being submitted right now, or whose submission died and settling has not reached)
 * are `waiting`. Answers whose submission died more than SETTLE_AFTER_MS ago are counted first.
 * With `apply`, the counters are replaced by what the answers say, in one transaction, only if no answer
 * was counted since the read (else it reads again).
 */
export async function recompute(ctx: Ctx, input: RecomputeInput): Promise<RecomputeOutput> {
  const { survey } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  await settleSurvey(ctx.db, survey, new Date(ctx.now.getTime() - SETTLE_AFTER_MS), ctx.now);
  for (let attempt = 1; ; attempt += 1) {
    const shards = await readShards(ctx.db, survey._id);
    const { expected, waiting } = await countedAnswers(ctx, survey, shards);
    const current = sumCounters(shards);
    const responses = expected.n ?? 0;
    if (!input.apply) {
      const differences = counterDifferences(current, expected);
      return { responses, matches: differences.length === 0, differences, applied: false, waiting };
    }
    const differences = await replaceCounters(ctx, survey, shards, expected);
    if (differences) return { responses, matches: differences.length === 0, differences, applied: true, waiting };
    if (attempt >= 3) throw new AppError('CONFLICT', '还有答卷正在提交，请稍后再重新计算');
  }
}

/** What the answers the shards hold add up to, and how many stored answers wait to be counted. */
async function countedAnswers(
  ctx: Ctx,
  survey: SurveyDoc,
  shards: readonly ShardState[],
): Promise<{ expected: Counters; waiting: number }> {
  const _ = ctx.db.command;
  // Settled answers: one aggregation (shards settled to different instants each get their own range).
  const byVt = new Map<number, string[]>();
  for (const s of shards) byVt.set(s.vt.getTime(), [...(byVt.get(s.vt.getTime()) ?? []), s._id]);
  const ranges = [...byVt]
    .filter(([vt]) => vt > 0)
    .map(([vt, ids]) => ({
      ...(byVt.size > 1 ? { shard: _.in(ids) } : {}),
      createdAt: _.lt(new Date(vt)),
    }));
  const settled =
    ranges.length === 0
      ? {}
      : countersFromRows(
          survey.sections,
          await recomputeRows(
            ctx,
            ranges.length === 1
              ? { surveyId: survey._id, ...ranges[0] }
              : _.and([{ surveyId: survey._id }, _.or(ranges)]),
          ),
        );
  // Answers since: each one marked in its shard adds its increments; unmarked ones wait.
  const recent: Counters = {};
  let waiting = 0;
  const byId = new Map(shards.map((s) => [s._id, s]));
  const since = new Date(Math.min(...shards.map((s) => s.vt.getTime())));
  for (let after = ''; ;) {
    const res = await ctx.db
      .collection('surveyAnswers')
      .where({ surveyId: survey._id, createdAt: _.gte(since), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true, shard: true, createdAt: true, items: true, dims: true, channel: true })
      .limit(PAGE)
      .get();
    const page = res.data as Countable[];
    for (const answer of page) {
      const shard = byId.get(answer.shard);
      if (shard && answer.createdAt.getTime() < shard.vt.getTime()) continue;
      if (shard?.m[answer._id] === undefined) {
        waiting += 1;
        continue;
      }
      for (const [k, by] of Object.entries(incrementsOf(survey, answer))) recent[k] = (recent[k] ?? 0) + by;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]._id;
  }
  return { expected: sumCounters([{ c: settled }, { c: recent }]), waiting };
}

/**
 * Replaces the shards' counters with `expected` (all in shard 0: results sum the shards) in one
 * transaction, unless a shard changed since `read` (then null). Returns the differences it repaired.
 */
async function replaceCounters(
  ctx: Ctx,
  survey: SurveyDoc,
  read: readonly ShardState[],
  expected: Counters,
): Promise<RecomputeOutput['differences'] | null> {
  const _ = ctx.db.command;
  return ctx.db.runTransaction(async (t: Ctx['db']) => {
    const current: CounterDoc[] = [];
    for (const shard of read) current.push((await t.collection('surveyCounters').doc(shard._id).get()).data);
    const unchanged = read.every(
      (shard, i) =>
        counterDifferences(shard.c ?? {}, current[i].c ?? {}, 1).length === 0 && sameKeys(shard.m, current[i].m ?? {}),
    );
    if (!unchanged) return null;
    for (const [i, shard] of read.entries()) {
      await t
        .collection('surveyCounters')
        .doc(shard._id)
        .update({ data: { c: _.set(i === 0 ? expected : {}), updatedAt: ctx.now } });
    }
    const differences = counterDifferences(sumCounters(current), expected);
    await audit(ctx, t, [
      {
        action: 'recomputeSurvey',
        targetType: 'survey',
        targetId: survey._id,
        from: String(sumCounters(current).n ?? 0),
        to: String(expected.n ?? 0),
        note: differences.length === 0 ? '统计与答卷一致' : `按答卷重新计算，更正 ${differences.length} 处差异`,
      },
    ]);
    return differences;
  });
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b);
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
