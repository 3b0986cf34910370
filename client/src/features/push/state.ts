/** What the worker reads about a topic's grant, in plain words. */
import type { LedgerTopic, PushLedger, SubscribeTopic } from '@shishi/shared-types';

/** The topics of issue 13 a worker subscribes to (项目 news); the others are asked for inside their actions. */
export const workerTopics: readonly SubscribeTopic[] = ['projectNew', 'projectNews', 'projectMoved'];

export const topicHelp: Partial<Record<SubscribeTopic, string>> = {
  projectNew: '我所在的单位和区域有新的实事项目发布时',
  projectNews: '我关注的项目有新动态（服务时间、地点变更、实施进展）时',
  projectMoved: '我提的建议形成的项目有进展（立项、发布、办结）时',
};

export function stateText(t: LedgerTopic): string {
  if (t.kind === 'longTerm')
    return t.longTerm ? '已开启长期订阅，有消息就通知您' : '未开启，点「订阅」后有消息就通知您';
  if (t.oneTime > 0) return `还能通知您 ${t.oneTime} 次（每点一次同意，多收一条）`;
  if (t.last === 'refused' || t.last === 'ban') return '微信里关闭了这类通知，可在微信设置里重新打开后再订阅';
  return '未订阅：点「订阅」并在微信弹窗里选「允许」';
}

export function topicsOf(ledger: PushLedger, topics: readonly SubscribeTopic[]): LedgerTopic[] {
  return topics.map((topic) => ledger.topics.find((t) => t.topic === topic)).filter((t): t is LedgerTopic => !!t);
}
