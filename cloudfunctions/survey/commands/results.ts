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
import { shardId, type AnswerDoc, type CounterDoc, type SurveyDoc } from '../model';
import { escapeRegExp, requireManager } from '../support';
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
 * The recompute: four aggregations over the survey's answers, each grouped by the respondent's district,
 * industry and (unwound) group, then folded into counters by the same rules submission uses.
 */
export async function recomputeRows(ctx: Ctx, surveyId: string): Promise<RecomputeRows> {
  const $ = ctx.db.command.aggregate;
  const base = () =>
    ctx.db
      .collection('surveyAnswers')
      .aggregate()
      .match({ surveyId })
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
 * 重新计算: rebuilds the counters from the answers with aggregate() and compares. The counters are read
 * before and after the aggregation: answers and their counters commit together, and counters only grow,
 * so equal sums mean no answer arrived in between (otherwise it tries again). With `apply`, the
 * recomputed counters replace the shards in one transaction, only if the shards still hold what was
 * read before the aggregation.
 */
export async function recompute(ctx: Ctx, input: RecomputeInput): Promise<RecomputeOutput> {
  const { user, survey } = await loadSurvey(ctx);
  requireManager(user, survey);
  for (let attempt = 1; ; attempt += 1) {
    const before = sumCounters(await shardsOf(ctx, survey._id));
    const recomputed = countersFromRows(survey.sections, await recomputeRows(ctx, survey._id));
    const last = attempt >= 3;
    if (!input.apply) {
      const after = sumCounters(await shardsOf(ctx, survey._id));
      if (counterDifferences(before, after, 1).length > 0 && !last) continue;
      const differences = counterDifferences(after, recomputed);
      return { responses: recomputed.n ?? 0, matches: differences.length === 0, differences, applied: false };
    }
    const replaced = await replaceCounters(ctx, survey, before, recomputed);
    if (replaced) {
      return {
        responses: recomputed.n ?? 0,
        matches: replaced.differences.length === 0,
        differences: replaced.differences,
        applied: true,
      };
    }
    if (last) throw new AppError('CONFLICT', '还有答卷正在提交，请稍后再重新计算');
  }
}

async function shardsOf(ctx: Ctx, surveyId: string): Promise<CounterDoc[]> {
  const res = await ctx.db.collection('surveyCounters').where({ surveyId }).limit(1000).get();
  return res.data as CounterDoc[];
}

/** Replaces the shards with the recomputed counters unless they changed since `before` (then null). */
async function replaceCounters(
  ctx: Ctx,
  survey: SurveyDoc,
  before: Counters,
  recomputed: Counters,
): Promise<{ differences: RecomputeOutput['differences'] } | null> {
  const _ = ctx.db.command;
  return ctx.db.runTransaction(async (t: Ctx['db']) => {
    const shards: CounterDoc[] = [];
    for (let k = 0; k < survey.shards; k += 1) {
      const res = await t.collection('surveyCounters').doc(shardId(survey._id, k)).get();
      shards.push(res.data as CounterDoc);
    }
    const current = sumCounters(shards);
    if (counterDifferences(before, current, 1).length > 0) return null;
    for (let k = 0; k < survey.shards; k += 1) {
      await t
        .collection('surveyCounters')
        .doc(shardId(survey._id, k))
        .update({ data: { c: _.set(k === 0 ? recomputed : {}), updatedAt: ctx.now } });
    }
    return { differences: counterDifferences(current, recomputed) };
  });
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
  const { user, survey } = await loadSurvey(ctx);
  requireManager(user, survey);
  const moderation = input.verdict === 'pass' ? 'pass' : 'rejected';
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('surveyAnswers')
    .where({ _id: input.answerId, surveyId: survey._id, textModeration: _.neq('none') })
    .update({ data: { textModeration: moderation } });
  if (!res.stats?.updated) {
    const found = await ctx.db
      .collection('surveyAnswers')
      .where({ _id: input.answerId, surveyId: survey._id, textModeration: moderation })
      .count();
    if (!found.total) throw new AppError('NOT_FOUND', '找不到这份答卷的文字答案');
  }
  return { answerId: input.answerId, moderation };
}
