import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { offlineEntryRoles, type Proposal } from '@shishi/shared-types';
import { AppButton, Card } from '../../../../components';
import { OfflineForm } from '../../../../features/offlineEntry';
import { RoleOnly } from '../../../../features/profile';
import { proposalDetailUrl } from '../../../../features/proposal';
import { withFontScale } from '../../../../components/FontScale';
import './index.scss';

/** 线下录入建议 (cadre): a worker's paper or on-site proposal typed in on their behalf. */
function OfflineNewPage() {
  return (
    <RoleOnly
      allowed={(role) => offlineEntryRoles.includes(role)}
      refusal="线下录入只对基层工会干部和工会工作人员开放。"
    >
      {(profile) => <OfflineEntry profile={profile} />}
    </RoleOnly>
  );
}

function OfflineEntry({ profile }: { profile: Parameters<typeof OfflineForm>[0]['profile'] }) {
  const [saved, setSaved] = useState<{ proposal: Proposal; workerName: string } | null>(null);
  const [round, setRound] = useState(0);

  if (saved) {
    return (
      <View className="page">
        <Card className="offline-done" id="offline-done">
          <Text className="offline-done__mark">✓</Text>
          <Text className="offline-done__title">已录入</Text>
          <Text className="offline-done__line">
            {saved.workerName} 的建议“{saved.proposal.title}”已录入，注明由您代为录入。
          </Text>
          <AppButton
            id="offline-again"
            kind="primary"
            block
            onClick={() => {
              setSaved(null);
              setRound((n) => n + 1);
            }}
          >
            再录一条
          </AppButton>
          <AppButton
            id="offline-view"
            block
            className="offline-done__view"
            onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(saved.proposal._id) })}
          >
            查看这条建议
          </AppButton>
        </Card>
      </View>
    );
  }

  return (
    <View className="page">
      <Text className="page-title">线下录入建议</Text>
      <Text className="page-intro">把职工填写的纸质建议表或现场收集的建议录入系统，照原意填写，并拍下纸质表。</Text>
      <OfflineForm
        key={round}
        profile={profile}
        onSubmitted={(proposal, workerName) => {
          void Taro.showToast({ title: '录入成功', icon: 'success', duration: 1500 });
          setSaved({ proposal, workerName });
          void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
        }}
      />
    </View>
  );
}

export default withFontScale(OfflineNewPage);
