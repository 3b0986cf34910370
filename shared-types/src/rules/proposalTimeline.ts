/**
 * 我的建议 · 进展: what has happened to a proposal and what happens next (项目征集 → 筛选 → 决定 → 项目,
 * 第五条（二）–（九）), for its author. Every date comes from the proposal's record or its collection
 * window; where neither fixes one, the step says what happens without a date. The policy sets no day for
 * decisions: the window's 决定公布日期 (`decideBy`, set by the union that runs it) is named when it has one.
 */
import type { DecisionKind, ModerationState, ProposalStatus } from '../schemas/proposal';
import type { ProposalTimeline, TimelineStep } from '../schemas/timeline';
import { businessDate, businessDayStart, inBusinessTz } from '../time';
import { effectiveEnd } from './collectWindow';

export interface TimelineFacts {
  status: ProposalStatus;
  moderation: ModerationState;
  createdAt: Date;
  /** When the author withdrew it (status `withdrawn`). */
  withdrawnAt?: Date | null;
  decision: { kind: DecisionKind; at: Date; reason: string | null } | null;
  mergedInto: { _id: string; title: string } | null;
  /** The project an adoption created (or the kept proposal's, for a merged one), as it stands. */
  project: { _id: string; title: string; statusLabel: string } | null;
  /** Others merged into this one: it can no longer be edited or withdrawn. */
  hasMergedFrom?: boolean;
  /** People who supported it (附议): told when it is withdrawn. */
  supportCount?: number;
  /** The collection window it was sent to; null when it cannot be read. */
  window: {
    title: string;
    orgName: string;
    opensAt: Date;
    closesAt: Date;
    closedEarly?: boolean;
    closedAt?: Date | null;
    /** The programme year the window collects for (下一年度). */
    year: number;
    /** 决定公布日期 (yyyy-mm-dd): the union says by then whether it adopts the proposals; unset: none named. */
    decideBy?: string | null;
  } | null;
}

/** 12月31日 this year, 2027年1月1日 another year (the reader's year is the business year of `now`). */
export function timelineDay(date: Date, now: Date): string {
  const d = inBusinessTz(date);
  return d.year() === inBusinessTz(now).year() ? d.format('M月D日') : d.format('YYYY年M月D日');
}

const decisionWords: Record<DecisionKind, string> = { adopt: '采纳', defer: '暂缓', decline: '不采纳' };

function step(
  key: TimelineStep['key'],
  title: string,
  state: TimelineStep['state'],
  text: string,
  extra: { date?: Date | null; projectId?: string | null; proposalId?: string | null } = {},
): TimelineStep {
  return {
    key,
    title,
    state,
    date: extra.date ? businessDate(extra.date) : null,
    text,
    projectId: extra.projectId ?? null,
    proposalId: extra.proposalId ?? null,
  };
}

/** The author's timeline of a proposal at `now`. */
export function proposalTimeline(p: TimelineFacts, now: Date): ProposalTimeline {
  const day = (d: Date) => timelineDay(d, now);
  const w = p.window;
  const steps: TimelineStep[] = [];
  steps.push(
    step('submitted', '提交建议', 'done', w ? `提交到${w.orgName}的征集期《${w.title}》。` : '建议已提交。', {
      date: p.createdAt,
    }),
  );

  if (p.status === 'withdrawn') {
    const at = p.withdrawnAt ?? null;
    steps.push(
      step(
        'withdrawn',
        '已撤回',
        'done',
        `您${at ? `在${day(at)}` : ''}撤回了这条建议：它不再参加筛选，其他职工也看不到了。` +
          (p.supportCount ? `附议过的 ${p.supportCount} 位职工已收到通知。` : ''),
        { date: at },
      ),
    );
    return { steps, next: '这条建议已撤回，不会再有进展。想法有变化，可以在征集期内重新提建议。' };
  }

  const open = p.status === 'submitted' || p.status === 'reviewing';
  if (open && p.moderation !== 'pass') {
    steps.push(
      p.moderation === 'rejected'
        ? step(
            'moderation',
            '内容审核',
            'current',
            '内容审核没有通过，其他职工看不到这条建议。请按处理记录里的原因修改，修改后会重新审核。',
          )
        : step('moderation', '内容审核', 'current', '内容正在由工作人员审核，通过后其他职工才能看到和附议。'),
    );
  }

  // 征集期: open until its last day, then screening starts (第五条（二）).
  const end = w ? effectiveEnd(w) : null;
  const windowOpen = w !== null && end !== null && !w.closedEarly && now.getTime() < end.getTime();
  if (w && end) {
    const early = Boolean(w.closedEarly || (w.closedAt && w.closedAt.getTime() < w.closesAt.getTime()));
    // A window ends at midnight: its last day is the one before (closed early: the day it was closed).
    const lastDay = early ? end : new Date(end.getTime() - 1);
    if (windowOpen) {
      steps.push(
        step(
          'collecting',
          '征集期',
          open ? 'current' : 'done',
          `征集期到${day(lastDay)}结束。` +
            (p.status === 'submitted' && !p.hasMergedFrom
              ? '结束前其他职工可以附议；在工作人员开始评分之前，您可以修改或撤回。'
              : ''),
          { date: lastDay },
        ),
      );
    } else {
      steps.push(
        step(
          'collecting',
          '征集期',
          'done',
          early ? `征集期已在${day(lastDay)}提前结束。` : `征集期已在${day(lastDay)}结束。`,
          { date: lastDay },
        ),
      );
    }
  }

  const criteria = '按意愿最集中、需求最迫切、最具备办结条件筛选';
  if (p.status === 'merged') {
    steps.push(step('screening', '筛选', 'done', '工作人员把内容相近的建议合并在一起办理。'));
    steps.push(
      step(
        'merged',
        '已合并',
        'done',
        `这条建议已合并到《${p.mergedInto?.title ?? '另一条建议'}》：您和附议您的职工都计入那条建议的支持人数，之后的进展看那条建议。`,
        { proposalId: p.mergedInto?._id ?? null },
      ),
    );
    if (p.project) {
      steps.push(
        step('project', '实事项目', 'current', `已列为项目《${p.project.title}》：${p.project.statusLabel}。`, {
          projectId: p.project._id,
        }),
      );
    }
    return {
      steps,
      next: p.project
        ? `合并后的建议已列为项目《${p.project.title}》，现在${p.project.statusLabel}。`
        : `请看《${p.mergedInto?.title ?? '合并后的建议'}》的进展。`,
    };
  }

  // 筛选 (screening) and 决定 (decision).
  const screeningFrom = end && windowOpen ? end : null;
  if (open) {
    steps.push(
      windowOpen
        ? step(
            'screening',
            '筛选',
            p.status === 'reviewing' ? 'current' : 'upcoming',
            p.status === 'reviewing'
              ? `工作人员已经开始评分，${criteria}。`
              : `征集期结束后（${day(screeningFrom!)}起），工会工作人员${criteria}。`,
            { date: screeningFrom },
          )
        : step(
            'screening',
            '筛选',
            'current',
            p.status === 'reviewing' ? `工作人员已经开始评分，${criteria}。` : `工会工作人员正在${criteria}。`,
          ),
    );
    steps.push(decisionStep(w, now));
    steps.push(
      step(
        'project',
        '实事项目',
        'upcoming',
        `采纳的建议列为${w ? ` ${w.year} 年度` : ''}实事项目的草稿，经可研论证、项目确立后发布实施，当年办结。`,
      ),
    );
  } else {
    steps.push(step('screening', '筛选', 'done', `工会工作人员${criteria}。`));
    const d = p.decision;
    const kind: DecisionKind =
      d?.kind ?? (p.status === 'adopted' ? 'adopt' : p.status === 'deferred' ? 'defer' : 'decline');
    steps.push(
      step('decision', '作出决定', 'done', `结果：${decisionWords[kind]}。${d?.reason ? `说明：${d.reason}` : ''}`, {
        date: d?.at ?? null,
      }),
    );
    if (p.status === 'adopted') {
      steps.push(
        p.project
          ? step(
              'project',
              '实事项目',
              'current',
              `已列为项目《${p.project.title}》，现在${p.project.statusLabel}。项目页面有每一步的日期。`,
              { projectId: p.project._id },
            )
          : step('project', '实事项目', 'upcoming', '项目草稿生成后，这里会显示它的进展。'),
      );
    }
  }

  return { steps, next: nextSentence(p, steps, windowOpen) };
}

/**
 * 作出决定, still to come: by the window's 决定公布日期 when it has one (said honestly once that day has
 * passed without a decision); otherwise without a date, as the policy names none.
 */
function decisionStep(w: TimelineFacts['window'], now: Date): TimelineStep {
  const kinds = '采纳、暂缓或不采纳';
  if (!w?.decideBy) {
    return step(
      'decision',
      '作出决定',
      'upcoming',
      `筛选后作出决定：${kinds}，结果会发消息告诉您。实施办法没有规定作出决定的日期。`,
    );
  }
  const by = businessDayStart(w.decideBy);
  const day = timelineDay(by, now);
  return step(
    'decision',
    '作出决定',
    'upcoming',
    w.decideBy < businessDate(now)
      ? `${w.orgName}原定${day}前公布是否采纳，现在还没有作出决定；决定后会发消息告诉您。`
      : `${w.orgName}将在${day}前公布是否采纳，结果（${kinds}）会发消息告诉您。`,
    { date: by },
  );
}

function nextSentence(p: TimelineFacts, steps: readonly TimelineStep[], windowOpen: boolean): string {
  const moderation = steps.find((s) => s.key === 'moderation');
  if (moderation) return moderation.text;
  if (p.status === 'adopted') {
    return p.project
      ? `已列为项目《${p.project.title}》，现在${p.project.statusLabel}。`
      : '已采纳，项目草稿生成后这里会显示它的进展。';
  }
  if (p.status === 'deferred') return '这条建议暂缓办理。';
  if (p.status === 'declined') return '这条建议没有被采纳。';
  const screening = steps.find((s) => s.key === 'screening');
  // With a 决定公布日期 the decision step says when (and that a message will come).
  const decision = p.window?.decideBy ? steps.find((s) => s.key === 'decision') : undefined;
  if (windowOpen && p.status === 'submitted' && screening) return screening.text + (decision?.text ?? '');
  return `${screening?.text ?? ''}${decision?.text ?? '筛选后作出决定，结果会发消息告诉您。'}`;
}
