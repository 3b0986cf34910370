import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { ProjectActions } from '../../../../features/project/actions';
import { fetchProject } from '../../../../features/project/api';
import { ProjectView } from '../../../../features/project/ProjectView';
import { withFontScale } from '../../../../components/FontScale';

const retryable: readonly string[] = ['NETWORK', 'INTERNAL'];

/**
 * 项目详情 `?id=<projectId>[&form=<formId>]`: where the project stands, for workers; for staff also the
 * record, forms and sign-offs, money and what they may do now. `form` opens at that form.
 */
function ProjectPage() {
  const params = useRouter().params;
  const id = decodeURIComponent(params.id ?? '');
  const formId = params.form ? decodeURIComponent(params.form) : undefined;
  const project = useResource(() => fetchProject(id), [id]);
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
  return (
    <View className="page">
      {project.error ? (
        <ErrorBlock
          error={project.error}
          // 重试 only helps when the network or the server failed, not when the project is not open to me.
          onRetry={retryable.includes(project.error.code) ? project.reload : undefined}
        />
      ) : project.loading || !project.data ? (
        <Loading text="正在打开项目…" />
      ) : (
        <ProjectView
          project={project.data}
          focusFormId={formId}
          actions={
            project.data.staff ? (
              <ProjectActions project={project.data} onChanged={() => void project.refresh()} />
            ) : undefined
          }
        />
      )}
    </View>
  );
}

export default withFontScale(ProjectPage);
