import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SimilarItem } from '@shishi/shared-types';
import { Loading, StatusBadge } from '../../../components';
import { proposalDetailUrl } from '../links';
import { useSimilar } from '../form';
import { SupportButton } from './SupportButton';
import './SimilarPanel.scss';

interface SimilarPanelProps {
  title: string;
  content: string;
  /** The proposal being edited: not shown as similar to itself. */
  excludeId?: string;
}

/**
 * 相似建议 under the form: while the worker types, up to 5 proposals that say much the same (of the open
 * window and the others of its year the worker can see), each with 附议 where it can still be given —
 * supporting one counts for more than a second, duplicate proposal; otherwise why not.
 */
export function SimilarPanel({ title, content, excludeId }: SimilarPanelProps) {
  const similar = useSimilar(title, content, excludeId);
  if (!similar.searched && !similar.loading) return null;
  return (
    <View className="similar" id="similar-panel">
      {similar.items.length > 0 ? (
        <>
          <Text className="similar__head" id="similar-head">
            已有 {similar.items.length} 条相似的建议
          </Text>
          <Text className="similar__hint">如果说的是同一件事，点“附议”支持它，比再提一条更有分量。</Text>
          {similar.items.map((item) => (
            <SimilarRow key={item._id} item={item} onChange={similar.update} />
          ))}
        </>
      ) : similar.loading ? (
        <Loading inline text="正在查找相似的建议…" />
      ) : similar.error ? (
        <Text className="similar__quiet" id="similar-error">
          暂时没能查找相似的建议（{similar.error.message}），不影响提交。
        </Text>
      ) : (
        <Text className="similar__quiet" id="similar-none">
          暂未发现相似的建议。
        </Text>
      )}
    </View>
  );
}

function SimilarRow({
  item,
  onChange,
}: {
  item: SimilarItem;
  onChange: Parameters<typeof SupportButton>[0]['onChange'];
}) {
  return (
    <View className="similar__item similar-item" id={`similar-${item._id}`}>
      <View className="similar__body" onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(item._id) })}>
        <View className="similar__title-row">
          <Text className="similar__title">{item.title}</Text>
          {item.status !== 'submitted' ? <StatusBadge status={item.status} /> : null}
        </View>
        <Text className="similar__excerpt">{item.excerpt}</Text>
        <View className="similar__meta">
          <Text className="similar__org">{item.orgName}</Text>
          <Text className="similar__more">查看全文 ›</Text>
        </View>
      </View>
      {item.mine ? (
        <Text className="similar__mine">这是您提的建议</Text>
      ) : item.supportNote ? (
        <Text className="similar__mine" id={`similar-note-${item._id}`}>
          {item.supportedByMe ? '✓ 您已附议。' : ''}
          {item.supportNote}
        </Text>
      ) : (
        <SupportButton
          proposalId={item._id}
          id={`similar-support-${item._id}`}
          initial={{ supportedByMe: item.supportedByMe, supportCount: item.supportCount }}
          onChange={onChange}
        />
      )}
    </View>
  );
}
