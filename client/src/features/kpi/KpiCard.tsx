import { View, Text } from '@tarojs/components';
import type { KpiFigure, KpiMetric, KpiProjectOutput } from '@shishi/shared-types/src/contracts/kpi';
import { AppButton, Loading } from '../../components';
import { useResource } from '../../hooks/useResource';
import { formatChineseDate } from '../../utils/dates';
import { fetchProjectKpi } from './api';
import { figureText, sourceText } from './format';
import { SignalPanel } from './SignalPanel';
import './kpi.scss';

type Stage = 'target' | 'midterm' | 'final';
const stages: { key: Stage; label: string }[] = [
  { key: 'target', label: '目标' },
  { key: 'midterm', label: '中期' },
  { key: 'final', label: '终期' },
];

/**
 * 绩效评估 on a project's staff record: covered workers, directly served, fund use, cost per served
 * worker and satisfaction, each as 目标 (事前预估) vs 中期 vs 终期, every figure with where it comes
 * from (a form, or counted live from check-ins, views, ratings and spending), and the signal.
 */
export function KpiCard({ projectId }: { projectId: string }) {
  const kpi = useResource(() => fetchProjectKpi(projectId), [projectId]);
  return (
    <View className="kpi project__card" id="kpi-card">
      <Text className="project__section">绩效评估</Text>
      {kpi.loading && !kpi.data ? <Loading inline text="正在读取绩效数字…" /> : null}
      {kpi.error && !kpi.data ? (
        <View className="kpi__error" id="kpi-error">
          <Text className="kpi__error-text">{kpi.error.message}</Text>
          <AppButton id="kpi-retry" onClick={kpi.reload}>
            重试
          </AppButton>
        </View>
      ) : null}
      {kpi.data ? <KpiBody data={kpi.data} onChanged={() => void kpi.refresh()} /> : null}
    </View>
  );
}

function KpiBody({ data, onChanged }: { data: KpiProjectOutput; onChanged: () => void }) {
  const live = data.liveStage === 'midterm' ? '中期' : '终期';
  return (
    <>
      <Text className="kpi__source" id="kpi-as-of">
        实时统计截至 {formatChineseDate(data.asOf)}，现在计入“{live}”一栏。
      </Text>
      <View className="kpi__table" id="kpi-table" role="table" aria-label="绩效：目标、中期、终期">
        <View className="kpi__row kpi__row--head" role="row">
          {stages.map((s) => (
            <Text key={s.key} className="kpi__col-head">
              {s.label}
              {s.label === live ? '（实时）' : ''}
            </Text>
          ))}
        </View>
        {data.metrics.map((m) => (
          <MetricRow key={m.key} metric={m} />
        ))}
      </View>
      {data.forums ? (
        <View className="kpi__overview" id="kpi-forums">
          <Text className="kpi__subtitle">现场座谈</Text>
          <Text className="kpi__text" id="kpi-forums-text">
            {data.forums.display}
          </Text>
          <Text className="kpi__source" id="kpi-forums-source">
            实时统计：{data.forums.source.label}
          </Text>
        </View>
      ) : null}
      {data.startOverview ? (
        <View className="kpi__overview" id="kpi-start-overview">
          <Text className="kpi__subtitle">附件2 绩效预估描述</Text>
          <Text className="kpi__text">{data.startOverview}</Text>
        </View>
      ) : null}
      <SignalPanel
        projectId={data.projectId}
        status={data.status}
        signal={data.signal}
        canDecide={data.canDecide}
        onDecided={onChanged}
      />
    </>
  );
}

function MetricRow({ metric: m }: { metric: KpiMetric }) {
  return (
    <View className="kpi__metric" id={`kpi-metric-${m.key}`} role="rowgroup">
      <Text className="kpi__metric-label">{m.label}</Text>
      <View className="kpi__row" role="row">
        {stages.map((s) => (
          <View key={s.key} className="kpi__cell" id={`kpi-${m.key}-${s.key}`} role="cell" aria-label={s.label}>
            {m[s.key].length === 0 ? (
              <Text className="kpi__value kpi__value--none">暂无</Text>
            ) : (
              m[s.key].map((f, i) => <FigureView key={i} figure={f} unit={m.unit} id={`kpi-${m.key}-${s.key}-${i}`} />)
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

function FigureView({ figure, unit, id }: { figure: KpiFigure; unit: string; id: string }) {
  return (
    <View className="kpi__figure" id={id}>
      <Text className={`kpi__value ${figure.value === null ? 'kpi__value--none' : ''}`} id={`${id}-value`}>
        {figureText(figure, unit)}
      </Text>
      <Text className="kpi__source" id={`${id}-source`}>
        {sourceText(figure)}
      </Text>
    </View>
  );
}
