/** Where the survey screens live: workers' pages are small subpackages, staff pages `packages/survey`. */
export const surveyRoutes = {
  answer: '/pages/survey-answer/index',
  result: '/pages/survey-result/index',
  manage: '/packages/survey/pages/list/index',
  edit: '/packages/survey/pages/edit/index',
  results: '/packages/survey/pages/results/index',
  offline: '/packages/survey/pages/offline/index',
} as const;

export const surveyAnswerUrl = (id: string) => `${surveyRoutes.answer}?id=${encodeURIComponent(id)}`;
export const surveyResultUrl = (id: string) => `${surveyRoutes.result}?id=${encodeURIComponent(id)}`;
export const surveyEditUrl = (id?: string) =>
  id ? `${surveyRoutes.edit}?id=${encodeURIComponent(id)}` : surveyRoutes.edit;
export const surveyResultsUrl = (id: string) => `${surveyRoutes.results}?id=${encodeURIComponent(id)}`;
export const surveyOfflineUrl = (id?: string) =>
  id ? `${surveyRoutes.offline}?id=${encodeURIComponent(id)}` : surveyRoutes.offline;
