import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ITouchEvent } from '@tarojs/components';
import type { Proposal } from '@shishi/shared-types';
import { projectUrl, proposalDetailUrl } from '../links';
import './ProposalOutcome.scss';

/** Open another page from inside a tappable card without also tapping the card. */
function go(url: string) {
  return (e: ITouchEvent) => {
    e.stopPropagation();
    void Taro.navigateTo({ url });
  };
}

/**
 * Where a proposal went: the reason of a deferral or a decline, the proposal it was merged into, or
 * the project it became with that project's progress. Nothing while it is still being looked at.
 */
export function ProposalOutcome({ proposal: p, idPrefix }: { proposal: Proposal; idPrefix: string }) {
  const reason = p.decision?.reason ?? null;
  return (
    <View className="outcome" id={`${idPrefix}-outcome`}>
      {p.status === 'merged' && p.mergedInto ? (
        <View
          className="outcome__row outcome__row--link"
          id={`${idPrefix}-merged-into`}
          onClick={go(proposalDetailUrl(p.mergedInto._id))}
        >
          <Text className="outcome__label">已合并到</Text>
          <Text className="outcome__link">“{p.mergedInto.title}” ›</Text>
        </View>
      ) : null}
      {p.status === 'merged' ? (
        <Text className="outcome__note">相同意见的建议合在一起办理，您的意见算在这条建议里。</Text>
      ) : null}
      {p.status === 'declined' ? (
        <View className="outcome__row outcome__row--declined" id={`${idPrefix}-reason`}>
          <Text className="outcome__label">未采纳理由</Text>
          <Text className="outcome__text">{reason ?? '未说明'}</Text>
        </View>
      ) : null}
      {p.status === 'deferred' ? (
        <View className="outcome__row outcome__row--deferred" id={`${idPrefix}-reason`}>
          <Text className="outcome__label">暂缓说明</Text>
          <Text className="outcome__text">{reason ?? '留待以后统筹考虑'}</Text>
        </View>
      ) : null}
      {p.status === 'adopted' && reason ? (
        <View className="outcome__row">
          <Text className="outcome__label">采纳意见</Text>
          <Text className="outcome__text">{reason}</Text>
        </View>
      ) : null}
      {p.project ? (
        <View className="outcome__project" id={`${idPrefix}-project`} onClick={go(projectUrl(p.project._id))}>
          <View className="outcome__project-head">
            <Text className="outcome__label">已转为项目</Text>
            <Text className="outcome__link">查看项目 ›</Text>
          </View>
          <Text className="outcome__project-title">{p.project.title}</Text>
          <View className="outcome__progress">
            <View className="outcome__bar">
              <View className="outcome__bar-fill" style={{ width: `${p.project.progress}%` }} />
            </View>
            <Text className="outcome__percent">{p.project.progress}%</Text>
          </View>
          <Text className="outcome__status" id={`${idPrefix}-project-status`}>
            当前进展：{p.project.statusLabel}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/** Whether `ProposalOutcome` has anything to say. */
export function hasOutcome(p: Proposal): boolean {
  return (
    p.status === 'merged' ||
    p.status === 'declined' ||
    p.status === 'deferred' ||
    p.project !== null ||
    (p.status === 'adopted' && !!p.decision?.reason)
  );
}
