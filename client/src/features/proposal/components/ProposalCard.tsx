import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { categoryLabels, formatDateTime, targetGroupLabels, type Proposal } from '@shishi/shared-types';
import { Badge, StatusBadge } from '../../../components';
import { channelLabels, moderationMeta, moderationNoteForAuthor } from '../labels';
import './ProposalCard.scss';

interface ProposalCardProps {
  proposal: Proposal;
  /** mine: my own (with the content-check note); public: everyone's; staff: full details for management. */
  variant: 'mine' | 'public' | 'staff';
}

/** One proposal in a list; tap to read the whole content. */
export function ProposalCard({ proposal: p, variant }: ProposalCardProps) {
  const [expanded, setExpanded] = useState(false);
  const note = variant === 'mine' ? moderationNoteForAuthor[p.moderation] : null;
  return (
    <View className="proposal-card" onClick={() => setExpanded((v) => !v)}>
      <View className="proposal-card__head">
        <Text className="proposal-card__title">{p.title}</Text>
        <StatusBadge status={p.status} />
      </View>
      <View className="proposal-card__tags">
        <Text className="proposal-card__tag">{categoryLabels[p.category]}</Text>
        <Text className="proposal-card__tag">{targetGroupLabels[p.targetGroup]}</Text>
        {variant === 'staff' ? (
          <Badge label={moderationMeta[p.moderation].label} tone={moderationMeta[p.moderation].tone} />
        ) : null}
      </View>
      <Text className={`proposal-card__content ${expanded ? '' : 'proposal-card__content--clamped'}`}>{p.content}</Text>
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
          {p.supportCount > 0 ? ` · ${p.supportCount} 人附议` : ''}
        </Text>
      ) : null}
      {note ? <Text className="proposal-card__note">{note}</Text> : null}
      <Text className="proposal-card__date">{formatDateTime(p.createdAt)}</Text>
    </View>
  );
}
