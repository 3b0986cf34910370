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

/** A flagged proposal in full — text and images — with 通过 / 不通过. */
export function ReviewCard({ proposal: p, busy, onPass, onReject }: ReviewCardProps) {
  const images = p.attachments.filter((a) => a.url !== '');
  const urls = images.map((a) => a.url);
  return (
    <View className="review-card" id={`review-${p._id}`}>
      <Text className="review-card__flag">内容安全检查有提示，等待人工审核</Text>
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
