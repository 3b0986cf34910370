import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { categoryLabels, formatDateTime, type Proposal } from '@shishi/shared-types';
import { AppButton, ImageGrid } from '../../../components';
import { offlineLabel } from '../../proposal';
import './ReviewCard.scss';

interface ReviewCardProps {
  proposal: Proposal;
  busy: boolean;
  onPass: () => void;
  onReject: () => void;
}

/** Why a proposal waits for a person: which part the content check held, and how. */
export function flaggedBecause(p: Proposal): string[] {
  const reasons: string[] = [];
  if (p.moderation === 'review') reasons.push('文字：自动内容检查提示可能有问题（或检查没能完成）');
  const held = p.attachments.filter((a) => a.moderation === 'review').length;
  const checking = p.attachments.filter((a) => a.moderation === 'pending').length;
  if (held > 0) reasons.push(`图片：${held} 张自动检查提示可能有问题`);
  if (checking > 0) reasons.push(`图片：${checking} 张还在自动检查中`);
  return reasons.length > 0 ? reasons : ['内容安全检查有提示'];
}

/** A flagged proposal in full — why it was flagged, text and images — with 通过 / 不通过. */
export function ReviewCard({ proposal: p, busy, onPass, onReject }: ReviewCardProps) {
  const images = p.attachments.filter((a) => a.url !== '');
  const urls = images.map((a) => a.url);
  return (
    <View className="review-card" id={`review-${p._id}`}>
      <View className="review-card__flag" id={`review-why-${p._id}`}>
        <Text>等待人工审核：</Text>
        {flaggedBecause(p).map((r) => (
          <Text key={r} className="review-card__why">
            {r}
          </Text>
        ))}
      </View>
      <Text className="review-card__title">{p.title}</Text>
      <Text className="review-card__meta">
        {categoryLabels[p.category]} · {p.authorName} · {p.orgName} · {formatDateTime(p.createdAt)}
      </Text>
      {p.offline ? <Text className="review-card__meta">{offlineLabel(p.offline)}</Text> : null}
      <Text className="review-card__content">{p.content}</Text>
      {images.length > 0 ? (
        <View className="review-card__images">
          <ImageGrid
            id={`review-images-${p._id}`}
            images={images.map((a) => ({ key: a.fileID, src: a.url }))}
            onPreview={(i) => void Taro.previewImage({ urls, current: urls[i] })}
          />
        </View>
      ) : null}
      <View className="review-card__actions">
        <AppButton id={`review-reject-${p._id}`} className="review-card__btn" disabled={busy} onClick={onReject}>
          不通过
        </AppButton>
        <AppButton
          id={`review-pass-${p._id}`}
          kind="primary"
          className="review-card__btn"
          loading={busy}
          onClick={onPass}
        >
          {busy ? '处理中…' : '通过'}
        </AppButton>
      </View>
    </View>
  );
}
