import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import '../contracts';
import { fetchProposal } from '../api';
import { useResource } from '../../../hooks/useResource';
import { Empty, ErrorBlock, Loading, Notice } from '../../../components';
import { proposalDetailUrl } from '../links';
import { ProposalForm } from './ProposalForm';

/** Back to the proposal (its page reloads when shown again), or open it when this page was opened first. */
function backTo(proposalId: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: proposalDetailUrl(proposalId) });
}

/**
 * 修改建议 (`pages/proposal-new?edit=<id>`): the 提建议 form started from the author's stored proposal,
 * with its own device draft; saved with proposal.edit while it is still 已提交.
 */
export function ProposalEdit({ proposalId, openid }: { proposalId: string; openid: string | null }) {
  // Loaded once: a reload while typing would not change what the form started from.
  const loaded = useResource(() => fetchProposal(proposalId), [proposalId]);
  if (loaded.error) return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.loading || !loaded.data) return <Loading />;
  const p = loaded.data.proposal;
  if (!p.mine || p.status !== 'submitted' || p.channel !== 'online') {
    return (
      <Empty
        text={
          p.status === 'withdrawn'
            ? '这条建议已经撤回了，不能再修改。'
            : p.mine
              ? '工作人员已经开始处理这条建议，不能再修改了。'
              : '只有提这条建议的职工本人可以修改。'
        }
      />
    );
  }
  const onSaved = () => {
    void Taro.showToast({ title: '已保存修改', icon: 'success', duration: 1500 });
    setTimeout(() => backTo(p._id), 1500);
  };
  return (
    <>
      <Notice
        tone="info"
        id="proposal-edit-note"
        text="修改后会重新检查内容；附议的人数和处理记录都保留。工作人员开始评分后就不能再改了。"
      />
      <Text className="muted" id="proposal-edit-title">
        正在修改：{p.title}
      </Text>
      <ProposalForm key={`${openid ?? ''}-${p._id}`} openid={openid} onSubmitted={onSaved} editing={p} />
    </>
  );
}
