/** Followers of a project hear of a public progress report (topic `projectNews`, through the push queue). */
import { formatDateTime, subscribeTopics } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import { clip } from '../common/notify';
import { enqueuePush } from '../common/push';
import type { ProjectDoc } from '../common/projects';
import type { ProgressReportDoc } from './progress';

/**
 * One queue item per report (key `progress_<report id>`: filing is one transaction, so a report is
 * queued once); the drain fans it out to every row of `projectFollows` and sends where a worker holds a
 * grant. Template fields: 项目名称, 动态内容 (the report's 措施, clipped), 更新时间.
 */
export async function tellFollowers(
  ctx: Ctx,
  p: Pick<ProjectDoc, '_id' | 'title'>,
  report: ProgressReportDoc,
  page: string,
): Promise<void> {
  const f = subscribeTopics.projectNews.fields;
  await enqueuePush(ctx, {
    topic: 'projectNews',
    audience: { kind: 'followers', projectId: p._id },
    data: {
      [f.title]: { value: clip(p.title, 20) },
      [f.news]: { value: clip(`实施进展：${report.measures}`, 20) },
      [f.time]: { value: formatDateTime(report.createdAt) },
    },
    page,
    source: { type: 'project', id: p._id },
    key: `progress_${report._id}`,
  });
}
