import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  offlineEntryRoles,
  workerNameSchema,
  type Profile,
  type Survey,
  type SubmitSurveyOutput,
} from '@shishi/shared-types';
import { AppButton, Badge, Card, Empty, ErrorBlock, Loading, Notice, TextField } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { toApiError } from '../../../../services/call';
import { confirm, showError, toastSuccess } from '../../../../utils/feedback';
import { WorkerOrgField } from '../../../../features/org/components/WorkerOrgField';
import { RoleOnly } from '../../../../features/profile';
import { fetchOpenSurveys, fetchSurvey, submitOfflineSurvey } from '../../../../features/survey/api';
import { answersToSend } from '../../../../features/survey/answering';
import { AnswerSections } from '../../../../features/survey/answer/AnswerSections';
import { GROUPS_KEY, useAnswerSheet } from '../../../../features/survey/answer/useAnswerSheet';
import { closingLine, questionsLabel } from '../../../../features/survey/labels';
import { surveyOfflineUrl } from '../../../../features/survey/routes';
import '../../../../features/survey/answer/answer.scss';
import { withFontScale } from '../../../../components/FontScale';
import './index.scss';

/** 线下录入问卷: a cadre types in a paper or on-site answer for a named worker of their union. */
function SurveyOfflinePage() {
  return (
    <RoleOnly
      allowed={(role) => offlineEntryRoles.includes(role)}
      refusal="线下录入只对基层工会干部和工会工作人员开放。"
    >
      {(profile) => <Offline profile={profile} />}
    </RoleOnly>
  );
}

function Offline({ profile }: { profile: Profile }) {
  const id = useRouter().params.id;
  return id ? <Entry profile={profile} surveyId={id} /> : <PickSurvey />;
}

/** Without `?id=`: the surveys open now in the cadre's union, to choose one. */
function PickSurvey() {
  const open = useResource(fetchOpenSurveys, []);
  if (open.error) return <ErrorBlock error={open.error} onRetry={open.reload} />;
  if (!open.data) return <Loading />;
  const items = open.data.items.filter((s) => s.phase === 'open');
  return (
    <View className="page">
      <Text className="page-title">线下录入问卷</Text>
      <Text className="page-intro">选择一份正在进行的问卷，把职工填写的纸质问卷或现场收集的回答录入系统。</Text>
      {items.length === 0 ? (
        <View id="so-pick-empty">
          <Empty text="现在没有正在进行、面向本会职工的问卷。" />
        </View>
      ) : (
        <View id="so-pick-list">
          {items.map((s) => (
            <Card
              key={s._id}
              id={`so-pick-${s._id}`}
              title={s.title}
              onClick={() => void Taro.navigateTo({ url: surveyOfflineUrl(s._id) })}
            >
              <Text className="muted">
                {questionsLabel(s)} · {s.closesOn} 截止 · 点此录入
              </Text>
            </Card>
          ))}
        </View>
      )}
    </View>
  );
}

function Entry({ profile, surveyId }: { profile: Profile; surveyId: string }) {
  const got = useResource(() => fetchSurvey(surveyId), [surveyId]);
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<{ name: string; result: SubmitSurveyOutput } | null>(null);
  if (got.error) return <ErrorBlock error={got.error} onRetry={got.reload} />;
  if (got.loading || !got.data) return <Loading />;
  const survey = got.data.survey;
  if (survey.phase !== 'open') {
    return (
      <Empty
        text={survey.phase === 'closed' ? '这份问卷已经结束，不能再录入。' : '这份问卷还没有开始，开始后才能录入。'}
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  }
  if (done) {
    return (
      <View className="page">
        <Card className="sa-thanks" id="so-done">
          <Text className="sa-thanks__mark">✓</Text>
          <Text className="sa-thanks__title">已录入</Text>
          <Text className="sa-thanks__line">
            {done.name} 的答卷已录入，标记为“线下录入”
            {done.result.status === 'alreadySubmitted' ? '（这位职工之前已经提交过，没有重复计入）' : ''}。
          </Text>
          {done.result.matchedMember === false ? (
            <Text className="muted sa-thanks__line">系统里没有找到这位职工的账号，答卷按姓名记录。</Text>
          ) : null}
          <AppButton
            id="so-again"
            kind="primary"
            block
            onClick={() => {
              setDone(null);
              setRound((n) => n + 1);
            }}
          >
            再录一份
          </AppButton>
          <View className="sa-thanks__gap" />
          <AppButton id="so-back" block onClick={() => void Taro.navigateBack()}>
            返回
          </AppButton>
        </Card>
      </View>
    );
  }
  return (
    <EntryForm
      key={round}
      survey={survey}
      profile={profile}
      onDone={(name, result) => {
        setDone({ name, result });
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      }}
    />
  );
}

function EntryForm({
  survey,
  profile,
  onDone,
}: {
  survey: Survey;
  profile: Profile;
  onDone: (name: string, result: SubmitSurveyOutput) => void;
}) {
  const sheet = useAnswerSheet(survey, { answers: {}, groups: [] });
  const needsOrg = profile.role !== 'cadre';
  const [workerName, setWorkerName] = useState('');
  const [orgId, setOrgId] = useState('');
  const [paperNo, setPaperNo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const all = survey.sections.map((_, i) => i);

  const scrollTo = (selector: string) => setTimeout(() => void Taro.pageScrollTo({ selector, duration: 200 }), 50);

  const submit = async () => {
    if (sending) return;
    setFormError(null);
    const own: Record<string, string> = {};
    const name = workerNameSchema.safeParse(workerName);
    if (!name.success) own.workerName = name.error.issues[0]?.message ?? '请填写职工姓名';
    if (needsOrg && !orgId) own.orgId = '请选择职工所在的基层工会';
    setErrors(own);
    const problems = sheet.validate();
    if (Object.keys(own).length > 0) return scrollTo(own.workerName ? '#so-worker-name' : '#so-org-picker');
    const first = [GROUPS_KEY, ...survey.sections.flatMap((s) => s.questions.map((q) => q.id))].find(
      (k) => problems[k],
    );
    if (first) return scrollTo(first === GROUPS_KEY ? '#q-groups' : `#q-${first}`);
    if (!(await confirm('录入答卷', `确定录入 ${workerName.trim()} 的答卷？录入后不能修改。`, '录入'))) return;
    setSending(true);
    try {
      const result = await submitOfflineSurvey({
        surveyId: survey._id,
        workerName: workerName.trim(),
        orgId: needsOrg ? orgId : undefined,
        paperNo: paperNo.trim() || undefined,
        answers: answersToSend(survey.sections, sheet.answers),
        groups: sheet.askGroups ? sheet.groups : [],
      });
      toastSuccess('录入成功');
      onDone(workerName.trim(), result);
    } catch (e) {
      const error = toApiError(e);
      setSending(false);
      if (error.fields.length > 0) {
        const byField: Record<string, string> = {};
        for (const f of error.fields) if (!f.path.startsWith('answers')) byField[f.path] ??= f.message;
        setErrors(byField);
        sheet.showServerErrors(error.fields);
        setFormError(error.message);
        void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
        return;
      }
      showError(error, '没有录入成功');
    }
  };

  return (
    <View className="page so">
      <View className="sa-head">
        <View className="so__badge" id="so-offline-badge">
          <Badge label="线下录入" tone="warning" />
        </View>
        <Text className="sa-head__title" id="so-title">
          {survey.title}
        </Text>
        <Text className="sa-head__meta">
          照纸质问卷或现场记录如实录入，答卷会注明“线下录入（由 {profile.name} 代为录入）”。
          {closingLine(survey.closesAt)}
        </Text>
      </View>
      {formError ? <Notice id="so-error" text={formError} /> : null}
      <Text className="section-title">职工信息</Text>
      <TextField
        id="so-worker-name"
        label="职工姓名"
        error={errors.workerName}
        value={workerName}
        maxlength={20}
        placeholder="照纸质问卷填写职工的真实姓名"
        onInput={(v) => {
          setWorkerName(v);
          setErrors(({ workerName: _, ...rest }) => rest);
        }}
      />
      <WorkerOrgField
        id="so-org"
        choose={needsOrg}
        ownOrgName={profile.orgName}
        withinOrgId={survey.audience.orgId}
        value={orgId}
        onChange={(v) => {
          setOrgId(v);
          setErrors(({ orgId: _, ...rest }) => rest);
        }}
        error={errors.orgId}
        className="so__org"
      />
      <TextField
        id="so-paper"
        label="纸质问卷编号"
        optional
        error={errors.paperNo}
        value={paperNo}
        maxlength={40}
        placeholder="写在纸质问卷上的编号，方便以后查找"
        onInput={setPaperNo}
      />
      <Text className="section-title" id="so-count">
        问卷回答（共 {sheet.progress.shown} 题，已填 {sheet.progress.answered} 题）
      </Text>
      <AnswerSections survey={survey} sections={all} sheet={sheet} withGroups thirdPerson paperNumbers />
      <AppButton
        id="so-submit"
        kind="primary"
        block
        loading={sending}
        busyText="正在提交…"
        onClick={() => void submit()}
      >
        录入这份答卷
      </AppButton>
    </View>
  );
}

export default withFontScale(SurveyOfflinePage);
