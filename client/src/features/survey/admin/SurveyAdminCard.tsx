import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SurveyCard } from '@shishi/shared-types';
import { AppButton, Badge } from '../../../components';
import { dateRange, phaseMeta } from '../labels';
import { surveyEditUrl, surveyOfflineUrl, surveyResultsUrl } from '../routes';
import { surveyShareUrl } from '../share/shareUrl';
import type { SurveyAction } from './actions';
import './admin.scss';

interface SurveyAdminCardProps {
  survey: SurveyCard;
  /** `<action>-<surveyId>` while that action runs. */
  busy: string | null;
  onAction: (action: SurveyAction, surveyId: string) => void;
  canEnterOffline: boolean;
}

/** A row of 问卷管理: what it is, where it stands, and what can be done with it now. */
export function SurveyAdminCard({ survey: s, busy, onAction, canEnterOffline }: SurveyAdminCardProps) {
  const id = `survey-${s._id}`;
  const meta = phaseMeta(s.phase);
  const go = (url: string) => void Taro.navigateTo({ url });
  const isBusy = (a: SurveyAction) => busy === `${a}-${s._id}`;
  const btn = (key: string, label: string, onClick: () => void, primary?: boolean, action?: SurveyAction) => (
    <AppButton
      id={`${id}-${key}`}
      kind={primary ? 'primary' : 'default'}
      className="survey-admin__btn"
      loading={action ? isBusy(action) : false}
      onClick={onClick}
    >
      {action && isBusy(action) ? '请稍候…' : label}
    </AppButton>
  );
  return (
    <View className="survey-admin" id={id}>
      <View className="survey-admin__head">
        <Text className="survey-admin__title">{s.title}</Text>
        <View id={`${id}-phase`}>
          <Badge label={meta.label} tone={meta.tone} />
        </View>
      </View>
      <Text className="survey-admin__line">调查对象：{s.audienceLabel}</Text>
      <Text className="survey-admin__line">时间：{dateRange(s.opensOn, s.closesOn)}</Text>
      <Text className="survey-admin__line">
        {s.questionCount} 题 · {s.anonymous ? '匿名' : '实名'} · {s.resultsPublic ? '结果对职工公开' : '结果不公开'}
      </Text>
      {s.status !== 'draft' ? (
        <Text className="survey-admin__count" id={`${id}-responses`}>
          已收到 {s.responses ?? 0} 份答卷
        </Text>
      ) : null}
      <View className="survey-admin__actions">
        {s.status === 'draft' ? btn('publish', '发布', () => onAction('publish', s._id), true, 'publish') : null}
        {s.status !== 'draft' ? btn('results', '查看结果', () => go(surveyResultsUrl(s._id)), true) : null}
        {s.status === 'published' && s.phase !== 'closed'
          ? btn('share', '分享', () => go(surveyShareUrl(s._id)))
          : null}
        {s.status !== 'closed' ? btn('edit', '编辑', () => go(surveyEditUrl(s._id))) : null}
        {s.phase === 'open' && canEnterOffline ? btn('offline', '线下录入', () => go(surveyOfflineUrl(s._id))) : null}
        {s.status === 'published' ? btn('close', '结束调查', () => onAction('close', s._id), false, 'close') : null}
        {btn('duplicate', '复制', () => onAction('duplicate', s._id), false, 'duplicate')}
      </View>
    </View>
  );
}
