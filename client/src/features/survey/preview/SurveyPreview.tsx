import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { Survey } from '@shishi/shared-types';
import { AppButton, Notice } from '../../../components';
import { toastSuccess } from '../../../utils/feedback';
import { idsOf, pageIndexes } from '../answering';
import { AnswerSections } from '../answer/AnswerSections';
import { Progress } from '../answer/Progress';
import { GROUPS_KEY, useAnswerSheet } from '../answer/useAnswerSheet';
import '../answer/answer.scss';
import './preview.scss';

interface SurveyPreviewProps {
  /** The survey as the editor holds it now (saved or not). */
  survey: Survey;
  onClose: () => void;
}

/**
 * 预览: the survey exactly as a worker answers it — one page at a time, the display logic, the progress
 * and the messages of the shared rules — with nothing saved or sent. Opened from the builder.
 */
export function SurveyPreview({ survey, onClose }: SurveyPreviewProps) {
  const sheet = useAnswerSheet(survey, { answers: {}, groups: [] });
  const [section, setSection] = useState(0);
  const [finished, setFinished] = useState(false);
  const pages = useMemo(() => pageIndexes(survey.sections, sheet.answers), [survey.sections, sheet.answers]);
  const current = pages.includes(section) ? section : (pages.find((p) => p > section) ?? pages[pages.length - 1]);
  const pos = pages.indexOf(current);
  const last = pos === pages.length - 1;
  const top = () => setTimeout(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }), 50);
  const pageKeys = (index: number) => [...idsOf(survey.sections[index]), ...(index === pages[0] ? [GROUPS_KEY] : [])];

  const next = () => {
    const problems = sheet.validate(pageKeys(current));
    if (pageKeys(current).some((k) => problems[k] !== undefined)) return;
    setSection(pages[pos + 1]);
    top();
  };
  const submit = () => {
    const problems = sheet.validate();
    if (Object.keys(problems).length > 0) return;
    setFinished(true);
    toastSuccess('预览：可以提交');
  };
  const again = () => {
    sheet.reset();
    setFinished(false);
    setSection(0);
    top();
  };

  return (
    <View className="page sa sp" id="se-preview">
      <View className="sp-bar">
        <Text className="sp-bar__text">预览：职工看到的样子，填写的内容不会保存或提交</Text>
        <AppButton id="se-preview-close" kind="primary" className="sp-bar__close" onClick={onClose}>
          返回编辑
        </AppButton>
      </View>
      {finished ? (
        <View className="sa-head" id="se-preview-done">
          <Text className="sa-head__title">填写完成</Text>
          <Text className="sa-head__intro">职工到这一步点“提交问卷”就提交了。预览不会提交，也不计入结果。</Text>
          <AppButton id="se-preview-again" block onClick={again}>
            重新预览
          </AppButton>
        </View>
      ) : (
        <>
          <Progress page={pos + 1} pages={pages.length} progress={sheet.progress} />
          {pos === 0 ? (
            <View className="sa-head">
              <Text className="sa-head__title" id="survey-title">
                {survey.title || '（还没有标题）'}
              </Text>
              {survey.intro ? <Text className="sa-head__intro">{survey.intro}</Text> : null}
              <Text className="sa-head__meta">
                {survey.anonymous ? '匿名调查：不记录您的姓名。' : '实名调查：会记录您的姓名和所在工会。'}
              </Text>
            </View>
          ) : null}
          {survey.sections.every((s) => s.questions.length === 0) ? (
            <Notice id="se-preview-empty" tone="info" text="还没有题目。添加题目后再来预览。" />
          ) : (
            <AnswerSections survey={survey} sections={[current]} sheet={sheet} withGroups={current === pages[0]} />
          )}
          <View className="sa-nav">
            {pos > 0 ? (
              <AppButton id="survey-prev" className="sa-nav__prev" onClick={() => setSection(pages[pos - 1])}>
                上一页
              </AppButton>
            ) : null}
            {last ? (
              <AppButton id="survey-submit" kind="primary" className="sa-nav__next" onClick={submit}>
                提交问卷（预览）
              </AppButton>
            ) : (
              <AppButton id="survey-next" kind="primary" className="sa-nav__next" onClick={next}>
                下一页
              </AppButton>
            )}
          </View>
        </>
      )}
    </View>
  );
}
