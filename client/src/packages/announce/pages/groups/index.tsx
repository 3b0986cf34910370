import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { workerGroupLabels, workerGroups, type Profile, type WorkerGroup } from '@shishi/shared-types';
import { AppButton, Card, ErrorBlock, FormField, Loading, Notice } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { forgetMe, useMe } from '../../../../features/profile';
import { bindInputSchema, bindProfile } from '../../../../features/profile/api';
import { useFormState } from '../../../../hooks/useFormState';
import '../../../../features/announce/announce.scss';

/**
 * 我的 → 我所属的群体: the worker groups a worker belongs to (optional), saved with profile.bind (name and
 * union unchanged), so that project notices sent to those groups reach them.
 */
function GroupsPage() {
  const me = useMe();
  return (
    <View className="page">
      <Text className="page-intro">
        工会有些项目只面向某些职工，比如女职工、农民工。选上您所属的群体，发给这些群体的项目通知就能送到您这里。不属于任何一个也没关系，不用选，发给全体职工的通知照样会收到。
      </Text>
      {me.error ? (
        <ErrorBlock error={me.error} onRetry={me.reload} />
      ) : me.loading || !me.data ? (
        <Loading />
      ) : me.data.bound ? (
        <GroupsForm profile={me.data.profile} />
      ) : (
        <Notice id="groups-unbound" text="请先在“我的”里绑定姓名和所在基层工会，再选择所属群体。" />
      )}
    </View>
  );
}

function GroupsForm({ profile }: { profile: Profile }) {
  const form = useFormState<{ groups: WorkerGroup[] }>({ groups: profile.groups ?? [] });
  const [saved, setSaved] = useState(false);
  const chosen = form.values.groups;
  const toggle = (g: WorkerGroup) => {
    setSaved(false);
    form.setField('groups', chosen.includes(g) ? chosen.filter((x) => x !== g) : [...chosen, g]);
  };
  const submit = async () => {
    if (form.busy) return;
    const data = form.check(
      bindInputSchema.safeParse({
        name: profile.name,
        orgId: profile.orgId,
        ...(profile.unit ? { unit: profile.unit } : {}),
        groups: workerGroups.filter((g) => chosen.includes(g)),
      }),
    );
    if (!data) return;
    await form.send(async () => {
      await bindProfile(data);
      forgetMe();
      setSaved(true);
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
    });
  };
  return (
    <>
      {form.formError ? <Notice id="groups-error" text={form.formError} /> : null}
      <Card title="我所属的群体" id="groups-card">
        <FormField label="可以多选" optional error={form.errors.groups} id="groups-field">
          <View className="ui-chips">
            {workerGroups.map((g) => (
              <View
                key={g}
                id={`groups-${g}`}
                className={`ui-chip ${chosen.includes(g) ? 'ui-chip--selected' : ''}`}
                ariaRole="checkbox"
                aria-checked={chosen.includes(g) ? 'true' : 'false'}
                onClick={() => toggle(g)}
              >
                <Text>{workerGroupLabels[g]}</Text>
              </View>
            ))}
          </View>
        </FormField>
        <Text className="ad__meta" id="groups-summary">
          {chosen.length > 0
            ? `已选：${workerGroups
                .filter((g) => chosen.includes(g))
                .map((g) => workerGroupLabels[g])
                .join('、')}`
            : '没有选择：您会收到发给全体职工的通知'}
        </Text>
      </Card>
      <AppButton id="groups-save" kind="primary" block loading={form.busy} busyText="正在保存…" onClick={submit}>
        {saved ? '已保存' : '保存'}
      </AppButton>
    </>
  );
}

export default withFontScale(GroupsPage);
