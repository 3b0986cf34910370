import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { fetchProject } from '../../../../features/project/api';
import { ProjectView } from '../../../../features/project/ProjectView';

/** 项目详情 `?id=`: where an adopted proposal stands now. */
export default function ProjectPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const project = useResource(() => fetchProject(id), [id]);
  usePullDownRefresh(() => {
    void project.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  if (!id) return <Empty text="没有找到这个项目。" />;
  return (
    <View className="page">
      {project.error ? (
        <ErrorBlock error={project.error} onRetry={project.reload} />
      ) : project.loading || !project.data ? (
        <Loading />
      ) : (
        <ProjectView project={project.data} />
      )}
    </View>
  );
}
