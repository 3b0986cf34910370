import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  announcementContentSchema,
  projectOwnerRoles,
  publishAnnouncementInputSchema,
  updateAnnouncementInputSchema,
  workerGroupLabels,
  workerGroups,
  type Announcement,
  type Profile,
  type Project,
  type WorkerGroup,
} from '@shishi/shared-types';
import { AppButton, Card, ErrorBlock, FormField, ImageGrid, Loading, Notice, TextField } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { AttachmentField, useAttachments } from '../../../../features/attachment';
import {
  fetchAnnouncement,
  fetchStats,
  publishAnnouncement,
  updateAnnouncement,
} from '../../../../features/announce/api';
import { announcementUrl } from '../../../../features/announce/routes';
import { fetchProject } from '../../../../features/project/api';
import { RoleOnly } from '../../../../features/profile';
import { useFormState } from '../../../../hooks/useFormState';
import { useResource } from '../../../../hooks/useResource';
import '../../../../components/ChipGroup/index.scss';
import '../../../../components/FormField/index.scss';
import '../../../../features/announce/announce.scss';

interface Values {
  title: string;
  serviceTargets: string;
  serviceContent: string;
  workflow: string;
  time: string;
  place: string;
  contact: string;
  groups: WorkerGroup[];
}

const shape = announcementContentSchema.shape;
const max = (s: { maxLength: number | null }) => s.maxLength ?? 1000;

/**
 * 发布公告 `?projectId=<id>[&id=<announcementId>]`: the project's plan (its first announcement, which
 * publishes the project) or later news; with `id`, 修改 that announcement.
 */
function PublishPage() {
  return (
    <RoleOnly
      allowed={(r) => projectOwnerRoles.includes(r)}
      refusal="项目公告由申报单位所在的区市县、产业工会或市总工会的工作人员发布。"
    >
      {(profile) => <Loader profile={profile} />}
    </RoleOnly>
  );
}

function Loader({ profile }: { profile: Profile }) {
  const params = useRouter().params;
  const projectId = decodeURIComponent(params.projectId ?? '');
  const editId = params.id ? decodeURIComponent(params.id) : null;
  const data = useResource(async () => {
    const [project, stats, existing] = await Promise.all([
      fetchProject(projectId),
      fetchStats(projectId),
      editId ? fetchAnnouncement(editId) : Promise.resolve(null),
    ]);
    return {
      project,
      isPlan: existing ? existing.kind === 'plan' : !stats.items.some((i) => i.kind === 'plan'),
      existing,
    };
  }, [projectId, editId]);
  if (data.error) return <ErrorBlock error={data.error} onRetry={data.reload} />;
  if (data.loading || !data.data) return <Loading text="正在打开项目…" />;
  return <PublishForm profile={profile} {...data.data} />;
}

function initialValues(project: Project, isPlan: boolean, existing: Announcement | null): Values {
  if (existing) {
    return {
      title: existing.title,
      serviceTargets: existing.serviceTargets ?? '',
      serviceContent: existing.serviceContent,
      workflow: existing.workflow ?? '',
      time: existing.time,
      place: existing.place,
      contact: existing.contact,
      groups: existing.audience.groups,
    };
  }
  const r = project.staff?.record;
  const plan = project.plan;
  return {
    title: isPlan ? project.title.slice(0, 40) : '',
    serviceTargets: isPlan ? (plan?.serviceTargets ?? r?.serviceTargets ?? '') : '',
    serviceContent: isPlan ? (plan?.serviceContent ?? r?.serviceMethod ?? '') : '',
    workflow: isPlan ? (plan?.workflow ?? r?.workflowText ?? '') : '',
    time: isPlan && r?.startDate && r.endDate ? `${r.startDate} 至 ${r.endDate}` : '',
    place: '',
    contact: isPlan && r?.leaderName && r.phone ? `${r.leaderName} ${r.phone}` : '',
    groups: [],
  };
}

function PublishForm({
  profile,
  project,
  isPlan,
  existing,
}: {
  profile: Profile;
  project: Project;
  isPlan: boolean;
  existing: Announcement | null;
}) {
  const form = useFormState<Values>(() => initialValues(project, isPlan, existing));
  const attachments = useAttachments(profile.openid, 9 - (existing?.images.length ?? 0));
  const [kept, setKept] = useState(existing?.images ?? []);
  const draftId = useRef(`d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
  const v = form.values;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: existing ? '修改公告' : isPlan ? '发布实施方案' : '发布公告' });
  }, [existing, isPlan]);

  const toggleGroup = (g: WorkerGroup) =>
    form.setField('groups', v.groups.includes(g) ? v.groups.filter((x) => x !== g) : [...v.groups, g]);

  const submit = () => {
    const content = {
      title: v.title,
      serviceTargets: v.serviceTargets.trim() ? v.serviceTargets : undefined,
      serviceContent: v.serviceContent,
      workflow: v.workflow.trim() ? v.workflow : undefined,
      time: v.time,
      place: v.place,
      contact: v.contact,
      images: [...kept.map((i) => i.fileID), ...attachments.fileIDs],
    };
    if (existing) {
      const input = form.check(updateAnnouncementInputSchema.safeParse({ ...content, announcementId: existing._id }));
      if (!input) return;
      void form.send(
        async () => {
          const out = await updateAnnouncement(input);
          await Taro.redirectTo({ url: announcementUrl(out._id) });
        },
        { page: true },
      );
      return;
    }
    const input = form.check(
      publishAnnouncementInputSchema.safeParse({
        ...content,
        projectId: project._id,
        draftId: draftId.current,
        ...(isPlan ? { audience: { orgId: project.orgId, groups: v.groups } } : {}),
      }),
    );
    if (!input) return;
    void form.send(
      async () => {
        const out = await publishAnnouncement(input);
        await Taro.redirectTo({ url: announcementUrl(out._id) });
      },
      { page: true },
    );
  };

  const needed = isPlan ? undefined : true;
  return (
    <View className="page" id="publish-page">
      <Text className="page-intro" id="publish-intro">
        {existing
          ? `修改《${existing.title}》。${existing.publishedAt ? '职工会看到“已更新”和修改时间。' : ''}文字和新加的图片重新经过内容安全检测。`
          : isPlan
            ? `《${project.title}》的实施方案：发布后项目随之发布，发布范围内的职工在首页看到，订阅了的职工收到“新项目发布通知”。`
            : `《${project.title}》的新公告（服务日期、地点变更等）：发给实施方案的同一范围，关注项目的职工收到通知。`}
      </Text>
      {form.formError ? <Notice id="publish-error" text={form.formError} /> : null}
      <Card>
        <TextField id="publish-title" label="标题" maxlength={max(shape.title)} {...form.text('title')} />
        <TextField
          id="publish-targets"
          label="服务对象"
          optional={needed}
          multiline
          maxlength={500}
          placeholder="例如：中山区户外劳动者：环卫工人、快递员、外卖骑手"
          {...form.text('serviceTargets')}
        />
        <TextField
          id="publish-content"
          label={isPlan ? '服务内容' : '公告内容'}
          multiline
          maxlength={max(shape.serviceContent)}
          placeholder={isPlan ? '提供哪些服务、职工能得到什么' : '例如：解放路驿站 12 月起搬到解放路 88 号，服务不变'}
          {...form.text('serviceContent')}
        />
        <TextField
          id="publish-workflow"
          label="工作流程"
          optional={needed}
          multiline
          maxlength={1000}
          placeholder="职工怎样参加：到哪里、带什么、找谁"
          {...form.text('workflow')}
        />
        <TextField
          id="publish-time"
          label="服务时间"
          maxlength={100}
          placeholder="例如：每天 7:00–20:00"
          {...form.text('time')}
        />
        <TextField id="publish-place" label="服务地点" maxlength={100} {...form.text('place')} />
        <TextField
          id="publish-contact"
          label="联系方式"
          maxlength={60}
          placeholder="联系人和电话"
          {...form.text('contact')}
        />
        {kept.length > 0 ? (
          <FormField label="已有图片" id="publish-kept">
            <ImageGrid
              id="publish-kept"
              images={kept.map((i) => ({ key: i.fileID, src: i.url }))}
              onRemove={(i) => setKept((k) => k.filter((_, j) => j !== i))}
            />
          </FormField>
        ) : null}
        <AttachmentField attachments={attachments} label="图片" id="publish-images" serverError={form.errors.images} />
      </Card>
      {isPlan && !existing ? (
        <Card title="发布范围" id="publish-audience">
          <Text className="ad__meta">{project.orgName}及下属工会的职工</Text>
          <FormField label="只发给这些群体（不选则发给全体职工）" optional id="publish-groups">
            <View className="ui-chips">
              {workerGroups.map((g) => (
                <View
                  key={g}
                  id={`publish-group-${g}`}
                  className={`ui-chip ${v.groups.includes(g) ? 'ui-chip--selected' : ''}`}
                  onClick={() => toggleGroup(g)}
                >
                  <Text>{workerGroupLabels[g]}</Text>
                </View>
              ))}
            </View>
          </FormField>
        </Card>
      ) : null}
      <AppButton
        id="publish-submit"
        kind="primary"
        block
        loading={form.busy || attachments.uploading}
        busyText={attachments.uploading ? '图片上传中…' : '正在发布…'}
        onClick={submit}
      >
        {existing ? '保存修改' : isPlan ? '发布实施方案' : '发布公告'}
      </AppButton>
    </View>
  );
}

export default withFontScale(PublishPage);
