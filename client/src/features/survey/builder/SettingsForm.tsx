import { View, Text, Picker } from '@tarojs/components';
import { workerGroupLabels, workerGroups, type Org, type WorkerGroup } from '@shishi/shared-types';
import { FormField, TextField } from '../../../components';
import { chineseDate } from '../labels';
import type { SurveyEditor } from './useSurveyEditor';

interface SettingsFormProps {
  editor: SurveyEditor;
  orgs: readonly Org[];
  /** Name of the audience org as the survey or profile gives it (before the tree loads). */
  orgName: string;
  onOpenOrgs: () => void;
  /** Answers exist: audience, anonymity and the start date are fixed. */
  answersExist: boolean;
}

function YesNo({
  id,
  value,
  yes,
  no,
  onChange,
}: {
  id: string;
  value: boolean;
  yes: string;
  no: string;
  onChange: (v: boolean) => void;
}) {
  return (
    <View className="ui-chips se-chips">
      <View id={`${id}-yes`} className={`ui-chip ${value ? 'ui-chip--selected' : ''}`} onClick={() => onChange(true)}>
        <Text>{yes}</Text>
      </View>
      <View id={`${id}-no`} className={`ui-chip ${!value ? 'ui-chip--selected' : ''}`} onClick={() => onChange(false)}>
        <Text>{no}</Text>
      </View>
    </View>
  );
}

function DateField({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const box = (
    <View className={`ui-input se-date ${disabled ? 'se-date--disabled' : ''}`} id={id}>
      <Text>{value ? chineseDate(value) : '请选择日期'}</Text>
      {!disabled ? <Text className="se-date__arrow">›</Text> : null}
    </View>
  );
  if (disabled) return box;
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      {box}
    </Picker>
  );
}

/** Title, introduction, who it is for, when, anonymity and whether workers see the results. */
export function SettingsForm({ editor, orgs, orgName, onOpenOrgs, answersExist }: SettingsFormProps) {
  const { state, set, errors } = editor;
  const audienceOrg = orgs.find((o) => o._id === state.orgId);
  const industries = orgs.filter((o) => o.type === 'industry' && o._id !== state.orgId && o.path.includes(state.orgId));
  const toggleIndustry = (id: string) =>
    set(
      'industryOrgIds',
      state.industryOrgIds.includes(id) ? state.industryOrgIds.filter((x) => x !== id) : [...state.industryOrgIds, id],
    );
  const toggleGroup = (g: WorkerGroup) =>
    set('groups', state.groups.includes(g) ? state.groups.filter((x) => x !== g) : [...state.groups, g]);
  const fixed = answersExist ? '（已有答卷，不能修改）' : '';

  return (
    <View className="se-settings" id="se-settings">
      <TextField
        id="se-title"
        label="问卷标题"
        error={errors.title}
        value={state.title}
        maxlength={60}
        placeholder="例如：2027 年职工最需要办的实事调查"
        onInput={(v) => set('title', v)}
      />
      <TextField
        id="se-intro"
        label="调查说明"
        optional
        multiline
        className="se-intro"
        error={errors.intro}
        value={state.intro}
        maxlength={2000}
        placeholder="告诉职工为什么调查、结果怎么用、大约要几分钟"
        onInput={(v) => set('intro', v)}
      />

      <FormField label={`调查对象${fixed}`} error={errors['audience.orgId'] ?? errors.audience} id="se-audience">
        <View
          className={`ui-input se-date ${answersExist ? 'se-date--disabled' : ''}`}
          id="se-org"
          onClick={answersExist ? undefined : onOpenOrgs}
        >
          <Text>{audienceOrg?.name ?? orgName}</Text>
          {!answersExist ? <Text className="se-date__arrow">›</Text> : null}
        </View>
        <Text className="se-hint">该组织及其下属全部基层工会的职工</Text>
        {industries.length > 0 ? (
          <>
            <Text className="se-block-label">只调查这些产业工会（不选则不限）</Text>
            <View className="ui-chips se-chips">
              {industries.map((o) => (
                <View
                  key={o._id}
                  id={`se-industry-${o._id}`}
                  className={`ui-chip ${state.industryOrgIds.includes(o._id) ? 'ui-chip--selected' : ''}`}
                  onClick={answersExist ? undefined : () => toggleIndustry(o._id)}
                >
                  <Text>{o.name}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
        <Text className="se-block-label">只调查这些职工群体（不选则面向全部职工）</Text>
        <View className="ui-chips se-chips">
          {workerGroups.map((g) => (
            <View
              key={g}
              id={`se-group-${g}`}
              className={`ui-chip ${state.groups.includes(g) ? 'ui-chip--selected' : ''}`}
              onClick={answersExist ? undefined : () => toggleGroup(g)}
            >
              <Text>{workerGroupLabels[g]}</Text>
            </View>
          ))}
        </View>
        {state.groups.length > 0 ? <Text className="se-hint">职工答题前要先选择自己属于哪个群体。</Text> : null}
      </FormField>

      <FormField label={`开始日期${answersExist ? '（已有答卷，不能修改）' : ''}`} error={errors.opensOn} id="se-opens">
        <DateField id="se-opens" value={state.opensOn} onChange={(v) => set('opensOn', v)} disabled={answersExist} />
      </FormField>
      <FormField label="结束日期（含当天，按北京时间）" error={errors.closesOn} id="se-closes">
        <DateField id="se-closes" value={state.closesOn} onChange={(v) => set('closesOn', v)} />
      </FormField>

      <FormField label={`是否匿名${fixed}`} error={errors.anonymous} id="se-anonymous">
        {answersExist ? (
          <Text className="se-fixed">{state.anonymous ? '匿名' : '实名'}</Text>
        ) : (
          <YesNo id="se-anonymous" value={state.anonymous} yes="匿名" no="实名" onChange={(v) => set('anonymous', v)} />
        )}
        <Text className="se-hint">
          {state.anonymous
            ? '匿名：不记录姓名；分组统计时不足 5 人的分组不显示。'
            : '实名：记录答卷人的姓名和所在工会。'}
        </Text>
      </FormField>
      <FormField label="结果是否对职工公开" error={errors.resultsPublic} id="se-public">
        <YesNo
          id="se-public"
          value={state.resultsPublic}
          yes="公开"
          no="不公开"
          onChange={(v) => set('resultsPublic', v)}
        />
        <Text className="se-hint">
          {state.resultsPublic ? '职工提交后可以看到统计结果（人数和比例）。' : '只有工作人员能看到结果。'}
        </Text>
      </FormField>
      {state.resultsPublic ? (
        <FormField label="文字回答是否公开" error={errors.textsPublic} id="se-texts">
          {answersExist && !state.textsPublic ? (
            <Text className="se-fixed" id="se-texts-fixed">
              不公开（已有答卷，不能再公开）
            </Text>
          ) : (
            <YesNo
              id="se-texts"
              value={state.textsPublic}
              yes="公开"
              no="不公开"
              onChange={(v) => set('textsPublic', v)}
            />
          )}
          <Text className="se-hint" id="se-texts-hint">
            {state.textsPublic
              ? '职工能看到别人填写的文字（简答、问答和“其他”），经内容检查后显示，不显示姓名。要在有人作答前决定，之后只能改为不公开。'
              : '职工只能看到人数和比例，看不到任何人填写的文字。只有在有人作答前才能改为公开。'}
          </Text>
        </FormField>
      ) : null}
      <TextField
        id="se-target"
        label="目标人数"
        optional
        type="number"
        error={errors.targetCount}
        value={state.targetCount}
        maxlength={8}
        placeholder="大约多少人，用来算回收率"
        onInput={(v) => set('targetCount', v)}
      />
    </View>
  );
}
