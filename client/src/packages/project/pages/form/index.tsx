import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { formAnnex, formKindLabels, formKinds, isStaff, type FormKind } from '@shishi/shared-types';
import { Badge, Empty, ErrorBlock, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { RoleOnly } from '../../../../features/profile';
import { getProject } from '../../../../features/project/actions/api';
import { FormFiled, FormFill } from '../../../../features/project/forms/FormFill';
import { latestForm } from '../../../../features/project/forms/rows';
import '../../../../components/FormField/index.scss';
import '../../../../features/project/forms/forms.scss';
import { withFontScale } from '../../../../components/FontScale';

/** 填报 `?projectId=&kind=start|midterm|acceptance`: 附件2 启动申报表, 附件3 中期推进情况表, 附件4 验收申报表. */
function ProjectFormPage() {
  const params = useRouter().params;
  const projectId = decodeURIComponent(params.projectId ?? '');
  const kind = (formKinds as readonly string[]).includes(params.kind ?? '') ? (params.kind as FormKind) : null;
  return (
    <RoleOnly allowed={isStaff} refusal="这个页面只对工会工作人员开放。">
      {() =>
        projectId && kind ? (
          <Loader projectId={projectId} kind={kind} />
        ) : (
          <Empty text="链接不完整，找不到要填的表。" actionText="返回" onAction={() => void Taro.navigateBack()} />
        )
      }
    </RoleOnly>
  );
}

function Loader({ projectId, kind }: { projectId: string; kind: FormKind }) {
  const data = useResource(() => getProject(projectId), [projectId]);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: formKindLabels[kind] });
  }, [kind]);
  if (data.error) return <ErrorBlock error={data.error} onRetry={data.reload} />;
  if (data.loading || !data.data) return <Loading />;
  const project = data.data;
  const staff = project.staff;
  if (!staff)
    return <Empty text="这张表只对相关工作人员开放。" actionText="返回" onAction={() => void Taro.navigateBack()} />;
  const latest = latestForm(project, kind);
  const canSubmit = staff.actions.includes(`submitForm:${kind}`);

  return (
    <View className="page" id="pf-page">
      <View className="pf-head">
        <Text className="pf-head__title">
          附件{formAnnex[kind]} {formKindLabels[kind]}
        </Text>
        <Text className="pf-head__meta">{project.title}</Text>
      </View>
      {latest ? (
        <View className="pf-status" id="pf-status">
          <Badge
            label={latest.statusLabel}
            tone={latest.status === 'approved' ? 'success' : latest.status === 'returned' ? 'warning' : 'progress'}
          />
          <Text>第 {latest.version} 版</Text>
        </View>
      ) : null}
      {canSubmit ? (
        <FormFill project={project} kind={kind} latest={latest} />
      ) : latest ? (
        <FormFiled project={project} form={latest} />
      ) : (
        <Empty
          text={`现在还不能填报${formKindLabels[kind]}（项目现在是「${project.statusLabel}」）。启动申报表在项目确立后填报，中期和验收在实施中填报。`}
          actionText="返回"
          onAction={() => void Taro.navigateBack()}
        />
      )}
    </View>
  );
}

export default withFontScale(ProjectFormPage);
