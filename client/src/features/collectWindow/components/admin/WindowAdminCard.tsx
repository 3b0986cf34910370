import { View, Text } from '@tarojs/components';
import { businessDayStart, type CollectWindow } from '@shishi/shared-types';
import { AppButton, Badge } from '../../../../components';
import { formatChineseDate, lastDayBefore } from '../../../../utils/dates';
import { windowStatusMeta } from '../../admin';
import './admin.scss';

interface WindowAdminCardProps {
  window: CollectWindow;
  canAct: boolean;
  onWeights: () => void;
  onDecideBy: () => void;
  onClose: () => void;
}

/** One collection window: its dates, state, weights and 决定公布日期, with 调整权重, 公布日期 and 提前结束. */
export function WindowAdminCard({ window: w, canAct, onWeights, onDecideBy, onClose }: WindowAdminCardProps) {
  const status = windowStatusMeta[w.status];
  return (
    <View className="window-admin" id={`window-${w._id}`}>
      <View className="window-admin__head">
        <Text className="window-admin__title">{w.title}</Text>
        <Badge label={status.label} tone={status.tone} />
      </View>
      <Text className="window-admin__line">{w.orgName}</Text>
      <Text className="window-admin__line">
        {formatChineseDate(w.opensAt)} 至 {lastDayBefore(w.closesAt)} · {w.year} 年度项目
      </Text>
      {w.closedAt ? <Text className="window-admin__line">已于 {formatChineseDate(w.closedAt)} 提前结束</Text> : null}
      <Text className="window-admin__line">
        权重：意愿最集中 {w.weights.concentration} · 需求最迫切 {w.weights.urgency} · 最具备办结条件{' '}
        {w.weights.feasibility}
      </Text>
      <Text className="window-admin__line" id={`window-decide-${w._id}`}>
        {w.decideBy ? `${formatChineseDate(businessDayStart(w.decideBy))}前公布是否采纳` : '决定公布日期：未定'}
      </Text>
      {canAct ? (
        <View className="window-admin__actions">
          <AppButton id={`window-weights-${w._id}`} className="window-admin__btn" onClick={onWeights}>
            调整权重
          </AppButton>
          <AppButton id={`window-decide-by-${w._id}`} className="window-admin__btn" onClick={onDecideBy}>
            公布日期
          </AppButton>
          {w.status !== 'closed' ? (
            <AppButton id={`window-close-${w._id}`} kind="plain" className="window-admin__btn" onClick={onClose}>
              {w.status === 'scheduled' ? '取消征集' : '提前结束'}
            </AppButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
