/**
 * 绩效评估 on the phone (issue 11): how the KPI card and the dashboard write their figures — money from
 * integer fen with two decimals (never through floating-point 元), counts with separators, the source
 * of every figure in words, and the signal's colour.
 */
import { countText, figureText, percentText, signalTone, sourceText } from '../../client/src/features/kpi/format';
import { valueScale } from '../../client/src/features/kpi/chartTypes';

const form = { kind: 'form' as const, document: 'feasibility' as const, measure: null, label: '（五）资金预算 · 合计' };
const measured = {
  kind: 'measured' as const,
  document: null,
  measure: 'spending' as const,
  label: '实测：支出记录合计',
};

describe('KPI figures as people read them', () => {
  it('money: 元 with two decimals from fen, keeping what the server adds after the amount', () => {
    expect(figureText({ value: 3_000_000, display: '30000.00 元', source: form }, 'fen')).toBe('30,000.00 元');
    // 0.29 元 is 29 fen: integer split, not 0.29 * 100 in floating point.
    expect(figureText({ value: 29, display: '0.29 元', source: form }, 'fen')).toBe('0.29 元');
    expect(figureText({ value: 1_200_001, display: '12000.01 元（预算的 40%）', source: measured }, 'fen')).toBe(
      '12,000.01 元（预算的 40%）',
    );
  });

  it('a figure not filed or not computable says so instead of 0', () => {
    expect(figureText({ value: null, display: '未填', source: form }, 'fen')).toBe('未填');
    expect(figureText({ value: null, display: '', source: measured }, 'people')).toBe('暂无');
    expect(percentText(null)).toBe('暂无');
    expect(percentText(85)).toBe('85.0%');
  });

  it('people and percentages as the function wrote them; counts with separators', () => {
    expect(figureText({ value: 4000, display: '4000 人', source: form }, 'people')).toBe('4000 人');
    expect(countText(1234567)).toBe('1,234,567 人');
    expect(countText(12, '个')).toBe('12 个');
  });

  it('every figure says where it comes from', () => {
    expect(sourceText({ value: 1, display: '1', source: form })).toBe('表单填报：（五）资金预算 · 合计');
    expect(sourceText({ value: 1, display: '1', source: measured })).toBe('实时统计：实测：支出记录合计');
  });

  it('signals: 加大扶助 green, 逆向调整 red, 维持 and 数据不足 plain', () => {
    expect(signalTone('expand')).toBe('success');
    expect(signalTone('scaleBack')).toBe('danger');
    expect(signalTone('maintain')).toBe('neutral');
    expect(signalTone('insufficient')).toBe('neutral');
  });
});

describe('the value axis of a chart', () => {
  it('counts get whole-number ticks, never 0.4 of a project', () => {
    const bar = (values: number[]) => ({
      kind: 'bar' as const,
      data: values.map((value, i) => ({ label: `${i}`, value })),
    });
    expect(valueScale(bar([0, 1, 0, 0]))).toEqual({ min: 0, max: 1, tickInterval: 1 });
    expect(valueScale(bar([0, 0]))).toEqual({ min: 0, max: 1, tickInterval: 1 });
    expect(valueScale(bar([3, 17, 9]))).toEqual({ min: 0, max: 20, tickInterval: 5 });
    expect(valueScale(bar([1.5, 2]))).toEqual({ min: 0, tickCount: 4 });
  });
});
