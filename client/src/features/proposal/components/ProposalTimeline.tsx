import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import {
  inBusinessTz,
  type Proposal,
  type ProposalTimeline as Timeline,
  type TimelineStep,
} from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { confirm, showError, toastSuccess } from '../../../utils/feedback';
import '../contracts';
import { withdrawProposal } from '../api';
import { projectUrl, proposalDetailUrl, proposalEditUrl } from '../links';
import './ProposalTimeline.scss';

const stateWords: Record<TimelineStep['state'], string> = { done: '已完成', current: '进行中', upcoming: '接下来' };
/** What a step's date is: the window's last day, the day screening starts. */
const dateWords: Partial<Record<TimelineStep['key'], string>> = { collecting: ' 结束', screening: ' 起' };

/** 2026年11月24日 (the step's business date). */
function dayOf(date: string): string {
  return inBusinessTz(`${date}T00:00:00+08:00`).format('YYYY年M月D日');
}

function Step({ step, last }: { step: TimelineStep; last: boolean }) {
  return (
    <View
      className={`timeline__step timeline__step--${step.state} ${last ? 'timeline__step--last' : ''}`}
      id={`timeline-${step.key}`}
    >
      <View className="timeline__rail">
        <View className="timeline__dot">
          {step.state === 'done' ? <Text className="timeline__tick">✓</Text> : null}
        </View>
        {last ? null : <View className="timeline__line" />}
      </View>
      <View className="timeline__body">
        <View className="timeline__head">
          <Text className="timeline__title">{step.title}</Text>
          <Text className="timeline__state">{stateWords[step.state]}</Text>
        </View>
        {step.date ? (
          <Text className="timeline__date">
            {dayOf(step.date)}
            {dateWords[step.key] ?? ''}
          </Text>
        ) : null}
        <Text className="timeline__text">{step.text}</Text>
        {step.projectId ? (
          <View
            className="timeline__link"
            id="timeline-project-link"
            onClick={() => void Taro.navigateTo({ url: projectUrl(step.projectId!) })}
          >
            <Text>查看项目进展 ›</Text>
          </View>
        ) : null}
        {step.proposalId ? (
          <View
            className="timeline__link"
            id="timeline-kept-link"
            onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(step.proposalId!) })}
          >
            <Text>查看合并后的建议 ›</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/**
 * 进展 on the author's own proposal: what happened (with its date), what happens next and when — only
 * dates the record or the collection window give (rules/proposalTimeline).
 */
export function ProposalTimeline({ timeline, children }: { timeline: Timeline; children?: ReactNode }) {
  return (
    <View className="timeline" id="detail-timeline">
      <Text className="timeline__section">进展</Text>
      <View className="timeline__next" id="timeline-next">
        <Text className="timeline__next-label">接下来</Text>
        <Text className="timeline__next-text">{timeline.next}</Text>
      </View>
      {timeline.steps.map((s, i) => (
        <Step key={s.key} step={s} last={i === timeline.steps.length - 1} />
      ))}
      {children}
    </View>
  );
}

/** Whether the author may still change it: 已提交, sent online, nothing merged into it. */
export function authorMayChange(p: Proposal): boolean {
  return p.mine && p.status === 'submitted' && p.channel === 'online' && p.mergedFrom.length === 0;
}

/** 修改 and 撤回 (asks first) for the author while the proposal is 已提交. */
export function AuthorActions({ proposal: p, onChanged }: { proposal: Proposal; onChanged?: () => void }) {
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    if (busy) return;
    const sure = await confirm(
      '撤回这条建议？',
      `撤回后“${p.title}”不再参加筛选，其他职工也看不到了${p.supportCount > 0 ? `；附议过的 ${p.supportCount} 位职工会收到通知` : ''}。记录留在“我的建议”里，撤回后不能恢复。`,
      '撤回',
    );
    if (!sure) return;
    setBusy(true);
    try {
      await withdrawProposal(p._id);
      toastSuccess('已撤回');
      onChanged?.();
    } catch (e) {
      showError(e, '没能撤回');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="timeline__actions" id="detail-author-actions">
      <Text className="timeline__actions-hint">工作人员开始评分之前，您可以修改或撤回这条建议。</Text>
      <View className="timeline__actions-row">
        <AppButton
          id="detail-edit"
          kind="default"
          className="timeline__action"
          onClick={() => void Taro.navigateTo({ url: proposalEditUrl(p._id) })}
        >
          修改
        </AppButton>
        <AppButton
          id="detail-withdraw"
          kind="plain"
          className="timeline__action"
          loading={busy}
          busyText="正在撤回…"
          onClick={() => void withdraw()}
        >
          撤回
        </AppButton>
      </View>
    </View>
  );
}
