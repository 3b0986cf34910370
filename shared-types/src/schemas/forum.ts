/**
 * 现场座谈 (第五条（七）): forums the implementing unit holds with workers about a project — date, place,
 * attendance, the units taking part, a summary, the issues raised, photos and the follow-ups promised
 * (what, who, by when, done or not). They show on the project record and feed the evaluation.
 */
import { z } from 'zod';
import { attachmentSchema, attachmentsInputSchema } from './attachment';
import { idSchema, pageInputSchema, text } from './common';
import { businessDay } from './project';

/** Limits of a forum's parts (one place for the form and the function). */
export const forumLimits = {
  place: 100,
  summary: 2000,
  unit: 60,
  participants: 30,
  issue: 300,
  issues: 30,
  followUpWhat: 300,
  followUpOwner: 40,
  followUps: 30,
  /** People at one forum: a hall of a big enterprise, never a city. */
  attendance: 100_000,
} as const;

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}要填整数`)
    .min(1, `${label}至少 1 人`)
    .max(forumLimits.attendance, `${label}最多 ${forumLimits.attendance} 人`);

/** A unit taking part (参加单位) and how many of its people came. */
export const forumParticipantSchema = z.object({
  unit: text('参加单位名称', 2, forumLimits.unit),
  count: count('参加人数'),
});
export type ForumParticipant = z.infer<typeof forumParticipantSchema>;

/**
 * A follow-up as the form sends it. `key`: the stored follow-up it edits (its done state is kept);
 * absent for a new one.
 */
export const followUpInputSchema = z.object({
  key: z
    .string()
    .regex(/^u[0-9a-z]{1,12}$/, '跟进事项编号不对')
    .optional(),
  what: text('跟进事项', 2, forumLimits.followUpWhat),
  owner: text('责任人', 2, forumLimits.followUpOwner),
  dueDate: businessDay('完成期限'),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

/**
 * 记录座谈 (or edit one with `forumId`). The date is not after today and every follow-up is due on or
 * after the forum's date (`forumInputProblems` in rules/forum.ts, which the function and the form both
 * run); the units' counts add up to at most the attendance.
 */
export const recordForumInputSchema = z
  .object({
    projectId: idSchema,
    /** Edit this stored forum instead of adding one. */
    forumId: idSchema.optional(),
    date: businessDay('座谈日期'),
    place: text('座谈地点', 2, forumLimits.place),
    attendance: count('参加人数'),
    participants: z
      .array(forumParticipantSchema, { error: '参加单位要以列表传入' })
      .max(forumLimits.participants, `参加单位最多 ${forumLimits.participants} 个`)
      .default([]),
    summary: text('座谈情况', 10, forumLimits.summary),
    issues: z
      .array(text('提出的问题', 2, forumLimits.issue), { error: '提出的问题要以列表传入' })
      .max(forumLimits.issues, `提出的问题最多 ${forumLimits.issues} 条`)
      .default([]),
    photos: attachmentsInputSchema,
    followUps: z
      .array(followUpInputSchema, { error: '跟进事项要以列表传入' })
      .max(forumLimits.followUps, `跟进事项最多 ${forumLimits.followUps} 项`)
      .default([]),
  })
  .superRefine((v, issue) => {
    const units = v.participants.reduce((sum, p) => sum + p.count, 0);
    if (units > v.attendance) {
      issue.addIssue({
        code: 'custom',
        path: ['attendance'],
        message: `各单位人数合计 ${units} 人，多于参加人数 ${v.attendance} 人`,
      });
    }
    const seenUnits = new Set<string>();
    v.participants.forEach((p, i) => {
      if (seenUnits.has(p.unit)) {
        issue.addIssue({ code: 'custom', path: ['participants', i, 'unit'], message: '这个单位已经填过了' });
      }
      seenUnits.add(p.unit);
    });
    const keys = new Set<string>();
    v.followUps.forEach((f, i) => {
      if (f.key && keys.has(f.key)) {
        issue.addIssue({ code: 'custom', path: ['followUps', i, 'key'], message: '同一个跟进事项只能出现一次' });
      }
      if (f.key) keys.add(f.key);
    });
  });
export type RecordForumInput = z.infer<typeof recordForumInputSchema>;

export const listForumsInputSchema = pageInputSchema.extend({ projectId: idSchema });
export type ListForumsInput = z.infer<typeof listForumsInputSchema>;

export const getForumInputSchema = z.object({ forumId: idSchema });
export type GetForumInput = z.infer<typeof getForumInputSchema>;

/** 标记完成 (or take the mark back with `undo`); `doneOn` defaults to today. */
export const completeFollowUpInputSchema = z.object({
  forumId: idSchema,
  key: z.string({ error: '请选择跟进事项' }).regex(/^u[0-9a-z]{1,12}$/, '跟进事项编号不对'),
  doneOn: businessDay('完成日期').optional(),
  undo: z.boolean().default(false),
});
export type CompleteFollowUpInput = z.infer<typeof completeFollowUpInputSchema>;

export const followUpSchema = z.object({
  key: z.string(),
  what: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  done: z.boolean(),
  /** The day it was done (yyyy-mm-dd), null while open. */
  doneOn: z.string().nullable(),
  /** Not done and its due date is before today (Asia/Shanghai). */
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** What staff who see the project read of a forum. */
export const forumDetailSchema = z.object({
  participants: z.array(forumParticipantSchema),
  issues: z.array(z.string()),
  photos: z.array(attachmentSchema),
  followUps: z.array(followUpSchema),
  openFollowUps: z.number().int().min(0),
  overdueFollowUps: z.number().int().min(0),
  /** The place and summary passed the content check: workers see the short version. */
  shownToWorkers: z.boolean(),
  byName: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  /** The caller may edit the forum and mark its follow-ups done. */
  canEdit: z.boolean(),
});
export type ForumDetail = z.infer<typeof forumDetailSchema>;

/** A forum: the short public version for everyone; `detail` for staff who see the project (else null). */
export const forumSchema = z.object({
  _id: z.string(),
  projectId: z.string(),
  date: z.string(),
  place: z.string(),
  attendance: z.number().int(),
  summary: z.string(),
  detail: forumDetailSchema.nullable(),
});
export type Forum = z.infer<typeof forumSchema>;

/** A project's forum figures (the evaluation's input): also what `common/forums.ts` computes. */
export const forumFiguresSchema = z.object({
  forums: z.number().int().min(0),
  attendance: z.number().int().min(0),
  openFollowUps: z.number().int().min(0),
  overdueFollowUps: z.number().int().min(0),
});
export type ForumFigures = z.infer<typeof forumFiguresSchema>;

export const forumPageSchema = z.object({
  items: z.array(forumSchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** The caller sees the whole record (staff of the project). */
  staff: z.boolean(),
  /** The caller may record a forum for this project now. */
  canRecord: z.boolean(),
  /** Staff: the project's figures over all its forums; null for workers. */
  figures: forumFiguresSchema.nullable(),
});
export type ForumPage = z.infer<typeof forumPageSchema>;
