/** Printable documents of a project: 附件1–4 (.docx) and the annual list (.xlsx), pure generators. */
export { feasibilityReportDocx, feasibilityHeadings, FEASIBILITY_NOTE } from './feasibility';
export { formDocx, startFormDocx, midtermFormDocx, acceptanceFormDocx, formSpecs, FORM_NOTE } from './forms';
export { projectListXlsx, listColumns } from './list';
export { money } from './common';
export type * from './types';
