import Taro, { usePullDownRefresh } from '@tarojs/taro';
import './contracts';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource } from '../../hooks/useResource';
import { fetchProposal } from './api';

/** One proposal with its trail; asked again when the page shows again or is pulled down. */
export function useProposalDetail(proposalId: string) {
  const resource = useResource(() => fetchProposal(proposalId), [proposalId]);
  useOnReshow(() => void resource.refresh());
  usePullDownRefresh(() => {
    void resource.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  return resource;
}
