import { View, Text } from '@tarojs/components';
import type { SupportOutput } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { useSupport, type SupportState } from '../hooks';
import './SupportButton.scss';

interface SupportButtonProps {
  proposalId: string;
  initial: SupportState;
  /** 附议 gets this id; 撤回 `<id>-withdraw`; the count `<id>-count`. */
  id: string;
  onChange?: (out: SupportOutput) => void;
  /** Larger, full-width button (detail page). */
  block?: boolean;
}

/**
 * 附议 (support) with the count: once supported it says 已附议 and offers 撤回 (withdraw).
 * One person counts once; the server decides.
 */
export function SupportButton({ proposalId, initial, id, onChange, block }: SupportButtonProps) {
  const support = useSupport(proposalId, initial, onChange);
  return (
    <View className={`support ${block ? 'support--block' : ''}`}>
      <Text className="support__count" id={`${id}-count`}>
        {support.supportCount} 人附议
      </Text>
      {support.supportedByMe ? (
        <View className="support__done">
          <Text className="support__done-label">✓ 已附议</Text>
          <AppButton
            id={`${id}-withdraw`}
            className="support__btn support__btn--withdraw"
            loading={support.busy}
            onClick={() => void support.toggle()}
          >
            {support.busy ? '正在撤回…' : '撤回'}
          </AppButton>
        </View>
      ) : (
        <AppButton
          id={id}
          kind="plain"
          className="support__btn"
          block={block}
          loading={support.busy}
          onClick={() => void support.toggle()}
        >
          {support.busy ? '正在附议…' : '附议'}
        </AppButton>
      )}
    </View>
  );
}
