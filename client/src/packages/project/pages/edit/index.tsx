import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import {
  businessDate,
  isStaff,
  projectOwnerRoles,
  projectStatusMeta,
  updateProjectInputSchema,
  type Profile,
  type Project,
} from '@shishi/shared-types';
import { AppButton, Badge, Empty, ErrorBlock, Loading, TextField } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { RoleOnly } from '../../../../features/profile';
import { getProject } from '../../../../features/project/actions/api';
import { maxLen } from '../../../../features/project/actions/limits';
import { projectEditUrl } from '../../../../features/project/actions/routes';
import { BudgetPart } from '../../../../features/project/record/BudgetPart';
import { Gaps } from '../../../../features/project/record/Gaps';
import { emptyState } from '../../../../features/project/record/model';
import {
  AssurancePart,
  BackgroundPart,
  ContentPart,
  CoverPart,
  DutiesPart,
  PlanPart,
  TargetsPart,
  TitlePart,
} from '../../../../features/project/record/Parts';
import { RecordView } from '../../../../features/project/record/RecordView';
import { useRecordEditor } from '../../../../features/project/record/useRecordEditor';
import '../../../../components/ChipGroup/index.scss';
import '../../../../components/FormField/index.scss';
import '../../../../features/project/record/record.scss';
import { withFontScale } from '../../../../components/FontScale';

/**
 * 可行性研究报告（附件1）`?id=<projectId>`: the eight parts as a form, kept on the device while typing,
 * saved with the version it was made on. Without `id`: a new project (第四条（三）临时性需求).
 */
function ProjectEditPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  return (
    <RoleOnly
      allowed={(role) => (id ? isStaff(role) : projectOwnerRoles.includes(role))}
      refusal={id ? '这个页面只对工会工作人员开放。' : '只有区市县、产业工会和调查研究室的工作人员可以新建项目。'}
    >
      {(profile) => <Loader id={id} profile={profile} />}
    </RoleOnly>
  );
}

function Loader({ id, profile }: { id: string; profile: Profile }) {
  const data = useResource(async () => (id ? getProject(id) : null), [id]);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '可行性研究报告' : '新建项目' });
  }, [id]);
  if (data.error) return <ErrorBlock error={data.error} onRetry={data.reload} />;
  if (id && (data.loading || !data.data)) return <Loading />;
  const project = data.data;
  if (project && !project.staff) {
    return (
      <Empty
        text="这个项目的可行性研究报告只对相关工作人员开放。"
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  }
  if (project && (project.staff!.frozen || !project.staff!.actions.includes('update'))) {
    return <ReadOnly project={project} />;
  }
  return <Editor key={project?._id ?? 'new'} project={project} profile={profile} />;
}

function ReadOnly({ project }: { project: Project }) {
  const staff = project.staff!;
  const why = staff.frozen
    ? `这份报告已经提交（${project.statusLabel}），审核期间不能修改。需要修改的话，请${project.department.name}退回修改，退回后会开一个新版本。`
    : project.status === 'closed' || project.status === 'terminated'
      ? `项目${project.statusLabel}，报告不再修改。`
      : '您可以查看这份报告；只有申报单位的工作人员可以修改。';
  return (
    <View className="page re">
      <View className="re-status">
        <Badge label={project.statusLabel} tone={projectStatusMeta[project.status].tone} />
        <Text>第 {staff.version} 版</Text>
      </View>
      <View className="re-notice re-notice--info" id="re-frozen">
        <Text className="re-notice__title">只读</Text>
        <Text className="re-notice__text">{why}</Text>
      </View>
      <RecordView record={staff.record} />
    </View>
  );
}

function Editor({ project, profile }: { project: Project | null; profile: Profile }) {
  const today = businessDate(new Date());
  const defaults = useMemo(() => emptyState(profile.orgName, today), [profile.orgName, today]);
  const editor = useRecordEditor(project, defaults);
  const { notice, checked } = editor;
  const current = editor.project;
  const staff = current?.staff ?? null;

  return (
    <View className="page re" id="re-page">
      <View className="re-status" id="re-status">
        {current ? (
          <Badge label={current.statusLabel} tone={projectStatusMeta[current.status].tone} />
        ) : (
          <Badge label="新项目" tone="neutral" />
        )}
        <Text>
          {staff ? `第 ${staff.version} 版 · ` : ''}
          {editor.dirty ? '有未保存的修改（已暂存在本机）' : current ? '已保存' : '还没有保存'}
        </Text>
      </View>

      {editor.restoredAt ? (
        <View className="re-notice re-notice--info" id="re-draft-restored">
          <Text className="re-notice__title">已恢复您在本机上未保存的修改</Text>
          <Text className="re-notice__text">
            这是您 {editor.restoredAt} 在这台设备上填写、还没有保存的内容。确认无误后请点“保存”。
          </Text>
          <View className="re-notice__buttons">
            <AppButton id="re-draft-discard" kind="default" onClick={editor.discardDraft}>
              放弃这些修改
            </AppButton>
          </View>
        </View>
      ) : null}
      {editor.staleDraft ? (
        <View className="re-notice re-notice--warning" id="re-draft-stale">
          <Text className="re-notice__title">本机上有一份旧版本的未保存修改</Text>
          <Text className="re-notice__text">
            它是在第 {editor.staleDraft.version ?? '?'} 版上填写的，之后报告已经被保存过（现在是第 {staff?.version}{' '}
            版）。恢复后会替换下面的内容，请对照后再保存。
          </Text>
          <View className="re-notice__buttons">
            <AppButton id="re-draft-use" kind="plain" onClick={editor.useStaleDraft}>
              恢复本机的修改
            </AppButton>
            <AppButton id="re-draft-discard" kind="default" onClick={editor.discardDraft}>
              丢弃
            </AppButton>
          </View>
        </View>
      ) : null}
      {notice ? (
        <View className={`re-notice re-notice--${notice.tone}`} id="re-error">
          <Text className="re-notice__title">{notice.title}</Text>
          <Text className="re-notice__text">{notice.message}</Text>
          {notice.items.map((m, k) => (
            <Text key={k} className="re-notice__item">
              · {m}
            </Text>
          ))}
          {notice.conflict && current ? (
            <View className="re-notice__buttons">
              <AppButton
                id="re-reload"
                kind="primary"
                onClick={() => void Taro.redirectTo({ url: projectEditUrl(current._id) })}
              >
                重新载入最新版本
              </AppButton>
            </View>
          ) : null}
        </View>
      ) : null}

      <Gaps gaps={checked.gaps} ready={checked.record !== null || checked.gaps.length > 0} />

      {editor.adjusting ? (
        <TextField
          id="re-adjust-reason"
          label="调整原因"
          multiline
          className="pj-textarea"
          maxlength={maxLen(updateProjectInputSchema.shape.adjustReason)}
          placeholder="项目已经确立，调整报告要写明原因（会记录在案）"
          value={editor.adjustReason}
          error={editor.errors.adjustReason}
          onInput={editor.setAdjustReason}
        />
      ) : null}

      <CoverPart editor={editor} isNew={!current} />
      <TitlePart editor={editor} />
      <BackgroundPart editor={editor} />
      <ContentPart editor={editor} />
      <PlanPart editor={editor} />
      <BudgetPart editor={editor} />
      <TargetsPart editor={editor} />
      <AssurancePart editor={editor} />
      <DutiesPart editor={editor} />

      <View className="re-bar">
        <Text className="re-bar__info">{editor.dirty ? '修改会先暂存在本机，点保存才会提交' : '没有未保存的修改'}</Text>
        <AppButton
          id="re-save"
          kind="primary"
          className="re-bar__main"
          loading={editor.busy}
          busyText="正在保存…"
          onClick={() => void editor.save()}
        >
          {current ? '保存' : '创建项目'}
        </AppButton>
      </View>
    </View>
  );
}

export default withFontScale(ProjectEditPage);
