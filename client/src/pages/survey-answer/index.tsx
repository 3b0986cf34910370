import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GetSurveyOutput, Survey, SubmitSurveyOutput } from '@shishi/shared-types';
import { AppButton, Card, ErrorBlock, Loading, Notice } from '../../components';
import { useResource } from '../../hooks/useResource';
import { toApiError } from '../../services/call';
import { confirm, showError, toastSuccess } from '../../utils/feedback';
import { fetchSurvey, submitSurvey } from '../../features/survey/api';
import { answersToSend, idsOf, knownAnswers, pageIndexes } from '../../features/survey/answering';
import { AnswerSections } from '../../features/survey/answer/AnswerSections';
import { Progress } from '../../features/survey/answer/Progress';
import { Thanks } from '../../features/survey/answer/Thanks';
import { GROUPS_KEY, useAnswerSheet } from '../../features/survey/answer/useAnswerSheet';
import { clearDraft, loadDraft, saveDraft } from '../../features/survey/draft';
import { closingLine } from '../../features/survey/labels';
import '../../features/survey/answer/answer.scss';
import { withFontScale } from '../../components/FontScale';

/**
 * 填写问卷 (`?id=`, or `?scene=` when opened from the survey poster's 小程序码, whose scene is the survey id):
 * one page (section) at a time with a progress bar; resumes from the device.
 */
function SurveyAnswerPage() {
  const params = useRouter().params;
  const id = params.id ?? sceneOf(params.scene);
  const survey = useResource(() => fetchSurvey(id), [id]);
  if (survey.error) return <ErrorBlock error={survey.error} onRetry={survey.reload} />;
  if (survey.loading || !survey.data) return <Loading />;
  return <SurveyAnswer data={survey.data} />;
}

/** WeChat hands the code's scene over URL-encoded. */
function sceneOf(scene: string | undefined): string {
  try {
    return decodeURIComponent(scene ?? '');
  } catch {
    return scene ?? '';
  }
}

function SurveyAnswer({ data }: { data: GetSurveyOutput }) {
  const [done, setDone] = useState<SubmitSurveyOutput | null>(null);
  const s = data.survey;
  if (done || data.submitted) {
    return (
      <View className="page">
        <Thanks
          surveyId={s._id}
          title={s.title}
          fresh={done?.status === 'submitted'}
          canSeeResults={done ? done.canSeeResults : data.canSeeResults}
          resultsLater={s.resultsPublic}
        />
      </View>
    );
  }
  if (!data.canAnswer) {
    return (
      <View className="page">
        <Card title={s.title} className="sa-cannot" id="survey-cannot">
          <Text className="sa-cannot__reason" id="survey-cannot-reason">
            {data.cannotAnswerReason ?? '这份问卷现在不能填写。'}
          </Text>
          <AppButton block onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            回到首页
          </AppButton>
        </Card>
      </View>
    );
  }
  return <Answering survey={s} onDone={setDone} />;
}

function Answering({ survey, onDone }: { survey: Survey; onDone: (r: SubmitSurveyOutput) => void }) {
  const [draft] = useState(() => loadDraft(survey._id));
  const restored = draft !== null && Object.keys(draft.answers).length > 0;
  const sheet = useAnswerSheet(survey, {
    answers: draft ? knownAnswers(survey.sections, draft.answers) : {},
    groups: draft?.groups.filter((g) => survey.audience.groups.includes(g)) ?? [],
  });
  const [section, setSection] = useState(() => Math.min(draft?.section ?? 0, survey.sections.length - 1));
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [showResumed, setShowResumed] = useState(restored);

  const pages = useMemo(() => pageIndexes(survey.sections, sheet.answers), [survey.sections, sheet.answers]);
  // A page whose questions the answers now hide is skipped.
  const current = pages.includes(section) ? section : (pages.find((p) => p > section) ?? pages[pages.length - 1]);
  const pos = pages.indexOf(current);
  const last = pos === pages.length - 1;

  // Save on the device as the person goes (nothing is saved before the first answer).
  const touched = useRef(restored);
  useEffect(() => {
    if (!touched.current && Object.keys(sheet.answers).length === 0 && sheet.groups.length === 0) return;
    touched.current = true;
    saveDraft(survey._id, { version: survey.version, answers: sheet.answers, groups: sheet.groups, section: current });
  }, [survey._id, survey.version, sheet.answers, sheet.groups, current]);

  const scrollTo = (key: string | null) =>
    setTimeout(() => {
      if (key) void Taro.pageScrollTo({ selector: key === GROUPS_KEY ? '#q-groups' : `#q-${key}`, duration: 200 });
      else void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }, 50);

  const pageKeys = (index: number) => [...idsOf(survey.sections[index]), ...(index === pages[0] ? [GROUPS_KEY] : [])];
  /** The page (section index) a question sits on. */
  const pageOf = (key: string) =>
    key === GROUPS_KEY ? pages[0] : survey.sections.findIndex((s) => s.questions.some((q) => q.id === key));

  const next = () => {
    const problems = sheet.validate(pageKeys(current));
    const first = pageKeys(current).find((k) => problems[k] !== undefined);
    if (first) return scrollTo(first);
    setSection(pages[pos + 1]);
    setShowResumed(false);
    scrollTo(null);
  };
  const prev = () => {
    setSection(pages[Math.max(0, pos - 1)]);
    scrollTo(null);
  };

  const jumpToProblem = (problems: Record<string, string>) => {
    const keys = [GROUPS_KEY, ...survey.sections.flatMap(idsOf)];
    const first = keys.find((k) => problems[k] !== undefined);
    if (!first) return false;
    const page = pageOf(first);
    if (page >= 0) setSection(page);
    scrollTo(first);
    return true;
  };

  const submit = async () => {
    if (sending) return;
    setFormError(null);
    if (jumpToProblem(sheet.validate())) return;
    if (!(await confirm('提交问卷', '提交后就不能再修改了。确定提交吗？', '提交'))) return;
    setSending(true);
    try {
      const result = await submitSurvey({
        surveyId: survey._id,
        answers: answersToSend(survey.sections, sheet.answers),
        groups: sheet.askGroups ? sheet.groups : [],
      });
      clearDraft(survey._id);
      toastSuccess(result.status === 'submitted' ? '提交成功' : '已提交过');
      onDone(result);
      scrollTo(null);
    } catch (e) {
      const error = toApiError(e);
      setSending(false);
      if (error.fields.length > 0 && jumpToProblem(sheet.showServerErrors(error.fields))) {
        setFormError(error.message);
        return;
      }
      showError(error, '没有提交成功');
    }
  };

  const restart = async () => {
    if (!(await confirm('清空重填', '清空这份问卷里已经填写的全部内容？', '清空'))) return;
    sheet.reset();
    clearDraft(survey._id);
    touched.current = false;
    setShowResumed(false);
    setSection(0);
    scrollTo(null);
  };

  const nProblems = Object.keys(sheet.errors).length;
  return (
    <View className="page sa">
      <Progress page={pos + 1} pages={pages.length} progress={sheet.progress} />
      {pos === 0 ? (
        <View className="sa-head">
          <Text className="sa-head__title" id="survey-title">
            {survey.title}
          </Text>
          {survey.intro ? (
            <Text className="sa-head__intro" id="survey-intro">
              {survey.intro}
            </Text>
          ) : null}
          <Text className="sa-head__meta" id="survey-anonymous">
            {survey.anonymous ? '匿名调查：不记录您的姓名。' : '实名调查：会记录您的姓名和所在工会。'}
            {closingLine(survey.closesAt)}
          </Text>
        </View>
      ) : null}
      {showResumed ? (
        <Notice
          id="survey-resumed"
          tone="info"
          text={
            draft && draft.version !== survey.version
              ? '问卷内容有过调整，已保留您之前填写的内容，请核对后继续。'
              : '已恢复您上次填写的内容，可以接着填。'
          }
        />
      ) : null}
      {formError ? <Notice id="survey-error" text={formError} /> : null}
      <AnswerSections survey={survey} sections={[current]} sheet={sheet} withGroups={current === pages[0]} />
      {nProblems > 0 ? (
        <Notice id="survey-problems" text={`还有 ${nProblems} 处需要填写或修改，请看标红的题目。`} />
      ) : null}
      <View className="sa-nav">
        {pos > 0 ? (
          <AppButton id="survey-prev" className="sa-nav__prev" onClick={prev}>
            上一页
          </AppButton>
        ) : null}
        {last ? (
          <AppButton
            id="survey-submit"
            kind="primary"
            className="sa-nav__next"
            loading={sending}
            onClick={() => void submit()}
          >
            {sending ? '正在提交…' : '提交问卷'}
          </AppButton>
        ) : (
          <AppButton id="survey-next" kind="primary" className="sa-nav__next" onClick={next}>
            下一页
          </AppButton>
        )}
      </View>
      <View className="sa-restart">
        <Text className="muted">填写内容会自动保存在本机，下次打开可接着填。</Text>
        <Text className="sa-restart__link" id="survey-restart" onClick={() => void restart()}>
          清空重填
        </Text>
      </View>
    </View>
  );
}

export default withFontScale(SurveyAnswerPage);
