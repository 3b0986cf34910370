import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { categoryLabels, decisionMeta, formatDateTime, targetGroupLabels, type ScreenItem } from '@shishi/shared-types';
import { AppButton, Badge, StatusBadge } from '../../../components';
import { moderationMeta, offlineLabel, proposalDetailUrl } from '../../proposal';
import './ScreeningCard.scss';

interface ScreeningCardProps {
  item: ScreenItem;
  selected: boolean;
  /** Whether the viewer may merge, score and decide (collection staff). */
  canAct: boolean;
  onToggle: () => void;
  onScore: () => void;
  onDecide: () => void;
  onUnmerge: () => void;
  /** 撤销全部合并 of a kept proposal (shown while it is open and has proposals merged into it). */
  onUnmergeAll: () => void;
}

const decidable = new Set(['submitted', 'reviewing', 'deferred']);

function Metric({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className={`screen-card__metric ${strong ? 'screen-card__metric--strong' : ''}`}>
      <Text className="screen-card__metric-value">{value}</Text>
      <Text className="screen-card__metric-label">{label}</Text>
    </View>
  );
}

/** A screening row: rank, the three criteria and the weighted score, and what staff can do with it. */
export function ScreeningCard({
  item: p,
  selected,
  canAct,
  onToggle,
  onScore,
  onDecide,
  onUnmerge,
  onUnmergeAll,
}: ScreeningCardProps) {
  const s = p.scores;
  const merged = p.status === 'merged';
  const open = () => void Taro.navigateTo({ url: proposalDetailUrl(p._id) });
  return (
    <View className={`screen-card ${selected ? 'screen-card--selected' : ''}`} id={`screen-${p._id}`}>
      <View className="screen-card__head">
        {canAct && !merged ? (
          <View className="screen-card__check" id={`screen-select-${p._id}`} onClick={onToggle}>
            <View className={`screen-card__box ${selected ? 'screen-card__box--on' : ''}`}>
              <Text>{selected ? '✓' : ''}</Text>
            </View>
          </View>
        ) : null}
        <Text className="screen-card__rank">{merged ? '—' : `第${p.rank}`}</Text>
        <Text className="screen-card__title" onClick={open}>
          {p.title}
        </Text>
        <StatusBadge status={p.status} />
      </View>
      <View className="screen-card__tags">
        <Text className="screen-card__tag">{categoryLabels[p.category]}</Text>
        <Text className="screen-card__tag">{targetGroupLabels[p.targetGroup]}</Text>
        <Text className="screen-card__tag">{p.orgName}</Text>
        {p.moderation !== 'pass' ? (
          <Badge label={moderationMeta[p.moderation].label} tone={moderationMeta[p.moderation].tone} />
        ) : null}
      </View>
      <Text className="screen-card__content" onClick={open}>
        {p.content}
      </Text>
      <Text className="screen-card__byline">
        {p.authorName} · {formatDateTime(p.createdAt)}
        {p.offline ? ` · ${offlineLabel(p.offline)}` : ''}
      </Text>
      {merged ? (
        <Text className="screen-card__merged" id={`screen-merged-into-${p._id}`}>
          已合并到：{p.mergedInto?.title ?? '另一条建议'}
        </Text>
      ) : (
        <View className="screen-card__metrics">
          <Metric
            label="综合得分"
            value={s?.total === null || s?.total === undefined ? '待评' : s.total.toFixed(1)}
            strong
          />
          <Metric label="意愿(人)" value={String(s?.concentration ?? p.backerCount)} />
          <Metric label="迫切" value={s?.urgency ? `${s.urgency}/5` : '—'} />
          <Metric label="办结" value={s?.feasibility ? `${s.feasibility}/5` : '—'} />
          <Metric label="附议" value={String(p.supportCount)} />
          <Metric label="相似" value={String(p.similarCount)} />
        </View>
      )}
      {p.mergedFrom.length > 0 ? (
        <Text className="screen-card__note">已合并 {p.mergedFrom.length} 条相似建议</Text>
      ) : null}
      {p.decision ? (
        <Text className="screen-card__note" id={`screen-decision-${p._id}`}>
          决定：{decisionMeta[p.decision.kind].label}
          {p.decision.reason ? `（${p.decision.reason}）` : ''} · {p.decision.byName}
          {p.project ? ` · 项目：${p.project.statusLabel}` : ''}
        </Text>
      ) : null}
      <View className="screen-card__actions">
        <AppButton className="screen-card__btn" id={`screen-detail-${p._id}`} onClick={open}>
          详情
        </AppButton>
        {canAct && merged ? (
          <AppButton className="screen-card__btn" kind="plain" id={`screen-unmerge-${p._id}`} onClick={onUnmerge}>
            撤销合并
          </AppButton>
        ) : null}
        {canAct && !merged ? (
          <AppButton className="screen-card__btn" kind="plain" id={`screen-score-${p._id}`} onClick={onScore}>
            {s?.urgency ? '改评分' : '评分'}
          </AppButton>
        ) : null}
        {canAct && p.mergedFrom.length > 0 && decidable.has(p.status) ? (
          <AppButton
            className="screen-card__btn"
            kind="plain"
            id={`screen-unmerge-all-${p._id}`}
            onClick={onUnmergeAll}
          >
            撤销全部合并
          </AppButton>
        ) : null}
        {canAct && decidable.has(p.status) ? (
          <AppButton className="screen-card__btn" kind="plain" id={`screen-decide-${p._id}`} onClick={onDecide}>
            决定
          </AppButton>
        ) : null}
      </View>
    </View>
  );
}
