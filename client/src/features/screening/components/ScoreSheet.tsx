import { View, Text } from '@tarojs/components';
import type { Proposal } from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, Notice, TextField } from '../../../components';
import { ScoreStepper } from '../../../components/ScoreStepper';
import { Sheet } from '../../../components/Sheet';
import { useEvidenceSurveys, useScoreForm } from '../hooks';
import './sheets.scss';

interface ScoreSheetProps {
  item: Proposal;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * 评分 against the three criteria: 意愿最集中 is counted (authors and supporters), the other two are
 * the staff member's 1–5 with the grounds for them.
 */
export function ScoreSheet({ item, onClose, onSaved }: ScoreSheetProps) {
  const form = useScoreForm(item, onSaved);
  const surveys = useEvidenceSurveys();
  const picked = surveys.items.find((x) => x._id === form.values.surveyId);
  const people = item.scores?.concentration ?? item.backerCount;
  return (
    <Sheet
      open
      id="score-sheet"
      title="评分"
      onClose={onClose}
      footer={
        <AppButton
          id="score-save"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void form.save(picked)}
        >
          保存评分
        </AppButton>
      }
    >
      <Text className="sheet-lead">{item.title}</Text>
      {form.formError ? <Notice id="score-error" text={form.formError} /> : null}
      <FormField label="意愿最集中（自动计算）" id="score-concentration">
        <Text className="score-sheet__auto">
          {people} 人提出或附议
          {item.scores ? `，折合 ${Math.round(item.scores.concentrationScore)} 分` : ''}
        </Text>
      </FormField>
      <FormField label="需求最迫切（1–5 分）" error={form.errors.urgency} id="score-urgency">
        <ScoreStepper
          idPrefix="score-urgency"
          value={form.values.urgency}
          onChange={(v) => form.setField('urgency', v)}
          lowLabel="不太迫切"
          highLabel="非常迫切"
        />
      </FormField>
      <FormField label="关联需求调查" optional>
        <View id="score-survey">
          {surveys.loading ? (
            <Text className="score-sheet__hint">正在加载您发布的需求调查…</Text>
          ) : surveys.error ? (
            <Text className="score-sheet__hint">调查列表没有加载出来（{surveys.error}），可以先在下面写明依据</Text>
          ) : surveys.items.length === 0 ? (
            <Text className="score-sheet__hint">您管辖范围内还没有发布过需求调查，可以在下面写明依据</Text>
          ) : (
            <ChipGroup
              idPrefix="score-survey"
              options={surveys.items.map((x) => ({ value: x._id, label: `${x.title}（${x.responses ?? 0} 份答卷）` }))}
              value={form.values.surveyId}
              onChange={(v) => form.setField('surveyId', v === form.values.surveyId ? undefined : v)}
            />
          )}
        </View>
      </FormField>
      <TextField
        id="score-evidence"
        label={picked ? '调查结论' : '调查依据'}
        optional
        maxlength={200}
        placeholder={picked ? '如：68% 的受访职工选了这一项' : '如：2026年需求调查，68% 的受访职工选了这一项'}
        {...form.text('urgencyEvidence')}
      />
      <FormField label="最具备办结条件（1–5 分）" error={form.errors.feasibility} id="score-feasibility">
        <ScoreStepper
          idPrefix="score-feasibility"
          value={form.values.feasibility}
          onChange={(v) => form.setField('feasibility', v)}
          lowLabel="条件不足"
          highLabel="条件成熟"
        />
      </FormField>
      <TextField
        id="score-note"
        label="办结条件说明"
        multiline
        fixed
        className="score-sheet__note"
        maxlength={200}
        placeholder="资金、场地、合作单位、周期等是否具备"
        {...form.text('feasibilityNote')}
      />
      <View className="score-sheet__pad" />
    </Sheet>
  );
}
