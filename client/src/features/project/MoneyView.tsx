import { View, Text } from '@tarojs/components';
import type { Project } from '@shishi/shared-types';
import { formatChineseDate } from '../../utils/dates';
import { formatPercent, formatYuan } from './money';
import { KeyValue } from './ProjectStaffView';

type Staff = NonNullable<Project['staff']>;

/** 资金: budget, subsidy and its two tranches, what was spent, and the spending lines. */
export function MoneyView({ staff }: { staff: Staff }) {
  const m = staff.money;
  const tranche = (n: 1 | 2) => staff.tranches.find((t) => t.n === n);
  const t1 = tranche(1);
  const t2 = tranche(2);
  return (
    <View className="project__card" id="project-money">
      <Text className="project__section">资金</Text>
      <KeyValue label="总预算" value={formatYuan(m.totalBudgetFen)} id="money-total" tone="strong" />
      <KeyValue
        label="市总扶助资金"
        value={formatYuan(m.subsidyFen)}
        note={m.maxSubsidyFen !== null ? `上限 ${formatYuan(m.maxSubsidyFen)}（预算的 50%）` : undefined}
        id="money-subsidy"
      />
      <KeyValue
        label="首次拨付"
        value={formatYuan(t1?.amountFen ?? m.tranche1Fen)}
        note={t1 ? `${formatChineseDate(t1.at)} 已拨付` : '启动申报表审批通过后拨付'}
        id="money-tranche-1"
      />
      <KeyValue
        label="二次拨付"
        value={formatYuan(t2?.amountFen ?? m.tranche2Fen)}
        note={t2 ? `${formatChineseDate(t2.at)} 已拨付` : '验收合格后拨付'}
        id="money-tranche-2"
      />
      <KeyValue
        label="实际支出"
        value={formatYuan(m.spentFen)}
        note={`其中市总扶助 ${formatYuan(m.spentAidFen)}`}
        id="money-spent"
        tone={m.overBudget ? 'danger' : undefined}
      />
      <KeyValue label="资金使用率" value={formatPercent(m.spentPercent)} id="money-percent" />
      <KeyValue
        label="每名直接服务职工成本"
        value={m.costPerServedFen === null || m.spentFen === 0 ? '暂无' : formatYuan(m.costPerServedFen)}
        note={m.costPerServedFen === null ? '填报服务人数后计算' : m.spentFen === 0 ? '登记支出后计算' : undefined}
        id="money-per-served"
      />
      {m.finalAccountsFen !== null ? (
        <KeyValue label="经费决算" value={formatYuan(m.finalAccountsFen)} id="money-final" tone="strong" />
      ) : null}
      {m.overBudget ? (
        <Text className="project__note project__note--danger" id="money-over-budget">
          实际支出已超过总预算，结项决算时需要说明原因。
        </Text>
      ) : null}

      <Text className="project__subsection">支出明细</Text>
      {staff.spending.length === 0 ? (
        <Text className="project__empty" id="spending-empty">
          还没有登记支出。项目确立后，每笔支出登记在这里（总额和其中市总扶助部分）。
        </Text>
      ) : (
        <View id="spending-list">
          {staff.spending.map((s) => (
            <View key={s._id} className="project__item" id={`spending-${s._id}`}>
              <View className="project__section-head">
                <Text className="project__item-title">{s.item}</Text>
                <Text className="project__amount">{formatYuan(s.amountFen)}</Text>
              </View>
              <Text className="project__item-meta">
                {formatChineseDate(s.date)} · 其中市总扶助 {formatYuan(s.cityAidFen)} · 登记人 {s.byName}
              </Text>
              {s.note ? <Text className="project__item-text">备注：{s.note}</Text> : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
