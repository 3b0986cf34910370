/**
 * 问卷模板: surveys staff start from instead of a blank page (the yearly needs survey the programme
 * begins with, 第五条（一）, and a satisfaction survey for a finished project, 第五条（七）). Pure data that
 * the definition schema parses. Not exported from the package index: only the builder (a subpackage)
 * imports it by path, so the main package does not carry it.
 */
import type { SurveyDefinitionInput } from '../schemas/survey';
import { scaleLabelSets } from '../schemas/survey';
import { anyOf, other, q } from '../fixtures/survey';

/** What a template fills in: everything but the dates and the audience, which the editor sets. */
export type SurveyTemplateBody = Pick<
  SurveyDefinitionInput,
  'title' | 'intro' | 'anonymous' | 'resultsPublic' | 'textsPublic' | 'sections'
>;

export interface SurveyTemplate {
  key: 'yearlyNeeds' | 'satisfaction';
  name: string;
  /** One line on what it is for. */
  summary: string;
  body: SurveyTemplateBody;
}

const satisfaction = scaleLabelSets[0].points;

export const surveyTemplates: readonly SurveyTemplate[] = [
  {
    key: 'yearlyNeeds',
    name: '年度职工需求调查',
    summary: '每年征集前了解职工最盼望办的实事，结果可作为建议和项目的依据',
    body: {
      title: '年度职工需求调查',
      intro:
        '为把职工最关心、最迫切的事办好，工会开展年度职工需求调查，结果将作为确定明年为职工办实事项目的重要依据。填写约需 3 分钟，感谢您的参与！',
      anonymous: false,
      resultsPublic: true,
      textsPublic: false,
      sections: [
        {
          id: 'basic',
          title: '基本情况',
          questions: [
            q.single('work', '您的工作岗位属于', {
              frontline: '一线生产、服务',
              tech: '专业技术',
              office: '经营管理',
              other: other(),
            }),
            q.single(
              'outdoor',
              '您每天在户外工作大约多长时间？',
              { lt2: '2 小时以内', mid: '2–6 小时', gt6: '6 小时以上' },
              { showIf: [anyOf('work', 'frontline')] },
            ),
          ],
        },
        {
          id: 'needs',
          title: '需求和期待',
          questions: [
            q.multiple(
              'wants',
              '您最希望工会明年为职工办哪些实事？（最多选 3 项）',
              {
                childcare: '职工子女托管',
                skills: '职业技能培训',
                stations: '户外劳动者爱心驿站',
                checkup: '职工健康体检',
                legal: '法律援助',
                other: other(),
              },
              { maxPicks: 3 },
            ),
            q.ranking(
              'priority',
              '请选出您认为最重要的 3 项并排序',
              { income: '收入和福利', safety: '劳动安全', health: '身心健康', growth: '职业发展', family: '照顾家庭' },
              { rankCount: 3 },
            ),
            q.scale('service', '您对所在工会的服务满意吗？', {
              lowLabel: satisfaction[0],
              highLabel: satisfaction[4],
            }),
            q.longText('advice', '您还有哪些意见和建议？', { required: false, maxLength: 500 }),
          ],
        },
      ],
    },
  },
  {
    key: 'satisfaction',
    name: '职工满意度调查',
    summary: '项目办完后请职工评价知晓度、参与度、受益度和满意度',
    body: {
      title: '职工满意度调查',
      intro: '这项实事已经办完一段时间，请您说说感受。匿名填写，约需 2 分钟。',
      anonymous: true,
      resultsPublic: true,
      textsPublic: false,
      sections: [
        {
          id: 'rate',
          title: '您的评价',
          questions: [
            q.single('aware', '您知道工会办的这项实事吗？', {
              well: '知道，了解内容',
              heard: '听说过，不了解',
              no: '不知道',
            }),
            q.single(
              'joined',
              '您参加过或用过这项服务吗？',
              { often: '经常', once: '用过一两次', never: '没有' },
              { showIf: [anyOf('aware', 'well', 'heard')] },
            ),
            q.matrix(
              'aspects',
              '请评价这项服务的各个方面',
              { reach: '方便获得', quality: '服务质量', help: '对我有帮助' },
              { columns: [...satisfaction], showIf: [anyOf('joined', 'often', 'once')] },
            ),
            q.scale('overall', '总的来说，您对这项实事满意吗？', {
              lowLabel: satisfaction[0],
              highLabel: satisfaction[4],
            }),
            q.longText('improve', '您觉得还可以怎样改进？', { required: false, maxLength: 300 }),
          ],
        },
      ],
    },
  },
];
