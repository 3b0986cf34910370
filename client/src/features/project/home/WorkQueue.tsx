/**
 * 待我办理 on 首页 (staff). 首页 is in the main package, so this stays small: it calls only
 * `project.workbench`, registers a light check of that one reply (the full project contracts ship in
 * `packages/project` and replace it once loaded), and links into the subpackage for everything else.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { z } from 'zod';
import type { Workbench } from '@shishi/shared-types';
import { useOnReshow } from '../../../hooks/useOnReshow';
import { useResource } from '../../../hooks/useResource';
import { invoke, registerContracts } from '../../../services/call';
import { projectDetailUrl, projectListUrl } from '../routes';
import './WorkQueue.scss';

const count = z.number().int().min(0);
/** The fields this card reads; other fields pass through untouched (the full schema checks them all). */
const workbenchReply = z.looseObject({
  counts: z.looseObject({ sign: count, fixReturned: count, due: count, overdue: count, review: count }),
  items: z.array(
    z.looseObject({
      kind: z.string(),
      label: z.string(),
      projectId: z.string(),
      projectTitle: z.string(),
      formId: z.string().nullable(),
      due: z.string().nullable(),
    }),
  ),
});
registerContracts('project', { workbench: { output: workbenchReply } }, { keepExisting: true });

const tiles: { key: keyof Workbench['counts']; label: string; alert?: boolean }[] = [
  { key: 'sign', label: '待我签署' },
  { key: 'fixReturned', label: '退回待修改' },
  { key: 'due', label: '中期临近' },
  { key: 'overdue', label: '已逾期', alert: true },
  { key: 'review', label: '待论证' },
];

const SHOWN = 5;

const go = (url: string) => () => void Taro.navigateTo({ url });

export function WorkQueue() {
  const work = useResource(() => invoke('project', 'workbench'), []);
  useOnReshow(() => void work.refresh());
  const data = work.data;
  return (
    <View className="work" id="home-work">
      <View className="work__head">
        <Text className="work__title">待我办理</Text>
        <Text className="work__all" id="home-work-all" onClick={go(projectListUrl)}>
          全部项目 ›
        </Text>
      </View>
      {work.error && !data ? (
        <View className="work__error" id="home-work-error">
          <Text>待办事项没能加载：{work.error.message}</Text>
          <Text className="work__retry" id="home-work-retry" onClick={work.reload}>
            点这里重试
          </Text>
        </View>
      ) : !data ? (
        <Text className="work__loading">正在查看待办事项…</Text>
      ) : (
        <>
          <View className="work__tiles">
            {tiles.map((t) => (
              <View
                key={t.key}
                id={`home-work-count-${t.key}`}
                className={`work__tile ${t.alert && data.counts[t.key] > 0 ? 'work__tile--alert' : ''} ${data.counts[t.key] > 0 ? 'work__tile--some' : ''}`}
              >
                <Text className="work__count">{data.counts[t.key]}</Text>
                <Text className="work__label">{t.label}</Text>
              </View>
            ))}
          </View>
          {data.items.length === 0 ? (
            <Text className="work__empty" id="home-work-empty">
              现在没有需要您办理的事项。有表要签、被退回或中期报告临近时，会显示在这里。
            </Text>
          ) : (
            data.items.slice(0, SHOWN).map((item, i) => (
              <View
                key={`${item.kind}-${item.projectId}-${item.formId ?? ''}`}
                id={`home-work-item-${i}`}
                className={`work__item work__item--${item.kind}`}
                onClick={go(projectDetailUrl(item.projectId, item.formId))}
              >
                <View className="work__item-body">
                  <Text className="work__item-label">
                    {item.label}
                    {item.due && !item.label.includes(item.due) ? ` · ${item.due} 截止` : ''}
                  </Text>
                  <Text className="work__item-title">{item.projectTitle}</Text>
                </View>
                <Text className="work__arrow">›</Text>
              </View>
            ))
          )}
          {data.items.length > SHOWN ? (
            <Text className="work__more" id="home-work-more" onClick={go(projectListUrl)}>
              还有 {data.items.length - SHOWN} 项，去项目管理查看
            </Text>
          ) : null}
        </>
      )}
    </View>
  );
}
