import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { isStaff } from '@shishi/shared-types';
import { Empty, ErrorBlock, Loading } from '../../components';
import { useMe } from '../../features/profile';
// By path, not from the feature's index: only this page (its own subpackage) needs them.
import { ProposalDetail } from '../../features/proposal/components/ProposalDetail';
import { useProposalDetail } from '../../features/proposal/detail';
import { withFontScale } from '../../components/FontScale';

/** 建议详情 `?id=`: anyone may open a proposal they are allowed to see; staff also see scores. */
function ProposalDetailPage() {
  const id = useRouter().params.id ?? '';
  if (!id) return <Empty text="没有找到这条建议。" />;
  return <Detail id={decodeURIComponent(id)} />;
}

function Detail({ id }: { id: string }) {
  const detail = useProposalDetail(id);
  const me = useMe();
  const staff = me.data?.bound === true && isStaff(me.data.profile.role);
  return (
    <View className="page">
      {detail.error ? (
        <ErrorBlock error={detail.error} onRetry={detail.reload} />
      ) : detail.loading || !detail.data ? (
        <Loading />
      ) : (
        <ProposalDetail
          data={detail.data}
          staff={staff}
          viewerName={me.data?.bound ? me.data.profile.name : undefined}
          onChanged={() => void detail.refresh()}
        />
      )}
    </View>
  );
}

export default withFontScale(ProposalDetailPage);
