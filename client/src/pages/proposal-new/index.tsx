import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { Notice } from '../../components';
import { routes } from '../../config';
import { useCurrentWindow } from '../../features/collectWindow';
import { useMe } from '../../features/profile';
import { ProposalEdit } from '../../features/proposal/components/ProposalEdit';
import { ProposalForm } from '../../features/proposal/components/ProposalForm';
import { formatChineseDate, lastDayBefore } from '../../utils/dates';
import { withFontScale } from '../../components/FontScale';

/**
 * 提建议: the form, under a line saying which collection it goes to. With `?edit=<id>` the same form
 * changes the author's stored proposal (修改建议).
 */
function ProposalNewPage() {
  const editId = useRouter().params.edit;
  return editId ? <EditPage proposalId={decodeURIComponent(editId)} /> : <NewPage />;
}

function EditPage({ proposalId }: { proposalId: string }) {
  const me = useMe();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改建议' });
  }, []);
  return (
    <View className="page">
      <Text className="page-title">修改建议</Text>
      {me.data ? (
        <ProposalEdit proposalId={proposalId} openid={me.data.bound ? me.data.profile.openid : null} />
      ) : (
        <Text className="muted">加载中…</Text>
      )}
    </View>
  );
}

function NewPage() {
  const current = useCurrentWindow();
  const me = useMe();
  const openid = me.data?.bound ? me.data.profile.openid : null;
  const onSubmitted = () => {
    void Taro.showToast({ title: '提交成功', icon: 'success', duration: 1500 });
    setTimeout(() => void Taro.switchTab({ url: routes.mine }), 1500);
  };

  const open = current.data?.open;
  return (
    <View className="page">
      <Text className="page-title">提建议</Text>
      {current.data ? (
        open ? (
          <Notice
            tone="info"
            id="proposal-window"
            text={`提交到${open.orgName}的征集期《${open.title}》，${lastDayBefore(open.closesAt)}截止`}
          />
        ) : (
          <Notice
            tone="warning"
            id="proposal-window"
            text={
              current.data.nextOpensAt
                ? `征集暂未开放，下次开放：${formatChineseDate(current.data.nextOpensAt)}`
                : '征集暂未开放，下一次的时间还没有排定，排定后首页会显示'
            }
          />
        )
      ) : null}
      {/* Once the person is known: the draft kept on the device is theirs. */}
      {me.data ? (
        <ProposalForm key={openid ?? ''} openid={openid} onSubmitted={onSubmitted} />
      ) : (
        <Text className="muted">加载中…</Text>
      )}
    </View>
  );
}

export default withFontScale(ProposalNewPage);
