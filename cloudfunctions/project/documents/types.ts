/**
 * What the printable documents (附件1–4 of 大工发〔2020〕号 办法, and the annual project list) print.
 * Plain data: the caller fills it from the database; the generators never read anything themselves.
 * Money is integer fen (分) everywhere; dates are business days `yyyy-mm-dd`, instants are ISO strings.
 */
import type {
  FormKind,
  ProjectLevel,
  ProjectRecord,
  SignStep,
  acceptanceFormFieldsSchema,
  midtermFormFieldsSchema,
  startFormFieldsSchema,
} from '@shishi/shared-types';
import type { z } from 'zod';

/** 附件2 启动申报表: what the applicant filled in. */
export type StartFormFields = z.infer<typeof startFormFieldsSchema>;
/** 附件3 中期推进情况表: what the applicant filled in. */
export type MidtermFormFields = z.infer<typeof midtermFormFieldsSchema>;
/** 附件4 验收申报表: what the applicant filled in. */
export type AcceptanceFormFields = z.infer<typeof acceptanceFormFieldsSchema>;

export interface FormFieldsByKind {
  start: StartFormFields;
  midterm: MidtermFormFields;
  acceptance: AcceptanceFormFields;
}

/** One recorded sign-off (the three steps of 附件2–4, in the order unit → department → leader). */
export interface DocumentSignature {
  step: SignStep;
  decision: 'approve' | 'return';
  opinion: string;
  /** 单位公章 affixed on the paper copy (the unit step). */
  sealConfirmed: boolean;
  byName: string;
  /** ISO instant of the signature; printed as the business day 年 月 日 (Asia/Shanghai). */
  at: string;
}

/** One filed form: its fields and the signatures recorded so far (missing steps print blank). */
export interface DocumentForm<K extends FormKind = FormKind> {
  fields: FormFieldsByKind[K];
  signatures: DocumentSignature[];
}

/** One line of actual spending (项目资金支出明细). */
export interface DocumentSpendingLine {
  /** Business day `yyyy-mm-dd`. */
  date: string;
  item: string;
  amountFen: number;
  /** The part paid from the city subsidy (市总扶助资金支出). */
  cityAidFen: number;
  note: string | null;
}

export interface ProjectDocumentData {
  /** 项目年度 (×××年度 on the cover of 附件1). */
  year: number;
  level: ProjectLevel;
  /** The applicant org's name; printed where the record's own 申报单位 is empty. */
  applicantOrgName: string;
  /** 附件1, field for field. */
  record: ProjectRecord;
  money: {
    /** 项目总预算 (the sum of the budget lines). */
    totalBudgetFen: number;
    /** 市总扶助资金 (the sum of the lines' city part). */
    subsidyFen: number;
    /** 资金实际使用 (the sum of the spending lines). */
    spentFen: number;
    /** 其中市总扶助资金 spent. */
    spentAidFen: number;
  };
  spending: DocumentSpendingLine[];
  /** The forms filed, by kind (the latest version of each). */
  forms: { [K in FormKind]?: DocumentForm<K> };
  /** 项目启动时间 / 项目结束时间 (business days), null while unknown. */
  startDate: string | null;
  endDate: string | null;
}

/** One row of the annual project list (.xlsx). */
export interface ProjectListRow {
  title: string;
  level: ProjectLevel;
  applicantOrgName: string;
  /** 归口管理部门 */
  departmentName: string;
  statusLabel: string;
  totalBudgetFen: number;
  subsidyFen: number;
  /** 首次拨付 / 二次拨付, null until recorded. */
  tranche1Fen: number | null;
  tranche2Fen: number | null;
  spentFen: number;
  startDate: string | null;
  endDate: string | null;
  /** 中期报告 / 验收 in words (e.g. 已审核通过 2027-08-10, 待归口管理部门签署意见), empty when not filed. */
  midterm: string;
  acceptance: string;
}

export interface ProjectListData {
  year: number;
  /** Optional subtitle (e.g. the scope: 全市 / 某区总工会). */
  scope?: string;
  rows: ProjectListRow[];
}
