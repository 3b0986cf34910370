/**
 * Reading a beneficiary list (受益职工名单, .xlsx): the first sheet, a header row naming the columns
 * (姓名; 单位 or 工会; optional 手机尾号 / 手机), one person a row. Every row that cannot be read is
 * reported with its reason; nothing here touches the database.
 */
import ExcelJS from 'exceljs';
import { AppError, IMPORT_MAX_ROWS, servedPersonSchema } from '@shishi/shared-types';

export interface ListRow {
  row: number;
  name: string;
  unit: string;
  phoneTail: string | null;
  error: string | null;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

const headerMatchers = {
  name: /姓名|名字/,
  unit: /单位|工会/,
  phone: /手机|电话|尾号/,
};

export function badFile(message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path: 'fileBase64', message }]);
}

export async function readList(bytes: Buffer): Promise<ListRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badFile('读不了这个文件：请用 Excel 另存为 .xlsx 格式后再导入');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw badFile('文件里没有工作表');
  const header = sheet.getRow(1);
  const cols: Partial<Record<keyof typeof headerMatchers, number>> = {};
  header.eachCell((cell, col) => {
    const t = cellText(cell.value).trim();
    for (const [k, re] of Object.entries(headerMatchers) as Array<[keyof typeof headerMatchers, RegExp]>)
      if (cols[k] === undefined && re.test(t)) {
        cols[k] = col;
        break;
      }
  });
  if (cols.name === undefined || cols.unit === undefined)
    throw badFile('第一行要是表头，至少有“姓名”和“单位”两列（“手机尾号”可以没有）');
  const rows: ListRow[] = [];
  const last = sheet.actualRowCount > 0 ? sheet.rowCount : 1;
  if (last - 1 > IMPORT_MAX_ROWS) throw badFile(`名单最多 ${IMPORT_MAX_ROWS} 行，请分成几个文件导入`);
  for (let r = 2; r <= last; r += 1) {
    const row = sheet.getRow(r);
    const name = cellText(row.getCell(cols.name).value).trim();
    const unit = cellText(row.getCell(cols.unit).value).trim();
    const phoneRaw = cols.phone === undefined ? '' : cellText(row.getCell(cols.phone).value).replace(/[\s-]/g, '');
    if (!name && !unit && !phoneRaw) continue; // an empty row
    // A whole phone number is cut to its tail: the list never keeps more than the last four digits.
    const phoneTail = phoneRaw ? (/^\d{4,}$/.test(phoneRaw) ? phoneRaw.slice(-4) : phoneRaw) : null;
    const parsed = servedPersonSchema.safeParse({ name, unit, ...(phoneTail ? { phoneTail } : {}) });
    const error = parsed.success ? null : parsed.error.issues.map((i) => i.message).join('；');
    rows.push({ row: r, name, unit, phoneTail, error });
  }
  if (rows.length === 0) throw badFile('名单里除了表头没有内容');
  return rows;
}
