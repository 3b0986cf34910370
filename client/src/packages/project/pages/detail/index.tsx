import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { ProjectActions } from '../../../../features/project/actions';
import { fetchProject } from '../../../../features/project/api';
import { ProjectView } from '../../../../features/project/ProjectView';
import { NextSteps, ProgressSection, useProjectShare } from '../../../../features/progress';
import { CheckinPanel } from '../../../../features/checkin';
import { withFontScale } from '../../../../components/FontScale';
import { ProjectAnnouncements } from '../../../../features/announce/ProjectAnnouncements';
import { ProjectSubscribe } from '../../../../features/push';

const retryable: readonly string[] = ['NETWORK', 'INTERNAL'];

/**
 * 项目详情 `?id=<projectId>[&form=<formId>]`: where the project stands, for workers; for staff also the
 * record, forms and sign-offs, money and what they may do now. `form` opens at that form.
 *
 * Layout (one page, several features): the header; 您可以做什么 (take part, check in, share), then 关注 and
 * the announcements, 消息提醒 (the push subscription); for staff the record and its actions; the published
 * plan; under it the service points and check-in; 实施进展 (milestones with dates, progress updates with
 * photos; staff: the reports); the steps with their dates; the proposals it came from. Shared to a chat
 * or Moments with its title and a picture (features/progress/share.ts).
 */
function ProjectPage() {
  const params = useRouter().params;
  // `scene`: opened from the project poster's mini-program code (wxacode.getUnlimited, the project id).
  const id = decodeURIComponent(params.id ?? params.scene ?? '');
  const formId = params.form ? decodeURIComponent(params.form) : undefined;
  const project = useResource(() => fetchProject(id), [id]);
  useProjectShare(id, project.data);
  usePullDownRefresh(() => {
    void project.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  if (!id) {
    return (
      <Empty
        text="没有找到这个项目，链接可能不完整。"
        actionText="回到首页"
        onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
      />
    );
  }
  const refresh = () => void project.refresh();
  const p = project.data;
  return (
    <View className="page">
      {project.error ? (
        <ErrorBlock
          error={project.error}
          // 重试 only helps when the network or the server failed, not when the project is not open to me.
          onRetry={retryable.includes(project.error.code) ? project.reload : undefined}
        />
      ) : project.loading || !p ? (
        <Loading text="正在打开项目…" />
      ) : (
        <ProjectView
          project={p}
          focusFormId={formId}
          actions={p.staff ? <ProjectActions project={p} onChanged={refresh} /> : undefined}
          next={
            <>
              <NextSteps project={p} />
              {/* 关注 / 已关注 and the plan's announcements, right under 您可以做什么 */}
              <ProjectAnnouncements project={p} />
              <ProjectSubscribe />
            </>
          }
          afterPlan={
            <>
              <CheckinPanel projectId={p._id} status={p.status} />
            </>
          }
          implementation={<ProgressSection project={p} onChanged={refresh} />}
        />
      )}
    </View>
  );
}

export default withFontScale(ProjectPage);
