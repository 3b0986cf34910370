/** The `survey` function's actions (需求调查). */
import { access } from '../rules/access';
import type { ActionContract } from './contract';
import { offlineEntryRoles, roles, staffRoles } from '../roles';
import {
  createSurveyInputSchema,
  getSurveyOutputSchema,
  linkEvidenceInputSchema,
  linkEvidenceOutputSchema,
  listMySurveysInputSchema,
  listOpenSurveysInputSchema,
  listOpenSurveysOutputSchema,
  moderateTextInputSchema,
  moderateTextOutputSchema,
  recomputeInputSchema,
  recomputeOutputSchema,
  submitOfflineSurveyInputSchema,
  submitSurveyInputSchema,
  submitSurveyOutputSchema,
  surveyExportInputSchema,
  surveyExportOutputSchema,
  surveyIdInputSchema,
  surveyPageSchema,
  surveyPosterOutputSchema,
  surveyResultsInputSchema,
  surveyResultsSchema,
  textAnswersInputSchema,
  textAnswersOutputSchema,
  updateSurveyInputSchema,
} from '../schemas/survey';
import { jobStatusInputSchema } from '../schemas/job';

/** Every level of the union surveys (第五条（一）): all staff roles run surveys for their own subtree. */
export const surveyStaffRoles = staffRoles;

export const surveyContracts = {
  create: {
    summary: '新建调查（草稿）：题目、分页、显示条件、调查对象、起止日期、是否匿名、是否公开结果',
    input: createSurveyInputSchema,
    output: getSurveyOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  update: {
    summary: '修改调查；已有答卷时只接受不影响已有答卷的修改（措辞、末尾加选项、加选答题）',
    input: updateSurveyInputSchema,
    output: getSurveyOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  publish: {
    summary: '发布调查：到开始日期后对调查对象开放',
    input: surveyIdInputSchema,
    output: getSurveyOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  close: {
    summary: '提前结束调查（不再接受答卷）',
    input: surveyIdInputSchema,
    output: getSurveyOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  duplicate: {
    summary: '复制调查为新的草稿',
    input: surveyIdInputSchema,
    output: getSurveyOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  get: {
    summary: '一份调查：问卷内容、能否作答、是否已答；管辖范围内的工作人员还能看到答卷数和可修改范围',
    input: surveyIdInputSchema,
    output: getSurveyOutputSchema,
    access: access(roles),
  },
  listMine: {
    summary: '工作人员：本辖区的调查（分页，最近修改在前）',
    input: listMySurveysInputSchema,
    output: surveyPageSchema,
    access: access(surveyStaffRoles),
  },
  listOpen: {
    summary: '职工：正在进行、面向自己的调查，以及最近结束、已答且公开结果的调查',
    input: listOpenSurveysInputSchema,
    output: listOpenSurveysOutputSchema,
    access: access(roles),
  },
  submit: {
    summary: '提交答卷：每人每份调查只算一次，重复提交不重复保存',
    input: submitSurveyInputSchema,
    output: submitSurveyOutputSchema,
    access: access(roles),
  },
  submitOffline: {
    summary: '线下代录：基层工会干部为本会职工录入纸质或现场答卷',
    input: submitOfflineSurveyInputSchema,
    output: submitSurveyOutputSchema,
    access: access(offlineEntryRoles, 'subtree'),
  },
  results: {
    summary: '调查结果：每题人数和比例、量表平均分和分布、按区市县/产业/群体交叉分析（读计数，不扫描答卷）',
    input: surveyResultsInputSchema,
    output: surveyResultsSchema,
    access: access(roles),
  },
  recompute: {
    summary:
      '从全部答卷重新计算结果，并与计数核对（可选择覆盖计数）：分批进行的任务，答卷多时先返回进度，用 recomputeStatus 继续',
    input: recomputeInputSchema,
    output: recomputeOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  recomputeStatus: {
    summary: '核对任务的进度：继续做下一批，完成后返回核对结果（只有发起人能查看）',
    input: jobStatusInputSchema,
    output: recomputeOutputSchema,
    access: access(surveyStaffRoles),
  },
  textAnswers: {
    summary: '文字答案（分页，可搜索）：简答题、问答题和“其他”选项的填写内容',
    input: textAnswersInputSchema,
    output: textAnswersOutputSchema,
    access: access(roles),
  },
  moderateText: {
    summary: '人工审核文字答案：内容安全检查未通过的答案，通过后才对职工公开',
    input: moderateTextInputSchema,
    output: moderateTextOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  export: {
    summary:
      '导出全部答卷和结果汇总：Excel（.xlsx，含汇总和答卷两个工作表）或 CSV；分批进行的任务，答卷多时先返回进度，用 exportStatus 继续',
    input: surveyExportInputSchema,
    output: surveyExportOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  exportStatus: {
    summary: '导出任务的进度：继续做下一批，完成后返回文件（只有发起人能查看）',
    input: jobStatusInputSchema,
    output: surveyExportOutputSchema,
    access: access(surveyStaffRoles),
  },
  poster: {
    summary: '已发布调查的小程序码（打开填写页），做分享海报用：每份调查只生成一次，之后重复使用',
    input: surveyIdInputSchema,
    output: surveyPosterOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
  linkEvidence: {
    summary: '把调查结果作为依据关联到一条建议或一个项目',
    input: linkEvidenceInputSchema,
    output: linkEvidenceOutputSchema,
    access: access(surveyStaffRoles, 'subtree'),
  },
} as const satisfies Record<string, ActionContract>;
