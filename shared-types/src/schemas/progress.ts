/**
 * 项目实施 (第五条（六）): progress reports the implementing unit files — 措施, 资金使用, 困难, 需协调的问题,
 * photos — the routed department's and the leader's replies, and the milestones of the feasibility
 * report (推进计划) ticked off with the day they were done.
 */
import { z } from 'zod';
import { attachmentSchema, attachmentsInputSchema } from './attachment';
import { idSchema, text } from './common';

/** Length limits of a report's parts (one place for the form and the function). */
export const progressLimits = {
  measures: 2000,
  funding: 1000,
  difficulties: 1000,
  coordination: 1000,
  reply: 500,
} as const;

/** 报送进展: the unit's report. Only 措施 is required; the rest as the unit has something to say. */
export const reportProgressInputSchema = z.object({
  projectId: idSchema,
  /** 采取的措施和推进情况 — what workers also read when the report is public. */
  measures: text('推进措施和进展', 10, progressLimits.measures),
  /** 资金使用情况 */
  funding: text('资金使用情况', 2, progressLimits.funding).optional(),
  /** 存在的困难 */
  difficulties: text('存在的困难', 2, progressLimits.difficulties).optional(),
  /** 需协调解决的问题 */
  coordination: text('需协调解决的问题', 2, progressLimits.coordination).optional(),
  /** Photos (cloud file ids of the caller's own uploads). */
  photos: attachmentsInputSchema,
  /** 向职工公开: 措施 and photos show on the project page and followers are told. */
  public: z.boolean({ error: '请选择是否向职工公开' }).default(false),
});
export type ReportProgressInput = z.infer<typeof reportProgressInputSchema>;

/** 回复进展报告: the routed department's or the leader's answer. */
export const replyProgressInputSchema = z.object({
  reportId: idSchema,
  text: text('回复', 2, progressLimits.reply),
});
export type ReplyProgressInput = z.infer<typeof replyProgressInputSchema>;

/** 标记节点完成 (or take the mark back with `undo`). `key` names the milestone (`milestoneKey`). */
export const tickMilestoneInputSchema = z.object({
  projectId: idSchema,
  key: z.string({ error: '请选择节点' }).regex(/^m[0-9a-f]{8}$/, '节点编号不对'),
  /** The business day it was done (not after today). */
  doneOn: z
    .string({ error: '请填写完成日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '完成日期要写成 年-月-日，例如 2027-03-01')
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        error: '完成日期不是有效日期',
      },
    )
    .optional(),
  /** Take the mark back (ticked by mistake). */
  undo: z.boolean().default(false),
});
export type TickMilestoneInput = z.infer<typeof tickMilestoneInputSchema>;

/** A milestone as shown: planned date, done date, late flag. */
export const milestoneViewSchema = z.object({
  key: z.string(),
  date: z.string(),
  task: z.string(),
  done: z.boolean(),
  /** The day it was done (yyyy-mm-dd), null while open. */
  doneOn: z.string().nullable(),
  /** Planned date passed, not done, while the project is being carried out. */
  late: z.boolean(),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

/** What every viewer reads of a public report (进展): 措施 and the photos that passed the check. */
export const progressUpdateSchema = z.object({
  _id: z.string(),
  at: z.string(),
  orgName: z.string(),
  measures: z.string(),
  photos: z.array(attachmentSchema),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

export const progressReplySchema = z.object({
  byName: z.string(),
  /** 归口管理部门 / 分管领导 … (the replier's role at the department). */
  roleLabel: z.string(),
  text: z.string(),
  at: z.string(),
});

/** The whole report, for staff who see the record. */
export const progressReportSchema = progressUpdateSchema.extend({
  funding: z.string().nullable(),
  difficulties: z.string().nullable(),
  coordination: z.string().nullable(),
  public: z.boolean(),
  /** Public and its text passed the content check: workers see it. */
  shownToWorkers: z.boolean(),
  /** The text check flagged it: held back from workers until someone re-files it. */
  held: z.boolean(),
  byName: z.string(),
  replies: z.array(progressReplySchema),
  awaitingReply: z.boolean(),
  /** The caller may reply (routed department's reviewer, head or leader). */
  canReply: z.boolean(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

/** The project page's 实施进展 part. */
export const projectProgressSchema = z.object({
  milestones: z.array(milestoneViewSchema),
  lateCount: z.number().int().min(0),
  /** Public reports (newest first): what workers read as 进展. */
  updates: z.array(progressUpdateSchema),
  /** Staff: every report with its replies; null for everyone else. */
  reports: z.array(progressReportSchema).nullable(),
  /** The caller may file a report now / tick milestones now. */
  canReport: z.boolean(),
  canTick: z.boolean(),
});
export type ProjectProgress = z.infer<typeof projectProgressSchema>;
