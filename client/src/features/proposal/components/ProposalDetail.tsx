import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  auditActionLabels,
  categoryLabels,
  formatDateTime,
  proposalStatusMeta,
  shownStatus,
  targetGroupLabels,
  type AuditEntry,
  type GetProposalOutput,
  type ProposalStatus,
} from '@shishi/shared-types';
import { Badge, ImageGrid } from '../../../components';
import { moderationMeta, moderationNoteForAuthor, offlineLabel } from '../labels';
import { surveyResultsUrl } from '../../survey/routes';
import { proposalDetailUrl } from '../links';
import { ProposalOutcome } from './ProposalOutcome';
import { AuthorActions, ProposalTimeline, authorMayChange } from './ProposalTimeline';
import { SupportButton } from './SupportButton';
import './ProposalDetail.scss';

interface ProposalDetailProps {
  data: GetProposalOutput;
  /** Staff see the content-check state, scores and the full trail. */
  staff: boolean;
  /** After 附议 / 撤回: reload so every count on the page agrees. */
  onChanged?: () => void;
  /** The viewer's name: the cadre who typed in an offline proposal is not offered 附议 on it. */
  viewerName?: string;
}

function statusWord(value: string | null): string | null {
  if (!value) return null;
  return value in proposalStatusMeta ? proposalStatusMeta[value as ProposalStatus].label : value;
}

function HistoryRow({ entry }: { entry: AuditEntry }) {
  const from = statusWord(entry.from);
  const to = statusWord(entry.to);
  return (
    <View className="detail__history-row history-row">
      <View className="detail__history-dot" />
      <View className="detail__history-body">
        <Text className="detail__history-action">
          {auditActionLabels[entry.action] ?? entry.action}
          {from && to && from !== to ? `：${from} → ${to}` : to && !from ? `：${to}` : ''}
        </Text>
        {entry.note ? <Text className="detail__history-note">{entry.note}</Text> : null}
        <Text className="detail__history-meta">
          {entry.actorName} · {formatDateTime(entry.at)}
        </Text>
      </View>
    </View>
  );
}

/** 建议详情: the full text and images, where it went, 附议, and (for its author and staff) the trail. */
export function ProposalDetail({ data, staff, onChanged, viewerName }: ProposalDetailProps) {
  const { proposal: p, history, evidence, timeline } = data;
  const images = p.attachments.filter((a) => a.url !== '');
  const urls = images.map((a) => a.url);
  const authorNote = p.mine ? moderationNoteForAuthor[p.moderation] : null;
  const enteredByMe = p.offline !== null && p.offline.enteredByName === viewerName;
  const canSupport = !p.mine && !enteredByMe && proposalStatusMeta[p.status].open;
  // Phone and unit come only to those allowed to contact the worker (staff, the cadre who entered it).
  const contact = p.offline && (staff || p.offline.phone !== null);

  return (
    <View className="detail" id="proposal-detail">
      <View className="detail__card">
        <View className="detail__head">
          <Text className="detail__title" id="detail-title">
            {p.title}
          </Text>
          <View id="detail-status">
            <Badge {...shownStatus(p)} />
          </View>
        </View>
        <View className="detail__tags">
          <Text className="detail__tag">{categoryLabels[p.category]}</Text>
          <Text className="detail__tag">{targetGroupLabels[p.targetGroup]}</Text>
          {staff ? <Badge label={moderationMeta[p.moderation].label} tone={moderationMeta[p.moderation].tone} /> : null}
        </View>
        <Text className="detail__meta" id="detail-author">
          {p.mine ? '我' : p.authorName} · {p.orgName} · {formatDateTime(p.createdAt)}
        </Text>
        {p.offline ? (
          <Text className="detail__offline" id="detail-offline">
            {offlineLabel(p.offline)}
            {contact && p.offline.unit ? ` · 单位：${p.offline.unit}` : ''}
            {p.offline.phone ? ` · 电话：${p.offline.phone}` : ''}
          </Text>
        ) : null}
        <Text className="detail__content" id="detail-content">
          {p.content}
        </Text>
        {images.length > 0 ? (
          <View className="detail__images">
            <ImageGrid
              id="detail-images"
              images={images.map((a) => ({ key: a.fileID, src: a.url }))}
              onPreview={(i) => void Taro.previewImage({ urls, current: urls[i] })}
            />
          </View>
        ) : null}
        {authorNote ? <Text className="detail__note">{authorNote}</Text> : null}
        <ProposalOutcome proposal={p} idPrefix="detail" />
      </View>

      {timeline ? (
        <ProposalTimeline timeline={timeline}>
          {authorMayChange(p) ? <AuthorActions proposal={p} onChanged={onChanged} /> : null}
        </ProposalTimeline>
      ) : null}

      <View className="detail__card detail__support" id="detail-support-card">
        {canSupport ? (
          <>
            <Text className="detail__support-hint">同意这条建议？附议让工会知道有更多职工需要它。</Text>
            <SupportButton
              block
              proposalId={p._id}
              id="detail-support"
              initial={{ supportedByMe: p.supportedByMe, supportCount: p.supportCount }}
              onChange={onChanged}
            />
          </>
        ) : (
          <Text className="detail__support-count" id="detail-support-count">
            {p.supportCount} 人附议{p.backerCount > 0 ? ` · 共 ${p.backerCount} 人提出或支持` : ''}
          </Text>
        )}
      </View>

      {p.mergedFrom.length > 0 ? (
        <View className="detail__card" id="detail-merged-from">
          <Text className="detail__section">合并进来的建议（{p.mergedFrom.length} 条）</Text>
          {p.mergedFrom.map((ref) => (
            <View
              key={ref._id}
              className="detail__ref"
              onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(ref._id) })}
            >
              <Text className="detail__ref-title">{ref.title}</Text>
              <Text className="detail__ref-arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}

      {staff && p.scores ? (
        <View className="detail__card" id="detail-scores">
          <Text className="detail__section">筛选评分</Text>
          <Text className="detail__score-line">
            意愿最集中：{p.scores.concentration} 人（{Math.round(p.scores.concentrationScore)} 分）
          </Text>
          <Text className="detail__score-line">
            需求最迫切：{p.scores.urgency ?? '未评'}
            {p.scores.urgency ? ' / 5' : ''}
          </Text>
          {p.scores.urgencyEvidence ? (
            <Text className="detail__score-sub">调查依据：{p.scores.urgencyEvidence}</Text>
          ) : null}
          <Text className="detail__score-line">
            最具备办结条件：{p.scores.feasibility ?? '未评'}
            {p.scores.feasibility ? ' / 5' : ''}
          </Text>
          {p.scores.feasibilityNote ? (
            <Text className="detail__score-sub">说明：{p.scores.feasibilityNote}</Text>
          ) : null}
          <Text className="detail__score-total">
            综合得分：{p.scores.total === null ? '待评分' : p.scores.total.toFixed(1)}
          </Text>
        </View>
      ) : null}

      {staff && evidence.length > 0 ? (
        <View className="detail__card" id="detail-evidence">
          <Text className="detail__section">调查依据（{evidence.length} 份）</Text>
          {evidence.map((e) => (
            <View
              key={e._id}
              id={`detail-evidence-${e.surveyId}`}
              className="detail__ref detail__evidence"
              onClick={() => void Taro.navigateTo({ url: surveyResultsUrl(e.surveyId) })}
            >
              <View className="detail__evidence-body">
                <Text className="detail__ref-title">《{e.surveyTitle}》</Text>
                {e.note ? <Text className="detail__history-note">{e.note}</Text> : null}
                <Text className="detail__history-meta">
                  {e.linkedByName} 关联 · {formatDateTime(e.linkedAt)}
                </Text>
              </View>
              <Text className="detail__ref-arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}

      {history.length > 0 ? (
        <View className="detail__card" id="detail-history">
          <Text className="detail__section">处理记录</Text>
          {history.map((entry, i) => (
            <HistoryRow key={`${entry.at}-${i}`} entry={entry} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
