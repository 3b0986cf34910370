import { z } from 'zod';

/** One audit log entry (traceability): who did what to which record, from which state to which, and why. */
export const auditEntrySchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Audit actions, with the label shown in a record's history (proposals, surveys, windows, profiles). */
export const auditActionLabels: Record<string, string> = {
  submit: '提交建议',
  submitOffline: '线下代录',
  support: '附议',
  unsupport: '撤回附议',
  merge: '合并建议',
  unmerge: '撤销合并',
  score: '评分',
  decide: '作出决定',
  moderate: '内容审核',
  edit: '修改建议',
  withdraw: '撤回建议',
  createWindow: '设立征集期',
  closeWindow: '提前结束征集期',
  setWeights: '设置评分权重',
  setDecideBy: '设置决定公布日期',
  createProject: '生成项目草稿',
  createSurvey: '新建调查',
  duplicateSurvey: '复制调查',
  updateSurvey: '修改调查',
  publishSurvey: '发布调查',
  closeSurvey: '结束调查',
  exportSurvey: '导出调查结果',
  linkEvidence: '引用为调查依据',
  moderateSurveyText: '审核文字答案',
  recomputeSurvey: '按答卷重新计算统计',
  bindProfile: '绑定个人资料',
};
