import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { businessDate } from '@shishi/shared-types';
import { setThresholdsInputSchema, type ThresholdsOutput } from '@shishi/shared-types/src/contracts/kpi';
import { AppButton, ErrorBlock, Loading, TextField } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useFormState } from '../../../../hooks/useFormState';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { fetchThresholds, saveThresholds } from '../../../../features/kpi/api';
import { toastSuccess } from '../../../../utils/feedback';
import '../../../../features/kpi/kpi.scss';

type Key = 'expandSatisfaction' | 'expandServed' | 'scaleBackSatisfaction' | 'scaleBackServed' | 'minRatings';
type Values = Record<Key, string>;

const fields: { key: Key; label: string; unit: string; hint: string }[] = [
  { key: 'expandSatisfaction', label: '加大扶助：满意率至少', unit: '%', hint: '满意率 = 满意度打 4、5 分的评价占比' },
  { key: 'expandServed', label: '加大扶助：目标完成率至少', unit: '%', hint: '直接服务人数 ÷ 目标人数，可以超过 100' },
  { key: 'scaleBackSatisfaction', label: '逆向调整：满意率低于', unit: '%', hint: '不能高于加大扶助的满意率' },
  { key: 'scaleBackServed', label: '逆向调整：目标完成率低于', unit: '%', hint: '不能高于加大扶助的目标完成率' },
  { key: 'minRatings', label: '最少评价人数', unit: '人', hint: '评价人数不到这个数，信号显示“数据不足”' },
];

function toValues(t: ThresholdsOutput['thresholds']): Values {
  return {
    expandSatisfaction: String(t.expandSatisfaction),
    expandServed: String(t.expandServed),
    scaleBackSatisfaction: String(t.scaleBackSatisfaction),
    scaleBackServed: String(t.scaleBackServed),
    minRatings: String(t.minRatings),
  };
}

/** A blank box is sent as NaN, so the schema says 请填写…; otherwise the number typed. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim()));

/**
 * 信号阈值 of a year: what the org's projects are measured against (加大扶助 / 维持 / 逆向调整). Staff of
 * the org set them; others see them read-only, with where they come from.
 */
function ThresholdsPage() {
  return <StaffOnly>{() => <Thresholds />}</StaffOnly>;
}

function Thresholds() {
  const params = useRouter().params;
  const year = Number(params.year) || Number(businessDate(new Date()).slice(0, 4));
  const orgId = params.org ? decodeURIComponent(params.org) : undefined;
  const current = useResource(() => fetchThresholds(year, orgId), [year, orgId]);
  const form = useFormState<Values>({
    expandSatisfaction: '',
    expandServed: '',
    scaleBackSatisfaction: '',
    scaleBackServed: '',
    minRatings: '',
  });
  const { setValues } = form;
  useEffect(() => {
    if (current.data) setValues(toValues(current.data.thresholds));
  }, [current.data, setValues]);

  if (current.loading && !current.data) return <Loading />;
  if (current.error && !current.data) return <ErrorBlock error={current.error} onRetry={current.reload} />;
  const data = current.data!;
  const from = data.from ? `${data.from.name}设定` : '系统默认值';

  const save = () => {
    const v = form.values;
    const input = form.check(
      setThresholdsInputSchema.safeParse({
        year,
        ...(orgId ? { orgId } : {}),
        expandSatisfaction: num(v.expandSatisfaction),
        expandServed: num(v.expandServed),
        scaleBackSatisfaction: num(v.scaleBackSatisfaction),
        scaleBackServed: num(v.scaleBackServed),
        minRatings: num(v.minRatings),
      }),
    );
    if (!input) return;
    void form.send(async () => {
      await saveThresholds(input);
      toastSuccess('已保存');
      await current.refresh();
    });
  };

  return (
    <View className="page kpi-page" id="kpi-thresholds">
      <View className="kpi-card">
        <Text className="kpi-card__title">
          {data.orgName} · {data.year} 年
        </Text>
        <Text className="kpi-card__meta" id="kpi-thresholds-from">
          现在用的是{from}。本单位及下级单位的项目按这些数字给出信号；工作人员可以采纳或调整每个项目的信号。
        </Text>
        {data.canSet
          ? fields.map((f) => (
              <TextField
                key={f.key}
                id={`kpi-th-${f.key}`}
                label={`${f.label}（${f.unit}）`}
                type="number"
                maxlength={4}
                {...form.text(f.key)}
              >
                <Text className="kpi__source">{f.hint}</Text>
              </TextField>
            ))
          : fields.map((f) => (
              <View key={f.key} className="kpi-th__row" id={`kpi-th-${f.key}`}>
                <Text className="kpi-th__label">{f.label}</Text>
                <Text className="kpi-th__value">
                  {data.thresholds[f.key]}
                  {f.unit === '%' ? '%' : ` ${f.unit}`}
                </Text>
              </View>
            ))}
        {data.canSet ? null : (
          <Text className="kpi-card__meta" id="kpi-thresholds-readonly">
            您可以查看，但不能修改这个单位的阈值。
          </Text>
        )}
        {form.formError ? (
          <Text className="kpi-signal__error" id="kpi-thresholds-error">
            {form.formError}
          </Text>
        ) : null}
        {data.canSet ? (
          <AppButton id="kpi-thresholds-save" kind="primary" block loading={form.busy} onClick={save}>
            保存
          </AppButton>
        ) : null}
      </View>
    </View>
  );
}

export default withFontScale(ThresholdsPage);
