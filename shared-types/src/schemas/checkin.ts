/**
 * 服务点与签到 (第五条（六）项目实施, 第五条（八）直接服务职工数量): a project's service points, their
 * signed check-in codes, check-ins, on-site registrations and imported beneficiary lists.
 */
import { z } from 'zod';
import { idSchema, text } from './common';
import { businessDay } from './project';

/** What a service point says about itself on its poster and its page. */
export const servicePointFieldsSchema = z.object({
  /** 服务点名称 */
  name: text('服务点名称', 2, 30),
  /** 地址 */
  address: text('地址', 2, 80),
  /** 服务日期（含首尾两天） */
  startDate: businessDay('开始日期'),
  endDate: businessDay('结束日期'),
  /** 服务时间，如 每周六 9:00–11:30 */
  hours: text('服务时间', 2, 40),
  /** 联系人和电话 */
  contact: text('联系人和电话', 2, 40),
});

export const createPointInputSchema = servicePointFieldsSchema
  .extend({ projectId: idSchema })
  .refine((p) => p.endDate >= p.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type CreatePointInput = z.output<typeof createPointInputSchema>;

export const servicePointSchema = servicePointFieldsSchema.extend({
  _id: z.string(),
  projectId: z.string(),
  /** Check-ins at this point so far (scans and on-site registrations). */
  checkins: z.number().int(),
  createdAt: z.string(),
});
export type ServicePoint = z.infer<typeof servicePointSchema>;

/** The signed check-in code of a point (its QR): `<pointId>.<expiry>.<signature>`, at most 32 characters. */
export const checkinCodeSchema = z
  .string({ error: '缺少签到码' })
  .trim()
  .min(1, '缺少签到码')
  .max(32, '签到码不对，请重新扫服务点的二维码')
  .regex(/^[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]+$/, '签到码不对，请重新扫服务点的二维码');

export const pointCodeInputSchema = z.object({ pointId: idSchema });
export const pointCodeOutputSchema = z.object({
  point: servicePointSchema,
  projectId: z.string(),
  projectTitle: z.string(),
  /** The signed code (the mini-program code's scene, the H5 link's `c`). */
  code: z.string(),
  /** The check-in page with the code (mini-program path, also the H5 route). */
  path: z.string(),
  /** The code expires after this business day (the point's last day). */
  expiresOn: z.string(),
  /**
   * The mini-program code (wxacode.getUnlimited with the code as scene), stored as a PNG in cloud
   * storage: a signed, expiring link. Null where the platform has none (the local runtime): the poster
   * then carries a QR code of the H5 link.
   */
  miniCodeUrl: z.string().nullable(),
});
export type PointCodeOutput = z.infer<typeof pointCodeOutputSchema>;

export const scanInputSchema = z.object({
  code: checkinCodeSchema,
  /** The project whose page the worker scanned from (a code of another project is refused). */
  projectId: idSchema.optional(),
});
export type ScanInput = z.output<typeof scanInputSchema>;

export const scanOutputSchema = z.object({
  /** False when the worker had already checked in to this project today (nothing new stored). */
  checkedIn: z.boolean(),
  alreadyToday: z.boolean(),
  day: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  pointName: z.string(),
  address: z.string(),
});
export type ScanOutput = z.infer<typeof scanOutputSchema>;

/** 手机尾号: the last four digits, to tell people apart at the desk (optional, never the whole number). */
export const phoneTailSchema = z
  .string()
  .trim()
  .regex(/^\d{4}$/, '手机尾号是 4 位数字');

/** A person served without their phone: name and grassroots union (by its full name). */
export const servedPersonSchema = z.object({
  name: text('姓名', 2, 20),
  unit: text('所在单位（基层工会全称）', 2, 60),
  phoneTail: phoneTailSchema.optional(),
});

export const registerInputSchema = servedPersonSchema.extend({
  projectId: idSchema,
  /** The point where they were served (optional: a registration at the union office has none). */
  pointId: idSchema.optional(),
});
export type RegisterInput = z.output<typeof registerInputSchema>;

export const registerOutputSchema = z.object({
  /** False when this person was already registered or checked in today. */
  added: z.boolean(),
  /** True when the person counted as directly served for the first time. */
  newlyServed: z.boolean(),
  served: z.number().int(),
  unitName: z.string(),
});
export type RegisterOutput = z.infer<typeof registerOutputSchema>;

/**
 * Largest beneficiary list accepted (bytes of the .xlsx): its base64 must fit one call (the dev host takes
 * 256 KB a request; a 5,000-row list as Excel writes it is about 90 KB).
 */
export const IMPORT_MAX_BYTES = 180 * 1024;
/** Most rows one list may hold. */
export const IMPORT_MAX_ROWS = 5000;

export const importInputSchema = z.object({
  projectId: idSchema,
  /** The .xlsx file, base64 (at most 180 KB). */
  fileBase64: z
    .string({ error: '请选择名单文件' })
    .min(1, '请选择名单文件')
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, '名单文件太大（最多 180 KB，约 5,000 行），请分成几个文件导入'),
  /** false: preview only, nothing stored. true: store the readable rows of the previewed file. */
  confirm: z.boolean().default(false),
  /** With confirm: the preview's token (the file must be the one previewed). */
  previewToken: z.string().max(64).optional(),
});
export type ImportInput = z.output<typeof importInputSchema>;

export const importRowSchema = z.object({
  /** Row number in the sheet (as Excel shows it). */
  row: z.number().int(),
  name: z.string(),
  unit: z.string(),
  phoneTail: z.string().nullable(),
  /** Why the row cannot be read (null: readable). */
  error: z.string().nullable(),
  /** Readable, and already counted for this project (by check-in, registration or an earlier list). */
  duplicate: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importOutputSchema = z.object({
  confirmed: z.boolean(),
  previewToken: z.string(),
  /** Rows read (not counting the header). */
  total: z.number().int(),
  readable: z.number().int(),
  /** Readable rows naming people not yet counted (what confirm adds). */
  newPeople: z.number().int(),
  /** Rows that cannot be read, every one, with the reason. */
  errors: z.array(importRowSchema),
  /** The first readable rows, to check the columns were understood. */
  sample: z.array(importRowSchema),
  /** After confirm: directly served now. */
  served: z.number().int(),
});
export type ImportOutput = z.infer<typeof importOutputSchema>;

export const summaryInputSchema = z.object({
  projectId: idSchema,
  /** The project's poster: also make the mini-program code of the project page (staff of the project). */
  poster: z.boolean({ error: '海报参数不对' }).optional(),
});
export const summaryOutputSchema = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  /** Project dates (附件1 推进方案), null when not filled. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Distinct people checked in, registered or imported (kept at write time). */
  served: z.number().int(),
  /** 事前预估: 直接服务职工数量 (projectRecordSchema.targetServed), null when not set. */
  target: z.number().int().nullable(),
  /** Whether the caller may manage points (staff of the project). */
  canManage: z.boolean(),
  points: z.array(servicePointSchema),
  /** Check-ins and registrations per business day, oldest first. */
  days: z.array(z.object({ day: z.string(), count: z.number().int() })),
  /** People added from imported lists. */
  imported: z.number().int(),
  /**
   * With `poster` for staff of the project: the mini-program code that opens the project page
   * (production: wxacode.getUnlimited, the project id as scene), a signed link; otherwise null.
   */
  miniCodeUrl: z.string().nullable(),
});
export type CheckinSummary = z.infer<typeof summaryOutputSchema>;
