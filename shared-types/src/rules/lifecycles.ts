/**
 * The lifecycles of proposals, needs surveys and collection windows, on the one mechanism
 * (`defineLifecycle`): the states with their label, tone and progress, the transitions with who may take
 * them on which records, and the Chinese refusal wording. A wrong state is CONFLICT, a wrong role or scope
 * FORBIDDEN.
 */
import { defineLifecycle } from '../lifecycle';
import { collectionStaffRoles, roles, staffRoles } from '../roles';
import { proposalStatusMeta, type ProposalStatus } from '../schemas/proposal';
import type { SurveyStatus } from '../schemas/survey';
import { access } from './access';

const screening = access(collectionStaffRoles, 'subtree');

/** What is refused on a decided or merged proposal (the kept proposal is the one to act on). */
function decided(action: string) {
  return ({ title, stateLabel, state }: { title: string; stateLabel: string; state: ProposalStatus }) =>
    state === 'merged'
      ? `《${title}》已合并到别的建议，请对保留的那条建议操作`
      : state === 'withdrawn'
        ? `《${title}》已由提建议的职工撤回，${action}`
        : `《${title}》已经作出决定（${stateLabel}），${action}`;
}

/** The author's own edit and withdrawal: only while nobody has started screening it (已提交). */
function authorRefusal(action: string) {
  return ({ title, stateLabel, state }: { title: string; stateLabel: string; state: ProposalStatus }) =>
    state === 'withdrawn'
      ? `《${title}》已经撤回了，不能再${action}`
      : state === 'merged'
        ? `《${title}》已合并到别的建议，不能再${action}`
        : `《${title}》现在是「${stateLabel}」，工作人员已经开始处理，不能再${action}（只有「已提交」时可以）`;
}

const open: ProposalStatus[] = ['submitted', 'reviewing'];

/**
 * 建议 (项目征集, 第五条（二）): scoring moves a proposal under review; a decision or a merge closes it; a
 * closed proposal is never decided again. The states are `proposalStatusMeta`.
 */
export const proposalLifecycle = defineLifecycle({
  noun: '这条建议',
  states: proposalStatusMeta,
  transitions: {
    score: { label: '评分', from: open, to: 'reviewing', access: screening, refusal: decided('不能再评分') },
    adopt: { label: '采纳', from: open, to: 'adopted', access: screening, refusal: decided('不能重复决定') },
    defer: { label: '暂缓', from: open, to: 'deferred', access: screening, refusal: decided('不能重复决定') },
    decline: { label: '不采纳', from: open, to: 'declined', access: screening, refusal: decided('不能重复决定') },
    merge: { label: '合并', from: open, to: 'merged', access: screening, refusal: decided('不能再合并') },
  },
});
export type ProposalTransition = keyof typeof proposalLifecycle.transitions;

/**
 * The author's side of the same states: 修改 and 撤回 (proposal.edit, proposal.withdraw) while the
 * proposal is 已提交 — once staff score it (审核中) it is theirs. Kept apart from the staff transitions
 * so that `available()` never offers staff the author's buttons: the access rule lets any signed-up
 * person ask, and the command then checks that the proposal is their own (FORBIDDEN otherwise). An
 * edit keeps the state.
 */
export const proposalAuthorLifecycle = defineLifecycle<ProposalStatus, 'edit' | 'withdraw'>({
  noun: '这条建议',
  states: proposalStatusMeta,
  transitions: {
    edit: {
      label: '修改',
      from: ['submitted'],
      to: 'submitted',
      access: access(roles),
      refusal: authorRefusal('修改'),
    },
    withdraw: {
      label: '撤回',
      from: ['submitted'],
      to: 'withdrawn',
      access: access(roles),
      refusal: authorRefusal('撤回'),
    },
  },
});
export type ProposalAuthorTransition = keyof typeof proposalAuthorLifecycle.transitions;

const surveyStaff = access(staffRoles, 'subtree');

/** 需求调查 (第五条（一）): drafted, published (answered between its dates), closed. */
export const surveyLifecycle = defineLifecycle<SurveyStatus, 'publish' | 'close' | 'edit'>({
  noun: '这份调查',
  states: {
    draft: { label: '草稿', tone: 'neutral', progress: 0 },
    published: { label: '已发布', tone: 'progress', progress: 50 },
    closed: { label: '已结束', tone: 'success', progress: 100 },
  },
  transitions: {
    publish: {
      label: '发布',
      from: ['draft'],
      to: 'published',
      access: surveyStaff,
      refusal: ({ state }) =>
        state === 'closed' ? '调查已结束，不能再发布；可以复制为新的草稿' : '这份调查已经发布了',
    },
    close: {
      label: '结束',
      from: ['published'],
      to: 'closed',
      access: surveyStaff,
      refusal: ({ state }) => (state === 'draft' ? '草稿还没有发布，不需要结束' : '调查已经结束了'),
    },
    /** An edit keeps the survey in its state (`to` is not applied); only a closed survey refuses it. */
    edit: {
      label: '修改',
      from: ['draft', 'published'],
      to: 'draft',
      access: surveyStaff,
      refusal: () => '调查已结束，不能再修改；需要再次调查时可以复制为新的草稿',
    },
  },
});
export type SurveyTransition = keyof typeof surveyLifecycle.transitions;

/** The state of a collection window at an instant (`windowStatus`). */
export type WindowState = 'scheduled' | 'open' | 'closed';

/** 征集期 (第五条（二）): scheduled, open, closed (at its end or early); closing is for staff above it. */
export const collectWindowLifecycle = defineLifecycle<WindowState, 'close'>({
  noun: '这个征集期',
  states: {
    scheduled: { label: '未开始', tone: 'progress', progress: 0 },
    open: { label: '征集中', tone: 'success', progress: 50 },
    closed: { label: '已结束', tone: 'neutral', progress: 100 },
  },
  transitions: {
    close: {
      label: '提前结束',
      from: ['scheduled', 'open'],
      to: 'closed',
      access: access(collectionStaffRoles, 'subtree'),
      refusal: ({ title }) => `《${title}》已经结束了`,
    },
  },
});
