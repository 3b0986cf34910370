import { View, Text } from '@tarojs/components';
import type { CurrentWindowOutput } from '@shishi/shared-types';
import { AppButton, Card } from '../../../components';
import { daysLeft, formatChineseDate, lastDayBefore } from '../../../utils/dates';
import './WindowCard.scss';

interface WindowCardProps {
  current: CurrentWindowOutput;
  /** Shows the 提建议 button when a window is open. */
  onPropose?: () => void;
}

/** The collection window: open (whose, title, days left, 提建议) or closed (when it opens next, if scheduled). */
export function WindowCard({ current, onPropose }: WindowCardProps) {
  const { open, nextOpensAt, now } = current;
  if (!open) {
    return (
      <Card className="window-card window-card--closed" id="window-card">
        <Text className="window-card__label">建议征集</Text>
        <Text className="window-card__closed" id="window-closed">
          {nextOpensAt
            ? `征集暂未开放，下次开放：${formatChineseDate(nextOpensAt)}`
            : '征集暂未开放，下一次的时间还没有排定'}
        </Text>
        <Text className="muted">每年第四季度征集职工对下一年“为职工办实事”项目的建议，到时欢迎您来提。</Text>
      </Card>
    );
  }
  const days = daysLeft(open.closesAt, now);
  return (
    <Card className="window-card window-card--open" id="window-card">
      <Text className="window-card__label" id="window-org">
        {open.orgName}正在征集建议
      </Text>
      <Text className="window-card__title" id="window-title">
        {open.title}
      </Text>
      <View className="window-card__countdown" id="window-countdown">
        <Text>距截止还有 </Text>
        <Text className="window-card__days">{days}</Text>
        <Text> 天</Text>
      </View>
      <Text className="muted">
        您的建议提交到{open.orgName}的征集期 · 截止日期 {lastDayBefore(open.closesAt)}
      </Text>
      {onPropose ? (
        <AppButton id="home-propose" kind="primary" block className="window-card__button" onClick={onPropose}>
          提建议
        </AppButton>
      ) : null}
    </Card>
  );
}
