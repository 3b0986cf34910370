import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { GetSurveyOutput } from '@shishi/shared-types';
import { confirm, showError, toastSuccess } from '../../../utils/feedback';
import { closeSurvey, duplicateSurvey, publishSurvey } from '../api';
import { surveyEditUrl } from '../routes';

export type SurveyAction = 'publish' | 'close' | 'duplicate';

const steps: Record<
  SurveyAction,
  {
    title: string;
    content: string;
    ok: string;
    done: string;
    failed: string;
    run: (id: string) => Promise<GetSurveyOutput>;
  }
> = {
  publish: {
    title: '发布问卷',
    content: '发布后，调查对象从开始日期起就能填写。有人作答后，题目只能做不影响已有答卷的修改。',
    ok: '发布',
    done: '已发布',
    failed: '没有发布成功',
    run: publishSurvey,
  },
  close: {
    title: '结束调查',
    content: '结束后不再接受答卷，已收到的答卷和结果都会保留。',
    ok: '结束调查',
    done: '已结束',
    failed: '没有结束成功',
    run: closeSurvey,
  },
  duplicate: {
    title: '复制问卷',
    content: '复制题目和设置，成为一份新的草稿（答卷不会复制）。',
    ok: '复制',
    done: '已复制为新草稿',
    failed: '没有复制成功',
    run: duplicateSurvey,
  },
};

/** 发布 / 结束 / 复制, each asked first, then a toast, or the server's message in a dialog. */
export function useSurveyActions(onChanged: (action: SurveyAction, result: GetSurveyOutput) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (action: SurveyAction, surveyId: string) => {
    if (busy) return;
    const step = steps[action];
    if (!(await confirm(step.title, step.content, step.ok))) return;
    setBusy(`${action}-${surveyId}`);
    try {
      const result = await step.run(surveyId);
      toastSuccess(step.done);
      onChanged(action, result);
      if (action === 'duplicate') void Taro.navigateTo({ url: surveyEditUrl(result.survey._id) });
    } catch (e) {
      showError(e, step.failed);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
