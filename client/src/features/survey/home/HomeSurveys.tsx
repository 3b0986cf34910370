import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { z } from 'zod';
import type { SurveyCard } from '@shishi/shared-types';
import { AppButton, ErrorBlock, Loading } from '../../../components';
import { useOnReshow } from '../../../hooks/useOnReshow';
import { useResource } from '../../../hooks/useResource';
import { invoke, registerContracts } from '../../../services/call';
import { hasSurveyDraft } from '../draftKey';
import { questionsLabel } from '../labels';
import { surveyAnswerUrl, surveyResultUrl } from '../routes';
import './HomeSurveys.scss';

/**
 * 首页 is in the main package: it checks the one reply it reads with a light schema of the fields it
 * shows (others pass through), and the full survey contracts ship with the survey subpackages
 * (features/survey/api.ts), replacing this check once loaded.
 */
const listOpenReply = z.looseObject({
  items: z.array(
    z.looseObject({
      _id: z.string(),
      title: z.string(),
      phase: z.string(),
      closesOn: z.string(),
      minutes: z.number(),
      resultsPublic: z.boolean(),
    }),
  ),
  now: z.string(),
});
registerContracts('survey', { listOpen: { output: listOpenReply } }, { keepExisting: true });

/** 2026-12-08 → 12月8日 */
const monthDay = (d: string) => `${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;

/**
 * 首页 · 问卷调查: the surveys open to me (去填写 / 继续填写), and those I answered whose results are
 * public (查看结果). Lives in the main package, so it stays small: the answering page is a subpackage.
 */
export function HomeSurveys() {
  const open = useResource(() => invoke('survey', 'listOpen'), []);
  useOnReshow(() => void open.refresh());
  usePullDownRefresh(() => void open.refresh());
  const go = (url: string) => void Taro.navigateTo({ url });

  let body;
  if (open.error) body = <ErrorBlock error={open.error} onRetry={open.reload} />;
  else if (!open.data) body = <Loading inline text="正在查看问卷…" />;
  else if (open.data.items.length === 0)
    body = (
      <Text className="home-surveys__empty" id="home-surveys-empty">
        暂时没有需要您填写的问卷
      </Text>
    );
  else body = open.data.items.map((s) => <Item key={s._id} s={s} go={go} />);

  return (
    <View className="home-surveys" id="home-surveys">
      <Text className="section-title">问卷调查</Text>
      {body}
    </View>
  );
}

function Item({ s, go }: { s: SurveyCard; go: (url: string) => void }) {
  const id = `home-survey-${s._id}`;
  const closed = s.phase === 'closed';
  const resume = !s.submitted && hasSurveyDraft(s._id, Taro.getStorageSync);
  return (
    <View className="home-survey" id={id}>
      <Text className="home-survey__title">{s.title}</Text>
      <Text className="home-survey__meta" id={`${id}-meta`}>
        {s.submitted
          ? '您已提交，谢谢参与'
          : `${monthDay(s.closesOn)}截止 · ${questionsLabel(s)} · 约 ${s.minutes} 分钟`}
      </Text>
      {s.submitted ? (
        s.resultsPublic ? (
          <AppButton id={`${id}-results`} block onClick={() => go(surveyResultUrl(s._id))}>
            查看结果
          </AppButton>
        ) : null
      ) : closed ? null : (
        <AppButton id={`${id}-go`} kind="plain" block onClick={() => go(surveyAnswerUrl(s._id))}>
          {resume ? '继续填写' : '去填写'}
        </AppButton>
      )}
    </View>
  );
}
