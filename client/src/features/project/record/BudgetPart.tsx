/** （五）资金预算: lines in 元, live totals, the 50% cap for 县区级 / 产业级, and the tranche split. */
import { View, Text } from '@tarojs/components';
import {
  SUBSIDY_SHARE_PERCENT,
  budgetLineSchema,
  maxSubsidyFen,
  projectRecordSchema,
  tranche1Fen,
  tranche1PercentOf,
  tranche2Fen,
  yuan,
} from '@shishi/shared-types';
import { AppButton, FormField, TextBox } from '../../../components';
import { maxDigits, maxItems, maxLen } from '../actions/limits';
import { parseYuan } from '../actions/money';
import { Part } from '../actions/ui';
import { RecordText } from './fields';
import { parts } from './hints';
import type { BudgetRow } from './model';
import type { RecordEditor } from './useRecordEditor';

const shape = projectRecordSchema.shape;
/** An amount in 元 fits in this many characters (10 亿 with two decimals and separators). */
const YUAN_CHARS = 16;

const fenOf = (typed: string) => {
  const p = parseYuan(typed);
  return p.ok ? p.fen : 0;
};

export function BudgetPart({ editor }: { editor: RecordEditor }) {
  const { state, errors, update, set } = editor;
  const level = state.level;
  const total = state.budgetLines.reduce((s, l) => s + fenOf(l.amount), 0);
  const aid = state.budgetLines.reduce((s, l) => s + (l.aid.trim() === '' ? 0 : fenOf(l.aid)), 0);
  const cap = level ? maxSubsidyFen(level, total) : null;
  const over = cap !== null && aid > cap;
  const max = maxItems(shape.budgetLines);
  const setLine = (i: number, key: keyof BudgetRow, v: string) =>
    update((s) => ({ ...s, budgetLines: s.budgetLines.map((x, j) => (j === i ? { ...x, [key]: v } : x)) }));
  const percentTyped = /^\d+$/.test(state.tranche1Percent) ? Number(state.tranche1Percent) : undefined;
  const percent = level ? tranche1PercentOf(level, { tranche1Percent: percentTyped }) : 40;

  return (
    <Part id="re-part-5" title={parts.budget.title} hint={parts.budget.hint}>
      {errors.budgetLines && !over ? <Text className="re-error">{errors.budgetLines}</Text> : null}
      {state.budgetLines.length === 0 ? (
        <Text className="re-empty" id="re-budget-empty">
          还没有预算明细。每一项支出写一行：事项、金额、其中市总扶助多少、资金从哪里来。
        </Text>
      ) : null}
      {state.budgetLines.map((l, i) => (
        <View key={i} className="re-row" id={`re-budget-${i}`}>
          <View className="re-row__head">
            <Text className="re-row__title">第 {i + 1} 行</Text>
            <View
              className="pj-link"
              id={`re-budget-${i}-remove`}
              onClick={() => update((s) => ({ ...s, budgetLines: s.budgetLines.filter((_, j) => j !== i) }))}
            >
              <Text>删除</Text>
            </View>
          </View>
          <FormField label="事项" error={errors[`budgetLines.${i}.item`]} id={`re-budget-${i}-item`}>
            <TextBox
              id={`re-budget-${i}-item`}
              value={l.item}
              maxlength={maxLen(budgetLineSchema.shape.item)}
              placeholder="例如：职工体检服务"
              onInput={(v) => setLine(i, 'item', v)}
            />
          </FormField>
          <FormField label="金额（元）" error={errors[`budgetLines.${i}.amountFen`]} id={`re-budget-${i}-amount`}>
            <TextBox
              id={`re-budget-${i}-amount`}
              value={l.amount}
              maxlength={YUAN_CHARS}
              placeholder="例如 20000 或 1234.50"
              onInput={(v) => setLine(i, 'amount', v)}
            />
          </FormField>
          {level !== 'city' ? (
            <FormField
              label="其中市总扶助（元）"
              optional
              error={errors[`budgetLines.${i}.cityAidFen`]}
              id={`re-budget-${i}-aid`}
            >
              <TextBox
                id={`re-budget-${i}-aid`}
                value={l.aid}
                maxlength={YUAN_CHARS}
                placeholder="这一行里申请市总扶助的部分，没有就不填"
                onInput={(v) => setLine(i, 'aid', v)}
              />
            </FormField>
          ) : null}
          <FormField label="资金来源" error={errors[`budgetLines.${i}.source`]} id={`re-budget-${i}-source`}>
            <TextBox
              id={`re-budget-${i}-source`}
              value={l.source}
              maxlength={maxLen(budgetLineSchema.shape.source)}
              placeholder="例如：区总工会自筹、市总扶助、企业配套"
              onInput={(v) => setLine(i, 'source', v)}
            />
          </FormField>
        </View>
      ))}
      {state.budgetLines.length < max ? (
        <AppButton
          id="re-budget-add"
          kind="plain"
          block
          onClick={() =>
            update((s) => ({ ...s, budgetLines: [...s.budgetLines, { item: '', amount: '', aid: '', source: '' }] }))
          }
        >
          ＋ 添加一行预算
        </AppButton>
      ) : null}

      <View className={`re-totals ${over ? 're-totals--over' : ''}`} id="re-budget-totals">
        <View className="re-totals__row">
          <Text>项目总预算</Text>
          <Text className="re-totals__value" id="re-budget-total">
            {yuan(total)}
          </Text>
        </View>
        {level !== 'city' ? (
          <View className="re-totals__row">
            <Text>其中市总扶助</Text>
            <Text className="re-totals__value" id="re-budget-aid-total">
              {yuan(aid)}
            </Text>
          </View>
        ) : null}
        {cap !== null ? (
          <View className="re-totals__row">
            <Text>最多可申请扶助（总预算的 {SUBSIDY_SHARE_PERCENT}%）</Text>
            <Text className="re-totals__value" id="re-budget-cap">
              {yuan(cap)}
            </Text>
          </View>
        ) : null}
        {over ? (
          <Text className="re-totals__message" id="re-budget-over">
            {errors.budgetLines ??
              `市总扶助超出了 ${yuan(aid - cap)}。请减少“其中市总扶助”，或把其他来源的资金写进预算。`}
          </Text>
        ) : null}
        {level === 'city' ? (
          <Text className="re-totals__note">市级项目由市总工会直接安排经费，不填“其中市总扶助”。</Text>
        ) : null}
        {!level ? <Text className="re-totals__note">选好项目层级后，这里会算出最多可申请的扶助资金。</Text> : null}
      </View>

      {level && level !== 'city' ? (
        <>
          <RecordText
            editor={editor}
            field="aidStatement"
            label="市总扶助资金说明"
            optional={aid === 0}
            multiline
            placeholder="市总扶助资金用在哪些地方、为什么需要"
          />
          <View className="re-tranche" id="re-tranche">
            <Text className="re-block-label">扶助资金分两次拨付（第六条）</Text>
            {level === 'industry' ? (
              <FormField label="首次拨付比例（%）" optional error={errors.tranche1Percent} id="re-tranche1Percent">
                <TextBox
                  id="re-tranche1Percent"
                  type="number"
                  value={state.tranche1Percent}
                  maxlength={maxDigits(shape.tranche1Percent)}
                  placeholder="按有关财务规定，不填则为 40"
                  onInput={(v) => set('tranche1Percent', v)}
                />
              </FormField>
            ) : null}
            <Text className="re-tranche__line" id="re-tranche-1">
              启动申报表审核通过后拨付 {percent}%：{yuan(tranche1Fen(aid, percent))}
            </Text>
            <Text className="re-tranche__line" id="re-tranche-2">
              验收合格后拨付其余部分：{yuan(tranche2Fen(aid, percent))}
            </Text>
          </View>
        </>
      ) : null}
    </Part>
  );
}
