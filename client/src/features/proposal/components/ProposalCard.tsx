import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  categoryLabels,
  formatDateTime,
  proposalStatusMeta,
  shownStatus,
  targetGroupLabels,
  type Proposal,
} from '@shishi/shared-types';
import { Badge } from '../../../components';
import { channelLabels, moderationMeta, moderationNoteForAuthor, offlineLabel } from '../labels';
import { proposalDetailUrl } from '../links';
import { ProposalOutcome, hasOutcome } from './ProposalOutcome';
import { SupportButton } from './SupportButton';
import './ProposalCard.scss';

interface ProposalCardProps {
  proposal: Proposal;
  /** mine: my own (with the content check and where it went); public: everyone's (附议); staff: full details. */
  variant: 'mine' | 'public' | 'staff';
}

/** One proposal in a list; tap to open it. */
export function ProposalCard({ proposal: p, variant }: ProposalCardProps) {
  const note = variant === 'mine' ? moderationNoteForAuthor[p.moderation] : null;
  const open = () => void Taro.navigateTo({ url: proposalDetailUrl(p._id) });
  return (
    <View className="proposal-card" id={`proposal-${p._id}`} onClick={open}>
      <View className="proposal-card__head">
        <Text className="proposal-card__title">{p.title}</Text>
        <Badge {...shownStatus(p)} />
      </View>
      <View className="proposal-card__tags">
        <Text className="proposal-card__tag">{categoryLabels[p.category]}</Text>
        <Text className="proposal-card__tag">{targetGroupLabels[p.targetGroup]}</Text>
        {p.attachments.length > 0 ? <Text className="proposal-card__tag">图片 {p.attachments.length} 张</Text> : null}
        {variant === 'staff' ? (
          <Badge label={moderationMeta[p.moderation].label} tone={moderationMeta[p.moderation].tone} />
        ) : null}
      </View>
      <Text className="proposal-card__content proposal-card__content--clamped">{p.content}</Text>
      {p.offline && variant !== 'public' ? (
        <Text className="proposal-card__offline">{offlineLabel(p.offline)}</Text>
      ) : null}
      {variant === 'staff' ? (
        <View className="proposal-card__facts">
          <Text className="proposal-card__fact">提议人：{p.authorName}</Text>
          <Text className="proposal-card__fact">所在工会：{p.orgName}</Text>
          <Text className="proposal-card__fact">
            渠道：{channelLabels[p.channel]} · 附议 {p.supportCount} 人
          </Text>
        </View>
      ) : variant === 'public' ? (
        <Text className="proposal-card__fact">
          {p.mine ? '我' : p.authorName} · {p.orgName}
        </Text>
      ) : null}
      {variant === 'mine' && hasOutcome(p) ? <ProposalOutcome proposal={p} idPrefix={`proposal-${p._id}`} /> : null}
      {note ? <Text className="proposal-card__note">{note}</Text> : null}
      <View className="proposal-card__foot">
        <Text className="proposal-card__date">{formatDateTime(p.createdAt)}</Text>
        {variant === 'public' && !p.mine && proposalStatusMeta[p.status].open ? (
          <View className="proposal-card__support" onClick={(e) => e.stopPropagation()}>
            <SupportButton
              proposalId={p._id}
              id={`support-${p._id}`}
              initial={{ supportedByMe: p.supportedByMe, supportCount: p.supportCount }}
            />
          </View>
        ) : p.supportCount > 0 ? (
          <Text className="proposal-card__supports">{p.supportCount} 人附议</Text>
        ) : null}
      </View>
    </View>
  );
}
