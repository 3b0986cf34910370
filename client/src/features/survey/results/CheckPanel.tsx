import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { describeCounterKey, type RecomputeResult, type SurveySection } from '@shishi/shared-types';
import { AppButton, Notice } from '../../../components';
import { toApiError, type ApiError } from '../../../services/call';
import { confirm, toastSuccess } from '../../../utils/feedback';
import { useOrgTree } from '../../org/hooks';
import { JobProgress } from '../../jobs/JobProgress';
import { recomputeSurvey } from '../api';

/** How many differences the card lists; the rest are counted. */
const SHOWN = 5;
/** The server lists at most this many differences. */
const LISTED_MAX = 50;

/** What failed, the server's message, and what to do when the message does not say it already. */
function failureText(step: Step, error: ApiError): string {
  const what = step === 'apply' ? '没有重新计算成功' : '没有核对成功';
  const message = /[。！？.!?]$/.test(error.message) ? error.message : `${error.message}。`;
  const next =
    error.code === 'FORBIDDEN'
      ? '只有负责这份调查的工作人员才能核对。'
      : error.code === 'NOT_FOUND'
        ? '请返回问卷管理，刷新后再试。'
        : /请|稍后/.test(error.message)
          ? ''
          : '请稍后再试一次。';
  return `${what}：${message}${next}`;
}

interface CheckPanelProps {
  surveyId: string;
  /** The survey's pages, to name the questions and options in the differences. */
  sections?: readonly SurveySection[];
  /** After the counters were replaced: load the results again. */
  onApplied?: () => unknown;
}

type Step = 'check' | 'apply';

/**
 * 核对统计 (staff): counts all answers again one by one and compares with the figures above; when they
 * differ, lists the first few and offers to replace the figures with what the answers say.
 */
export function CheckPanel({ surveyId, sections, onApplied }: CheckPanelProps) {
  const [busy, setBusy] = useState<Step | null>(null);
  const [result, setResult] = useState<RecomputeResult | null>(null);
  const [failure, setFailure] = useState<{ step: Step; error: ApiError } | null>(null);
  const [progress, setProgress] = useState(0);

  const run = async (step: Step) => {
    if (busy) return;
    if (
      step === 'apply' &&
      !(await confirm('按答卷重新计算', '将以全部答卷为准重新计算，并替换现在显示的统计数字。确定吗？', '重新计算'))
    ) {
      return;
    }
    setBusy(step);
    setFailure(null);
    if (step === 'check') setResult(null);
    try {
      setProgress(0);
      const r = await recomputeSurvey(surveyId, step === 'apply', setProgress);
      setResult(r);
      if (r.applied) {
        toastSuccess('已重新计算');
        void onApplied?.();
      }
    } catch (e) {
      setFailure({ step, error: toApiError(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="sr-card" id="survey-check">
      <Text className="sr-card__title">核对统计</Text>
      <Text className="sr-card__meta">把全部答卷逐份重新数一遍，与上面的统计数字对照，看是否一致。</Text>
      <AppButton
        id="check-run"
        className="sr-check__run"
        block
        loading={busy === 'check'}
        busyText="正在逐份核对…"
        disabled={busy === 'apply'}
        onClick={() => void run('check')}
      >
        {result ? '再核对一次' : '开始核对'}
      </AppButton>
      {busy ? (
        <JobProgress
          id="check-progress"
          progress={progress}
          label={busy === 'apply' ? '正在重新计算' : '正在逐份核对'}
        />
      ) : null}
      {failure ? (
        <View className="sr-check__error">
          <Notice id="check-error" text={failureText(failure.step, failure.error)} />
        </View>
      ) : null}
      {result ? <Outcome result={result} sections={sections} applying={busy === 'apply'} onApply={run} /> : null}
    </View>
  );
}

function Outcome({
  result,
  sections,
  applying,
  onApply,
}: {
  result: RecomputeResult;
  sections?: readonly SurveySection[];
  applying: boolean;
  onApply: (step: 'apply') => Promise<void>;
}) {
  // District and industry differences are named by their union (the tree is loaded once per session).
  const orgs = useOrgTree(result.differences.some((d) => /^@(district|industry)\//.test(d.key)));
  const waiting =
    result.waiting > 0 ? (
      <Text className="sr-check__waiting" id="check-waiting">
        另有 {result.waiting} 份刚提交的答卷正在计入，几分钟后会自动计入。
      </Text>
    ) : null;

  if (result.applied || result.matches) {
    return (
      <View className="sr-check__result sr-check__result--ok" id="check-result">
        <View className="sr-check__headline">
          <Text className="sr-check__mark">✓</Text>
          <Text className="sr-check__headline-text">
            {result.applied ? '已按答卷重新计算：' : '统计数字与答卷一致：'}
            <Text className="sr-check__keep">共 {result.responses} 份答卷。</Text>
          </Text>
        </View>
        {result.applied ? <Text className="sr-check__line">上面的统计数字已经更新。</Text> : null}
        {waiting}
      </View>
    );
  }

  const count = result.differences.length;
  const more = count - Math.min(count, SHOWN);
  const orgNames = new Map((orgs ?? []).map((o) => [o._id, o.name]));
  return (
    <View className="sr-check__result sr-check__result--diff" id="check-result">
      <View className="sr-check__headline">
        <Text className="sr-check__mark sr-check__mark--diff">!</Text>
        <Text className="sr-check__headline-text">
          发现 {count >= LISTED_MAX ? `至少 ${count}` : count} 处统计数字与答卷不一致。
        </Text>
      </View>
      <Text className="sr-check__line">答卷共 {result.responses} 份。不一致的地方：</Text>
      <View className="sr-check__diffs" id="check-differences">
        {result.differences.slice(0, SHOWN).map((d, i) => (
          <View className="sr-check__diff" key={d.key} id={`check-diff-${i}`}>
            <Text className="sr-check__diff-label">{describeCounterKey(d.key, sections, orgNames)}</Text>
            <Text className="sr-check__diff-numbers">
              统计 {d.counter}，答卷 {d.recomputed}
            </Text>
          </View>
        ))}
      </View>
      {more > 0 ? <Text className="sr-check__line">还有 {more} 处没有列出。</Text> : null}
      {waiting}
      <Text className="sr-check__line">按答卷重新计算后，上面的统计数字会改成与答卷一致。</Text>
      <AppButton
        id="check-apply"
        kind="primary"
        block
        loading={applying}
        busyText="正在重新计算…"
        onClick={() => void onApply('apply')}
      >
        按答卷重新计算
      </AppButton>
    </View>
  );
}
